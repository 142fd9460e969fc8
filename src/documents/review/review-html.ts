/**
 * The review as one self-contained, semantic HTML document (headings, lists, tables with header
 * cells, a language, the service's font embedded): shown in the app as is, and turned into a tagged,
 * bookmarked PDF by Chromium, with page numbers in the page margin (CSS @page margin boxes) and the
 * contents' page references filled on a second rendering (render-pdf.ts `pageReferences`).
 *
 * No `size` in the @page rule: the size comes from the renderer (A4), and a size given in CSS makes
 * Chromium lay the document out twice and write each bookmark's text twice.
 *
 * Headings keep their spaces where they wrap (`white-space: pre-wrap`): Chromium builds the PDF's
 * bookmarks from the heading's lines and drops the space at a soft line break otherwise.
 */
import { escapeHtml, toHtml } from '../../domain/reports/rich-text.js';
import { finnishDate } from '../../domain/reports/templates.js';
import { embeddedFonts } from '../meetings/render-html.js';
import {
  amountText,
  FIGURE_KEYS,
  totalAmount,
  totalsNote,
  type ReviewEntity,
  type ReviewModel,
  type ReviewTheme,
  type Text,
} from './review-model.js';
import type { ReportHeader } from '../../contracts/reports.js';

const e = escapeHtml;

const style = (model: ReviewModel) => `
  @page { margin: 20mm 20mm 22mm 20mm;
    @bottom-right { content: "${model.labels.pageWord} " counter(page) " / " counter(pages);
      font-family: "Source Sans 3", sans-serif; font-size: 9pt; color: #333; } }
  body { font-family: "Source Sans 3", sans-serif; font-size: 11pt; line-height: 1.4; color: #1a1a1a; margin: 0; }
  h1, h2, h3, h4 { white-space: pre-wrap; break-after: avoid; }
  .cover { break-after: page; padding-top: 30vh; }
  .cover p.programme { font-weight: 700; letter-spacing: 0.05em; }
  h1 { font-size: 24pt; margin: 0.5em 0; }
  h2 { font-size: 16pt; break-before: page; margin-top: 0; }
  /* Padding, not a top margin: a margin truncated at a page's top doubles the bookmark's text. */
  h3 { font-size: 12pt; margin: 0 0 0.4em; padding-top: 1.2em; }
  h4 { font-size: 11pt; margin: 0 0 0.3em; padding-top: 1em; }
  nav ol { list-style: none; padding: 0; margin: 0; }
  nav li { display: flex; align-items: baseline; gap: 0.4em; margin: 0.25em 0; }
  nav li a { flex: 1; color: inherit; text-decoration: none; display: flex; gap: 0.4em; }
  nav li .n { min-width: 2em; text-align: right; font-variant-numeric: tabular-nums; }
  nav li .p { width: 3em; text-align: right; font-variant-numeric: tabular-nums; }
  nav li.head { font-weight: 700; }
  table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 0.5em 0 1em; }
  caption { text-align: left; font-weight: 700; padding: 0.2em 0; }
  th, td { border: 1px solid #8a8a8a; padding: 3px 5px; vertical-align: top; text-align: left; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  td.amount, th.amount { text-align: right; white-space: nowrap; }
  table.summary th.amount { white-space: normal; }
  td.split { font-size: 9pt; color: #333; }
  p.note { font-size: 9pt; color: #333; }
  dl.header { display: grid; grid-template-columns: 32% 68%; gap: 4px 8px; }
  dl.header dt { font-weight: 700; }
  dl.header dd { margin: 0; overflow-wrap: anywhere; }
  .nowrap { white-space: nowrap; }
  ul.projects { list-style: none; padding-left: 0; }
  ul.projects > li { margin: 0.4em 0; break-inside: avoid; }
  ul.projects ul { list-style: none; padding-left: 1.5em; margin: 0; }
  .url { overflow-wrap: anywhere; }
  section.description { break-before: page; }
  section.description h2 { break-before: avoid; margin-bottom: 0.2em; }
  section.description p.name { font-size: 13pt; font-weight: 600; margin: 0.2em 0; }
  table.fields th { width: 32%; }
  p, li { overflow-wrap: break-word; }
  a { color: #00347a; }
`;

/** Text in the document's language as is; text in another language marked with its own. */
const t = (text: Text, model: ReviewModel) =>
  text.lang === model.language ? e(text.text) : `<span lang="${text.lang}">${e(text.text)}</span>`;

/** "Name, organisation, e-mail (a link, wraps anywhere), phone (never wraps)". */
function contactHtml(c: ReportHeader['contacts'][number]): string {
  return [
    ...[c.title, c.name, c.organisation].filter((part): part is string => Boolean(part)).map(e),
    ...(c.email ? [`<a class="url" href="mailto:${e(c.email)}">${e(c.email)}</a>`] : []),
    ...(c.phone ? [`<span class="nowrap">${e(c.phone)}</span>`] : []),
  ].join(', ');
}

