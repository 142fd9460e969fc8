/** The environment's defaults that depend on each other, and the files found from any directory. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
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
