/**
 * The compiled 2024 review as an official would send it, read back as a reader gets it: the PDFs
 * with pdfinfo, pdffonts and pdftotext (and their bookmarks and link annotations read from the file),
 * the DOCX files converted to PDF by LibreOffice (one conversion for both languages, shared by the
 * assertions) and read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/db/dataset/read-dataset.js';
import { closePdfRenderer } from '../../src/documents/pdf/render-pdf.js';
import { REVIEW_LABELS } from '../../src/documents/review/review-labels.js';
import { amountText } from '../../src/documents/review/review-model.js';
import { decidedBy } from '../../src/domain/as-of.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { buildReviewFixture } from '../helpers/review-fixture.js';
import { as, signedInAs } from '../helpers/sessions.js';

const dataset = readDataset('data/2024');
const SEED = '../shared/seeds/001_ecf7eb9cbcaeb76b.txt';
const source = existsSync(SEED) ? readFileSync(SEED, 'utf8') : buildReviewFixture(dataset).text;
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');
const themes = [...dataset.themes].sort((a, b) => a.order! - b.order!);

const pdfText = (file: string, layout = false) =>
  execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), file, '-'], {
    encoding: 'utf8',
  });
const pages = (file: string) => pdfText(file).split('\f').slice(0, -1);

/** The bookmarks' titles, as a reader's outline pane shows them (PDF strings: literal or UTF-16BE hex). */
function bookmarks(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/Title (\((?:[^\\)]|\\.)*\)|<[0-9A-Fa-f]+>)\s*\/Dest/g)].map(([, raw]) =>
    raw!.startsWith('<')
      ? Buffer.from(raw!.slice(1, -1), 'hex')
          .swap16()
          .toString('utf16le')
          .replace(/^\ufeff/, '')
      : raw!.slice(1, -1).replace(/\\(.)/g, '$1'),
  );
}
const linkTargets = (pdf: Buffer) =>
  new Set(
    [...pdf.toString('latin1').matchAll(/\/URI \(((?:[^\\)]|\\.)*)\)/g)].map(([, uri]) => uri!.replace(/\\(.)/g, '$1')),
  );

/** On which page (1-based) each theme's heading "N. name" begins a page. */
function themePages(file: string): number[] {
  const all = pages(file);
  return themes.map((theme, i) => {
    const at = all.findIndex(
      (page, p) =>
        p > 1 &&
        flat(page)
          .trimStart()
          .startsWith(`${i + 1}. ${flat(theme.name.fi).slice(0, 20)}`),
    );
    return at + 1;
  });
}

/** The contents' page references: the number ending the entry of each theme. */
function contentsPages(file: string): number[] {
  const contents = flat(
    pdfText(file)
      .split('\f')
      .find((page) => /Sisällys/.test(page)) ?? '',
  );
  return themes.map((theme, i) => {
    const name = flat(theme.name.fi);
    const at = contents.indexOf(`${i + 1}. ${name.slice(0, 20)}`);
    const after = contents.slice(at + name.length);
    return Number(/^[\s.]*(\d+)/.exec(after.slice(after.search(/\.{3,}|\s\d+(\s|$)/)))?.[1] ?? NaN);
  });
}