function headerHtml(theme: ReviewTheme, model: ReviewModel): string {
  const { labels } = model;
  const h = theme.header;
  const rows: [string, string][] = [
    [labels.contacts, h.contacts.map(contactHtml).join('<br>') || '–'],
    [
      labels.ministry,
      [e(h.ministries.join(', ')), ...h.ministryContacts.map(contactHtml)].filter(Boolean).join('<br>') || '–',
    ],
    [labels.themePeriod, e(theme.period)],
  ];
  const money = FIGURE_KEYS.map((key) => {
    const row = `<tr><th scope="row">${e(labels.figures[key])}</th><td class="amount">${e(amountText(theme.figures?.[key], labels))}</td></tr>`;
    if (key !== 'frame' || theme.frameByMinistry.length === 0) return row;
    const split = theme.frameByMinistry
      .map((s) => `${e(s.ministry)} <span class="nowrap">${e(amountText(s.amount, labels))}</span>`)
      .join(', ');
    return `${row}<tr><td class="split" colspan="2">${e(labels.ofWhich)} ${split}</td></tr>`;
  }).join('');
  return `<dl class="header">${rows.map(([dt, dd]) => `<dt>${e(dt)}</dt><dd>${dd}</dd>`).join('')}</dl>
<table><caption>${e(labels.funding)}${theme.asOf ? ` ${e(finnishDate(theme.asOf))}` : ''}</caption><tbody>${money}</tbody></table>`;
}

function entityHtml(entity: ReviewEntity, model: ReviewModel): string {
  const { labels } = model;
  const head = [entity.code ? e(entity.code) : null, t(entity.name, model), entity.period ? e(entity.period) : null]
    .filter(Boolean)
    .join(' ');
  const coordination = entity.coordination ? ` (${e(labels.coordination)})` : '';
  const rows =
    entity.kind === 'group'
      ? entity.implementers.map(
          (p) =>
            [p.code, p.implementer]
              .filter(Boolean)
              .map((s) => e(s!))
              .join(' ') + (p.main ? ` (${e(labels.main)})` : ''),
        )
      : entity.implementers.map((p) => `${e(labels.implementer)} ${e(p.implementer)}`);
  if (entity.kind === 'group' && entity.coordination) rows.push(e(labels.coordination));
  else if (coordination && rows.length) rows[rows.length - 1] += coordination;
  if (entity.costEstimate)
    rows.push(`${e(labels.costEstimate)} <span class="nowrap">${e(amountText(entity.costEstimate, labels))}</span>`);
  if (entity.website)
    rows.push(`${e(labels.website)} <a class="url" href="${e(entity.website)}">${e(entity.website)}</a>`);
  return `<li>${head}${rows.length ? `<ul>${rows.map((r) => `<li>${r}</li>`).join('')}</ul>` : ''}</li>`;
}

/** Seed 002's header: the theme, the objective, the three names, then label and value per row. */
function descriptionHeaderHtml(theme: ReviewTheme, model: ReviewModel): string {
  const d = theme.description!;
  const labels = model.labels.description;
  const fi = model.language === 'fi' ? '' : ' lang="fi"';
  const [first, ...others] = d.names;
  const name = (n: (typeof d.names)[number]) =>
    n.lang === model.language ? e(n.text) : `<span lang="${n.lang}">${e(n.text)}</span>`;
  const objective = d.objective
    ? `<p>${e(labels.objective)} ET ${e(d.objective.code)}.${d.objective.name ? ` <span${fi}>${e(d.objective.name)}</span>` : ''}</p>`
    : '';
  const rows = d.fields
    .map(
      (f) =>
        `<tr><th scope="row">${e(labels[f.key])}</th><td>${f.value === null ? e(labels.notGiven) : `<span${fi}>${e(f.value)}</span>`}</td></tr>`,
    )
    .join('');
  return `<p class="programme">${e(labels.theme)}</p>
${objective}
<h2 id="teema-${theme.number}-otsikko">${first ? name(first) : t(theme.name, model)}</h2>
${others.map((n) => `<p class="name">${name(n)}</p>`).join('\n')}
<table class="fields"><tbody>${rows}</tbody></table>`;
}

