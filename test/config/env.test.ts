/** The environment's defaults that depend on each other, and the files found from any directory. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mailConfig, parseEnv, registerConfig } from '../../src/config/env.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { DEFAULT_TOPOLOGY } from '../../src/db/prepare.js';

describe('LOG_LEVEL', () => {
  it('is warn by default in production: logging every request costs throughput', () => {
    expect(parseEnv({ NODE_ENV: 'production' }).LOG_LEVEL).toBe('warn');
  });

  it('is info by default elsewhere', () => {
    expect(parseEnv({}).LOG_LEVEL).toBe('info');
    expect(parseEnv({ NODE_ENV: 'test' }).LOG_LEVEL).toBe('info');
  });

  it('is what the operator sets, in production too', () => {
    expect(parseEnv({ NODE_ENV: 'production', LOG_LEVEL: 'info' }).LOG_LEVEL).toBe('info');
    expect(parseEnv({ LOG_LEVEL: 'error' }).LOG_LEVEL).toBe('error');
  });

  it('refuses a level that does not exist, naming the variable', () => {
    expect(() => parseEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});

describe('data files', () => {
  it('are found from the project root, not the working directory', () => {
    const before = process.cwd();
    process.chdir('/');
    try {
      const env = parseEnv({});
      expect(env.DATASET_DIR.startsWith(PROJECT_ROOT)).toBe(true);
      expect(existsSync(env.DATASET_DIR)).toBe(true);
      expect(existsSync(DEFAULT_TOPOLOGY)).toBe(true);
    } finally {
      process.chdir(before);
    }
  });
});

describe('mail', () => {
  it('sends through SMTP_URL, else writes files in development and sends nothing in production', () => {
    expect(mailConfig(parseEnv({ SMTP_URL: 'smtp://user:pass@mail.example.fi:587' }))).toMatchObject({
      kind: 'smtp',
      url: 'smtp://user:pass@mail.example.fi:587',
      pollMs: 10_000,
    });
    expect(mailConfig(parseEnv({}))).toMatchObject({ kind: 'files', dir: 'var/mail' });
    expect(mailConfig(parseEnv({ NODE_ENV: 'production' }))).toMatchObject({ kind: 'none' });
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://', () => {
    expect(() => parseEnv({ SMTP_URL: 'http://mail.example.fi' })).toThrow(/SMTP_URL must be smtp:\/\/host:port/);
  });
});

describe('the organisation register', () => {
  it('is off unless REGISTER_URL is set, and bounded by a time-out when on', () => {
    expect(registerConfig(parseEnv({}))).toBeNull();
    expect(registerConfig(parseEnv({ REGISTER_URL: 'https://avoindata.prh.fi/opendata-ytj-api/v3' }))).toEqual({
      baseUrl: 'https://avoindata.prh.fi/opendata-ytj-api/v3',
      timeoutMs: 10_000,
    });
    expect(
      registerConfig(parseEnv({ REGISTER_URL: 'http://127.0.0.1:9/v3', REGISTER_TIMEOUT_SECONDS: '3' }))?.timeoutMs,
    ).toBe(3_000);
  });

  it('refuses a REGISTER_URL that is not an address, and a time-out of 0', () => {
    expect(() => parseEnv({ REGISTER_URL: 'avoindata' })).toThrow(/REGISTER_URL/);
    expect(() => parseEnv({ REGISTER_TIMEOUT_SECONDS: '0' })).toThrow(/REGISTER_TIMEOUT_SECONDS/);
  });
});
