/**
 * The benchmark: `npm run bench -- --size finland|programme|eu --db sqlite|postgres --duration 10
 * --connections 64`.
 *
 * Generates (or reuses, see databases.ts) the data, starts the REAL server as a child process
 * (`src/cli/main.ts serve`, LOAD_DATASET=false) on it and drives it over loopback with autocannon:
 * the overview, a theme's page and key figures, project search with text and filters, project and
 * organisation pages (each from the cache and, with `Cache-Control: no-cache`, computed afresh),
 * the export streamed in full with the server's RSS sampled from /proc, and a mixed workload of 90 %
 * reads and 10 % writes by signed-in writers with If-Match. In the same run a bare Fastify route (its
 * own child process) sets the yardstick; every endpoint's throughput is also given as a ratio to it.
 * Prints a table and writes var/bench/results-<size>-<db>.json (with --repeat n: one file per run,
 * results-<size>-<db>-<i>.json; `npx tsx bench/report.ts` prints the medians as Markdown).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { createUser } from '../src/server/modules/users/create-user.js';
import { getOverview, getTheme, getThemeFigures } from '../src/db/repositories/themes.js';
import { getCurrentThemeFigures } from '../src/db/repositories/stored-figures.js';
import { getProjectEntity, listProjectEntities } from '../src/db/repositories/projects.js';
import { getOrganisation } from '../src/db/repositories/organisations.js';
import { ZProjectQuery } from '../src/contracts/api.js';
import { BENCH_DIR, benchDatabase, removeBenchDatabase, type BenchDialect } from './databases.js';
import { BENCH_SIZES, SIZES, type BenchSize } from './generate.js';

export type BenchOptions = {
  size: BenchSize;
  dialect: BenchDialect;
  /** Seconds per endpoint. */
  duration: number;
  connections: number;
  seed: number;
  postgresUrl?: string | undefined;
  regenerate?: boolean;
  /** Only these measurements (names as in the table); all when empty. */
  only?: string[];
  /** Where the results JSON goes; var/bench/results-<size>-<db>.json by default. */
  output?: string | null;
  quiet?: boolean;
  /** A throw-away database of this name in this folder instead of the shared cache (the smoke test). */
  scratch?: { dir: string; name: string };
};

export type Measurement = {
  name: string;
  description: string;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  statuses: Record<string, number>;
  errors: number;
  ratioToBare: number | null;
  /** How long the server took to answer what was still queued when the load stopped. */
  drainSeconds?: number;
  /**
   * For an uncached read: its queries' own cost (the repository call behind it, one at a time in the
   * benchmark's process, ms per answer), the endpoint's (one connection over HTTP, mean ms per
   * answer), and their ratio, the app overhead (issue 16: at most 2).
   */
  overhead?: { queriesMs: number; endpointMs: number; ratio: number };
};

export type ExportMeasurement = {
  seconds: number;
  bytes: number;
  megabytesPerSecond: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  samples: number;
  status: number;
  error?: string;
};