function themeHtml(theme: ReviewTheme, model: ReviewModel): string {
  // The reports are written in Finnish: in a Swedish review their text is marked as Finnish.
  const fi = model.language === 'fi' ? '' : ' lang="fi"';
  const sections = theme.sections
    .map((s) => `<h3>${s.number}) ${e(s.title)}</h3>\n<div${fi}>${toHtml(s.blocks) || '<p>–</p>'}</div>`)
    .join('\n');
  const links = theme.linksTitle
    ? `<h3>${e(theme.linksTitle)}</h3>${
        theme.links.length
          ? `<ul>${theme.links
              .map((l) =>
                l.title && l.title !== l.url
                  ? `<li><a href="${e(l.url)}"${fi}>${e(l.title)}</a><br><a class="url" href="${e(l.url)}">${e(l.url)}</a></li>`
                  : `<li><a class="url" href="${e(l.url)}">${e(l.url)}</a></li>`,
              )
              .join('')}</ul>`
          : '<p>–</p>'
      }`
    : '';
  const projects = theme.projectsTitle
    ? `<h3>${e(theme.projectsTitle)}</h3>${theme.projects
        .map(
          (group) =>
            `${group.title ? `<h4>${t(group.title, model)}</h4>` : ''}<ul class="projects">${group.entities
              .map((entity) => entityHtml(entity, model))
              .join('')}</ul>`,
        )
        .join('')}`
    : '';
  if (theme.description)
    return `<section class="description" id="teema-${theme.number}" aria-labelledby="teema-${theme.number}-otsikko">
${descriptionHeaderHtml(theme, model)}
${sections}
</section>`;
  return `<section id="teema-${theme.number}" aria-labelledby="teema-${theme.number}-otsikko">
<h2 id="teema-${theme.number}-otsikko">${theme.number}. ${t(theme.name, model)}</h2>
${headerHtml(theme, model)}
${sections}
${links}
${projects}
</section>`;
}

/** A description's heading is its first name (Finnish, as the template puts it first). */
function contentsName(theme: ReviewTheme, model: ReviewModel): string {
  const first = theme.description!.names[0];
  if (!first) return t(theme.name, model);
  return first.lang === model.language ? e(first.text) : `<span lang="${first.lang}">${e(first.text)}</span>`;
}

function contentsHtml(model: ReviewModel): string {
  const entry = (id: string, number: string, name: string) =>
    `<li><a href="#${id}"><span class="n">${number}</span><span>${name}</span></a><span class="p" data-page-of="${id}"></span></li>`;
  return `<nav aria-labelledby="sisallys"><h2 id="sisallys" style="break-before: avoid">${e(model.labels.contents)}</h2>
<ol><li class="head"><span class="n"></span><span style="flex:1"></span><span class="p">${e(model.labels.page)}</span></li>
${model.kind === 'description' ? '' : entry('yhteenveto', '', e(model.labels.summary))}
${model.themes
  .map((theme) =>
    theme.description
      ? entry(`teema-${theme.number}`, '', contentsName(theme, model))
      : entry(`teema-${theme.number}`, `${theme.number}.`, t(theme.name, model)),
  )
  .join('\n')}</ol></nav>`;
}

function summaryHtml(model: ReviewModel): string {
  const { labels } = model;
  // The theme's name gets the room: amounts never wrap (nowrap), names did, one word a line, and
  // the table then pushed its note onto a page of its own.
  return `<table class="summary">
<colgroup><col style="width: 32%">${FIGURE_KEYS.map(() => '<col style="width: 17%">').join('')}</colgroup>
<caption>${e(labels.summaryCaption)}${model.cutOff ? ` ${e(finnishDate(model.cutOff))}` : ''}</caption>
<thead><tr><th scope="col">${e(labels.theme)}</th>${FIGURE_KEYS.map((k) => `<th scope="col" class="amount">${e(labels.figures[k])}</th>`).join('')}</tr></thead>
<tbody>${model.themes
    .map(
      (theme) =>
        `<tr><th scope="row">${theme.number}. ${t(theme.name, model)}</th>${FIGURE_KEYS.map((k) => `<td class="amount">${e(amountText(theme.figures?.[k], labels))}</td>`).join('')}</tr>`,
    )
    .join('\n')}</tbody>
<tfoot><tr><th scope="row">${e(labels.total)}</th>${FIGURE_KEYS.map((k) => `<td class="amount">${e(amountText(totalAmount(model.totals[k]), labels))}</td>`).join('')}</tr></tfoot>
</table>
<p class="note" style="break-before: avoid">${e(totalsNote(model))}</p>`;
}

export function renderReviewHtml(model: ReviewModel): string {
  const { labels } = model;
  return `<!doctype html>
<html lang="${labels.tag}">
<head><meta charset="utf-8"><title>${e(model.title)}</title><style>${embeddedFonts()}${style(model)}</style></head>
<body>
<header class="cover">
<p class="programme">${e(labels.programme)} · ${e(labels.programmeSub)}</p>
<h1>${e(model.title)}</h1>
<p>${e(model.subtitle)}</p>
${model.missing.length ? `<p>${e(labels.notApproved)}: ${e(model.missing.join('; '))}</p>` : ''}
</header>
<main>
${contentsHtml(model)}
${
  model.kind === 'description'
    ? ''
    : `<section id="yhteenveto" aria-labelledby="yhteenveto-otsikko"><h2 id="yhteenveto-otsikko">${e(labels.summary)}</h2>
${summaryHtml(model)}
</section>`
}
${model.themes.map((theme) => themeHtml(theme, model)).join('\n')}
</main>
</body>
</html>`;
}
