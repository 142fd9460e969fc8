/**
 * A PostgreSQL 15 cluster of the test's own (initdb into a temporary folder, its own port and socket
 * folder), for tests that must stop or restart the database server: the shared cluster at
 * 127.0.0.1:5432 is used by other test files at the same time. PostgreSQL refuses to run as root, so
 * as root the binaries run as the `postgres` user.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server-process.js';

const run = promisify(execFile);

export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

/** Why a private cluster cannot be started here, or null when it can. */
export function privatePostgresUnavailable(): string | null {
  if (!existsSync(join(POSTGRES_BIN, 'initdb')) || !existsSync(join(POSTGRES_BIN, 'pg_ctl')))
    return `no PostgreSQL 15 binaries in ${POSTGRES_BIN} (Debian: apt-get install postgresql-15)`;
  if (process.platform !== 'linux') return 'needs Linux (runuser, unix sockets)';
  if (process.getuid?.() === 0) {
    // PostgreSQL refuses to run as root.
    if (!existsSync('/usr/sbin/runuser')) return 'running as root without runuser to run PostgreSQL as another user';
    if (!/^postgres:/m.test(readFileSync('/etc/passwd', 'utf8')))
      return 'running as root and there is no postgres user to run PostgreSQL as';
  }
  return null;
}

export type PrivatePostgres = {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  socketDir: string;
  /** Runs one of the cluster's binaries (pg_amcheck, psql…) as the cluster's owner. */
  bin: (name: string, args: string[]) => Promise<{ stdout: string; stderr: string }>;
  stop: (mode?: 'smart' | 'fast' | 'immediate') => Promise<void>;
  start: () => Promise<void>;
  restart: (mode?: 'smart' | 'fast' | 'immediate') => Promise<void>;
  /** Stops the cluster (immediately) and removes its folder. */
  destroy: () => Promise<void>;
};

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const reason = privatePostgresUnavailable();
  if (reason) throw new Error(reason);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'teemaseuranta-pg-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const bin = (name: string, args: string[]) =>
    asRoot
      ? run('/usr/sbin/runuser', ['-u', 'postgres', '--', join(POSTGRES_BIN, name), ...args], { cwd: dir })
      : run(join(POSTGRES_BIN, name), args, { cwd: dir });
  const data = join(dir, 'data');
  const port = await freePort();
  // No fsync during initdb (the cluster is thrown away), but the server itself keeps PostgreSQL's
  // durable defaults (fsync, synchronous_commit, full_page_writes): they are what is being tested.
  await bin('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=60',
    '-c shared_buffers=32MB',
  ].join(' ');
  const logFile = join(dir, 'postgres.log');
  const start = async () => {
    await bin('pg_ctl', ['start', '-D', data, '-w', '-t', '120', '-l', logFile, '-o', options]);
  };
  const stop = async (mode: 'smart' | 'fast' | 'immediate' = 'fast') => {
    await bin('pg_ctl', ['stop', '-D', data, '-w', '-t', '120', '-m', mode]);
  };
  try {
    await start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    socketDir: dir,
    bin,
    start,
    stop,
    restart: async (mode = 'fast') => {
      await bin('pg_ctl', ['restart', '-D', data, '-w', '-t', '120', '-m', mode, '-l', logFile, '-o', options]);
    },
    destroy: async () => {
      await stop('immediate').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
