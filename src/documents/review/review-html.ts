/**
 * The review as one self-contained, semantic HTML document (headings, lists, tables with header
 * cells, a language): shown in the app as is, and turned into a tagged, bookmarked PDF by Chromium.
 */
import { formatEuros } from '../../domain/money.js';
import { escapeHtml, toHtml } from '../../domain/reports/rich-text.js';
import { finnishDate } from '../../domain/reports/templates.js';
import {
  contactLine,
  FIGURE_KEYS,
  FIGURE_LABELS,
  projectLines,
  type ReviewModel,
  type ReviewTheme,
} from './review-model.js';

const e = escapeHtml;
const euros = (cents: number | null | undefined) => (cents === null || cents === undefined ? '–' : formatEuros(cents));

const STYLE = `
  body { font-family: "Source Sans 3", "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #1a1a1a; margin: 0; }
  .cover { page-break-after: always; padding-top: 30vh; }
  .cover p.programme { font-weight: 600; letter-spacing: 0.05em; }
  h1 { font-size: 24pt; margin: 0.5em 0; }
  h2 { font-size: 16pt; page-break-before: always; margin-top: 0; }
  h3 { font-size: 12pt; margin: 1.2em 0 0.4em; }
  nav ol { padding-left: 1.5em; }
  table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 0.5em 0 1em; }
  th, td { border: 1px solid #8a8a8a; padding: 3px 5px; vertical-align: top; text-align: left; }
  td.amount, th.amount { text-align: right; white-space: nowrap; }
  dl.header { display: grid; grid-template-columns: 30% 70%; gap: 2px 8px; }
  dl.header dt { font-weight: 600; }
  dl.header dd { margin: 0; }
  ul.projects { list-style: none; padding-left: 0; }
  ul.projects ul { list-style: none; padding-left: 1.5em; }
  a { color: #00347a; }
`;

function headerList(theme: ReviewTheme): string {
  const h = theme.header;
  const figures = h.figures;
  const rows: [string, string][] = [
    [
      'Yhteyshenkilöt (koordinaatio tms. hankkeen yhteyshenkilö ja rahoittajan vastuuhenkilö)',
      h.contacts.map((c) => e(contactLine(c))).join('<br>') || '–',
    ],
    [
      'Vastuullinen hallinnonala ja ministeriön vastuuhenkilön yhteystiedot',
      [e(h.ministries.join(', ')), ...h.ministryContacts.map((c) => e(contactLine(c)))].filter(Boolean).join('<br>') ||
        '–',
    ],
    ['Teeman toteutusaika', e(h.period.text ?? ([h.period.start, h.period.end].filter(Boolean).join(' – ') || '–'))],
  ];
  const money = FIGURE_KEYS.map(
    (key) =>
      `<tr><th scope="row">${e(FIGURE_LABELS[key])}</th><td class="amount">${e(euros(figures?.[key]))}</td></tr>`,
  ).join('');
  return `<dl class="header">${rows.map(([dt, dd]) => `<dt>${e(dt)}</dt><dd>${dd}</dd>`).join('')}</dl>
<table><caption>Teeman (EU + valtio) rahoitus ${figures ? e(finnishDate(figures.asOf)) : ''}</caption><tbody>${money}</tbody></table>`;
}

function themeHtml(theme: ReviewTheme): string {
  const sections = theme.sections
    .map((s) => `<h3>${s.number}) ${e(s.title)}</h3>\n${toHtml(s.blocks) || '<p>–</p>'}`)
    .join('\n');
  const links = theme.linksTitle
    ? `<h3>${e(theme.linksTitle)}</h3>${theme.links.length ? `<ul>${theme.links.map((l) => `<li><a href="${e(l.url)}">${e(l.title ?? l.url)}</a></li>`).join('')}</ul>` : '<p>–</p>'}`
    : '';
  const projects = theme.projectsTitle
    ? `<h3>${e(theme.projectsTitle)}</h3>${theme.projects
        .map(
          (group) =>
            `${group.contentArea || group.title ? `<h4>${e(group.title ?? group.contentArea!.name.fi)}</h4>` : ''}<ul class="projects">${group.entities
              .map((entity) => {
                const { head, rows } = projectLines(entity);
                return `<li>${e(head)}${rows.length ? `<ul>${rows.map((r) => `<li>${e(r)}</li>`).join('')}</ul>` : ''}</li>`;
              })
              .join('')}</ul>`,
        )
        .join('')}`
    : '';
  return `<section id="teema-${theme.number}" aria-labelledby="teema-${theme.number}-otsikko">
<h2 id="teema-${theme.number}-otsikko">${theme.number}. ${e(theme.name)}</h2>
${headerList(theme)}
${sections}
${links}
${projects}
</section>`;
}

export function renderReviewHtml(model: ReviewModel): string {
  const summary = `<table>
<caption>Teemojen rahoitus (EU + valtio)${model.cutOff ? ` ${e(finnishDate(model.cutOff))}` : ''}</caption>
<thead><tr><th scope="col">Teema</th>${FIGURE_KEYS.map((k) => `<th scope="col" class="amount">${e(FIGURE_LABELS[k])}</th>`).join('')}</tr></thead>
<tbody>${model.themes.map((t) => `<tr><th scope="row">${t.number}. ${e(t.name)}</th>${FIGURE_KEYS.map((k) => `<td class="amount">${e(euros(t.header.figures?.[k]))}</td>`).join('')}</tr>`).join('\n')}</tbody>
<tfoot><tr><th scope="row">Yhteensä</th>${FIGURE_KEYS.map((k) => `<td class="amount">${e(euros(model.totals[k]))}</td>`).join('')}</tr></tfoot>
</table>`;
  return `<!doctype html>
<html lang="fi">
<head><meta charset="utf-8"><title>${e(model.title)}</title><style>${STYLE}</style></head>
<body>
<header class="cover">
<p class="programme">UUDISTUVA JA OSAAVA SUOMI 2021–2027 · EU:N ALUE- JA RAKENNEPOLITIIKAN OHJELMA</p>
<h1>${e(model.title)}</h1>
<p>${e(model.subtitle)}</p>
${model.missing.length ? `<p>Hyväksymättä (ei mukana): ${e(model.missing.join('; '))}</p>` : ''}
</header>
<main>
<nav aria-labelledby="sisallys"><h2 id="sisallys" style="page-break-before: avoid">Sisällys</h2>
<ol><li><a href="#yhteenveto">Yhteenveto teemojen rahoituksesta</a></li>${model.themes.map((t) => `<li><a href="#teema-${t.number}">${e(t.name)}</a></li>`).join('')}</ol></nav>
<section aria-labelledby="yhteenveto"><h2 id="yhteenveto">Yhteenveto teemojen rahoituksesta</h2>
${summary}
</section>
${model.themes.map(themeHtml).join('\n')}
</main>
</body>
</html>`;
}
