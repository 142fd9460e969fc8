/**
 * The LANUPE theme description (teemakuvaus, seed 002) as finished documents: imported into a
 * period of descriptions and approved, fetched as DOCX (converted to PDF by LibreOffice, as an
 * official opens it) and as PDF (Chromium), in Finnish and Swedish, and read back with pdftotext.
 * The documents must follow seed 002's structure field by field, in its order: "Valtakunnallinen
 * teema", the specific objective, the names in fi/sv/en, the intermediate body's, the coordination
 * project's and the ministries' contacts, the period, the frame estimate as written ("13 M€+10 M€"),
 * then sections 1–8 with their text; and carry none of a review's cut-off figures. Both databases.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/db/dataset/read-dataset.js';
import { closePdfRenderer } from '../../src/documents/pdf/render-pdf.js';
import { REVIEW_LABELS, type ReviewLanguage } from '../../src/documents/review/review-labels.js';
import { parseDescriptionText } from '../../src/domain/reports/description-import.js';
import { plainText } from '../../src/domain/reports/rich-text.js';
import { DESCRIPTION_TEMPLATE } from '../../src/domain/reports/templates.js';
import { onlyPlaceholder } from '../../src/domain/placeholders.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { as, signedInAs, type Session } from '../helpers/sessions.js';

const SEED = '../shared/seeds/002_1332c69b5b31281e.txt';

/** Without the seeds (CI), a description in seed 002's shape written from the dataset's LANUPE. */
function fallbackDescription(): string {
  const lanupe = readDataset('data/2024').themes.find((theme) => theme.slug === 'lanupe')!;
  return [
    ' Valtakunnallinen teema ',
    '',
    'Erityistavoite ET 4.1.7. Yhdenvertaiseen osallisuuteen ',
    '',
    lanupe.name.fi,
    '',
    lanupe.name.sv,
    '',
    lanupe.name.en,
    'Välittävän toimielimen yhteyshenkilö(t)  [Nimi, sähköpostiosoite, puh.nro] ',
    '',
    'Koordinaatiohankkeen yhteyshenkilö(t) [Nimi, sähköpostiosoite, puh.nro] ',
    '',
    'Ministeriön/ministeriöiden vastuuhenkilö(t)  STM: Sosiaali- ja terveysministeriö: Elina Palola, elina.palola@stm.fi, 050-3653231 ',
    '',
    'OKM: Merja Hilpinen, merja.hilpinen@gov.fi; +358 295 330 418',
    '',
    'Toteutusaika 2021-2027 ',
    '',
    'Rahoituskehysarvio (EU+valtio) 13 M€+10 M€ ',
    '',
    ...DESCRIPTION_TEMPLATE.sections.flatMap((section) => [
      `${section.number}) ${section.title.fi} `,
      '',
      `Osion ${section.number} ensimmäinen kappale kertoo teeman suunnitelmasta omin sanoin. `,
      '',
      `Osion ${section.number} toinen kappale päättää osion sanoihin loppu ${section.number}. `,
      '',
    ]),
  ].join('\n');
}

const source = existsSync(SEED) ? readFileSync(SEED, 'utf8') : fallbackDescription();
const seed = parseDescriptionText(source).themes[0]!;
const sheet = seed.description!;

/**
 * Text as a reader compares it: one space for any run of white space, and no hyphens: pdftotext
 * drops the hyphen of a word broken at a line end ("050-" / "3653231" → "0503653231").
 */
