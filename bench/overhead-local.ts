/**
 * The fixed cost of a fresh public read, as CPU time: the server (a child process, so that the
 * client's work is not counted) answers each read over one keep-alive connection with
 * Cache-Control: no-cache, and its CPU time per answer is set against the CPU time of the
 * repository call alone in this process. CPU time rather than wall time: on a machine loaded by
 * others it still counts only this work. Profile the server with
 * `OVERHEAD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" npx tsx bench/overhead-local.ts <sqlite file>`.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/database.js';
import { getProjectEntity } from '../src/db/repositories/projects.js';
import { getOrganisation } from '../src/db/repositories/organisations.js';
import { getTheme } from '../src/db/repositories/themes.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

const [mode, pathArg, secondsArg = '4', onlyArg, variantArg] = process.argv.slice(2);
const path = pathArg ?? 'var/bench/programme-s16-g3.sqlite';

if (mode === 'serve') {
  // `dir=/path`: the server of another checkout (an older commit), for a before-and-after in one run.
  const root = variantArg?.startsWith('dir=') ? variantArg.slice(4) : new URL('..', import.meta.url).pathname;
  const { buildApp } = (await import(`${root}/src/server/app.ts`)) as typeof import('../src/server/app.js');
  const { DEFAULT_AUTH_CONFIG } = (await import(`${root}/src/config/env.ts`)) as typeof import('../src/config/env.js');
  const handle = openDatabase({ kind: 'sqlite', path });
  const app = await buildApp(
    {
      db: handle.db,
      dialect: handle.dialect,
      clock: () => new Date(),
      auth: { ...DEFAULT_AUTH_CONFIG, secureCookies: true },
    },
    { logLevel: 'warn' },
  );
  // The Zod type provider's serialiser (a Zod parse, then JSON.stringify), as before issue 16.
  if (variantArg === 'zod') app.setSerializerCompiler(zodSerializerCompiler);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  process.send!(url);
  process.on('message', () => {
    void app.close().then(() => {
      handle.close();
      process.exit(0);
    });
  });
} else {
  // Each variant a server of its own; their rounds alternate, so the machine's load falls on all alike.
  const variants = (variantArg ?? 'current').split(',');
  const servers = await Promise.all(
    variants.map(async (variant) => {
      const child = fork(fileURLToPath(import.meta.url), ['serve', path, '0', '', variant], {
        execArgv: [...(process.env.OVERHEAD_NODE_ARGS ?? '').split(/\s+/).filter(Boolean), '--import', 'tsx'],
      });
      const url = await new Promise<string>((done) => child.once('message', (m) => done(String(m))));
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const cpu = () => {
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
      };
      const fetchOne = (p: string) =>
        new Promise<number>((done, reject) => {
          const req = request(
            `${url}${p}`,
            { agent, headers: { 'accept-encoding': 'gzip', 'cache-control': 'no-cache' } },
            (res) => {
              res.on('data', () => {});
              res.on('end', () => done(res.statusCode ?? 0));
            },
          );
          req.on('error', reject);
          req.end();
        });
      return { variant, child, agent, cpu, fetchOne };
    }),
  );
  const ownCpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const handle = openDatabase({ kind: 'sqlite', path });
  const keys = async (table: 'project_entities' | 'organisations' | 'themes', column: 'key' | 'slug') =>
    (await handle.db.selectFrom(table).select(column).orderBy('id').limit(2000).execute())
      .map((r) => (r as Record<string, string>)[column]!)
      .filter((_, i) => i % 10 === 0);
  const reads = [
    {
      name: 'project',
      keys: await keys('project_entities', 'key'),
      path: (k: string) => `/api/v1/projects/${k}`,
      query: (k: string) => getProjectEntity(handle.db, k),
    },
    {
      name: 'organisation',
      keys: await keys('organisations', 'key'),
      path: (k: string) => `/api/v1/organisations/${k}`,
      query: (k: string) => getOrganisation(handle.db, k),
    },
    {
      name: 'theme',
      keys: (await keys('themes', 'slug')).slice(0, 20),
      path: (k: string) => `/api/v1/themes/${k}`,
      query: (k: string) => getTheme(handle.db, k, { locale: 'fi' }),
    },
  ].filter((r) => !onlyArg || onlyArg.split(',').includes(r.name));
  const seconds = Number(secondsArg);
  type Tally = { cpu: number; wall: number; n: number };
  for (const read of reads) {
    for (const k of read.keys) {
      for (const server of servers) {
        const status = await server.fetchOne(read.path(k));
        if (status !== 200) throw new Error(`${read.name} ${k}: ${status}`);
      }
      await read.query(k);
    }
    const time = async (run: (k: string) => Promise<unknown>, cpu: () => number, into: Tally) => {
      const wall = performance.now();
      const c = cpu();
      let n = 0;
      while (performance.now() - wall < 500) await run(read.keys[n++ % read.keys.length]!);
      into.cpu += cpu() - c;
      into.wall += performance.now() - wall;
      into.n += n;
    };
    const endpoints = servers.map(() => ({ cpu: 0, wall: 0, n: 0 }));
    const queries = { cpu: 0, wall: 0, n: 0 };
    for (let round = 0; round < seconds; round++) {
      for (const [i, server] of servers.entries())
        await time((k) => server.fetchOne(read.path(k)), server.cpu, endpoints[i]!);
      await time(read.query, ownCpu, queries);
    }
    const f = (x: number) => x.toFixed(3);
    const q = queries.cpu / queries.n;
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    for (const [i, server] of servers.entries()) {
      const endpoint = endpoints[i]!;
      const e = endpoint.cpu / endpoint.n;
      console.log(
        `${read.name} [${server.variant}]: CPU per answer ${f(e)} ms vs queries ${f(q)} ms, ratio ${(e / q).toFixed(2)}; wall ${f(endpoint.wall / endpoint.n)} vs ${f(queries.wall / queries.n)} ms (load ${load})`,
      );
    }
  }
  handle.close();
  for (const server of servers) {
    server.agent.destroy();
    server.child.send('stop');
    await new Promise((done) => server.child.once('exit', done));
  }
}
