/**
 * A cache of public read responses, in each app server's memory, for routes that opt in with
 * `config: { publicCache: … }` (only routes whose answer is the same for everyone who may read it).
 *
 * Validity comes from the database, not from a timer. Every change to the published data raises
 * `data_version` (migration 0005) and the version of each **scope** it touches (`theme:<slug>`,
 * `project:<key>`, `organisation:<key>`, `overview`, `projects`, `organisations`, `national`;
 * migration 0014), by triggers in the writer's transaction. A route names the scopes its answer is
 * computed from (`publicCache: { scopes }`; `true` means every scope); a stored answer is served while
 * `data_version` is the one it was last checked under, and when that has moved, while its scopes'
 * versions are the ones it was computed under (one question to the database; the answer is then
 * valid for the new `data_version` too). So a change to one theme's project leaves the other themes'
 * answers valid. Each request asks the database for `data_version`, but requests in the same turn of
 * the event loop share one question (and one question per scope); a write through this server drops
 * the shared questions before its answer is sent. Another server sees the change on its next question.
 * The versions are read before the data, so an answer computed while a write commits is at worst
 * stored under the versions before that write, and dropped with them.
 *
 * An answer may also name scopes as it is computed (`addAnswerScopes`: a search names each project on
 * its page, migration 0017), which only its data can tell. Their versions are read after the data, with
 * `data_version`: if that has moved since the route's scopes were read, a write may have come between
 * the data and the versions, and the answer is not stored.
 *
 * Stale while revalidating: while one request computes the new answer of a URL whose stored answer
 * has gone stale, other requests for it get the stale answer (`x-cache: stale`) for at most
 * `STALE_WHILE_REVALIDATE_MS` after it was first found stale, instead of queueing. Never a request
 * that carries a session cookie: a writer (signed in to write) always reads its own write, on any
 * server.
 *
 * The scopes' versions and the language make the ETag: `If-None-Match` gets a 304 without any work. A
 * stored answer goes out gzip-compressed to clients that accept it (a browser does; the EU-size
 * overview is 1–2 MB of JSON). `Cache-Control: no-cache` in a request skips the stored answer (the
 * benchmark uses it to measure the queries themselves). `x-cache` says hit, stale or miss.
 */
import { gzipSync } from 'node:zlib';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CompiledQuery } from 'kysely';
import type { Db } from '../../db/database.js';
import { requestLocale } from '../i18n.js';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../modules/auth/sessions.js';

/** The path's parameters as the router matched them: strings, since this hook runs before validation. */
const pathParams = (params: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(params !== null && typeof params === 'object' ? params : {}).map(([name, value]) => [
      name,
      String(value),
    ]),
  );

/**
 * The scopes an answer is computed from, named from the request's path parameters and query string
 * (as strings: this runs before validation; migration 0014).
 */
export type PublicCacheScopes = (params: Record<string, string>, query: Record<string, string>) => string[];

/**
 * Scopes an answer names once it is computed, besides its route's: a search answer names each
 * project on its page (migration 0017), so a change to a project it does not show leaves it valid.
 */
export function addAnswerScopes(request: FastifyRequest, scopes: string[]): void {
  const state = request.publicCache;
  if (state && state.names !== null) state.extra = [...(state.extra ?? []), ...scopes];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Cache this GET route's 200 answers per URL and language until what they are computed from
     * changes: `true` for any change to the published data, `{ scopes }` for the named scopes.
     */
    publicCache?: boolean | { scopes: PublicCacheScopes };
  }
  interface FastifyRequest {
    publicCache: {
      key: string;
      version: number;
      /** The route's scopes and their versions when the request came; null for every scope. */
      names: string[] | null;
      scopes: Versions;
      /** The language and the day, for the ETag. */
      tag: string;
      hit: boolean;
      leader?: boolean;
      /** Scopes the answer named as it was computed (`addAnswerScopes`). */
      extra?: string[];
    } | null;
  }
}

/** The versions of an answer's scopes, in the route's order; `null` for "every scope" (data_version). */
type Versions = number[] | null;

/** `gzip` is made on the first hit that accepts it, once per entry: repeated answers are compressed once. */
type Entry = {
  /** The data_version under which the entry was last known valid. */
  version: number;
  /** The scopes it was computed from: its route's, then those its answer named; null for every scope. */
  names: string[] | null;
  scopes: Versions;
  body: string;
  contentType: string;
  /** Made of its scopes' versions, the language and the day. */
  etag: string;
  gzip?: Buffer;
  /** When a request first found it stale (ms, performance.now()). */
  staleSince?: number;
};

/** How long a reader waits for another request computing the same answer before computing it too. */
const WAIT_FOR_LEADER_MS = 10_000;

