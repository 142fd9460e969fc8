#!/usr/bin/env node
/**
 * Start to first answer and idle memory of the server, as an operator starts it.
 *
 *   node scripts/measure-start.mjs [runs] [--json] [--database file.sqlite] -- <command…>
 *   node scripts/measure-start.mjs 5 -- node dist/cli/main.js serve
 *   node scripts/measure-start.mjs 5 -- npx tsx src/cli/main.ts serve
 *
 * Each run starts the command on a free port against one SQLite database (prepared by a first,
 * uncounted run, so that every counted run is a restart: migrations checked, dataset already in;
 * with --database, a copy of that file, e.g. the benchmark's `finland` size from bench/generate.ts),
 * times the wait from spawn to the first 200 of /health/ready (and the CPU time the process tree
 * used until then, which a busy machine inflates less than the wall clock), lets the server idle for two seconds,
 * then sums the RSS of the whole process tree (npm, sh, tsx's child…) from /proc. Prints one line
 * per run and the medians; with --json, a JSON line at the end.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
if (split < 0 || split === argv.length - 1) {
  console.error('Usage: node scripts/measure-start.mjs [runs] [--json] [--database file.sqlite] -- <command…>');
  process.exit(2);
}
const options = argv.slice(0, split);
const command = argv.slice(split + 1);
const runs = Number(options.find((o) => /^\d+$/.test(o)) ?? 5);
const json = options.includes('--json');
const from = options.includes('--database') ? options[options.indexOf('--database') + 1] : undefined;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Every process under `pid`, itself included, from /proc/<pid>/task/<tid>/children. */
function tree(pid) {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    try {
      for (const tid of readdirSync(`/proc/${all[i]}/task`)) {
        const children = readFileSync(`/proc/${all[i]}/task/${tid}/children`, 'utf8').trim();
        if (children) all.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // gone meanwhile
    }
  }
  return all;
}

/** User + system CPU time of a process so far, in milliseconds (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function rssKiB(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) : 0;
  } catch {
    return 0;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'measure-start-'));
const sqlite = join(dir, 'db.sqlite');
if (from) copyFileSync(from, sqlite);

async function once() {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      SQLITE_PATH: sqlite,
      DEMO_USERS: 'false',
      ...(from ? { LOAD_DATASET: 'false' } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // its own process group, so that the whole tree can be stopped
  });
  let firstAnswerMs;
  let firstAnswerCpuMs;
  while (firstAnswerMs === undefined) {
    if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) {
        firstAnswerMs = performance.now() - started;
        firstAnswerCpuMs = tree(child.pid).reduce((sum, pid) => sum + cpuMs(pid), 0);
      }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const pids = tree(child.pid);
  const rssMiB = pids.reduce((sum, pid) => sum + rssKiB(pid), 0) / 1024;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
  return { firstAnswerMs, firstAnswerCpuMs, rssMiB, processes: pids.length };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  await once(); // prepares the database; not counted
  const results = [];
  for (let i = 0; i < runs; i++) {
    const result = await once();
    results.push(result);
    console.log(
      `run ${i + 1}: first answer ${result.firstAnswerMs.toFixed(0)} ms (CPU ${result.firstAnswerCpuMs} ms), idle RSS ${result.rssMiB.toFixed(0)} MiB (${result.processes} processes)`,
    );
  }
  const summary = {
    command: command.join(' '),
    runs,
    firstAnswerMs: results.map((r) => Math.round(r.firstAnswerMs)),
    cpuMs: results.map((r) => r.firstAnswerCpuMs),
    rssMiB: results.map((r) => Math.round(r.rssMiB)),
    medianFirstAnswerMs: Math.round(median(results.map((r) => r.firstAnswerMs))),
    medianCpuMs: median(results.map((r) => r.firstAnswerCpuMs)),
    medianRssMiB: Math.round(median(results.map((r) => r.rssMiB))),
  };
  console.log(
    `median: first answer ${summary.medianFirstAnswerMs} ms (CPU ${summary.medianCpuMs} ms), idle RSS ${summary.medianRssMiB} MiB`,
  );
  if (json) console.log(JSON.stringify(summary));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
