/**
 * Real faults under the benchmark's mixed workload (bench/run.ts: 90 % public reads, 10 % writes by
 * signed-in finance experts with If-Match), against the real server as a child process:
 *
 * - PostgreSQL is stopped for some seconds and started again, then restarted (`pg_ctl -m fast`). The
 *   cluster is one of the test's own (test/helpers/private-postgres.ts): the shared one serves other
 *   test files at the same time.
 * - The disk under the SQLite database (a small tmpfs of the test's own) fills up, then space is freed.
 *
 * Promised: every answer that is not a success (or the workload's expected 409 for a stale If-Match)
 * is a 503 problem document with Retry-After and nothing internal in it; no request hangs; once the
 * database is back, the same server answers 200 again with no restart; every write answered 200 is in
 * the database; no write is half there (each version step of a record has exactly one audit entry, and
 * the record holds what its last entry says); and the database's own checks find nothing wrong.
 * The figures go to docs/reliability.md. Each part that passes leaves them in
 * var/faults-under-load-{postgres,sqlite}.json, which .ci/run requires: in CI neither may be skipped.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { benchDatabase, type BenchDatabase } from '../../bench/databases.js';
import {
  fetchLocal,
  load,
  migrateBenchDatabase,
  mixedReadPaths,
  mixedWorkload,
  openBenchDatabase,
  prepareSample,
  readEndpoints,
  signInWriters,
  type Measurement,
  type MixedAnswer,
  type Sample,
} from '../../bench/run.js';
import type { Db } from '../../src/db/database.js';
import { privatePostgresUnavailable, startPrivatePostgres } from '../helpers/private-postgres.js';
import { killHard, startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { mountTmpfs, tmpfsUnavailable } from '../helpers/tmpfs.js';

const CONNECTIONS = 8;
/** A request taking longer than this counts as hung (autocannon gives up and counts an error). */
const REQUEST_TIMEOUT_SECONDS = 20;
/** Service must be back within this long after the database is. */
const RECOVERY_BOUND_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => Math.round(ms / 100) / 10;

// ---- the workload and what it saw ------------------------------------------------------------

type Before = {
  projects: Map<string, { id: number; version: number; costEstimate: number | null }>;
  lastAuditId: number;
};

/** The writers' projects as they stand before the load, and where the audit trail ends. */
async function snapshot(db: Db, sample: Sample): Promise<Before> {
  const keys = [...new Set([...sample.writerProjects.values()].flat())];
  const rows = await db
    .selectFrom('project_entities')
    .select(['id', 'key', 'version', 'cost_estimate_cents'])
    .where('key', 'in', keys)
    .execute();
  const last = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return {
    projects: new Map(
      rows.map((r) => [
        r.key,
        {
          id: Number(r.id),
          version: Number(r.version),
          costEstimate: r.cost_estimate_cents === null ? null : Number(r.cost_estimate_cents),
        },
      ]),
    ),
    lastAuditId: Number(last?.id ?? 0),
  };
}

/**
 * The generated data brought up to date, the writer accounts, a connection of the test's own to check
 * with, the state before the load, and the real server on it (logging at warn: the causes of 503s).
 */
async function serve(database: BenchDatabase, cleanups: (() => Promise<void>)[]) {
  await migrateBenchDatabase(database.env);
  const sample = await prepareSample(database.env, 'tiny');
  const check = openBenchDatabase(database.env, { poolSize: 2 });
  cleanups.push(check.close);
  const before = await snapshot(check.db, sample);
  const server = await startServerProcess(
    { ...database.env, LOAD_DATASET: 'false', NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    60_000,
  );
  cleanups.push(() => killHard(server));
  return { sample, check, before, server, port: Number(new URL(server.url).port) };
}

type Run = { answers: MixedAnswer[]; measurement: Measurement; startedAt: number };

/**
 * The mixed workload on `port` while `scenario` runs; the load stops when the scenario is over.
 * `answers` fills as they arrive, so the scenario can wait for what it needs to see.
 */
async function underLoad(
  port: number,
  sample: Sample,
  scenario: (answers: MixedAnswer[]) => Promise<void>,
): Promise<Run> {
  const sessions = await signInWriters(port, sample);
  const answers: MixedAnswer[] = [];
  const { sequence } = mixedWorkload(sessions, mixedReadPaths(readEndpoints(sample)), (answer) => answers.push(answer));
  const startedAt = performance.now();
  const done = scenario(answers);
  const measurement = await load(port, {
    name: 'mixed under faults',
    description: 'the mixed workload while the database fails',
    duration: 240,
    connections: CONNECTIONS,
    sequence,
    timeout: REQUEST_TIMEOUT_SECONDS,
    stopWhen: done.catch(() => undefined),
    // Anything but success, the workload's own 409 and the promised 503 is an error.
    isError: (status) => ![200, 409, 503].includes(status),
  });
  await done;
  return { answers, measurement, startedAt };
}

/** Waits until `check` holds for some answer, at most `timeoutMs`; when that answer came, or null. */
async function waitForAnswer(
  answers: MixedAnswer[],
  check: (answer: MixedAnswer) => boolean,
  timeoutMs: number,
): Promise<number | null> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const found = answers.find(check);
    if (found) return found.at;
    await sleep(50);
  }
  return null;
}