/**
 * For how long after an answer is first found stale other readers may still get it while one request
 * computes the new one. A reader signed in is never served a stale answer.
 */
export const STALE_WHILE_REVALIDATE_MS = 2_000;

/** In lower case: the compression plugin adds `accept-encoding` unless it finds it so spelt. */
const VARY = 'accept-language, accept-encoding';

/** Below this a compressed answer saves less than it costs. */
const COMPRESS_FROM_BYTES = 1024;

export type PublicCacheOptions = { maxBytes?: number; maxEntryBytes?: number };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameVersions = (a: Versions, b: Versions) =>
  a === null || b === null ? a === b : a.length === b.length && a.every((v, i) => v === b[i]);

/** Whether a stored answer's versions begin with the route's (its own scopes come after them). */
const startsWith = (stored: Versions, route: Versions) =>
  stored === null || route === null ? stored === route : route.every((v, i) => v === stored[i]);

const signatureOf = (scopes: Versions, version: number) => (scopes === null ? `v${version}` : scopes.join('.'));
const etagOf = (signature: string, tag: string) => `W/"${signature}-${tag}"`;

const hasSession = (request: FastifyRequest) => {
  const cookie = request.headers.cookie;
  return !!cookie && (cookie.includes(`${SESSION_COOKIE}=`) || cookie.includes(`${SECURE_SESSION_COOKIE}=`));
};

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
  /** This turn's question for data_version, and its questions for scopes' versions. */
  let turn: { version: Promise<number>; scopes: Map<string, Promise<number>> } | null = null;
  const computing = new Map<string, { signature: string; promise: Promise<void>; done: () => void }>();

  // The two questions nearly every request asks, built and compiled by Kysely once (building a
  // query costs more than SQLite answering this one); a scopes question has one shape per count.
  const versionQuestion = deps.db.selectFrom('data_version').select('version').where('id', '=', 1).compile();
  const scopeQuestions = new Map<number, CompiledQuery<{ scope: string; version: number }>>();
  const askScopes = (scopes: string[]) => {
    let compiled = scopeQuestions.get(scopes.length);
    if (!compiled) {
      compiled = deps.db.selectFrom('data_scopes').select(['scope', 'version']).where('scope', 'in', scopes).compile();
      scopeQuestions.set(scopes.length, compiled);
    }
    const bound: CompiledQuery<{ scope: string; version: number }> = { ...compiled, parameters: scopes };
    return deps.db.executeQuery(bound);
  };

  const currentTurn = () => {
    if (!turn) {
      const question = deps.db.executeQuery(versionQuestion).then((result) => {
        const row = result.rows[0];
        if (!row) throw new Error('data_version has no row (migration 0005)');
        return Number(row.version);
      });
      const current = { version: question, scopes: new Map<string, Promise<number>>() };
      turn = current;
      // The answers serve every request of this turn of the event loop, then the next turn asks
      // again. On SQLite the question is answered within microtasks, so without this each request
      // asked on its own (about a seventh of the server's time in the benchmark's profile); the
      // staleness it adds is one turn, as if the request had come a moment earlier.
      const clear = () => {
        setImmediate(() => {
          if (turn === current) turn = null;
        });
      };
      question.then(clear, clear);
    }
    return turn;
  };

  /** The scopes' versions, asked once per turn for each scope; one query for those not yet asked. */
  const scopeVersions = async (scopes: string[]): Promise<number[]> => {
    const current = currentTurn();
    const missing = scopes.filter((scope) => !current.scopes.has(scope));
    if (missing.length > 0) {
      const rows = askScopes(missing).then(
        (found) => new Map(found.rows.map((row) => [row.scope, Number(row.version)])),
      );
      for (const scope of missing)
        current.scopes.set(
          scope,
          rows.then((found) => found.get(scope) ?? 0),
        );
    }
    return Promise.all(scopes.map((scope) => current.scopes.get(scope)!));
  };

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };

  const send = (request: FastifyRequest, reply: FastifyReply, entry: Entry, state: 'hit' | 'stale') => {
    entries.delete(request.publicCache!.key);
    entries.set(request.publicCache!.key, entry);
    request.publicCache!.hit = true;
    reply.type(entry.contentType).header('etag', entry.etag).header('vary', VARY).header('x-cache', state);
    if (entry.body.length >= COMPRESS_FROM_BYTES && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      entry.gzip ??= gzipSync(entry.body);
      return reply.header('content-encoding', 'gzip').send(entry.gzip);
    }
    return reply.send(entry.body);
  };

  app.decorateRequest('publicCache', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const config = request.routeOptions.config?.publicCache;
    if (request.method !== 'GET' || !config) return;
    const version = await currentTurn().version;
    const locale = requestLocale(request);
    // Helsinki's date is part of the key: some answers say where things stand today (a call's
    // status, domain/calls.ts), so yesterday's answer must not be served after midnight.
    const today = helsinkiDate((deps.clock ?? (() => new Date()))());
    const key = `${locale} ${today} ${request.url}`;
    const names = config === true ? null : config.scopes(pathParams(request.params), pathParams(request.query));
    // U+0000 is refused by the validation plugin, after this hook; PostgreSQL would refuse the question.
    if (names?.some((scope) => scope.includes('\u0000'))) return;
    let entry = entries.get(key);
    let valid = entry !== undefined && entry.version === version;
    // The route's scopes' versions now. A stored answer's scopes begin with its route's, so one
    // question tells both them and whether the answer is still valid.
    let scopes: Versions = null;
    if (names !== null) {
      if (valid) scopes = entry!.scopes!.slice(0, names.length);
      else {
        const asked = await scopeVersions(entry?.names ?? names);
        scopes = asked.slice(0, names.length);
        if (entry && sameVersions(entry.scopes, asked)) {
          // Nothing it was computed from changed: valid under the new data_version too.
          entry.version = version;
          entry.staleSince = undefined;
          valid = true;
        }
      }
    }
    const signature = signatureOf(scopes, version);
    const tag = `${locale}-${today}`;
    const etag = valid ? entry!.etag : etagOf(signature, tag);
    request.publicCache = { key, version, names, scopes, tag, hit: false };
    reply.header('etag', etag).header('vary', VARY).header('cache-control', 'no-cache').header('x-cache', 'miss');
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
      request.publicCache.hit = true;
      return reply.code(304).send();
    }
    if (/\bno-cache\b/.test(request.headers['cache-control'] ?? '')) return;
    if (valid) return send(request, reply, entry!, 'hit');
    if (entry) entry.staleSince ??= performance.now();
    // Many readers asking for the same missing answer at once (a change, a cold start) wait for the
    // first one to compute it instead of all computing it; while it does, a signed-out reader may get
    // the stale answer for a short, stated time.
    const running = computing.get(key);
    if (!running || running.signature !== signature) {
      let done = () => {};
      const promise = new Promise<void>((resolve) => (done = resolve));
      computing.set(key, { signature, promise, done });
      request.publicCache.leader = true;
      return;
    }
    if (
      entry?.staleSince !== undefined &&
      performance.now() - entry.staleSince < STALE_WHILE_REVALIDATE_MS &&
      !hasSession(request)
    )
      return send(request, reply, entry, 'stale');
    await Promise.race([running.promise, new Promise((resolve) => setTimeout(resolve, WAIT_FOR_LEADER_MS).unref())]);
    entry = entries.get(key);
    if (!entry || entry.version !== version || !startsWith(entry.scopes, scopes)) return;
    return send(request, reply, entry, 'hit');
  });

  // Whatever became of the computing request (stored, failed, aborted), its waiters go on.
  const release = async (request: FastifyRequest) => {
    const state = request.publicCache;
    if (!state?.leader) return;
    state.leader = false;
    const running = computing.get(state.key);
    const signature = signatureOf(state.scopes, state.version);
    if (running && running.signature === signature) {
      computing.delete(state.key);
      running.done();
    }
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    // A write through this server: the next read asks the database afresh.
    if (!SAFE_METHODS.has(request.method)) {
      turn = null;
      return payload;
    }
    const state = request.publicCache;
    if (!state || state.hit || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    let names = state.names;
    let scopes = state.scopes;
    const extra = [...new Set(state.extra ?? [])].filter((scope) => !names?.includes(scope));
    if (names !== null && scopes !== null && extra.length > 0) {
      // The answer's own scopes are read after its data, so their versions are the data's only if
      // nothing was written since the route's versions were read, before the data: data_version says.
      const [now, found] = await Promise.all([
        deps.db.executeQuery(versionQuestion),
        askScopes(extra).then((rows) => new Map(rows.rows.map((row) => [row.scope, Number(row.version)]))),
      ]);
      if (Number(now.rows[0]?.version) !== state.version) {
        // Not stored, and no ETag: one made of the route's scopes alone would outlive a change to a
        // project on the page.
        reply.removeHeader('etag');
        return payload;
      }
      names = [...names, ...extra];
      scopes = [...scopes, ...extra.map((scope) => found.get(scope) ?? 0)];
    }
    const etag = etagOf(signatureOf(scopes, state.version), state.tag);
    reply.header('etag', etag);
    if (payload.length > maxEntryBytes) return payload;
    remove(state.key);
    entries.set(state.key, {
      version: state.version,
      names,
      scopes,
      etag,
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
