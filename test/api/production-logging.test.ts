/**
 * The production log (LOG_LEVEL warn, the default with NODE_ENV=production): quiet for ordinary
 * requests, but a refused sign-in or a write without its CSRF token is there, with the request's id,
 * the client's address and the actor, so an operator can find it. The real server as a child process, so the log is its output.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killHard, startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const run = promisify(execFile);

describe('the production log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'production-logging-'));
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess(
      { NODE_ENV: 'production', LOG_LEVEL: 'warn', SQLITE_PATH: join(dir, 'db.sqlite'), LOAD_DATASET: 'false' },
      60_000,
    );
  }, 90_000);

  afterAll(async () => {
    if (server) await killHard(server);
    rmSync(dir, { recursive: true, force: true });
  });

  const logLines = () =>
    server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('has no line for an ordinary request', async () => {
    expect((await fetch(`${server.url}/api/v1/themes`)).status).toBe(200);
    expect(logLines().filter((line) => line.msg === 'incoming request' || line.msg === 'request completed')).toEqual(
      [],
    );
  });

  it('has a refused sign-in, with its request id, address and actor', async () => {
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'wrong password, long enough' }),
    });
    expect(response.status).toBe(401);
    let event: Record<string, unknown> | undefined;
    for (let i = 0; i < 50 && !event; i++) {
      event = logLines().find((line) => line.security === 'InvalidCredentialsError');
      if (!event) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(event).toMatchObject({ level: 40, status: 401, ip: '127.0.0.1', actor: expect.any(String) });
    expect(event?.reqId).toEqual(expect.any(String));
    expect(String(event?.msg)).toContain('/api/v1/auth/login');
  });

  it('has a write refused for a missing CSRF token, with the signed-in actor', async () => {
    // Through the command line, as an operator would, into the running server's database.
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'user', 'add', 'log-admin', '--role', 'admin'],
      { env: { ...process.env, NODE_ENV: 'production', SQLITE_PATH: join(dir, 'db.sqlite'), LOAD_DATASET: 'false' } },
    );
    const password = stdout.split('(shown once): ')[1]?.trim() ?? '';
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'log-admin', password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const refused = await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(refused.status).toBe(403);
    let event: Record<string, unknown> | undefined;
    for (let i = 0; i < 50 && !event; i++) {
      event = logLines().find((line) => line.security === 'CsrfTokenMismatch');
      if (!event) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(event).toMatchObject({ level: 40, status: 403, actor: 'log-admin' });
  });
});