/** Every answer is a success, the workload's 409, or a proper 503; returns the 503s. */
function expectOnlyClearFailures(run: Run, server: ServerProcess): MixedAnswer[] {
  const unexpected = run.answers.filter((a) => ![200, 409, 503].includes(a.status));
  expect(
    unexpected.map((a) => `${a.kind} ${a.status} ${a.body.slice(0, 300)}`),
    server.output().slice(-3000),
  ).toEqual([]);
  // No request hung past the bound, none failed at the socket.
  expect(
    run.measurement.errors,
    `timeouts or socket errors; statuses ${JSON.stringify(run.measurement.statuses)}`,
  ).toBe(0);
  expect(run.measurement.latencyMs.max).toBeLessThan(REQUEST_TIMEOUT_SECONDS * 1000);
  const unavailable = run.answers.filter((a) => a.status === 503);
  for (const answer of unavailable) {
    expect(Number(answer.headers['retry-after']), `Retry-After of ${answer.kind}`).toBeGreaterThan(0);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(answer.body) as { status: number; title: string; detail: string };
    expect(problem.status).toBe(503);
    expect(problem.title).toBeTruthy();
    // Nothing internal: no stack, no driver message, no file names.
    expect(answer.body).not.toMatch(/\bat \S+ \(|node_modules|src\/|SQLITE_|ECONN|terminat|Error:/);
  }
  // The server stayed up: the same process answered everything.
  expect(server.child.exitCode, server.output().slice(-3000)).toBeNull();
  const errorLines = server
    .output()
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line));
  expect(errorLines.slice(0, 3), `the server logged ${errorLines.length} errors (a 500 or an uncaught error)`).toEqual(
    [],
  );
  return unavailable;
}

/** After the faults, with no restart: a public read, a signed-in read and a write all succeed. */
async function expectServiceBack(port: number, sample: Sample): Promise<void> {
  const [session] = await signInWriters(port, { ...sample, writerProjects: new Map([[...sample.writerProjects][0]!]) });
  expect((await fetchLocal(port, '/api/v1/themes')).status).toBe(200);
  const key = session!.projects[0]!;
  const record = await fetchLocal(port, `/api/v1/projects/${key}/record`, { headers: { cookie: session!.cookie } });
  expect(record.status, record.body).toBe(200);
  const write = await fetchLocal(port, `/api/v1/projects/${key}`, {
    method: 'PATCH',
    headers: {
      cookie: session!.cookie,
      'x-csrf-token': session!.csrf,
      'content-type': 'application/json',
      'if-match': String(record.headers.etag),
    },
    body: JSON.stringify({ costEstimate: 123_400 }),
  });
  expect(write.status, write.body).toBe(200);
}

type WriteFigures = {
  /** Answered 200. */
  acknowledged: number;
  /** Audit entries written during the run (the check's own write after the faults included). */
  stored: number;
  /** Stored, though answered 503: the commit went through and the answer was lost with the connection. */
  storedButAnswered503: number;
  /** Stored, no answer received: in flight when the load stopped (or the check's own write). */
  storedUnanswered: number;
  conflicts: number;
  failed: number;
};

/**
 * Every acknowledged write is stored, none is half there: for each project the version moved by
 * exactly the number of audit entries written during the run, the n-th entry after the run started
 * holds what the write acknowledged with version v0 + n sent, and the record holds its last entry.
 */
