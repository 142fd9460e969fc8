/**
 * A review as a .docx (written here with the `docx` package from the corpus's clean review, with a
 * real bullet list and real hyperlinks): read through mammoth into lines, its lists stay lists and
 * its links stay links (text and address together, the address never as body text), and the import
 * preview over HTTP reads it the same.
 */
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToText } from '../../src/documents/docx-text.js';
import { parseReviewText } from '../../src/domain/reports/review-import.js';
import { plainText } from '../../src/domain/reports/rich-text.js';
import { CLEAN_REVIEW } from '../fixtures/review-corpus/defects.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, signedInAs, type Session } from '../helpers/sessions.js';

const PAGE = 'https://rakennerahastot.fi/kokeileva-ohjaus';
const REPORT = 'https://example.org/selvitys.pdf';

async function cleanReviewAsDocx(): Promise<Buffer> {
  const children = CLEAN_REVIEW.split('\n').map((line) => {
    if (line.startsWith('- ')) return new Paragraph({ text: line.slice(2), bullet: { level: 0 } });
    if (line === `Teeman sivu ${PAGE}`)
      return new Paragraph({
        children: [
          new ExternalHyperlink({ link: PAGE, children: [new TextRun({ text: 'Teeman sivu', style: 'Hyperlink' })] }),
        ],
      });
    if (line.startsWith('Koordinaatiohanke on järjestänyt kuusi verkostotapaamista ja julkaissut '))
      return new Paragraph({
        children: [
          new TextRun('Koordinaatiohanke on järjestänyt kuusi verkostotapaamista ja julkaissut '),
          new ExternalHyperlink({
            link: REPORT,
            children: [new TextRun({ text: 'kaksi selvitystä', style: 'Hyperlink' })],
          }),
          new TextRun(' ohjauksen vaikuttavuudesta.'),
        ],
      });
    return new Paragraph({ text: line });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('a review read from a .docx', () => {
  let docx: Buffer;
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    docx = await cleanReviewAsDocx();
    t = await createTestApp('sqlite');
    admin = await signedInAs(t.app, t.database.db, 'hallinto', [{ role: 'admin' }]);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting-periods',
      headers: as(admin),
      payload: { key: '2024', title: { fi: 'Toteutuskatsaus 2024' }, cutOff: '2024-10-31' },
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it('keeps the bullet list as a list and the links as links', async () => {
    const parsed = parseReviewText(await docxToText(docx), { linePerParagraph: true });
    expect(parsed.themes).toHaveLength(2);
    expect(parsed.themes.flatMap((theme) => theme.findings)).toEqual([]);
    const s2 = parsed.themes[0]!.sections.find((s) => s.key === 's2')!;
    expect(s2.blocks).toContainEqual({
      type: 'list',
      ordered: false,
      items: [
        [{ type: 'text', text: 'kokeilu nuorten työllisyyspalveluissa' }],
        [{ type: 'text', text: 'kokeilu maahanmuuttaneiden ohjauksessa' }],
      ],
    });
    expect(s2.blocks[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Koordinaatiohanke on järjestänyt kuusi verkostotapaamista ja julkaissut ' },
        { type: 'link', href: REPORT, text: 'kaksi selvitystä' },
        { type: 'text', text: ' ohjauksen vaikuttavuudesta.' },
      ],
    });
    expect(plainText(s2.blocks)).not.toContain('https://');
    expect(parsed.themes[0]!.links.map(({ url, title }) => ({ url, title }))).toEqual([
      { url: PAGE, title: 'Teeman sivu' },
    ]);
  });

  it('is read so by the import preview too', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting-periods/2024/imports/preview',
      headers: as(admin),
      payload: { format: 'docx', content: docx.toString('base64'), filename: 'katsaus.docx' },
    });
    expect(response.statusCode).toBe(200);
    const themes = response.json().themes;
    expect(themes).toHaveLength(2);
    expect(themes[0].links).toEqual([{ url: PAGE, title: 'Teeman sivu', line: expect.any(Number) }]);
    // What will be stored, beside the source's lines.
    const s2 = themes[0].sections.find((s: { key: string }) => s.key === 's2');
    expect(s2.blocks.find((b: { type: string }) => b.type === 'list')).toMatchObject({
      type: 'list',
      items: [[{ text: 'kokeilu nuorten työllisyyspalveluissa' }], [{}]],
    });
    expect(themes[0].header.figures[0]).toEqual({ key: 'frame', text: '12 000 000 €', line: expect.any(Number) });
    expect(themes[0].header.ministry).toMatch(/^Työ- ja elinkeinoministeriö: Liisa Kokeilu/);
    expect(themes[0].findings.filter((f: { code: string }) => f.code !== 'theme_unmatched')).toEqual([]);
  });
});
