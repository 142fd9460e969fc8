/**
 * Class 11 of the security issue: hostile files. The review import reads a .docx with mammoth, which
 * inflates the whole archive into memory; a 0.5 MB file unpacking to 150 MB killed the server. Each
 * hostile file is made here, in the test: a decompression bomb (150 MB of one byte, with its size
 * field telling the truth and telling a lie), a truncated archive, one of thousands of entries, one
 * nested too deep, and files that are not archives at all. Each must be refused with 413 or 422
 * naming `content` and the reason, leave nothing behind, and the server must keep answering; a
 * well-formed .docx still imports.
 */
import { deflateRawSync, crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, ensureUser, signIn, THEME, type Session } from '../helpers/actors.js';

type Entry = { name: string; data: Buffer; declaredSize?: number; stored?: boolean };

/** A ZIP archive as a .docx is one; `declaredSize` lets an entry lie about its unpacked size. */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const packed = entry.stored ? entry.data : deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const paragraphs = (lines: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${lines
    .map((line) => `<w:p><w:r><w:t>${line}</w:t></w:r></w:p>`)
    .join('')}</w:body></w:document>`;

const docx = (document: Buffer | string, more: Entry[] = []) =>
  zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: Buffer.isBuffer(document) ? document : Buffer.from(document) },
    ...more,
  ]);

const VALID = docx(paragraphs(['Valtakunnallinen teema', 'Lasten, nuorten ja perheiden palveluiden kehittäminen']));
/** 150 MB of spaces inside the document: about 150 KB packed. */
const BOMB_BYTES = 150 * 1024 * 1024;

describe.each(DIALECTS)('hostile files on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  const period = 'hostile-files';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await ensureUser(t.database.db, 'test-admin', [{ role: 'admin' }]);
    admin = await signIn(t.app, 'test-admin');
    const opened = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/reporting-periods',
      payload: { key: period, title: { fi: 'Katsaus' }, cutOff: '2024-10-31', themes: [THEME] },
    });
    expect(opened.statusCode).toBe(201);
  }, 60_000);
  afterAll(async () => t?.close());

  const counts = async () => {
    const db = t.database.db;
    const [audit, versions] = await Promise.all([
      db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('theme_report_versions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { audit: Number(audit.n), versions: Number(versions.n) };
  };
  const importing = (content: Buffer, step: 'preview' | 'confirm' = 'preview') =>
    as(t.app, admin, {
      method: 'POST',
      url: `/api/v1/reporting-periods/${period}/imports/${step}`,
      headers: { 'accept-language': 'en' },
      payload: {
        format: 'docx',
        content: content.toString('base64'),
        ...(step === 'confirm' ? { digest: '0'.repeat(64) } : {}),
      },
    });

  it('a well-formed .docx is read (the bounds do not refuse what is fine)', async () => {
    const response = await importing(VALID);
    expect(response.statusCode, response.body).toBe(200);
  });

  const bomb = Buffer.alloc(BOMB_BYTES, 0x20);
  const hostile: Record<string, { file: () => Buffer; status: number; reason: RegExp }> = {
    'a decompression bomb (150 MB unpacked, sizes told truly)': {
      file: () => docx(bomb),
      status: 413,
      reason: /larger than 40 MB unpacked/,
    },
    'a decompression bomb whose size field lies (says 1 KB)': {
      file: () => lyingBomb(),
      status: 413,
      reason: /larger than 40 MB unpacked/,
    },
    'a truncated archive': {
      file: () => VALID.subarray(0, Math.floor(VALID.length / 2)),
      status: 422,
      reason: /truncated/,
    },
    'an archive of 5 000 entries': {
      file: () =>
        docx(
          paragraphs(['x']),
          Array.from({ length: 5000 }, (_, n) => ({ name: `word/x${n}.xml`, data: Buffer.from('<x/>') })),
        ),
      status: 413,
      reason: /more than 1000 parts/,
    },
    'an archive nested 40 folders deep': {
      file: () => docx(paragraphs(['x']), [{ name: `${'d/'.repeat(40)}x.xml`, data: Buffer.from('<x/>') }]),
      status: 413,
      reason: /nested deeper than 8/,
    },
    'a file that is not an archive': {
      file: () => Buffer.from('%PDF-1.7\nnot a docx at all'),
      status: 422,
      reason: /not a \.docx/,
    },
    'an archive that is not a .docx': {
      file: () => zip([{ name: 'hello.txt', data: Buffer.from('hello') }]),
      status: 422,
      reason: /not a \.docx/,
    },
    'random bytes after a ZIP signature': {
      file: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(4000, 0xa5)]),
      status: 422,
      reason: /truncated|damaged/,
    },
  };
  function lyingBomb(): Buffer {
    return docx(paragraphs(['x']), [{ name: 'word/media/bomb.bin', data: bomb, declaredSize: 1024 }]);
  }

  it.each(Object.entries(hostile))(
    '%s: refused with the reason, nothing kept, server up',
    async (_, c) => {
      const before = await counts();
      const heapBefore = process.memoryUsage().heapUsed;
      for (const step of ['preview', 'confirm'] as const) {
        const response = await importing(c.file(), step);
        expect(response.statusCode, response.body).toBe(c.status);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        const problem = response.json() as { errors: { name: string; reason: string }[] };
        expect(problem.errors[0]!.name).toBe('content');
        expect(problem.errors[0]!.reason).toMatch(c.reason);
      }
      // Refusing did not unpack the bomb into the heap (150 MB would show), and changed nothing.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
      expect(await counts()).toEqual(before);
      expect((await t.app.inject({ url: '/api/v1/themes' })).statusCode).toBe(200);
      expect((await importing(VALID)).statusCode).toBe(200);
    },
    60_000,
  );
});