const flat = (text: string) =>
  text
    .replace(/[-\u2010\u2011]\s*/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
const pdfText = (file: string) =>
  execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const words = (text: string) => flat(text).split(' ');

/**
 * Seed 002's structure as the strings a reader meets, in order: each label followed by its value
 * (a placeholder-only value as "not given"), each section's heading, its first and its last words.
 */
function expectedSequence(lang: ReviewLanguage): string[] {
  const labels = REVIEW_LABELS[lang].description;
  const value = (text: string | null) => (!text || onlyPlaceholder(text) ? labels.notGiven : text);
  const sequence = [
    labels.theme,
    `${labels.objective} ET ${sheet.specificObjective!.code}.`,
    sheet.specificObjective!.name,
    sheet.names.fi,
    sheet.names.sv!,
    sheet.names.en!,
    labels.intermediateBody,
    value(sheet.intermediateBodyContact),
    labels.coordination,
    value(sheet.coordinationContact),
    labels.ministry,
    value(sheet.ministryContact),
    labels.period,
    value(sheet.period),
    labels.frame,
    sheet.frameEstimate!.text,
  ];
  for (const section of DESCRIPTION_TEMPLATE.sections) {
    const parsed = seed.sections.find((s) => s.key === section.key)!;
    const first = words(plainText(parsed.blocks.slice(0, 1)));
    const last = words(plainText(parsed.blocks.slice(-1)));
    sequence.push(`${section.number}) ${section.title[lang]}`, first.slice(0, 6).join(' '), last.slice(-6).join(' '));
  }
  return sequence.map(flat);
}

/** Where each expected string is found, searching on from the previous one; -1 where it is not. */
function positions(text: string, sequence: string[]): { expected: string; at: number }[] {
  let from = 0;
  return sequence.map((expected) => {
    const at = text.indexOf(expected, from);
    // The next string starts after this one starts (a short section's first and last words overlap).
    if (at >= 0) from = at + 1;
    return { expected, at };
  });
}

describe.each(DIALECTS)('the LANUPE theme description as finished documents (%s)', (dialect) => {
  let t: TestApp;
  let admin: Session;
  const dir = mkdtempSync(join(tmpdir(), 'description-documents-'));
  const file = (name: string) => join(dir, name);
  const raw: Record<string, Buffer> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signedInAs(t.app, t.database.db, 'hallinto', [{ role: 'admin' }]);
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: as(admin), payload });
    const created = await post('/api/v1/reporting-periods', {
      key: 'teemakuvaukset',
      kind: 'description',
      title: { fi: 'Teemakuvaukset 2021–2027', sv: 'Temabeskrivningar 2021–2027' },
      themes: ['lanupe'],
    });
    expect(created.statusCode).toBe(201);
    const upload = { format: 'text' as const, content: source, filename: 'teemakuvaus-lanupe.txt' };
    const preview = (await post('/api/v1/reporting-periods/teemakuvaukset/imports/preview', upload)).json();
    expect(preview.themes.map((theme: { matchedTheme: string }) => theme.matchedTheme)).toEqual(['lanupe']);
    const confirmed = await post('/api/v1/reporting-periods/teemakuvaukset/imports/confirm', {
      ...upload,
      digest: preview.digest,
      state: 'approved',
    });
    expect(confirmed.statusCode).toBe(200);
    for (const lang of ['fi', 'sv'])
      for (const format of ['pdf', 'docx', 'html']) {
        const response = await t.app.inject({
          method: 'GET',
          url: `/api/v1/reporting-periods/teemakuvaukset/review.${format}?lang=${lang}`,
          headers: as(admin),
        });
        expect(response.statusCode, `${lang} ${format}`).toBe(200);
        raw[`${lang}.${format}`] = response.rawPayload;
        writeFileSync(file(`description-${lang}.${format}`), response.rawPayload);
      }
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        file('lo'),
        file('description-fi.docx'),
        file('description-sv.docx'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
  }, 240_000);
  afterAll(async () => {
    await closePdfRenderer();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const documents = [
    { name: 'DOCX (LibreOffice)', path: (lang: string) => file(`lo/description-${lang}.pdf`) },
    { name: 'PDF', path: (lang: string) => file(`description-${lang}.pdf`) },
  ];

  for (const lang of ['fi', 'sv'] as const)
    for (const document of documents)
      it(`${lang} ${document.name}: matches seed 002's structure field by field, in its order`, () => {
        const pages = pdfText(document.path(lang)).split('\f').slice(0, -1);
        // The description itself: from its first page (after the cover and the contents).
        const start = pages.findIndex((page) => flat(page).startsWith(REVIEW_LABELS[lang].description.theme));
        expect(start).toBeGreaterThan(0);
        const body = flat(
          pages
            .slice(start)
            .join('\n')
            .replace(/^\s*(sivu|sida) \d+ \/ \d+\s*$/gm, ''),
        );
        const found = positions(body, expectedSequence(lang));
        expect(found.filter((f) => f.at < 0).map((f) => f.expected)).toEqual([]);
        // No figure of a review's cut-off: the description is a plan with its own frame estimate.
        for (const word of ['varaukset', 'sidotut valtuudet', 'maksetut', 'reserveringar', '5 710 321'])
          expect(body.toLowerCase()).not.toContain(word);
      });

  for (const lang of ['fi', 'sv'] as const)
    for (const document of documents)
      it(`${lang} ${document.name}: "${REVIEW_LABELS[lang].pageWord} X / Y" on every page, a contents with the page`, () => {
        const pages = pdfText(document.path(lang)).split('\f').slice(0, -1);
        expect(pages.length).toBeGreaterThan(2);
        pages.forEach((page, i) =>
          expect(flat(page), `page ${i + 1}`).toContain(`${REVIEW_LABELS[lang].pageWord} ${i + 1} / ${pages.length}`),
        );
        const contents = flat(pages.find((page) => page.includes(REVIEW_LABELS[lang].contents)) ?? '');
        const heading = pages.findIndex((page) => flat(page).startsWith(REVIEW_LABELS[lang].description.theme)) + 1;
        const name = flat(sheet.names.fi);
        const after = contents.slice(contents.indexOf(name.slice(0, 30)) + name.length);
        expect(Number(/(\d+)/.exec(after.slice(after.search(/\.{3,}|\s\d+(\s|$)/)))?.[1])).toBe(heading);
      });

  it('the PDFs are tagged, titled, in their language, with the service font embedded', () => {
    for (const lang of ['fi', 'sv'] as const) {
      const info = execFileSync('/usr/bin/pdfinfo', [file(`description-${lang}.pdf`)], { encoding: 'utf8' });
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toContain(REVIEW_LABELS[lang].title.description);
      const fonts = execFileSync('/usr/bin/pdffonts', [file(`description-${lang}.pdf`)], { encoding: 'utf8' });
      const rows = fonts.split('\n').slice(2).filter(Boolean);
      expect(rows.some((row) => row.includes('SourceSans3'))).toBe(true);
      expect(rows.every((row) => /\syes\s+yes\s+(yes|no)\s/.test(row))).toBe(true);
      const html = raw[`${lang}.html`]!.toString('utf8');
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<span lang="en">${sheet.names.en}</span>`);
      if (lang === 'sv') expect(html).toContain(`<span lang="fi">${sheet.names.fi}</span>`);
    }
  });

  it('a second request for a DOCX is the file made before, from the cache, in well under a second', async () => {
    const start = performance.now();
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reporting-periods/teemakuvaukset/review.docx?lang=fi',
      headers: as(admin),
    });
    expect(performance.now() - start).toBeLessThan(1000);
    expect(again.rawPayload.equals(raw['fi.docx']!)).toBe(true);
    expect(again.headers['content-disposition']).toContain('teemakuvaukset-teemakuvaukset.docx');
  });

  it('the DOCX files carry their language on the styles and each name its own language', async () => {
    for (const lang of ['fi', 'sv'] as const) {
      const zip = await JSZip.loadAsync(raw[`${lang}.docx`]!);
      const styles = await zip.file('word/styles.xml')!.async('string');
      expect(styles).toContain(`w:val="${REVIEW_LABELS[lang].wordTag}"`);
      const xml = await zip.file('word/document.xml')!.async('string');
      // The last run with the text: the heading's, not the contents' entry before it.
      const runLang = (text: string) =>
        [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)]
          .map(([run]) => run)
          .filter((run) => run.includes(text))
          .at(-1)
          ?.match(/<w:lang w:val="([^"]+)"/)?.[1];
      expect(runLang(sheet.names.en!)).toBe('en-GB');
      expect(runLang(sheet.names.sv!)).toBe('sv-FI');
      expect(runLang(sheet.names.fi)).toBe('fi-FI');
      expect(xml).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o/);
    }
  });
});