async function expectWritesIntact(db: Db, before: Before, answers: MixedAnswer[]): Promise<WriteFigures> {
  const writes = answers.filter((a) => a.kind === 'write');
  const acknowledged = writes.filter((a) => a.status === 200);
  const keys = [...before.projects.keys()];
  const now = await db
    .selectFrom('project_entities')
    .select(['id', 'key', 'version', 'cost_estimate_cents'])
    .where('key', 'in', keys)
    .execute();
  const trail = await db
    .selectFrom('audit_log')
    .select(['id', 'entity_id', 'action', 'after'])
    .where('entity_type', '=', 'project')
    .where('id', '>', before.lastAuditId)
    .orderBy('id')
    .execute();
  const entriesOf = new Map<number, { action: string; costEstimate: unknown }[]>();
  for (const entry of trail) {
    const list = entriesOf.get(Number(entry.entity_id)) ?? [];
    list.push({
      action: entry.action,
      costEstimate: (JSON.parse(entry.after ?? 'null') as { costEstimate?: unknown } | null)?.costEstimate,
    });
    entriesOf.set(Number(entry.entity_id), list);
  }
  const halfThere: string[] = [];
  for (const row of now) {
    const was = before.projects.get(row.key)!;
    const entries = entriesOf.get(Number(row.id)) ?? [];
    if (entries.some((e) => e.action !== 'update'))
      halfThere.push(`${row.key}: unexpected ${entries.map((e) => e.action).join(',')}`);
    if (Number(row.version) - was.version !== entries.length)
      halfThere.push(`${row.key}: version ${was.version} → ${row.version} with ${entries.length} audit entries`);
    const holds = row.cost_estimate_cents === null ? null : Number(row.cost_estimate_cents);
    const expected = entries.length > 0 ? entries.at(-1)!.costEstimate : was.costEstimate;
    if (holds !== expected) halfThere.push(`${row.key}: holds ${holds}, its trail says ${String(expected)}`);
  }
  expect(halfThere, 'writes half there').toEqual([]);
  const lost: string[] = [];
  for (const answer of acknowledged) {
    const { version } = JSON.parse(answer.body) as { version: number };
    const was = before.projects.get(answer.key!)!;
    const entry = (entriesOf.get(was.id) ?? [])[version - was.version - 1];
    if (entry?.costEstimate !== answer.costEstimate)
      lost.push(
        `${answer.key} v${version}: acknowledged ${answer.costEstimate}, stored ${String(entry?.costEstimate)}`,
      );
  }
  expect(lost, 'acknowledged writes lost').toEqual([]);
  expect(acknowledged.length).toBeGreaterThan(0);
  // The stored writes no 200 answered: which were answered 503 (the same project and cost estimate).
  const answered = new Set(acknowledged.map((a) => `${a.key} ${a.costEstimate}`));
  const failedWrites = new Set(writes.filter((a) => a.status === 503).map((a) => `${a.key} ${a.costEstimate}`));
  const keyOf = new Map([...before.projects].map(([key, was]) => [was.id, key]));
  const unacknowledged = [...entriesOf]
    .flatMap(([id, entries]) => entries.map((e) => `${keyOf.get(id)} ${String(e.costEstimate)}`))
    .filter((entry) => !answered.has(entry));
  const storedButAnswered503 = unacknowledged.filter((entry) => failedWrites.has(entry)).length;
  return {
    acknowledged: acknowledged.length,
    stored: trail.length,
    storedButAnswered503,
    storedUnanswered: unacknowledged.length - storedButAnswered503,
    conflicts: writes.filter((a) => a.status === 409).length,
    failed: writes.filter((a) => a.status === 503).length,
  };
}

/** What the server logged as the database's errors behind its 503s ("database unavailable"), by code. */
function causes(server: ServerProcess): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of server.output().split('\n')) {
    if (!line.includes('"database unavailable"')) continue;
    const { err } = JSON.parse(line) as { err?: { code?: string; message?: string } };
    const cause = err?.code ?? err?.message?.slice(0, 60) ?? 'unknown';
    counts[cause] = (counts[cause] ?? 0) + 1;
  }
  return counts;
}

/** Prints the figures and leaves them where .ci/run looks for them. */
function report(
  name: 'postgres' | 'sqlite',
  server: ServerProcess,
  run: Run,
  unavailable: MixedAnswer[],
  writes: WriteFigures,
  extra: Record<string, unknown>,
): void {
  const line = JSON.stringify({
    requests: run.answers.length,
    seconds: seconds(performance.now() - run.startedAt),
    statuses: run.measurement.statuses,
    unavailable: {
      total: unavailable.length,
      reads: unavailable.filter((a) => a.kind === 'read').length,
      recordReads: unavailable.filter((a) => a.kind === 'record').length,
      writes: unavailable.filter((a) => a.kind === 'write').length,
    },
    causes: causes(server),
    maxLatencyMs: run.measurement.latencyMs.max,
    writes,
    ...extra,
  });
  console.info(`faults under load, ${name}: ${line}`);
  mkdirSync('var', { recursive: true });
  writeFileSync(`var/faults-under-load-${name}.json`, `${line}\n`);
}

