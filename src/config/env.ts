/**
 * The environment, parsed once at start. Nothing else reads `process.env`: every setting the
 * application has is here, with its default, and documented in README.md and .env.example.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { projectPath } from './paths.js';

/**
 * Whom to believe about the client's address and scheme (X-Forwarded-For, X-Forwarded-Proto):
 * nobody (`false`), the last `n` proxies in front of us (a hop count), or only the listed proxy
 * addresses and networks. Never everybody: with blind trust any client can claim any address and
 * walk past the per-address limits, or put a made-up address in the audit trail.
 */
export type TrustProxy = false | number | string[];

const isAddressOrNetwork = (entry: string) => {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
};

const ZTrustProxy = z
  .string()
  .trim()
  .default('false')
  .transform((value, ctx): TrustProxy => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (value === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          'true would believe X-Forwarded-For from any client; give the number of proxies in front of the server (e.g. 1) or their addresses (e.g. 10.0.0.5,10.1.0.0/16)',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops <= 10) return hops;
      ctx.addIssue({ code: 'custom', message: 'a hop count is the number of proxies in front, at most 10' });
      return z.NEVER;
    }
    const entries = value.split(',').map((entry) => entry.trim());
    const wrong = entries.filter((entry) => !isAddressOrNetwork(entry));
    if (wrong.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `not an IP address or network (address/prefix): ${wrong.join(', ')}; give false, a hop count or proxy addresses`,
      });
      return z.NEVER;
    }
    return entries;
  });

const ZSeconds = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

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
  /** Behind proxies: how many hops, or which addresses, to believe about the client (see TrustProxy). */
  TRUST_PROXY: ZTrustProxy,
  /** The general limit: requests per client address per window, in each app server; 0 turns it off. */
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  RATE_LIMIT_WINDOW_SECONDS: ZSeconds(60, 3600),
  /** A slow client is cut off: the whole request (headers and body), the headers alone, an idle socket. */
  REQUEST_TIMEOUT_SECONDS: ZSeconds(60, 3600),
  HEADERS_TIMEOUT_SECONDS: ZSeconds(10, 600),
  CONNECTION_TIMEOUT_SECONDS: ZSeconds(120, 3600),
  /** How long an idle keep-alive connection stays open; behind a proxy, longer than the proxy's own. */
  KEEP_ALIVE_TIMEOUT_SECONDS: ZSeconds(5, 3600),
  /** PDF rendering: pages rendering at once, requests waiting for one, how long they wait, the cache. */
  PDF_PAGES: z.coerce.number().int().min(1).max(32).default(2),
  PDF_QUEUE: z.coerce.number().int().min(0).max(10_000).default(20),
  PDF_QUEUE_WAIT_SECONDS: ZSeconds(20, 600),
  PDF_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
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
  /** Mail goes out through this SMTP server: smtp://user:password@host:587 or smtps://…:465. */
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^/]+/,
      'SMTP_URL must be smtp://host:port or smtps://host:port (user:password@ before the host)',
    )
    .optional(),
  /** The sender of every message. */
  MAIL_FROM: z.string().min(3).default('Teemaseuranta <teemaseuranta@localhost>'),
  /** Without SMTP_URL, outside production: each message is written here as an .eml file. */
  MAIL_DIR: z.string().default('var/mail'),
  /** How often each app server looks for mail to send. */
  MAIL_POLL_SECONDS: ZSeconds(10, 3600),
  /**
   * The organisation register: the base of the YTJ open-data API v3 of the Finnish Patent and
   * Registration Office (https://avoindata.prh.fi/opendata-ytj-api/v3). Unset: no look-ups (off).
   */
  REGISTER_URL: z.string().url().optional(),
  /** A register answer slower than this is a time-out: the look-up says so and changes nothing. */
  REGISTER_TIMEOUT_SECONDS: ZSeconds(10, 120),
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
    if (env.HEADERS_TIMEOUT_SECONDS > env.REQUEST_TIMEOUT_SECONDS)
      ctx.addIssue({
        code: 'custom',
        path: ['HEADERS_TIMEOUT_SECONDS'],
        message: 'the headers come within the request: at most REQUEST_TIMEOUT_SECONDS',
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
  /** Session cookies Secure (and `__Host-`) on every request; otherwise on requests that came over TLS. */
  secureCookies: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  oidc: { issuer: string; clientId: string; clientSecret: string; redirectUri: string } | null;
};

export function authConfig(env: Env): AuthConfig {
  return {
    secureCookies: env.NODE_ENV === 'production',
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

/**
 * Where mail goes: SMTP when SMTP_URL is set; otherwise files in MAIL_DIR in development and tests;
 * in production without SMTP nothing is sent and mail waits in the outbox (the start log says so).
 */
export type MailConfig = { from: string; pollMs: number } & (
  { kind: 'smtp'; url: string } | { kind: 'files'; dir: string } | { kind: 'none' }
);

export function mailConfig(env: Env): MailConfig {
  const common = { from: env.MAIL_FROM, pollMs: env.MAIL_POLL_SECONDS * 1000 };
  if (env.SMTP_URL) return { ...common, kind: 'smtp', url: env.SMTP_URL };
  if (env.NODE_ENV === 'production') return { ...common, kind: 'none' };
  return { ...common, kind: 'files', dir: env.MAIL_DIR };
}

/** The organisation register to look organisations up in, or null when it is off (the default). */
export type RegisterConfig = { baseUrl: string; timeoutMs: number };

export function registerConfig(env: Env): RegisterConfig | null {
  return env.REGISTER_URL ? { baseUrl: env.REGISTER_URL, timeoutMs: env.REGISTER_TIMEOUT_SECONDS * 1000 } : null;
}

/** The limits at the edge: rate, timeouts (milliseconds) and the PDF renderer's pool. */
export type EdgeConfig = {
  trustProxy: TrustProxy;
  rateLimit: { max: number; windowMs: number } | null;
  timeouts: { requestMs: number; headersMs: number; connectionMs: number; keepAliveMs: number };
  pdf: PdfPoolConfig;
};

export type PdfPoolConfig = { pages: number; queue: number; queueWaitMs: number; cacheBytes: number };

export function edgeConfig(env: Env): EdgeConfig {
  return {
    trustProxy: env.TRUST_PROXY,
    rateLimit:
      env.RATE_LIMIT_MAX > 0 ? { max: env.RATE_LIMIT_MAX, windowMs: env.RATE_LIMIT_WINDOW_SECONDS * 1000 } : null,
    timeouts: {
      requestMs: env.REQUEST_TIMEOUT_SECONDS * 1000,
      headersMs: env.HEADERS_TIMEOUT_SECONDS * 1000,
      connectionMs: env.CONNECTION_TIMEOUT_SECONDS * 1000,
      keepAliveMs: env.KEEP_ALIVE_TIMEOUT_SECONDS * 1000,
    },
    pdf: {
      pages: env.PDF_PAGES,
      queue: env.PDF_QUEUE,
      queueWaitMs: env.PDF_QUEUE_WAIT_SECONDS * 1000,
      cacheBytes: env.PDF_CACHE_MB * 1024 * 1024,
    },
  };
}
