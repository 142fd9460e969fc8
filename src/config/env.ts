/**
 * The environment, parsed once at start. Nothing else reads `process.env`: every setting the
 * application has is here, with its default, and documented in README.md and .env.example.
 */
import { z } from 'zod';
import { projectPath } from './paths.js';

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** `postgres://…` for PostgreSQL; otherwise the embedded SQLite file at SQLITE_PATH. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL (leave it unset for SQLite)')
    .optional(),
  SQLITE_PATH: z.string().default('var/teemaseuranta.sqlite'),
  /** Load the 2024 dataset into an empty database at start. */
  LOAD_DATASET: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  DATASET_DIR: z.string().default(projectPath('data/2024')),
  /** Unset: `warn` in production (errors and security events; every request still has an id), else `info`. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Public base URL, used in the OpenAPI document's servers list and the OpenID Connect redirect. */
  PUBLIC_URL: z.string().url().optional(),
  /** Behind a TLS-terminating proxy: trust its X-Forwarded-* headers; cookies become Secure. */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** Sessions end after this long without use, and in any case after the absolute lifetime. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  /** Create one demo user per role on first start with the demo data (never in production). */
  DEMO_USERS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** Single sign-on through OpenID Connect (Suomi.fi, Entra ID…): all three or none. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
});

/** Logging each request at `info` cost 19–31 % of cached throughput (measured for issue 12). */
const ZEnvWithDefaults = ZEnv.transform((env) => ({
  ...env,
  LOG_LEVEL: env.LOG_LEVEL ?? (env.NODE_ENV === 'production' ? ('warn' as const) : ('info' as const)),
}));

export type Env = z.infer<typeof ZEnvWithDefaults>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = ZEnvWithDefaults.superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc !== 0 && oidc !== 3)
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together',
      });
    if (oidc === 3 && !env.PUBLIC_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message: 'single sign-on needs PUBLIC_URL for its redirect address',
      });
  }).safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The settings the database layer needs. */
export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** The settings the access layer needs. */
export type AuthConfig = {
  secureCookies: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  oidc: { issuer: string; clientId: string; clientSecret: string; redirectUri: string } | null;
};

export function authConfig(env: Env): AuthConfig {
  return {
    secureCookies: env.TRUST_PROXY || env.NODE_ENV === 'production',
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET && env.PUBLIC_URL
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            redirectUri: new URL('/api/v1/auth/oidc/callback', env.PUBLIC_URL).toString(),
          }
        : null,
  };
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  secureCookies: false,
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 3_600_000,
  oidc: null,
};

export function databaseConfig(env: Env): DatabaseConfig {
  return env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'sqlite', path: env.SQLITE_PATH };
}