function sayWhySkipped(what: string, reason: string | null): void {
  if (reason) console.warn(`\n  ${what} SKIPPED: ${reason}\n`);
}

// ---- PostgreSQL restarted --------------------------------------------------------------------

const postgresSkip = privatePostgresUnavailable();
sayWhySkipped('PostgreSQL restart under load', postgresSkip);

describe.skipIf(postgresSkip !== null)(
  `PostgreSQL stopped and restarted under load${postgresSkip ? ` (skipped: ${postgresSkip})` : ''}`,
  () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
    });

    it('answers 503 with Retry-After while it is down, comes back by itself, and keeps every acknowledged write', async () => {
      const cluster = await startPrivatePostgres();
      cleanups.push(cluster.destroy);
      const scratch = mkdtempSync(join(tmpdir(), 'teemaseuranta-faults-'));
      cleanups.push(async () => rmSync(scratch, { recursive: true, force: true }));
      const database = await benchDatabase({
        size: 'tiny',
        seed: 1,
        dialect: 'postgres',
        postgresUrl: cluster.url,
        progress: false,
        dir: scratch,
        name: 'faults',
      });
      const { sample, check, before, server, port } = await serve(database, cleanups);

      const outages: { stoppedAt: number; backAt: number; recoveredAt: number | null; how: string }[] = [];
      const okWriteAfter = (answers: MixedAnswer[], at: number) =>
        waitForAnswer(answers, (a) => a.kind === 'write' && a.status === 200 && a.at > at, RECOVERY_BOUND_MS);
      const run = await underLoad(port, sample, async (answers) => {
        // Warm: writes succeed before the fault.
        expect(await okWriteAfter(answers, 0), 'no write succeeded before the fault').not.toBeNull();
        await sleep(2_000);
        // Down for five seconds: stopped (fast: sessions are ended, as by a restart), then started.
        const stoppedAt = performance.now();
        await cluster.stop('fast');
        await sleep(5_000);
        await cluster.start();
        const backAt = performance.now();
        outages.push({ stoppedAt, backAt, recoveredAt: await okWriteAfter(answers, backAt), how: 'stop 5 s, start' });
        await sleep(2_000);
        // A plain restart.
        const restartedAt = performance.now();
        await cluster.restart('fast');
        const restartBackAt = performance.now();
        outages.push({
          stoppedAt: restartedAt,
          backAt: restartBackAt,
          recoveredAt: await okWriteAfter(answers, restartBackAt),
          how: 'pg_ctl restart -m fast',
        });
        await sleep(2_000);
      });

      const unavailable = expectOnlyClearFailures(run, server);
      expect(unavailable.length, 'the outage was never seen').toBeGreaterThan(0);
      for (const outage of outages)
        expect(
          outage.recoveredAt,
          `no write succeeded within ${RECOVERY_BOUND_MS} ms after ${outage.how}`,
        ).not.toBeNull();
      await expectServiceBack(port, sample);
      const writes = await expectWritesIntact(check.db, before, run.answers);

      // PostgreSQL's own check of every table and index of the database (heap and B-tree, amcheck).
      const amcheck = await cluster.bin('pg_amcheck', [
        '-h',
        cluster.socketDir,
        '-p',
        String(cluster.port),
        '-U',
        'postgres',
        '--install-missing',
        '--heapallindexed',
        '-d',
        'teemaseuranta_bench',
      ]);
      expect(amcheck.stdout).toBe('');

      report('postgres', server, run, unavailable, writes, {
        outages: outages.map((o) => ({
          how: o.how,
          downSeconds: seconds(o.backAt - o.stoppedAt),
          recoverySeconds: seconds(o.recoveredAt! - o.backAt),
        })),
        amcheck: 'ok',
      });
    }, 300_000);
  },
);

// ---- SQLite disk full ------------------------------------------------------------------------

const tmpfsSkip = tmpfsUnavailable();
sayWhySkipped('SQLite full disk under load', tmpfsSkip);

