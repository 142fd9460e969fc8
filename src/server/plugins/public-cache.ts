/**
 * A cache of public read responses, in each app server's memory, for routes that opt in with
 * `config: { publicCache: true }` (only routes whose answer is the same for everyone who may read it).
 *
 * Validity comes from the database, not from a timer: every change to the published data raises
 * `data_version` (triggers, migration 0005), and a response is served from the cache only while the
 * version it was computed under is the current one. Each request asks the database for the version,
 * but requests in the same turn of the event loop share one question; a write through this server drops the shared
 * question before its answer is sent, so its writer never reads an older answer afterwards. Another
 * server sees the change on its next question. The version is read before the data, so an answer
 * computed while a write commits is at worst stored under the version before that write, and dropped
 * with it.
 *
 * The version and the language make the ETag: `If-None-Match` gets a 304 without any work. A stored
 * answer goes out gzip-compressed to clients that accept it (a browser does; the EU-size overview
 * is 1–2 MB of JSON).
 * `Cache-Control: no-cache` in a request skips the stored answer (the benchmark uses it to measure the
 * queries themselves).
 */
import { gzipSync } from 'node:zlib';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { requestLocale } from '../i18n.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache this GET route's 200 answers per URL and language until the published data changes. */
    publicCache?: boolean;
  }
  interface FastifyRequest {
    publicCache: { key: string; version: number; hit: boolean; leader?: boolean } | null;
  }
}

/** `gzip` is made on the first hit that accepts it, once per entry: repeated answers are compressed once. */
type Entry = { version: number; body: string; contentType: string; gzip?: Buffer };

/** How long a reader waits for another request computing the same answer before computing it too. */
const WAIT_FOR_LEADER_MS = 10_000;

/** In lower case: the compression plugin adds `accept-encoding` unless it finds it so spelt. */
const VARY = 'accept-language, accept-encoding';

/** Below this a compressed answer saves less than it costs. */
const COMPRESS_FROM_BYTES = 1024;

export type PublicCacheOptions = { maxBytes?: number; maxEntryBytes?: number };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerPublicCache(
  app: FastifyInstance,
  deps: { db: Db; clock?: () => Date },
  options: PublicCacheOptions = {},
): void {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 8 * 1024 * 1024;
  // A Map keeps insertion order: re-inserting on a hit makes it a least-recently-used list.
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let pending: Promise<number> | null = null;
  const computing = new Map<string, { version: number; promise: Promise<void>; done: () => void }>();

  const currentVersion = (): Promise<number> => {
    if (!pending) {
      const question = deps.db
        .selectFrom('data_version')
        .select('version')
        .where('id', '=', 1)
        .executeTakeFirstOrThrow()
        .then((row) => Number(row.version));
      pending = question;
      // The answer serves every request of this turn of the event loop, then the next turn asks
      // again. On SQLite the question is answered within microtasks, so without this each request
      // asked on its own (about a seventh of the server's time in the benchmark's profile); the
      // staleness it adds is one turn, as if the request had come a moment earlier.
      const clear = () => {
        setImmediate(() => {
          if (pending === question) pending = null;
        });
      };
      question.then(clear, clear);
    }
    return pending;
  };

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };

  app.decorateRequest('publicCache', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || !request.routeOptions.config?.publicCache) return;
    const version = await currentVersion();
    const locale = requestLocale(request);
    // Helsinki's date is part of the key: some answers say where things stand today (a call's
    // status, domain/calls.ts), so yesterday's answer must not be served after midnight.
    const today = helsinkiDate((deps.clock ?? (() => new Date()))());
    const key = `${locale} ${today} ${request.url}`;
    const etag = `W/"${version}-${locale}-${today}"`;
    request.publicCache = { key, version, hit: false };
    reply.header('etag', etag).header('vary', VARY).header('cache-control', 'no-cache');
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      request.publicCache.hit = true;
      return reply.code(304).send();
    }
    if (/\bno-cache\b/.test(request.headers['cache-control'] ?? '')) return;
    let entry = entries.get(key);
    if (entry && entry.version !== version) {
      remove(key);
      entry = undefined;
    }
    if (!entry) {
      // Many readers asking for the same missing answer at once (a new version, a cold start) wait
      // for the first one to compute it instead of all computing it.
      const running = computing.get(key);
      if (!running || running.version !== version) {
        let done = () => {};
        const promise = new Promise<void>((resolve) => (done = resolve));
        computing.set(key, { version, promise, done });
        request.publicCache.leader = true;
        return;
      }
      await Promise.race([running.promise, new Promise((resolve) => setTimeout(resolve, WAIT_FOR_LEADER_MS).unref())]);
      entry = entries.get(key);
      if (!entry || entry.version !== version) return;
    }
    entries.delete(key);
    entries.set(key, entry);
    request.publicCache.hit = true;
    reply.type(entry.contentType).header('vary', VARY);
    if (entry.body.length >= COMPRESS_FROM_BYTES && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      entry.gzip ??= gzipSync(entry.body);
      return reply.header('content-encoding', 'gzip').send(entry.gzip);
    }
    return reply.send(entry.body);
  });

  // Whatever became of the computing request (stored, failed, aborted), its waiters go on.
  const release = async (request: FastifyRequest) => {
    const state = request.publicCache;
    if (!state?.leader) return;
    state.leader = false;
    const running = computing.get(state.key);
    if (running && running.version === state.version) {
      computing.delete(state.key);
      running.done();
    }
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    // A write through this server: the next read asks the database afresh.
    if (!SAFE_METHODS.has(request.method)) {
      pending = null;
      return payload;
    }
    const state = request.publicCache;
    if (
      !state ||
      state.hit ||
      reply.statusCode !== 200 ||
      typeof payload !== 'string' ||
      payload.length > maxEntryBytes
    )
      return payload;
    remove(state.key);
    entries.set(state.key, {
      version: state.version,
      body: payload,
      contentType: String(reply.getHeader('content-type') ?? 'application/json'),
    });
    bytes += payload.length;
    for (const [key] of entries) {
      if (bytes <= maxBytes) break;
      remove(key);
    }
    return payload;
  });
}
