/**
 * The import's check report as HTML and XLSX, over HTTP on each database: a made-up review of the
 * corpus with one placeholder put into its first theme; the findings grouped under their theme's
 * heading, in the language asked; the workbook read back (unzipped, its sheet XML parsed); bad
 * input refused with problem+json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inflateBounded } from '../../src/documents/zip-bounds.js';
import { applyDefect, DEFECTS } from '../fixtures/review-corpus/defects.js';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, signedInAs, type Session } from '../helpers/sessions.js';

const defect = DEFECTS.find((d) => d.what === 'a bracketed placeholder')!;
const { text, line } = applyDefect(defect);
const upload = { format: 'text' as const, content: text, filename: 'katsaus.txt' };
const THEMES = ['Kokeilevan ohjauksen kehittäminen', 'Digitaalisten taitojen vahvistaminen'];

type PreviewFinding = { code: string; line: number; excerpt: string; message: string };

/** The rows of a sheet as strings (shared or inline strings, numbers as written). */
function sheetRows(xlsx: Buffer, sheet: number): string[][] {
  const zip = inflateBounded(xlsx);
  if ('reason' in zip) throw new Error(`not an xlsx: ${zip.reason}`);
  const xml = (name: string) => zip.entries.get(name)?.toString('utf8') ?? '';
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const shared = [...xml('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  return [...xml(`xl/worksheets/sheet${sheet}.xml`).matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
    [...row[1]!.matchAll(/<c([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map(([, attrs, inner = '']) => {
      if (/t="s"/.test(attrs!)) return shared[Number(/<v>(\d+)<\/v>/.exec(inner)![1])]!;
      const t = /<t[^>]*>([\s\S]*?)<\/t>/.exec(inner) ?? /<v>([\s\S]*?)<\/v>/.exec(inner);
      return t ? unescape(t[1]!) : '';
    }),
  );
}

describe.each(DIALECTS)('the check report of an import on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  const preview = new Map<string, { name: string; findings: PreviewFinding[] }[]>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signedInAs(t.app, t.database.db, 'hallinto', [{ role: 'admin' }]);
    const period = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting-periods',
      headers: as(admin),
      payload: { key: '2024', title: { fi: 'Toteutuskatsaus 2024' }, cutOff: '2024-10-31' },
    });
    expect(period.statusCode).toBe(201);
    for (const locale of ['fi', 'sv']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/reporting-periods/2024/imports/preview',
        headers: as(admin, { 'accept-language': locale }),
        payload: upload,
      });
      expect(response.statusCode).toBe(200);
      preview.set(locale, response.json().themes);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (format: string, locale: string, payload: unknown = upload) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/reporting-periods/2024/imports/check-report.${format}`,
      headers: as(admin, { 'accept-language': locale }),
      payload: payload as object,
    });

  /** The HTML of each theme's section, keyed by its heading. */
  const sections = (html: string) =>
    new Map(
      [...html.matchAll(/<section[^>]*><h2[^>]*>([^<]*)<\/h2>([\s\S]*?)<\/section>/g)].map((m) => [m[1]!, m[2]!]),
    );

  it.each([
    ['fi', 'Mallipohjan paikkamerkki', 'Täyttämätön mallipohjan kohta'],
    ['sv', 'Mallens platshållare', 'Ifyllnadstext kvar från mallen'],
  ])('groups the findings under their theme in HTML (%s)', async (locale, message, label) => {
    const response = await post('html', locale);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="tarkistusraportti-2024.html"');
    const html = response.body;
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain('@font-face');
    const byTheme = sections(html);
    expect([...byTheme.keys()]).toEqual(THEMES);
    const [first, second] = THEMES.map((name) => byTheme.get(name)!);
    // The placeholder is in the first theme only, on its line, with the label and message asked.
    expect(first).toContain(message);
    expect(first).toContain(`<th scope="row">${label}</th><td class="line">${line}</td>`);
    expect(second).not.toContain(message);
    expect(first).toMatch(/<caption>[^<]*Kokeilevan ohjauksen kehittäminen<\/caption>/);
    expect(first).toContain('<th scope="col">');
    // Every finding of the preview, under its own theme's heading, in the language asked.
    for (const theme of preview.get(locale)!) {
      const section = byTheme.get(theme.name)!;
      const rows = section.split('<tr>').length - 2; // the header row and the text before it
      expect(rows).toBe(theme.findings.length);
      for (const f of theme.findings)
        expect(section).toContain(f.message.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
    }
  });

  it('writes the same findings into the workbook: a summary per theme and one row per finding', async () => {
    const response = await post('xlsx', 'sv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe('attachment; filename="tarkistusraportti-2024.xlsx"');
    const themes = preview.get('sv')!;
    const summary = sheetRows(response.rawPayload, 1);
    expect(summary[0]).toEqual(['Tema', 'Fel', 'Varning', 'Observation', 'Totalt']);
    expect(summary.slice(1).map((r) => [r[0], Number(r[4])])).toEqual(
      themes.map((th) => [th.name, th.findings.length]),
    );
    const rows = sheetRows(response.rawPayload, 2);
    expect(rows[0]).toEqual(['Tema', 'Allvarlighetsgrad', 'Observation', 'Rad', 'Utdrag', 'Förklaring']);
    expect(rows.slice(1).map((r) => [r[0], Number(r[3]), r[5]])).toEqual(
      themes.flatMap((th) => th.findings.map((f) => [th.name, f.line, f.message])),
    );
    const placeholder = rows.find((r) => r[2] === 'Ifyllnadstext kvar från mallen')!;
    expect(placeholder[0]).toBe(THEMES[0]);
    expect(Number(placeholder[3])).toBe(line);
  });

  it('refuses bad input with problem+json in the language asked, and an unknown period with 404', async () => {
    const empty = await post('html', 'sv', { format: 'text', content: 'Ingen rubrik här' });
    expect(empty.statusCode).toBe(422);
    expect(empty.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(empty.json())).toContain('Inga teman hittades');
    const wrongFormat = await post('xlsx', 'fi', { format: 'pdf', content: 'x' });
    expect(wrongFormat.statusCode).toBe(400);
    expect(wrongFormat.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(wrongFormat.json())).toContain('format');
    const notDocx = await post('xlsx', 'en', { format: 'docx', content: Buffer.from('plain').toString('base64') });
    expect(notDocx.statusCode).toBe(422);
    expect(JSON.stringify(notDocx.json())).toContain('not a .docx');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting-periods/1999/imports/check-report.html',
      headers: as(admin),
      payload: upload,
    });
    expect(unknown.statusCode).toBe(404);
  });
});