/** Fills the file system of `dir` to the last block; the filler's size in bytes. */
function fillDisk(path: string): number {
  const fd = openSync(path, 'w');
  let written = 0;
  try {
    for (const size of [1 << 20, 4096, 512]) {
      const chunk = Buffer.alloc(size, 0xab);
      for (;;) {
        try {
          written += writeSync(fd, chunk);
        } catch (error) {
          if ((error as { code?: string }).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

describe.skipIf(tmpfsSkip !== null)(`SQLite disk full under load${tmpfsSkip ? ` (skipped: ${tmpfsSkip})` : ''}`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
  });

  it('answers 503 with Retry-After to writes while the disk is full, keeps reading, and writes again once space is freed', async () => {
    const disk = mountTmpfs(24);
    cleanups.push(async () => disk.unmount());
    const database = await benchDatabase({
      size: 'tiny',
      seed: 1,
      dialect: 'sqlite',
      progress: false,
      dir: disk.dir,
      name: 'faults',
    });
    const { sample, check, before, server, port } = await serve(database, cleanups);
    const path = database.env.SQLITE_PATH!;

    const filler = join(disk.dir, 'filler');
    const marks = {
      fullAt: 0,
      firstFailedAt: null as number | null,
      freedAt: 0,
      recoveredAt: null as number | null,
      fillerBytes: 0,
      walBytesFull: 0,
    };
    const run = await underLoad(port, sample, async (answers) => {
      expect(
        await waitForAnswer(answers, (a) => a.kind === 'write' && a.status === 200, RECOVERY_BOUND_MS),
        'no write succeeded before the fault',
      ).not.toBeNull();
      await sleep(2_000);
      marks.fullAt = performance.now();
      marks.fillerBytes = fillDisk(filler);
      // Writes fail once SQLite needs a block it does not have (the WAL grows, a checkpoint extends
      // the database file): within seconds under this load. (How they fail is checked below.)
      marks.firstFailedAt = await waitForAnswer(
        answers,
        (a) => a.kind === 'write' && a.status >= 500 && a.at > marks.fullAt,
        60_000,
      );
      await sleep(3_000);
      marks.walBytesFull = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0;
      rmSync(filler);
      marks.freedAt = performance.now();
      marks.recoveredAt = await waitForAnswer(
        answers,
        (a) => a.kind === 'write' && a.status === 200 && a.at > marks.freedAt,
        RECOVERY_BOUND_MS,
      );
      await sleep(2_000);
    });

    expect(marks.firstFailedAt, 'the full disk never made a write fail').not.toBeNull();
    const unavailable = expectOnlyClearFailures(run, server);
    expect(marks.recoveredAt, `no write succeeded within ${RECOVERY_BOUND_MS} ms after space was freed`).not.toBeNull();
    const whileFull = run.answers.filter((a) => a.at > marks.firstFailedAt! && a.at < marks.freedAt);
    const readsWhileFull = whileFull.filter((a) => a.kind === 'read');
    // Reads go on while the disk is full.
    expect(readsWhileFull.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    await expectServiceBack(port, sample);
    const writes = await expectWritesIntact(check.db, before, run.answers);

    // The WAL recovers: a full checkpoint goes through and empties it; the file is sound.
    const checkpoint = await sql<{
      busy: number;
      log: number;
      checkpointed: number;
    }>`pragma wal_checkpoint(TRUNCATE)`.execute(check.db);
    expect(checkpoint.rows[0]!.busy).toBe(0);
    expect(statSync(`${path}-wal`).size).toBe(0);
    expect(
      (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(check.db)).rows.map(
        (r) => r.integrity_check,
      ),
    ).toEqual(['ok']);
    expect((await sql`pragma foreign_key_check`.execute(check.db)).rows).toEqual([]);

    report('sqlite', server, run, unavailable, writes, {
      disk: {
        tmpfsMb: 24,
        fillerMb: Math.round(marks.fillerBytes / 1048576),
        walMbWhileFull: Math.round((marks.walBytesFull / 1048576) * 10) / 10,
      },
      secondsToFirstFailedWrite: seconds(marks.firstFailedAt! - marks.fullAt),
      fullSeconds: seconds(marks.freedAt - marks.fullAt),
      whileFull: {
        reads: readsWhileFull.length,
        readsOk: readsWhileFull.filter((a) => a.status === 200).length,
        writes: whileFull.filter((a) => a.kind === 'write').length,
        writesOk: whileFull.filter((a) => a.kind === 'write' && a.status === 200).length,
      },
      recoverySeconds: seconds(marks.recoveredAt! - marks.freedAt),
      integrityCheck: 'ok',
    });
  }, 300_000);
});
