/**
 * The national review compiled from the 2024 data: the twelve reports are imported (from seed 001
 * when it is present, else from a review written from the dataset) and approved through the import's
 * preview → confirm; then the review is fetched as DOCX and PDF over HTTP and read back with mammoth
 * and pdftotext. Both must hold every theme's name, its four figures in Finnish format and every
 * project code of its section 7 (the finer checks of the documents: review-documents.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/db/dataset/read-dataset.js';
import { REVIEW_LABELS } from '../../src/documents/review/review-labels.js';
import { amountText } from '../../src/documents/review/review-model.js';
import { closePdfRenderer } from '../../src/documents/pdf/render-pdf.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { buildReviewFixture } from '../helpers/review-fixture.js';
import { as, signedInAs, type Session } from '../helpers/sessions.js';

const dataset = readDataset('data/2024');
const SEED = '../shared/seeds/001_ecf7eb9cbcaeb76b.txt';
const source = existsSync(SEED) ? readFileSync(SEED, 'utf8') : buildReviewFixture(dataset).text;
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

describe('the 2024 review compiled to DOCX and PDF', () => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  const upload = { format: 'text' as const, content: source, filename: 'toteutuskatsaus-2024.txt' };

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    admin = await signedInAs(t.app, t.database.db, 'hallinto', [{ role: 'admin' }]);
    coordinator = await signedInAs(t.app, t.database.db, 'koordinaattori', [
      { role: 'theme_coordinator', theme: 'lanupe' },
    ]);
    const period = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting-periods',
      headers: as(admin),
      payload: { key: '2024', title: { fi: 'Toteutuskatsaus 2024' }, cutOff: '2024-10-31' },
    });
    expect(period.statusCode).toBe(201);
  });
  afterAll(async () => {
    await closePdfRenderer();
    await t?.close();
  });

  it('previews the import with a check report and writes nothing', async () => {
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/reporting-periods/2024/imports/preview',
          headers: as(coordinator),
          payload: upload,
        })
      ).statusCode,
    ).toBe(403);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting-periods/2024/imports/preview',
      headers: as(admin, { 'accept-language': 'en' }),
      payload: upload,
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.themes).toHaveLength(12);
    expect(preview.themes.map((theme: { matchedTheme: string }) => theme.matchedTheme)).toEqual(
      [...dataset.themes].sort((a, b) => a.order! - b.order!).map((theme) => theme.slug),
    );
    expect(preview.themes.flatMap((theme: { findings: unknown[] }) => theme.findings).length).toBeGreaterThan(5);
    // The figures read are the figures held: no theme has a "figure differs" finding.
    expect(
      preview.themes
        .flatMap((theme: { findings: { code: string }[] }) => theme.findings)
        .filter((f: { code: string }) => f.code === 'figure_differs'),
    ).toEqual([]);
    const versions = await t.database.db.selectFrom('theme_report_versions').select('version').execute();
    expect(versions.every((v) => Number(v.version) === 1)).toBe(true);

    const wrongFile = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting-periods/2024/imports/confirm',
      headers: as(admin),
      payload: { ...upload, content: `${source}\n`, digest: preview.digest, state: 'approved' },
    });
    expect(wrongFile.statusCode).toBe(422);
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting-periods/2024/imports/confirm',
      headers: as(admin),
      payload: { ...upload, digest: preview.digest, state: 'approved' },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().imported).toHaveLength(12);
  });

  it('refuses an upload that is too large or not a .docx', async () => {
    const notDocx = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting-periods/2024/imports/preview',
      headers: as(admin),
      payload: { format: 'docx', content: Buffer.from('hello').toString('base64') },
    });
    expect(notDocx.statusCode).toBe(422);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting-periods/2024/imports/preview',
      headers: as(admin),
      payload: { format: 'text', content: 'x'.repeat(9 * 1024 * 1024) },
    });
    expect([413, 400, 422]).toContain(huge.statusCode);
  });

  const expectations = () =>
    [...dataset.themes]
      .sort((a, b) => a.order! - b.order!)
      .map((theme) => {
        const finance = theme.finance.at(-1)!;
        return {
          name: flat(theme.name.fi),
          figures: (['frame', 'reserved', 'committed', 'paid'] as const).flatMap((key) =>
            // Rounded amounts as rounded ("noin 14 milj. €"), exact ones to the cent.
            finance[key] ? [flat(amountText(finance[key]!, REVIEW_LABELS.fi))] : [],
          ),
          codes: dataset.projectEntities
            .filter((e) => e.theme === theme.slug)
            .flatMap((e) => [e.groupCode, ...e.projects.map((p) => p.code)])
            .filter((c): c is string => Boolean(c)),
        };
      });

  it('holds every theme, its four figures and its project codes in the DOCX', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reporting-periods/2024/review.docx',
      headers: as(admin),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const text = flat((await mammoth.extractRawText({ buffer: response.rawPayload })).value);
    expect(text).toContain('1 055 410,40 €');
    for (const theme of expectations()) {
      expect(text).toContain(theme.name);
      for (const figure of theme.figures) expect(text, `${theme.name}: ${figure}`).toContain(figure);
      for (const code of theme.codes) expect(text, `${theme.name}: ${code}`).toContain(code);
    }
  });

  it('holds the same in the PDF text', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reporting-periods/2024/review.pdf',
      headers: as(admin),
    });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'review-pdf-'));
    try {
      writeFileSync(join(dir, 'review.pdf'), response.rawPayload);
      const text = flat(
        execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', join(dir, 'review.pdf'), '-'], { encoding: 'utf8' }),
      );
      for (const theme of expectations()) {
        expect(text).toContain(theme.name);
        for (const figure of theme.figures) expect(text, `${theme.name}: ${figure}`).toContain(figure);
        for (const code of theme.codes) expect(text, `${theme.name}: ${code}`).toContain(code);
      }
      // Bookmarks come from the headings.
      const info = execFileSync('/usr/bin/pdfinfo', [join(dir, 'review.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/Tagged:\s+yes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("opens each theme's project list with its coordination project, as the source does", async () => {
    const html = (
      await t.app.inject({ method: 'GET', url: '/api/v1/reporting-periods/2024/review.html', headers: as(admin) })
    ).body;
    const lists = html
      .split('<h3>7) ')
      .slice(1)
      .map((chunk) => chunk.split(/<h2|<\/section>/)[0]!);
    expect(lists.length).toBe(12);
    const withCoordination = lists.filter((list) => list.includes(REVIEW_LABELS.fi.coordination));
    // Theme 5 (Työelämän kehittäminen) lists its coordination project apart from the calls' projects.
    expect(withCoordination.length).toBeGreaterThanOrEqual(5);
    for (const list of withCoordination) {
      const firstEntity = list.slice(0, list.indexOf('</ul></li><li>') >>> 0);
      expect(firstEntity, list.slice(0, 200)).toContain(REVIEW_LABELS.fi.coordination);
    }
  });

  it('serves the review as HTML with the summary table and its totals', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reporting-periods/2024/review.html',
      headers: as(admin),
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<tfoot><tr><th scope="row">Yhteensä</th>');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/reporting-periods/2024/review.html',
          headers: as(coordinator),
        })
      ).statusCode,
    ).toBe(403);
  });
});
