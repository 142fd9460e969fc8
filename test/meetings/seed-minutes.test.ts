/**
 * Meeting 2023/1 of the LANUPE steering group (seed 000), held as data, renders as minutes that
 * contain every person, role, item, decision and time the seed gives: read back from the DOCX with
 * mammoth and from the PDF with pdftotext, in Finnish and in Swedish.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/db/dataset/read-dataset.js';
import { closePdfRenderer } from '../../src/documents/pdf/render-pdf.js';
import { STANDARD_TITLES } from '../../src/domain/meetings.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { signedIn, type RequestingUser as Session } from '../helpers/sessions.js';

const dataset = readDataset('data/2024');
const meeting = dataset.meetings.find((m) => m.number === '2023/1')!;
const group = dataset.steeringGroups.find((g) => g.key === meeting.steeringGroup)!;

/** Whitespace and soft line breaks differ between formats; the words and their order may not. */
const squash = (text: string) => text.replace(/[\s\u00a0\u00ad]+/g, '').replace(/[‐‑]/g, '-');
/** Lines starting "- " are bullets: the documents show them as list items, without the dash. */
const asShown = (text: string) => text.replace(/^- /gm, '');
const report = (missing: string[]) => missing.map((fact) => fact.slice(0, 80));

/** Everything the seed gives, as the dataset holds it. */
function expectedFacts(language: 'fi' | 'sv'): string[] {
  const people = [
    ...group.seats.flatMap((s) => [s.member, s.deputy]).filter((p) => p !== null),
    ...group.permanentExperts,
    ...group.secretaries,
    ...meeting.attendance,
  ];
  // Swedish documents give the standard items their Swedish titles; the rest stays as written.
  const title = (item: (typeof meeting.items)[number]) =>
    language === 'sv' && item.kind !== 'topic' && STANDARD_TITLES[item.kind].fi === item.title
      ? STANDARD_TITLES[item.kind].sv
      : item.title;
  const items = meeting.items.flatMap((item) => [
    title(item),
    item.discussion,
    item.decision,
    item.background,
    ...item.actions.flatMap((a) => [a.text, a.owner]),
  ]);
  const words =
    language === 'fi'
      ? [
          'Pöytäkirja',
          'Aika',
          'maanantai 6.2.2023 klo 13.00–15.00',
          'Paikka',
          'Läsnä',
          'Johtoryhmän jäsenet',
          'Johtoryhmän varajäsenet',
          'Pysyvät asiantuntijat',
          'Sihteeri',
          'Puheenjohtaja',
          'Jakelu',
          'Päätös',
        ]
      : [
          'Protokoll',
          'Tid',
          'måndag 6.2.2023 kl. 13.00–15.00',
          'Plats',
          'Närvarande',
          'Styrgruppens ledamöter',
          'Styrgruppens ersättare',
          'Permanenta sakkunniga',
          'Sekreterare',
          'Ordförande',
          'Sändlista',
          'Beslut',
        ];
  return [
    meeting.number,
    group.name.fi,
    group.diaryNumber!,
    meeting.place.room!,
    meeting.place.address!,
    meeting.place.online!,
    ...people.flatMap((p) => [p.name, p.organisation]),
    // Roles as the seed marks them (pj, vpj), and their Swedish abbreviations.
    ...(language === 'fi'
      ? ['Eeva-Riitta Pirhonen, pj, OKM', 'Annakaisa Iivari, pj, STM', 'Anna Cantell-Forsbom, vpj, STM']
      : ['Eeva-Riitta Pirhonen, ordf., OKM', 'Annakaisa Iivari, ordf., STM', 'Anna Cantell-Forsbom, vice ordf., STM']),
    // Times: opened 9:02 and closed 14:30 (in the items' text and as the recorded times).
    '9.02',
    '14.30',
    ...items,
    ...(language === 'fi' ? meeting.distribution : []),
    ...words,
  ]
    .filter((fact): fact is string => typeof fact === 'string' && fact.length > 0)
    .map(asShown);
}

describe('minutes of meeting 2023/1 (seed 000) as documents', () => {
  let t: TestApp;
  let admin: Session;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    admin = await signedIn(t.app, t.database.db, 'seed-admin', [{ role: 'admin' }]);
    dir = mkdtempSync(join(tmpdir(), 'minutes-'));
  });
  afterAll(async () => {
    await closePdfRenderer();
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const fetch = async (format: string, lang: 'fi' | 'sv') => {
    const response = await admin.request({
      method: 'GET',
      url: `/api/v1/meetings/${meeting.key}/minutes/${format}?lang=${lang}`,
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response;
  };

  for (const lang of ['fi', 'sv'] as const) {
    it(`DOCX (${lang}) holds every person, role, item, decision and time`, async () => {
      const response = await fetch('docx', lang);
      expect(response.headers['content-type']).toContain('wordprocessingml');
      const { value } = await mammoth.extractRawText({ buffer: response.rawPayload });
      const text = squash(value);
      const missing = expectedFacts(lang).filter((fact) => !text.includes(squash(fact)));
      expect(report(missing)).toEqual([]);
      // Numbered items, with the § sign.
      for (const item of meeting.items) expect(text).toContain(squash(`${item.number} §`));
    });

    it(`PDF (${lang}) holds every person, role, item, decision and time`, async () => {
      const response = await fetch('pdf', lang);
      expect(response.headers['content-type']).toBe('application/pdf');
      const file = join(dir, `minutes-${lang}.pdf`);
      writeFileSync(file, response.rawPayload);
      // Without the page footers ("sivu 2 / 3"), which pdftotext writes amid a text that crosses a page.
      const text = squash(
        execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
          /\n?(sivu|sida) \d+ \/ \d+\n?/g,
          '\n',
        ),
      );
      const missing = expectedFacts(lang).filter((fact) => !text.includes(squash(fact)));
      expect(report(missing)).toEqual([]);
      // Tagged and bookmarked: the structure survives for screen readers.
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(readFileSync(file).includes('/Outlines')).toBe(true);
      // A page number on every page, "sivu 2 / 3" ("sida" in Swedish).
      const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
        .split('\f')
        .slice(0, -1);
      pages.forEach((page, i) =>
        expect(page, `page ${i + 1}`).toContain(`${lang === 'sv' ? 'sida' : 'sivu'} ${i + 1} / ${pages.length}`),
      );
    });
  }

  it('HTML is one self-contained page in the document language with a header row for members and deputies', async () => {
    const response = await fetch('html', 'sv');
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<html lang="sv">');
    expect(response.body).toContain('<th scope="col">Styrgruppens ledamöter</th>');
    expect(response.body).not.toMatch(/(src|href)="https?:/);
  });

  it('the draft minutes are not public', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${meeting.key}/minutes/pdf` });
    expect(response.statusCode).toBe(401);
  });
});
