/**
 * A server of its own for each browser test file, so that two files can run at once without
 * seeing each other's writes (decision 0012). Before the file's tests: a copy of the database that
 * global-setup.ts prepared once (the 2024 data, the users, the reporting periods), a real SMTP
 * server (the `smtp-server` package) on a loopback port as the mail sink, the stand-in of the
 * organisation register, and the real server on a free loopback port, sending its mail to the sink.
 * After them, all of it is stopped and the copy removed.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { startServer } from '../../src/server/server.js';
import { DEFAULT_WEB_ROOT } from '../../src/server/modules/web/web-app.js';
import { startRegisterServer } from '../helpers/register-server.js';
import { startSmtp, type ReceivedMail } from '../helpers/smtp.js';

export type FileServer = {
  /** The server's address, e.g. http://127.0.0.1:41234 (also PUBLIC_URL, so the links in mail name it). */
  url: string;
  /** Every message that has reached the sink, in the order of arrival. */
  mail: ReceivedMail[];
};

let running: FileServer | undefined;
let registered = false;

/** Starts this file's server before its tests (once, however many helpers ask) and stops it after. */
export function useServer(): () => FileServer {
  if (!registered) {
    registered = true;
    let stop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      const started = await startFileServer();
      running = started.server;
      stop = started.stop;
    });
    afterAll(async () => {
      await stop?.();
      running = undefined;
    });
  }
  return currentServer;
}

/** This file's server; only inside its tests and hooks (after useServer's beforeAll). */
export function currentServer(): FileServer {
  if (!running) throw new Error('the file has no server yet (call useServer at its top, use it inside a test)');
  return running;
}

async function startFileServer(): Promise<{ server: FileServer; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'teemaseuranta-e2e-file-'));
  const sqlitePath = join(dir, 'e2e.sqlite');
  copyFileSync(inject('templateDatabase'), sqlitePath);
  const register = await startRegisterServer();
  const smtp = await startSmtp();
  // The port is chosen first so that PUBLIC_URL, which makes the links in the mail, can name it.
  const port = await freePort();
  const env = parseEnv({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    HOST: '127.0.0.1',
    SQLITE_PATH: sqlitePath,
    DEMO_USERS: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    // Every browser test comes from one address; the rate limit has tests of its own (test/api/edge-limits).
    RATE_LIMIT_MAX: '0',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Teemaseuranta <teemaseuranta@e2e.example.fi>',
    MAIL_POLL_SECONDS: '1',
    REGISTER_URL: register.url,
    REGISTER_TIMEOUT_SECONDS: '2',
  });
  const server = await startServer(env, { web: 'built', webRoot: DEFAULT_WEB_ROOT });
  return {
    server: { url: server.url, mail: smtp.received },
    stop: async () => {
      await server.stop();
      await register.close();
      await smtp.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A loopback port nobody listens on now (asked of the system, then given back). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address !== 'string' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