describe('the 2024 review as finished documents', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'review-documents-'));
  const file = (name: string) => join(dir, name);
  const raw: Record<string, Buffer> = {};

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const admin = await signedInAs(t.app, t.database.db, 'hallinto', [{ role: 'admin' }]);
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: as(admin), payload });
    expect(
      (
        await post('/api/v1/reporting-periods', {
          key: '2024',
          title: { fi: 'Toteutuskatsaus 2024' },
          cutOff: '2024-10-31',
        })
      ).statusCode,
    ).toBe(201);
    const upload = { format: 'text' as const, content: source, filename: 'toteutuskatsaus-2024.txt' };
    const preview = (await post('/api/v1/reporting-periods/2024/imports/preview', upload)).json();
    expect(
      (
        await post('/api/v1/reporting-periods/2024/imports/confirm', {
          ...upload,
          digest: preview.digest,
          state: 'approved',
        })
      ).statusCode,
    ).toBe(200);
    for (const lang of ['fi', 'sv'])
      for (const format of ['pdf', 'docx', 'html']) {
        const response = await t.app.inject({
          method: 'GET',
          url: `/api/v1/reporting-periods/2024/review.${format}?lang=${lang}`,
          headers: as(admin),
        });
        expect(response.statusCode, `${lang} ${format}`).toBe(200);
        raw[`${lang}.${format}`] = response.rawPayload;
        writeFileSync(file(`review-${lang}.${format}`), response.rawPayload);
      }
    // One LibreOffice conversion for both DOCX files, in a profile of its own (others may run soffice).
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        file('lo'),
        file('review-fi.docx'),
        file('review-sv.docx'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
  }, 240_000);
  afterAll(async () => {
    await closePdfRenderer();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('PDF: tagged, titled, in Finnish, the service font embedded, a page number on every page', () => {
    const info = execFileSync('/usr/bin/pdfinfo', [file('review-fi.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+ESR\+ Valtakunnallisten teemojen toteutuskatsaus/);
    expect(raw['fi.pdf']!.toString('latin1')).toMatch(/\/Lang \(fi\)/);
    const fonts = execFileSync('/usr/bin/pdffonts', [file('review-fi.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/SourceSans3/);
    expect(fonts).not.toMatch(/DejaVu|Liberation/);
    const all = pages(file('review-fi.pdf'));
    all.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(`sivu ${i + 1} / ${all.length}`));
  });

  it("PDF: the contents give the headings' own numbers and the pages they are on; bookmarks read clean", () => {
    const actual = themePages(file('review-fi.pdf'));
    expect(actual.every((page) => page > 2)).toBe(true);
    expect(contentsPages(file('review-fi.pdf'))).toEqual(actual);
    const titles = bookmarks(raw['fi.pdf']!);
    themes.forEach((theme, i) => expect(titles).toContain(`${i + 1}. ${theme.name.fi}`));
    // A wrapped heading keeps its spaces: the long section titles come out whole.
    expect(titles).toContain(
      '1) Tiivis kuvaus valtakunnallisen teeman sisällöstä ja teemassa rahoitettujen hankkeiden lukumäärä',
    );
  });

  it('PDF: every link of the themes and projects is a link; section 7 as the source states it', () => {
    const links = linkTargets(raw['fi.pdf']!);
    // The review lists the entities decided by its cut-off (domain/as-of.ts).
    const entities = dataset.projectEntities.filter((e) => decidedBy(e.decidedOn ?? null, '2024-10-31'));
    const urls = [
      ...themes.flatMap((theme) => theme.links.map((l) => l.url)),
      ...entities.flatMap((e) => (e.website ? [e.website] : [])),
    ];
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) expect(links, url).toContain(url);
    const text = flat(pdfText(file('review-fi.pdf')));
    // "(päätoteuttaja)" exactly where the source states the main implementer.
    const stated = entities
      .filter((e) => e.kind === 'group')
      .flatMap((e) => e.projects)
      .filter((p) => p.role === 'main').length;
    expect(text.split('(päätoteuttaja)').length - 1).toBe(stated);
    for (const entity of entities.filter((e) => e.costEstimate))
      expect(text, entity.key).toContain(flat(amountText(entity.costEstimate!, REVIEW_LABELS.fi)));
    expect(text).toContain('(Teeman koordinaatiohanke)');
    // Reduced-precision dates as the source would write them ("1/2026"), never raw ("2026-01").
    expect(text).not.toMatch(/(?<![/\d])\b20\d\d-(0[1-9]|1[0-2])\b(?![-/])/);
  });

  it('amounts as the source gave them: rounded as rounded, unknown never summed, never broken across lines', () => {
    const summary = pdfText(file('review-fi.pdf'), true);
    for (const source of [summary, pdfText(file('lo/review-fi.pdf'), true)]) {
      const lines = source.split('\n').map(flat);
      for (const theme of themes) {
        const finance = theme.finance.at(-1)!;
        for (const key of ['frame', 'reserved', 'committed', 'paid'] as const) {
          if (!finance[key]) continue;
          const shown = flat(amountText(finance[key], REVIEW_LABELS.fi));
          expect(
            lines.some((line) => line.includes(shown)),
            `${theme.slug} ${key}: ${shown} on one line`,
          ).toBe(true);
        }
      }
    }
    expect(flat(summary)).toContain('Summat sisältävät vain tiedossa olevat luvut.');
  });

  it('DOCX in LibreOffice: a page number on every page and a contents with the right page numbers', () => {
    const lo = file('lo/review-fi.pdf');
    const all = pages(lo);
    expect(all.length).toBeGreaterThan(20);
    all.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(`sivu ${i + 1} / ${all.length}`));
    const actual = themePages(lo);
    expect(actual.every((page) => page > 2)).toBe(true);
    expect(contentsPages(lo)).toEqual(actual);
  });

  it('DOCX: a real TOC field, heading styles, repeated header rows, rows kept whole, the language set', async () => {
    const zip = await JSZip.loadAsync(raw['fi.docx']!);
    const document = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(document).toMatch(/<w:instrText[^>]*>\s*TOC /);
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:cantSplit/>');
    const footer = Object.keys(zip.files).find((name) => /word\/footer\d*\.xml/.test(name))!;
    const footerXml = await zip.file(footer)!.async('string');
    expect(footerXml).toMatch(/>\s*PAGE\s*</);
    expect(footerXml).toMatch(/>\s*NUMPAGES\s*</);
    expect(styles).toContain('w:val="fi-FI"');
    expect(document).toContain('<w:lang w:val="fi-FI"/>');
    const sv = await JSZip.loadAsync(raw['sv.docx']!);
    const svDocument = await sv.file('word/document.xml')!.async('string');
    expect(await sv.file('word/styles.xml')!.async('string')).toContain('w:val="sv-FI"');
    // The reports' text is Finnish: marked so inside the Swedish document.
    expect(svDocument).toContain('<w:lang w:val="sv-FI"/>');
    expect(svDocument).toContain('<w:lang w:val="fi-FI"/>');
  });

  it('the Swedish review: Swedish labels and section titles, Finnish text marked as Finnish', () => {
    const html = raw['sv.html']!.toString('utf8');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<div lang="fi">');
    const info = execFileSync('/usr/bin/pdfinfo', [file('review-sv.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+ESF\+ Genomförandeöversikt/);
    for (const text of [flat(pdfText(file('review-sv.pdf'))), flat(pdfText(file('lo/review-sv.pdf')))]) {
      for (const label of [
        'Innehåll',
        'Sammanfattning av temanas finansiering',
        'a) offentlig finansieringsram',
        'Sammanlagt',
      ])
        expect(text).toContain(label);
      expect(text).toContain('Länkar till webbsidor om det nationella temat');
      expect(text).toMatch(/sida 1 \/ \d+/);
      expect(text).not.toContain('Yhteenveto teemojen rahoituksesta');
    }
  });
});
