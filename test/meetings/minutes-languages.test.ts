/**
 * The minutes of a bilingual group in Finnish and Swedish, each part in its real language: the
 * secretary writes an item's discussion and decision and an action item in Swedish beside the
 * Finnish (migration 0016); the Swedish minutes show the Swedish text unmarked and the Finnish text
 * of the parts with no Swedish, marked `lang="fi"` (HTML, so the PDF's tags) and `w:lang fi-FI`
 * (DOCX); the Finnish minutes are as before. And the PDF's bookmarks read as the headings do, once
 * each (a size in the @page rule or a second printing of the page doubled their text). Seed 000's
 * meeting 2023/1, both databases.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../src/contracts/meetings.js';
import { closePdfRenderer } from '../../src/documents/pdf/render-pdf.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { signedIn, type RequestingUser as Session } from '../helpers/sessions.js';

const GROUP = 'lanupe-johtoryhma';
const MEETING = 'lanupe-johtoryhma-2023-1';
const DISCUSSION_SV = 'Styrgruppen diskuterade valet av koordineringsprojektet.';
const DECISION_SV = 'Styrgruppen beslutade att godkänna valet.';
const ACTION_FI = 'Laaditaan koordinaatiohankkeen tehtävänkuvaus.';
const ACTION_SV = 'En uppdragsbeskrivning för koordineringsprojektet utarbetas.';

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

describe.each(DIALECTS)('the minutes in their languages (%s)', (dialect) => {
  let t: TestApp;
  let secretary: Session;
  let meeting: MeetingDetail;
  const files: Record<string, Buffer> = {};
  const dir = mkdtempSync(join(tmpdir(), 'minutes-languages-'));

  beforeAll(async () => {
    t = await createTestApp(dialect);
    secretary = await signedIn(t.app, t.database.db, 'sihteeri', [
      { role: 'steering_group_secretary', steeringGroup: GROUP },
    ]);
    // A bilingual group: it has a Swedish name.
    await t.database.db
      .updateTable('steering_groups')
      .set({ name_sv: 'Styrgruppen för temat barn, unga och familjer' })
      .where('key', '=', GROUP)
      .execute();
    meeting = JSON.parse((await secretary.request({ method: 'GET', url: `/api/v1/meetings/${MEETING}` })).body);
    const topic = meeting.items.find((i) => i.number === 5)!;
    const written = await secretary.request({
      method: 'PATCH',
      url: `/api/v1/agenda-items/${topic.id}`,
      headers: { 'if-match': `"${topic.version}"` },
      payload: { discussionSv: DISCUSSION_SV, decisionSv: DECISION_SV },
    });
    expect(written.statusCode, written.body).toBe(200);
    const action = await secretary.request({
      method: 'POST',
      url: '/api/v1/meeting-decisions',
      payload: { meeting: MEETING, item: 5, kind: 'action', text: ACTION_FI, textSv: ACTION_SV, owner: 'Sihteeri' },
    });
    expect(action.statusCode, action.body).toBe(201);
    meeting = JSON.parse((await secretary.request({ method: 'GET', url: `/api/v1/meetings/${MEETING}` })).body);
    for (const lang of ['fi', 'sv'])
      for (const format of ['html', 'docx', 'pdf']) {
        const response = await secretary.request({
          method: 'GET',
          url: `/api/v1/meetings/${MEETING}/minutes/${format}?lang=${lang}`,
        });
        expect(response.statusCode, `${lang} ${format}`).toBe(200);
        files[`${lang}.${format}`] = response.rawPayload;
      }
  }, 120_000);
  afterAll(async () => {
    await closePdfRenderer();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the item and the action item hold their Swedish text beside the Finnish', () => {
    const topic = meeting.items.find((i) => i.number === 5)!;
    expect(topic).toMatchObject({ discussionSv: DISCUSSION_SV, decisionSv: DECISION_SV });
    expect(topic.discussion).toBeTruthy();
    expect(topic.records).toContainEqual(expect.objectContaining({ text: ACTION_FI, textSv: ACTION_SV }));
  });

  it('Swedish HTML: Swedish text unmarked, Finnish text of the other parts marked lang="fi"', () => {
    const html = files['sv.html']!.toString('utf8');
    const topic = meeting.items.find((i) => i.number === 5)!;
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain(`<h3>Diskussion</h3><p>${DISCUSSION_SV}</p>`);
    expect(html).toContain(`<h3>Beslut</h3><p>${DECISION_SV}</p>`);
    expect(html).toContain(`<li>${ACTION_SV} (ansvarig: Sihteeri)</li>`);
    expect(html).not.toContain(ACTION_FI);
    // Item 5 has no Swedish title: the Finnish one is marked; item 4's discussion has no Swedish text.
    expect(html).toContain(`5 § <span lang="fi">${topic.title}</span>`);
    const four = meeting.items.find((i) => i.number === 4)!;
    expect(four.discussion).toBeTruthy();
    expect(html).toContain(`<h3>Diskussion</h3><div lang="fi"><p>${four.discussion!.split('\n')[0]}`);
    // Standard items have their Swedish titles, unmarked.
    expect(html).toContain('<h2 id="item-1">1 § Mötets öppnande</h2>');
  });

  it('Finnish HTML: the Finnish text unmarked; a part written only in Swedish marked lang="sv"', () => {
    const html = files['fi.html']!.toString('utf8');
    const topic = meeting.items.find((i) => i.number === 5)!;
    const decided = meeting.items.find((i) => i.decision)!;
    expect(html).toContain(`<h3>Päätös</h3><p>${decided.decision!.split('\n')[0]}`);
    expect(topic.decisionSv).toBe(DECISION_SV);
    expect(html).toContain(`<li>${ACTION_FI} (vastuu: Sihteeri)</li>`);
    // Item 5 has no decision of its own in Finnish (its decisions are records): the Swedish one shows, marked.
    expect(topic.decision).toBeNull();
    expect(html).toContain(`<h3>Päätös</h3><div lang="sv"><p>${DECISION_SV}</p></div>`);
    expect(html).not.toContain(DISCUSSION_SV);
    expect(html).not.toMatch(/<(span|div) lang="fi"/);
  });

  it('Swedish DOCX: sv-FI on the styles, the Swedish runs unmarked, the Finnish runs fi-FI', async () => {
    const zip = await JSZip.loadAsync(files['sv.docx']!);
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('w:val="sv-FI"');
    const xml = await zip.file('word/document.xml')!.async('string');
    const runs = [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)].map(([run]) => run);
    const langOf = (text: string) =>
      runs.find((run) => run.includes(text))?.match(/<w:lang w:val="([^"]+)"/)?.[1] ?? 'document';
    expect(langOf(DISCUSSION_SV)).toBe('document');
    expect(langOf(ACTION_SV)).toBe('document');
    const four = meeting.items.find((i) => i.number === 4)!;
    expect(langOf(four.discussion!.split('\n')[0]!.slice(0, 30))).toBe('fi-FI');
  });

  for (const lang of ['fi', 'sv'] as const)
    it(`${lang} PDF: the Swedish or Finnish text, tagged, and each bookmark once, as its heading reads`, () => {
      const file = join(dir, `minutes-${lang}.pdf`);
      writeFileSync(file, files[`${lang}.pdf`]!);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(lang === 'sv' ? DECISION_SV : ACTION_FI);
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
      const marks = bookmarks(files[`${lang}.pdf`]!);
      const headings = meeting.items.map((item) => `${item.number} §`);
      for (const heading of headings) {
        const found = marks.filter((mark) => mark.startsWith(`${heading} `));
        expect(found, heading).toHaveLength(1);
      }
      // No bookmark repeats its own text ("5 § Koordinaatiohankkeen valinta5 § Koordinaatiohankkeen valinta").
      for (const mark of marks) {
        const half = mark.slice(0, Math.floor(mark.length / 2));
        expect(mark.length > 6 && mark === half + half, mark).toBe(false);
        expect(mark).not.toMatch(/\s{2,}|^\s|\s$/);
      }
      expect(marks.find((mark) => mark.startsWith('1 §'))).toBe(
        lang === 'sv' ? '1 § Mötets öppnande' : '1 § Kokouksen avaus',
      );
    });
});