export type BenchResults = {
  size: BenchSize;
  database: BenchDialect;
  seed: number;
  startedAt: string;
  machine: { cpus: number; model: string; memoryGb: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  settings: { durationSeconds: number; connections: number };
  data: {
    rows: Record<string, number>;
    totalRows: number;
    importSeconds: number;
    importRowsPerSecond: number;
    generatedNow: boolean;
  };
  /** Wall-clock seconds from spawning the server; cpuSeconds: the server's CPU time until its first answer. */
  startup: { readySeconds: number; firstAnswerSeconds: number; cpuSeconds?: number; migrationSeconds: number | null };
  bare: Measurement;
  endpoints: Measurement[];
  export: ExportMeasurement | null;
  mixed: (Measurement & { conflicts: number; writes: number }) | null;
  nationalReview: { medianMs: number; line: string } | { skipped: string };
};

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const WRITER_PASSWORD = 'Bench-kirjoittaja-2026!';
const WRITERS = 8;
const SYSTEM = { actorId: null, actor: 'bench:setup', ip: null, requestId: null, at: '2026-01-15T08:00:00.000Z' };

// ---- child processes -------------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

type Child = { process: ChildProcess; output: () => string; stop: () => Promise<void> };

/** `node --import tsx <script>`: one process, so /proc/<pid> is the server itself. */
function startChild(script: string, args: string[], env: Record<string, string>): Child {
  // Compiled JavaScript runs as it is (what production runs); TypeScript through tsx.
  const loader = script.endsWith('.js') ? [] : ['--import', 'tsx'];
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p": Node's own options for the children, to
  // profile the server under the benchmark's load (Node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...loader, script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return {
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

export type Answer = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

export function fetchLocal(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((done, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function waitFor(check: () => Promise<boolean>, child: Child, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.process.exitCode !== null)
      throw new Error(`${what}: the process exited (${child.process.exitCode})\n${child.output()}`);
    try {
      if (await check()) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${what}: not ready in ${timeoutMs} ms\n${child.output()}`);
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat(5); the slice starts at field 3.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

// ---- load ------------------------------------------------------------------------------------

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export type LoadOptions = {
  name: string;
  description: string;
  /** Seconds; with `stopWhen`, the longest it may run. */
  duration: number;
  connections: number;
  paths?: string[];
  headers?: Record<string, string>;
  sequence?: autocannon.Request[];
  /** Which statuses count as errors (timeouts and socket errors always do); 4xx and 5xx by default. */
  isError?: (status: number) => boolean;
  /** Seconds a request may take before autocannon gives up on it (and counts an error); 30 by default. */
  timeout?: number;
  /** The load stops when this settles (the fault tests end it when their scenario is over). */
  stopWhen?: Promise<unknown>;
};

/**
 * Drives `port` with `connections` connections for `duration` seconds. The requests come from
 * `next` (called once per request, so a list of URLs is walked round-robin) or, for the mixed
 * workload, from autocannon's per-connection sequence.
 */
export async function load(port: number, options: LoadOptions): Promise<Measurement> {
  const latencies: number[] = [];
  let answered = 0;
  const statuses: Record<string, number> = {};
  let errors = 0;
  let cursor = 0;
  const paths = options.paths ?? ['/'];
  const requests: autocannon.Request[] = options.sequence ?? [
    {
      method: 'GET',
      setupRequest: (request) => ({
        ...request,
        path: paths[cursor++ % paths.length]!,
        headers: { ...request.headers, ...options.headers },
      }),
    },
  ];
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    duration: options.duration,
    requests,
    timeout: options.timeout ?? 30,
  });
  void options.stopWhen?.finally(() => instance.stop());
  // The first answer on each connection waited for the connection to be accepted too: the clock
  // starts once a connection is open, so a slow accept does not show as a p99 (issue 16).
  const opened = new WeakSet<object>();
  instance.on('response', (client: object, statusCode: number, _bytes: number, responseTime: number) => {
    answered++;
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (opened.has(client)) latencies.push(responseTime);
    else opened.add(client);
    if ((options.isError ?? ((status: number) => status >= 400))(statusCode)) errors++;
  });
  instance.on('reqError', () => errors++);
  const result = await instance;
  const sorted = Float64Array.from(latencies).sort();
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    name: options.name,
    description: options.description,
    requests: answered,
    requestsPerSecond: Math.round(answered / Math.max(result.duration, 0.001)),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
    },
    statuses,
    errors: errors + result.timeouts,
    ratioToBare: null,
  };
}

/**
 * Waits until the server answers a liveness request quickly again: requests still queued from the
 * previous measurement must not be charged to the next one.
 */
async function settle(port: number): Promise<number> {
  const started = performance.now();
  let quick = 0;
  while (performance.now() - started < 180_000 && quick < 3) {
    const asked = performance.now();
    await fetchLocal(port, '/health/live');
    quick = performance.now() - asked < 20 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 20));
  }
  return Math.round((performance.now() - started) / 100) / 10;
}

/** The export, read to the end and thrown away, with the server's RSS sampled every 50 ms. */
async function measureExport(port: number, pid: number): Promise<ExportMeasurement> {
  const rssBefore = rssMb(pid);
  let peak = rssBefore;
  let samples = 0;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
      samples++;
    } catch {
      // the process is gone; the request will fail too
    }
  }, 50);
  const started = performance.now();
  try {
    const { status, bytes } = await new Promise<{ status: number; bytes: number }>((done, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/v1/export' }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => done({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
    const seconds = (performance.now() - started) / 1000;
    return {
      seconds: Math.round(seconds * 100) / 100,
      bytes,
      megabytesPerSecond: Math.round((bytes / 1048576 / seconds) * 10) / 10,
      rssBeforeMb: Math.round(rssBefore),
      rssPeakMb: Math.round(peak),
      samples,
      status,
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Compiling the national review to DOCX, by bench/compile-review-docx.ts (its own database with the
 * 2024 data and its twelve reports: the review covers the national themes, whatever the size here).
 */
async function measureReview(): Promise<BenchResults['nationalReview']> {
  const child = startChild('bench/compile-review-docx.ts', ['7'], {});
  const code = await new Promise<number | null>((done) => child.process.once('exit', done));
  // What an official waits for after a change: the review made afresh (the cached answer is the
  // script's other line).
  const line = child
    .output()
    .split('\n')
    .find((l) => l.startsWith('2024 review to DOCX, made'));
  const median = line ? /median (\d+) ms/.exec(line) : null;
  if (!median) return { skipped: `bench/compile-review-docx.ts failed (${code}): ${child.output().slice(-500)}` };
  return { medianMs: Number(median[1]), line: line! };
}

// ---- the run ---------------------------------------------------------------------------------

export type Sample = {
  themes: string[];
  projects: string[];
  organisations: string[];
  words: string[];
  projectCodes: string[];
  /** The distinctive end of organisations' names ("yhdistys ry 1234"). */
  organisationNames: string[];
  writerProjects: Map<string, string[]>;
};

/** The database behind a benchmark environment (`DATABASE_URL` or `SQLITE_PATH`). */
export function openBenchDatabase(env: Record<string, string>, options: { poolSize?: number } = {}): DatabaseHandle {
  return openDatabase(
    env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'sqlite', path: env.SQLITE_PATH! },
    options,
  );
}

/** Runs the migrations newer than a generated (or cached) database; the names of those that ran. */
export async function migrateBenchDatabase(env: Record<string, string>): Promise<string[]> {
  const { prepareDatabase, DEFAULT_TOPOLOGY } = await import('../src/db/prepare.js');
  const handle = openBenchDatabase(env);
  const migrated = await prepareDatabase(handle, { topologyPath: DEFAULT_TOPOLOGY }).finally(() => handle.close());
  return migrated.migrations;
}

/** Writer accounts (finance experts of the first themes) and the keys the requests use, spread over the data. */
export async function prepareSample(env: Record<string, string>, size: BenchSize): Promise<Sample> {
  const handle = openBenchDatabase(env, { poolSize: 2 });
  try {
    const db = handle.db;
    const themes = (await db.selectFrom('themes').select('slug').orderBy('id').execute()).map((t) => t.slug);
    const spec = SIZES[size];
    // Every n-th key by id: the same keys on every run and both databases, spread over the data.
    const spread = async (table: 'project_entities' | 'organisations', count: number, total: number) => {
      const step = Math.max(1, Math.floor(total / count));
      const ids = Array.from({ length: count }, (_, i) => 1 + i * step);
      const rows = await db.selectFrom(table).select('key').where('id', 'in', ids).orderBy('id').execute();
      return rows.map((r) => r.key);
    };
    const entityCount = Number(
      (
        await db
          .selectFrom('project_entities')
          .select((eb) => eb.fn.max('id').as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const projects = await spread('project_entities', 200, entityCount);
    const organisations = await spread('organisations', 200, spec.organisations);
    const writerProjects = new Map<string, string[]>();
    for (let w = 0; w < WRITERS; w++) {
      const theme = themes[w % themes.length]!;
      const username = `bench-writer-${w + 1}`;
      const existing = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      if (!existing)
        await createUser(db, SYSTEM, {
          username,
          displayName: `Bench writer ${w + 1}`,
          password: WRITER_PASSWORD,
          roles: [{ role: 'finance_expert', theme }],
        });
      const keys = await db
        .selectFrom('project_entities as e')
        .innerJoin('themes as t', 't.id', 'e.theme_id')
        .select('e.key')
        .where('t.slug', '=', theme)
        .where('e.archived_at', 'is', null)
        .orderBy('e.id')
        .limit(100)
        .execute();
      writerProjects.set(
        username,
        keys.map((k) => k.key),
      );
    }
    // Words that occur in generated names and implementers (see generate.ts), from common to rare.
    const words = ['polku', 'osaamisen', 'nuorten', 'verkosto', 'kehitys', 'säätiö', 'yhdistys', 'kiihdyttämö'];
    const projectCodes = (
      await db
        .selectFrom('projects')
        .select('code')
        .where('code', 'is not', null)
        .where(
          'id',
          'in',
          Array.from({ length: 30 }, (_, i) => 1 + i * Math.floor(spec.projects / 30)),
        )
        .execute()
    ).map((p) => p.code!);
    const organisationNames = (
      await db.selectFrom('organisations').select('name_fi').where('key', 'in', organisations.slice(0, 30)).execute()
    ).map((o) => o.name_fi.toLowerCase().split(' ').slice(-2).join(' '));
    return { themes, projects, organisations, words, projectCodes, organisationNames, writerProjects };
  } finally {
    await handle.close();
  }
}

/**
 * Searches as people make them: a common word within a theme, a project code or a part of an
 * organisation's name alone, and a name part with a status. (A common word with no narrowing filter
 * over the whole EU-size data is the slow case; docs/performance.md gives its time separately.)
 */
function searchPaths(sample: Sample): string[] {
  const paths: string[] = [];
  const statuses = ['running', 'granted', 'ended'];
  for (let i = 0; i < 60; i++) {
    const word = sample.words[i % sample.words.length]!;
    const theme = sample.themes[(i * 7) % sample.themes.length]!;
    const project = sample.projectCodes[i % sample.projectCodes.length]!;
    const organisation = sample.organisationNames[i % sample.organisationNames.length]!;
    const variants = [
      `q=${encodeURIComponent(word)}&theme=${theme}`,
      `q=${encodeURIComponent(project.toLowerCase())}`,
      `q=${encodeURIComponent(organisation)}&status=${statuses[i % 3]}`,
    ];
    paths.push(`/api/v1/projects?${variants[i % variants.length]}`);
  }
  return paths;
}

export type ReadEndpoint = { name: string; description: string; paths: string[] };

/** The repository call that computes each read's answer, from its path. */
function queriesOf(handle: DatabaseHandle, name: string): ((path: string) => Promise<unknown>) | null {
  const { db, dialect } = handle;
  const context = { locale: 'fi' as const };
  const last = (path: string) => decodeURIComponent(new URL(path, 'http://x').pathname.split('/').at(-1)!);
  switch (name) {
    case 'overview':
      return () => getOverview(db, { limit: 100 }, context);
    case 'theme':
      return (path) => getTheme(db, last(path), context);
    case 'figures':
      return (path) => getCurrentThemeFigures(db, new URL(path, 'http://x').pathname.split('/').at(-2)!, new Date());
    case 'figures-computed':
      return (path) =>
        getThemeFigures(db, new URL(path, 'http://x').pathname.split('/').at(-2)!, COMPUTED_FIGURES_AS_OF);
    case 'search':
      return (path) =>
        listProjectEntities(
          db,
          ZProjectQuery.parse(Object.fromEntries(new URL(path, 'http://x').searchParams)),
          dialect,
        );
    case 'project':
      return (path) => getProjectEntity(db, last(path));
    case 'organisation':
      return (path) => getOrganisation(db, last(path));
    default:
      return null;
  }
}

/** Mean ms per answer of the repository calls, one at a time, over the read's paths. */
async function measureQueries(handle: DatabaseHandle, read: ReadEndpoint, seconds: number): Promise<number | null> {
  const run = queriesOf(handle, read.name);
  if (!run) return null;
  for (const path of read.paths.slice(0, 5)) await run(path);
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) await run(read.paths[count++ % read.paths.length]!);
  return (performance.now() - started) / count;
}

/** The public reads measured one by one; the mixed workload draws its reads from them too. */
export function readEndpoints(sample: Sample): ReadEndpoint[] {
  return [
    {
      name: 'overview',
      description: 'GET /api/v1/overview (what the overview page asks)',
      paths: ['/api/v1/overview'],
    },
    {
      name: 'theme',
      description: 'GET /api/v1/themes/:slug',
      paths: sample.themes.slice(0, 100).map((slug) => `/api/v1/themes/${slug}`),
    },
    {
      name: 'figures',
      description: 'GET /api/v1/themes/:slug/figures',
      paths: sample.themes.slice(0, 100).map((slug) => `/api/v1/themes/${slug}/figures`),
    },
    {
      // As of a day far ahead: every entity counts, as today, but the figures are computed on every
      // request instead of read from the store (migration 0018): what the first read after a change costs.
      name: 'figures-computed',
      description: `GET /api/v1/themes/:slug/figures?asOf=${COMPUTED_FIGURES_AS_OF}`,
      paths: sample.themes.slice(0, 100).map((slug) => `/api/v1/themes/${slug}/figures?asOf=${COMPUTED_FIGURES_AS_OF}`),
    },
    { name: 'search', description: 'GET /api/v1/projects?q=…&filters', paths: searchPaths(sample) },
    {
      name: 'project',
      description: 'GET /api/v1/projects/:key',
      paths: sample.projects.map((key) => `/api/v1/projects/${key}`),
    },
    {
      name: 'organisation',
      description: 'GET /api/v1/organisations/:key',
      paths: sample.organisations.map((key) => `/api/v1/organisations/${key}`),
    },
  ];
}

/** The mixed workload's reads: what visitors ask (not the computed figures, a measuring device). */
export const mixedReadPaths = (reads: ReadEndpoint[]) =>
  reads.filter((read) => read.name !== 'figures-computed').flatMap((read) => read.paths.slice(0, 30));

const COMPUTED_FIGURES_AS_OF = '2100-12-31';

export type WriterSession = { username: string; cookie: string; csrf: string; projects: string[] };

/** Signs in the writer accounts of `prepareSample` through the real sign-in route. */
export async function signInWriters(port: number, sample: Sample): Promise<WriterSession[]> {
  const sessions: WriterSession[] = [];
  for (const [username, projects] of sample.writerProjects) {
    const answer = await fetchLocal(port, '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: WRITER_PASSWORD }),
    });
    if (answer.status !== 200) throw new Error(`sign-in of ${username}: ${answer.status} ${answer.body}`);
    const setCookie = ([] as string[]).concat(answer.headers['set-cookie'] ?? []);
    sessions.push({
      username,
      cookie: setCookie.map((c) => c.split(';')[0]).join('; '),
      csrf: (JSON.parse(answer.body) as { csrfToken: string }).csrfToken,
      projects,
    });
  }
  return sessions;
}

/** One answer of the mixed workload, for a test that checks each (the fault tests). */
export type MixedAnswer = {
  kind: 'read' | 'record' | 'write';
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** `performance.now()` when the answer arrived. */
  at: number;
  /** For a record read and a write: the project, and for a write the cost estimate it sent. */
  key?: string;
  costEstimate?: number;
};

/** What a writer connection carries from reading a record to changing it. */
type WriterContext = { session?: WriterSession; key?: string; version?: string; costEstimate?: number };

/** A stale If-Match (409) is the workload working as meant, not an error. */
export const MIXED_IS_ERROR = (status: number) => status >= 400 && status !== 409;

/**
 * The mixed workload, per connection in a loop: eight public reads, then a writer reads a project's
 * record for its version and changes its cost estimate with If-Match (90 % reads, 10 % writes). Two
 * connections may pick the same project: 409. `observe`, when given, sees every answer.
 */
export function mixedWorkload(
  sessions: WriterSession[],
  readPaths: string[],
  observe?: (answer: MixedAnswer) => void,
): { sequence: autocannon.Request<WriterContext>[]; counts: { writes: number; conflicts: number } } {
  const counts = { writes: 0, conflicts: 0 };
  let writerTurn = 0;
  let readTurn = 0;
  const lowerCase = (headers: Record<string, string>) =>
    Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const publicRead: autocannon.Request<WriterContext> = {
    method: 'GET',
    setupRequest: (request) => ({
      ...request,
      path: readPaths[readTurn++ % readPaths.length]!,
      headers: { 'accept-encoding': 'gzip' },
    }),
    ...(observe && {
      onResponse: (status: number, body: string, _context: unknown, headers: Record<string, string>) =>
        observe({ kind: 'read', status, headers: lowerCase(headers), body, at: performance.now() }),
    }),
  };
  const sequence: autocannon.Request<WriterContext>[] = [
    ...Array.from({ length: 8 }, () => publicRead),
    {
      method: 'GET',
      setupRequest: (request, context) => {
        const session = sessions[writerTurn++ % sessions.length]!;
        const key = session.projects[Math.floor(Math.random() * session.projects.length)]!;
        context.session = session;
        context.key = key;
        return { ...request, path: `/api/v1/projects/${key}/record`, headers: { cookie: session.cookie } };
      },
      onResponse: (status, body, context, headers) => {
        context.version = status === 200 ? (headers.etag ?? '"0"') : '"0"';
        observe?.({
          kind: 'record',
          status,
          headers: lowerCase(headers),
          body,
          at: performance.now(),
          key: context.key,
        });
      },
    },
    {
      method: 'PATCH',
      setupRequest: (request, context) => {
        const session = context.session!;
        context.costEstimate = 100_000 * (1 + Math.floor(Math.random() * 5000));
        return {
          ...request,
          path: `/api/v1/projects/${context.key}`,
          headers: {
            cookie: session.cookie,
            'x-csrf-token': session.csrf,
            'content-type': 'application/json',
            'if-match': context.version,
          },
          body: JSON.stringify({ costEstimate: context.costEstimate }),
        };
      },
      onResponse: (status, body, context, headers) => {
        counts.writes++;
        if (status === 409) counts.conflicts++;
        observe?.({
          kind: 'write',
          status,
          headers: lowerCase(headers),
          body,
          at: performance.now(),
          key: context.key,
          costEstimate: context.costEstimate,
        });
      },
    },
  ];
  return { sequence, counts };
}

export async function runBenchmark(options: BenchOptions): Promise<BenchResults> {
  const log = (message: string) => {
    if (!options.quiet) process.stderr.write(`${message}\n`);
  };
  const wanted = (name: string) => !options.only || options.only.length === 0 || options.only.includes(name);
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadavg().map((n) => Math.round(n * 100) / 100);

  log(
    `bench: ${options.size} on ${options.dialect}, ${options.duration} s per endpoint, ${options.connections} connections`,
  );
  const database = await benchDatabase({
    size: options.size,
    seed: options.seed,
    dialect: options.dialect,
    postgresUrl: options.postgresUrl,
    regenerate: options.regenerate,
    progress: !options.quiet,
    ...options.scratch,
  });
  log(
    `data: ${database.generated.totalRows.toLocaleString('en')} rows, loaded in ${(database.generated.loadMs / 1000).toFixed(1)} s${database.fresh ? '' : ' (cached)'}`,
  );

  // Migrations newer than the cached database run at the first start; that start is not the start-up measured.
  const serverEnv = {
    ...database.env,
    LOAD_DATASET: 'false',
    DEMO_USERS: 'false',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    // The load driver is one address asking thousands of times a second: it measures the server, not the limit.
    RATE_LIMIT_MAX: '0',
  };
  const migrationStarted = performance.now();
  const migrations = await migrateBenchDatabase(database.env);
  const migrationSeconds = migrations.length > 0 ? (performance.now() - migrationStarted) / 1000 : null;
  if (migrations.length > 0)
    log(`migrated the cached database: ${migrations.join(', ')} (${migrationSeconds!.toFixed(1)} s)`);

  const sample = await prepareSample(database.env, options.size);

  // A fresh clone has no dist/web: the server would build it at its first start, and that build
  // (half a minute) is not the start-up being measured.
  const { buildWebApp, builtWebRoot } = await import('../src/server/modules/web/web-app.js');
  if (!builtWebRoot()) {
    log('building the web application first (dist/web), so that start-up is measured without it');
    await buildWebApp();
  }

  // The server as production runs it: the build's dist/server/main.js (built now if older than src/).
  const { build, staleParts } = (await import(pathToFileURL(join(ROOT, 'scripts/build.mjs')).href)) as {
    build: (parts: string[]) => Promise<void>;
    staleParts: (parts: string[]) => string[];
  };
  if (staleParts(['server']).length > 0) {
    log('building the server (dist/server/main.js)');
    await build(['server']);
  }

  const cleanups: (() => Promise<void>)[] = [];
  const bareChild = startChild('bench/bare-server.ts', [], {});
  const port = await freePort();
  const spawnedAt = performance.now();
  const server = startChild('dist/server/main.js', ['serve'], { ...serverEnv, PORT: String(port) });
  try {
    let readySeconds = 0;
    await waitFor(async () => (await fetchLocal(port, '/health/ready')).status === 200, server, 120_000, 'server');
    readySeconds = (performance.now() - spawnedAt) / 1000;
    await waitFor(
      async () => (await fetchLocal(port, '/api/v1/themes')).status === 200,
      server,
      120_000,
      'first answer',
    );
    const firstAnswerSeconds = (performance.now() - spawnedAt) / 1000;
    // What the start cost in CPU, whatever else the machine was doing (clock ticks of 10 ms).
    const startupCpuSeconds = cpuSeconds(server.process.pid!);
    log(
      `server: ready in ${readySeconds.toFixed(2)} s, first answer (the overview) in ${firstAnswerSeconds.toFixed(2)} s`,
    );

    let barePort = 0;
    await waitFor(
      async () => {
        const line = bareChild
          .output()
          .split('\n')
          .find((l) => l.startsWith('{"port"'));
        if (line) barePort = Number(JSON.parse(line).port);
        return barePort > 0;
      },
      bareChild,
      30_000,
      'bare server',
    );

    // The export first, on the freshly started server: its RSS then shows what the export holds, not
    // what the load tests left in the heap and the cache.
    let exported: ExportMeasurement | null = null;
    if (wanted('export')) {
      try {
        exported = await measureExport(port, server.process.pid!);
        log(
          `export: ${(exported.bytes / 1048576).toFixed(1)} MB in ${exported.seconds} s, RSS ${exported.rssBeforeMb} → peak ${exported.rssPeakMb} MB`,
        );
      } catch (error) {
        // A broken export is a finding, not a reason to lose the other measurements.
        exported = {
          seconds: 0,
          bytes: 0,
          megabytesPerSecond: 0,
          rssBeforeMb: 0,
          rssPeakMb: 0,
          samples: 0,
          status: 0,
          error: `${String(error)}; server: ${server.output().slice(-400)}`,
        };
        log(`export FAILED: ${exported.error}`);
        await waitFor(
          async () => (await fetchLocal(port, '/health/ready')).status === 200,
          server,
          60_000,
          'server after the export',
        );
      }
    }

    const common = { duration: options.duration, connections: options.connections };
    const bare = await load(barePort, {
      ...common,
      name: 'bare',
      description: 'bare Fastify route (no database), the yardstick',
      paths: ['/bare'],
    });
    log(`bare route: ${bare.requestsPerSecond} req/s`);

    const reads = readEndpoints(sample);
    const endpoints: Measurement[] = [];
    const queryHandle = wanted('overhead') || !options.only ? openBenchDatabase(database.env, { poolSize: 2 }) : null;
    cleanups.push(async () => queryHandle?.close());
    for (const read of reads) {
      if (!wanted(read.name)) continue;
      for (const cached of [true, false]) {
        // The cached measurement starts warm: each URL asked once (at most 30 s), as a server in use
        // has been asked before. The uncached one then shows what a cold answer costs.
        if (cached) {
          const deadline = performance.now() + 30_000;
          for (const path of read.paths) {
            if (performance.now() > deadline) break;
            await fetchLocal(port, path, { headers: { 'accept-encoding': 'gzip' } });
          }
        }
        const measurement = await load(port, {
          ...common,
          name: cached ? read.name : `${read.name} (uncached)`,
          description: cached ? read.description : `${read.description}, Cache-Control: no-cache`,
          paths: read.paths,
          // As a browser asks: compressed if the server will.
          headers: cached ? { 'accept-encoding': 'gzip' } : { 'accept-encoding': 'gzip', 'cache-control': 'no-cache' },
        });
        measurement.ratioToBare =
          Math.round((measurement.requestsPerSecond / Math.max(bare.requestsPerSecond, 1)) * 1000) / 1000;
        measurement.drainSeconds = await settle(port);
        if (!cached && queryHandle) {
          // The same answers one at a time: over HTTP on one connection, and as the bare repository
          // calls in this process; the ratio is what the endpoint adds to its queries.
          const single = await load(port, {
            duration: OVERHEAD_SECONDS,
            connections: 1,
            name: `${read.name} (one connection)`,
            description: 'one at a time, Cache-Control: no-cache',
            paths: read.paths,
            headers: { 'accept-encoding': 'gzip', 'cache-control': 'no-cache' },
          });
          const endpointMs = (OVERHEAD_SECONDS * 1000) / Math.max(single.requests, 1);
          const queriesMs = await measureQueries(queryHandle, read, OVERHEAD_SECONDS);
          if (queriesMs !== null)
            measurement.overhead = {
              queriesMs: round2(queriesMs),
              endpointMs: round2(endpointMs),
              ratio: round2(endpointMs / queriesMs),
            };
        }
        endpoints.push(measurement);
        log(
          `${measurement.name}: ${measurement.requestsPerSecond} req/s, p95 ${measurement.latencyMs.p95} ms, errors ${measurement.errors}, drained in ${measurement.drainSeconds} s`,
        );
      }
    }

    let mixed: BenchResults['mixed'] = null;
    if (wanted('mixed')) {
      const sessions = await signInWriters(port, sample);
      const { sequence, counts } = mixedWorkload(sessions, mixedReadPaths(reads));
      const measurement = await load(port, {
        ...common,
        name: 'mixed',
        description: '90 % reads, 10 % writes (PATCH with If-Match by signed-in finance experts)',
        sequence,
        isError: MIXED_IS_ERROR,
      });
      measurement.ratioToBare =
        Math.round((measurement.requestsPerSecond / Math.max(bare.requestsPerSecond, 1)) * 1000) / 1000;
      mixed = { ...measurement, ...counts };
      log(
        `mixed: ${measurement.requestsPerSecond} req/s, p99 ${measurement.latencyMs.p99} ms, errors ${measurement.errors}, writes ${counts.writes} (409: ${counts.conflicts})`,
      );
    }

    const results: BenchResults = {
      size: options.size,
      database: options.dialect,
      seed: options.seed,
      startedAt,
      machine: {
        cpus: availableParallelism(),
        model: cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(totalmem() / 1024 ** 3),
        loadAverageAtStart,
        loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100),
      },
      settings: { durationSeconds: options.duration, connections: options.connections },
      data: {
        rows: database.generated.rows,
        totalRows: database.generated.totalRows,
        importSeconds: Math.round(((database.generated.schemaMs + database.generated.loadMs) / 1000) * 10) / 10,
        importRowsPerSecond: database.generated.rowsPerSecond,
        generatedNow: database.fresh,
      },
      startup: {
        readySeconds: round2(readySeconds),
        firstAnswerSeconds: round2(firstAnswerSeconds),
        cpuSeconds: round2(startupCpuSeconds),
        migrationSeconds: migrationSeconds === null ? null : round2(migrationSeconds),
      },
      bare,
      endpoints,
      export: exported,
      mixed,
      nationalReview: wanted('review') ? await measureReview() : { skipped: 'not asked for (--only)' },
    };
    if (options.output !== null) {
      const path = options.output ?? join(BENCH_DIR, `results-${options.size}-${options.dialect}.json`);
      writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
      log(`results: ${path}`);
    }
    return results;
  } finally {
    for (const cleanup of cleanups) await cleanup();
    await server.stop();
    await bareChild.stop();
    if (options.scratch) await removeBenchDatabase(database);
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Seconds per read for the app-overhead measurement (one connection, then the bare queries). */
const OVERHEAD_SECONDS = 2;

export function formatTable(results: BenchResults): string {
  const rows: string[][] = [
    ['measurement', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', '× bare', 'app overhead (endpoint/queries)'],
  ];
  for (const m of [results.bare, ...results.endpoints, ...(results.mixed ? [results.mixed] : [])]) {
    rows.push([
      m.name,
      String(m.requestsPerSecond),
      String(m.latencyMs.p50),
      String(m.latencyMs.p95),
      String(m.latencyMs.p99),
      String(m.errors),
      m.ratioToBare === null ? '1' : m.ratioToBare.toFixed(2),
      'overhead' in m && m.overhead ? `${m.overhead.ratio} (${m.overhead.endpointMs}/${m.overhead.queriesMs} ms)` : '',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const out = [
    `${results.size} on ${results.database}: ${results.data.totalRows.toLocaleString('en')} rows, ${results.settings.connections} connections, ${results.settings.durationSeconds} s each, load average ${results.machine.loadAverageAtStart.join(' ')} (${results.machine.cpus} cpus)`,
    line(rows[0]!),
    ...rows.slice(1).map(line),
  ];
  if (results.mixed)
    out.push(
      `mixed: ${results.mixed.writes} writes, ${results.mixed.conflicts} answered 409 (a stale If-Match: expected, not an error)`,
    );
  if (results.export)
    out.push(
      `export: ${(results.export.bytes / 1048576).toFixed(1)} MB in ${results.export.seconds} s (${results.export.megabytesPerSecond} MB/s), server RSS ${results.export.rssBeforeMb} MB before, peak ${results.export.rssPeakMb} MB`,
    );
  out.push(
    `start-up: ready ${results.startup.readySeconds} s, first answer ${results.startup.firstAnswerSeconds} s (server CPU ${results.startup.cpuSeconds} s)`,
  );
  out.push(
    `import: ${results.data.importSeconds} s (${results.data.importRowsPerSecond.toLocaleString('en')} rows/s)${results.data.generatedNow ? '' : ', measured when the cached database was generated'}`,
  );
  out.push(
    `national review: ${'skipped' in results.nationalReview ? `skipped (${results.nationalReview.skipped})` : `${results.nationalReview.line} (2024 data, 12 themes)`}`,
  );
  return out.join('\n');
}

// ---- command line ----------------------------------------------------------------------------

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const size = (argument(args, 'size') ?? 'finland') as BenchSize;
  const dialect = (argument(args, 'db') ?? 'sqlite') as BenchDialect;
  if (!BENCH_SIZES.includes(size) || (dialect !== 'sqlite' && dialect !== 'postgres')) {
    console.error(
      `Usage: npm run bench -- [--size ${BENCH_SIZES.join('|')}] [--db sqlite|postgres] [--duration seconds] [--connections n] [--seed n] [--only a,b] [--repeat n] [--regenerate] [--postgres-url url]`,
    );
    return 2;
  }
  // --repeat n: n runs, each with its own server start, written to results-<size>-<db>-<i>.json;
  // bench/report.ts gives the medians.
  const repeat = Number(argument(args, 'repeat') ?? 1);
  for (let run = 1; run <= repeat; run++) {
    const results = await runBenchmark({
      size,
      dialect,
      duration: Number(argument(args, 'duration') ?? 10),
      connections: Number(argument(args, 'connections') ?? 64),
      seed: Number(argument(args, 'seed') ?? 1),
      postgresUrl: argument(args, 'postgres-url'),
      regenerate: run === 1 && args.includes('--regenerate'),
      only: argument(args, 'only')?.split(','),
      output: repeat > 1 ? join(BENCH_DIR, `results-${size}-${dialect}-${run}.json`) : undefined,
    });
    if (repeat > 1) console.log(`run ${run} of ${repeat}`);
    console.log(formatTable(results));
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
