/**
 * Bounds on a ZIP archive (a .docx is one) checked before any parser opens it. mammoth (through
 * JSZip) inflates every entry into memory at once and believes what the archive says: a 0.5 MB file
 * that unpacks to 150 MB took the server's heap with it. Here the central directory is read by hand,
 * every entry is inflated with a hard output limit (zlib's maxOutputLength, so a lying size field
 * cannot make it allocate more) and the whole takes a bounded time; only an archive that passes is
 * handed on.
 */
import { inflateRawSync } from 'node:zlib';

export type ZipLimits = {
  /** Entries in the archive (a .docx from the template has about 15). */
  maxEntries: number;
  /** All entries together, inflated. */
  maxUncompressedBytes: number;
  /** Folders in an entry's name ("word/media/x.png" is 2 deep). */
  maxDepth: number;
  /** Wall-clock time to inflate everything. */
  maxMilliseconds: number;
};

export const DOCX_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxUncompressedBytes: 40 * 1024 * 1024,
  maxDepth: 8,
  maxMilliseconds: 5000,
};

/** Why an archive is refused: too big (413) or not a well-formed archive of the kind (422). */
export type ZipRefusal = { kind: 'too_large' | 'malformed'; reason: ZipRefusalReason };
export type ZipRefusalReason =
  | 'not_zip'
  | 'truncated'
  | 'too_many_entries'
  | 'too_deep'
  | 'too_large_uncompressed'
  | 'too_slow'
  | 'unsupported'
  | 'corrupt';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const refuse = (kind: ZipRefusal['kind'], reason: ZipRefusalReason): ZipRefusal => ({ kind, reason });

/** The archive's entries inflated, or why it is refused. Never inflates more than the limits allow. */
export function inflateBounded(
  bytes: Buffer,
  limits: ZipLimits = DOCX_LIMITS,
  now: () => number = Date.now,
): { entries: Map<string, Buffer> } | ZipRefusal {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL) return refuse('malformed', 'not_zip');
  // The end-of-central-directory record is in the last 22 + 65 535 (comment) bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return refuse('malformed', 'truncated');
  const count = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryStart = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryStart === 0xffffffff) return refuse('malformed', 'unsupported'); // ZIP64
  if (count > limits.maxEntries) return refuse('too_large', 'too_many_entries');
  if (directoryStart + directorySize > eocd) return refuse('malformed', 'truncated');

  const started = now();
  const entries = new Map<string, Buffer>();
  let budget = limits.maxUncompressedBytes;
  let at = directoryStart;
  for (let index = 0; index < count; index++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== CENTRAL) return refuse('malformed', 'truncated');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const declaredSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) return refuse('malformed', 'unsupported'); // encrypted
    if (method !== 0 && method !== 8) return refuse('malformed', 'unsupported');
    if (name.split('/').filter(Boolean).length - 1 > limits.maxDepth) return refuse('too_large', 'too_deep');
    if (declaredSize > budget) return refuse('too_large', 'too_large_uncompressed');
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL)
      return refuse('malformed', 'truncated');
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > bytes.length) return refuse('malformed', 'truncated');
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    let inflated: Buffer;
    if (method === 0) inflated = data;
    else {
      try {
        // One byte over the budget is enough to know it is over: zlib stops there.
        inflated = inflateRawSync(data, { maxOutputLength: budget + 1 });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          return refuse('too_large', 'too_large_uncompressed');
        return refuse('malformed', 'corrupt');
      }
    }
    if (inflated.length > budget) return refuse('too_large', 'too_large_uncompressed');
    if (inflated.length !== declaredSize) return refuse('malformed', 'corrupt');
    budget -= inflated.length;
    if (now() - started > limits.maxMilliseconds) return refuse('too_large', 'too_slow');
    if (!name.endsWith('/')) entries.set(name, inflated);
  }
  return { entries };
}
