/**
 * The import's check report, for sending back to each coordination project: the findings grouped
 * by theme, as one self-contained HTML page (a heading and a captioned table per theme, the font
 * embedded) and as an XLSX workbook.
 *
 * The workbook has one sheet of findings with a theme column, and a summary sheet (findings per
 * theme and severity). Not a sheet per theme: sheet names are cut at 31 characters and the theme
 * names are longer (several would become the same), and one table can be filtered by theme.
 */
import type { Locale } from '../../domain/money.js';
import { FINDING_LABELS, SEVERITY_LABELS } from '../../domain/reports/finding-labels.js';
import { escapeHtml as e } from '../../domain/reports/rich-text.js';
import type { Finding } from '../../domain/reports/review-import.js';
import { embeddedFonts } from '../meetings/render-html.js';

export type CheckReport = {
  period: string;
  themes: { name: string; matchedTheme: string | null; findings: Finding[] }[];
};

const TEXT = {
  title: { fi: 'Tarkistusraportti', sv: 'Granskningsrapport', en: 'Check report' },
  intro: {
    fi: 'Tuodun asiakirjan tarkistuksen havainnot teemoittain.',
    sv: 'Det importerade dokumentets granskningsresultat per tema.',
    en: 'The findings of checking the imported document, by theme.',
  },
  period: { fi: 'Raportointikierros', sv: 'Rapporteringsomgång', en: 'Reporting period' },
  theme: { fi: 'Teema', sv: 'Tema', en: 'Theme' },
  severity: { fi: 'Vakavuus', sv: 'Allvarlighetsgrad', en: 'Severity' },
  kind: { fi: 'Havainto', sv: 'Observation', en: 'Finding' },
  line: { fi: 'Rivi', sv: 'Rad', en: 'Line' },
  excerpt: { fi: 'Kohta', sv: 'Utdrag', en: 'Excerpt' },
  message: { fi: 'Selitys', sv: 'Förklaring', en: 'Explanation' },
  findings: { fi: 'Havainnot', sv: 'Observationer', en: 'Findings' },
  summary: { fi: 'Yhteenveto', sv: 'Sammanfattning', en: 'Summary' },
  total: { fi: 'Yhteensä', sv: 'Totalt', en: 'Total' },
  none: { fi: 'Ei havaintoja.', sv: 'Inga observationer.', en: 'No findings.' },
  caption: { fi: 'Havainnot: ', sv: 'Observationer: ', en: 'Findings: ' },
} as const;

const SEVERITIES: Finding['severity'][] = ['error', 'warning', 'info'];

/** Every reporting-period key is [a-z0-9-], so the name needs no quoting beyond the quotes. */
export const checkReportFilename = (period: string, format: 'html' | 'xlsx') => `tarkistusraportti-${period}.${format}`;

const STYLE = `
body{font-family:'Source Sans 3',sans-serif;font-size:11pt;line-height:1.4;color:#1a1a1a;margin:1em}
h1{font-size:15pt;margin:0 0 .4em}
h2{font-size:12.5pt;margin:1.4em 0 .4em}
table{border-collapse:collapse;width:100%;margin:.3em 0 .8em}
caption{text-align:left;font-weight:700;padding:.2em 0}
th,td{text-align:left;vertical-align:top;padding:.2em .5em;border-bottom:1px solid #ccc}
td.line{text-align:right}
`;

export function renderCheckReportHtml(report: CheckReport, locale: Locale): string {
  const t = (key: keyof typeof TEXT) => TEXT[key][locale];
  const themes = report.themes.map((theme, i) => {
    const id = `theme-${i + 1}`;
    const body =
      theme.findings.length === 0
        ? `<p>${e(t('none'))}</p>`
        : `<table><caption>${e(t('caption'))}${e(theme.name)}</caption><thead><tr>${(['severity', 'kind', 'line', 'excerpt', 'message'] as const).map((k) => `<th scope="col">${e(t(k))}</th>`).join('')}</tr></thead><tbody>${theme.findings
            .map(
              (f) =>
                `<tr><td>${e(SEVERITY_LABELS[f.severity][locale])}</td><th scope="row">${e(FINDING_LABELS[f.code][locale])}</th><td class="line">${f.line}</td><td>${e(f.excerpt)}</td><td>${e(f.message[locale])}</td></tr>`,
            )
            .join('')}</tbody></table>`;
    return `<section aria-labelledby="${id}"><h2 id="${id}">${e(theme.name)}</h2>${body}</section>`;
  });
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<title>${e(t('title'))} – ${e(report.period)}</title>
<style>${embeddedFonts()}${STYLE}</style>
</head>
<body>
<main>
<h1>${e(t('title'))}</h1>
<p>${e(t('period'))}: ${e(report.period)}. ${e(t('intro'))}</p>
${themes.join('\n')}
</main>
</body>
</html>
`;
}

export async function renderCheckReportXlsx(report: CheckReport, locale: Locale): Promise<Buffer> {
  const t = (key: keyof typeof TEXT) => TEXT[key][locale];
  const head = (value: string) => ({ value, fontWeight: 'bold' as const });
  const findings = [
    (['theme', 'severity', 'kind', 'line', 'excerpt', 'message'] as const).map((k) => head(t(k))),
    ...report.themes.flatMap((theme) =>
      theme.findings.map((f) => [
        theme.name,
        SEVERITY_LABELS[f.severity][locale],
        FINDING_LABELS[f.code][locale],
        f.line,
        f.excerpt,
        f.message[locale],
      ]),
    ),
  ];
  const count = (list: Finding[], severity?: Finding['severity']) =>
    list.filter((f) => !severity || f.severity === severity).length;
  const summary = [
    [head(t('theme')), ...SEVERITIES.map((s) => head(SEVERITY_LABELS[s][locale])), head(t('total'))],
    ...report.themes.map((theme) => [
      theme.name,
      ...SEVERITIES.map((s) => count(theme.findings, s)),
      count(theme.findings),
    ]),
  ];
  // Loaded on first use, as Playwright and mammoth are: the server starts without it.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  return writeXlsxFile([
    {
      sheet: t('summary'),
      data: summary,
      columns: [{ width: 60 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }],
      stickyRowsCount: 1,
    },
    {
      sheet: t('findings'),
      data: findings,
      columns: [{ width: 40 }, { width: 12 }, { width: 36 }, { width: 8 }, { width: 50 }, { width: 70 }],
      stickyRowsCount: 1,
    },
  ]).toBuffer();
}
