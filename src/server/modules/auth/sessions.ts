/**
 * Server-side sessions: the cookie holds a random token; the database holds its SHA-256, the user,
 * a CSRF token and the idle and absolute expiry. Any app server can check any session.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../db/database.js';
import { findSessionWithUser } from '../../../db/repositories/users.js';
import type { AuthConfig } from '../../../config/env.js';

export const SESSION_COOKIE = 'ts_session';
/**
 * Over TLS the cookie is `__Host-`-prefixed: the browser then keeps it only if it is Secure, for the
 * whole site (Path=/) and for this host alone (no Domain), so neither a sibling subdomain nor a
 * plain-HTTP page can set or overwrite it.
 */
export const SECURE_SESSION_COOKIE = '__Host-ts_session';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

export type NewSession = { token: string; csrfToken: string; expiresAt: string };

export async function createSession(
  db: Db,
  userId: number,
  now: Date,
  config: AuthConfig,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + config.sessionAbsoluteMs).toISOString();
  await db
    .insertInto('sessions')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 500) ?? null,
      revoked_at: null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/**
 * Touching a session on every request would write on every read, so the stored last use may lag the
 * real one by this much: at most a minute, and never more than 1/60 of the idle limit (a session used
 * every 20 s lives on under a 1-minute limit; with the default 30 minutes the lag is 30 s).
 */
export const touchIntervalMs = (config: AuthConfig) => Math.min(60_000, Math.floor(config.sessionIdleMs / 60));

/**
 * The live session behind a token with its user, or null when unknown, revoked, idle too long or
 * past its lifetime. Whether the user may still sign in (disabled) is the caller's to check.
 */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  config: AuthConfig,
): Promise<Awaited<ReturnType<typeof findSessionWithUser>> | null> {
  if (token.length > 200) return null;
  const found = await findSessionWithUser(db, sha256(token));
  if (!found) return null;
  const { session } = found;
  if (session.revoked_at) return null;
  const nowMs = now.getTime();
  if (Date.parse(session.expires_at) <= nowMs) return null;
  const lastSeen = Date.parse(session.last_seen_at);
  if (nowMs - lastSeen >= config.sessionIdleMs) return null;
  if (nowMs - lastSeen >= touchIntervalMs(config)) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('token_hash', '=', session.token_hash)
      // A slower request that started earlier never moves the last use back.
      .where('last_seen_at', '<', now.toISOString())
      .execute();
  }
  return found;
}

export async function revokeSession(db: Db, token: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeUserSessions(db: Db, userId: number, now: Date, except?: string): Promise<void> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (except) query = query.where('token_hash', '!=', sha256(except));
  await query.execute();
}
