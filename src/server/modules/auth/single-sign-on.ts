/**
 * Single sign-on through OpenID Connect (Suomi.fi identification, a ministry's Entra ID): the
 * authorization code flow with PKCE, state and nonce. The flow's secrets wait in the database
 * (oidc_flows), not in the app server's memory, so the callback may land on any server.
 *
 * Nobody gets an account by signing in: the administrator creates the user (without a password). On
 * the first sign-in the account is linked by the provider's verified e-mail address, and from then on
 * by the provider's subject identifier.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import type { Db } from '../../../db/database.js';
import { writeAudit } from '../../../db/repositories/audit.js';
import type { AuthConfig } from '../../../config/env.js';
import { ForbiddenError, RuleViolationError } from '../../../domain/errors.js';
import { createSession, type NewSession } from './sessions.js';

type OidcSettings = NonNullable<AuthConfig['oidc']>;

const FLOW_MS = 10 * 60_000;

/** Discovery is done once per process, on first use. */
const configurations = new Map<string, Promise<oidc.Configuration>>();

function configurationOf(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    // Plain http is allowed only for a provider on this machine (development and tests).
    const local = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(
      settings.issuer.endsWith('/') ? settings.issuer : `${settings.issuer}/`,
    );
    found = oidc.discovery(
      new URL(settings.issuer),
      settings.clientId,
      settings.clientSecret,
      undefined,
      local ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

/** Only a path on this site: never a redirect to somewhere else. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\w\-./?=&%~]*$/.test(value) && value.length <= 500 ? value : '/';
}

/**
 * The flow is bound to the browser that started it (issue 13, class 4): that browser gets a
 * short-lived `__Host-` cookie holding a hash of the state, and a callback arriving without it (a
 * callback URL opened in another browser, e.g. sent to a victim to sign them in as the attacker) is
 * refused. The hash, not the state: the cookie alone does not let anyone finish the flow.
 */
export const SSO_BINDING_COOKIE = '__Host-ts_sso';
export const ssoBindingOf = (state: string) => createHash('sha256').update(state).digest('base64url');
export const ssoBindingCookieOptions = {
  path: '/',
  httpOnly: true,
  // __Host- cookies must be Secure; browsers keep Secure cookies on http://localhost too.
  secure: true,
  // Lax: sent on the provider's top-level redirect back, never on cross-site subrequests.
  sameSite: 'lax' as const,
};
export const SSO_BINDING_SECONDS = FLOW_MS / 1000;

export async function startSingleSignOn(
  db: Db,
  settings: OidcSettings,
  now: Date,
  returnTo: unknown,
): Promise<{ url: URL; binding: string }> {
  const configuration = await configurationOf(settings);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  // Flows that were started and never finished are removed as new ones start.
  await db.deleteFrom('oidc_flows').where('expires_at', '<', now.toISOString()).execute();
  await db
    .insertInto('oidc_flows')
    .values({
      state,
      nonce,
      code_verifier: codeVerifier,
      return_to: safeReturnPath(returnTo),
      expires_at: new Date(now.getTime() + FLOW_MS).toISOString(),
    })
    .execute();
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, binding: ssoBindingOf(state) };
}

const refused = () =>
  new RuleViolationError([
    {
      field: 'state',
      message: {
        fi: 'Kertakirjautuminen vanheni tai sitä ei aloitettu tästä palvelusta. Kirjaudu uudelleen.',
        sv: 'Engångsinloggningen har gått ut eller startades inte från denna tjänst. Logga in på nytt.',
        en: 'The single sign-on expired or was not started from this service. Please sign in again.',
      },
    },
  ]);

export type SingleSignOnResult = { session: NewSession; returnTo: string; userId: number };

export async function finishSingleSignOn(
  deps: { db: Db; auth: AuthConfig; now: Date },
  settings: OidcSettings,
  callbackUrl: URL,
  client: { ip: string; userAgent: string | null; requestId: string | null },
  binding: string | undefined,
): Promise<SingleSignOnResult> {
  const { db, now } = deps;
  const state = callbackUrl.searchParams.get('state');
  if (!state || state.length > 200) throw refused();
  // Another browser's callback is refused before the flow is touched: the browser that started it
  // can still finish, and the refusal leaves nothing but its audit entry.
  const expected = Buffer.from(ssoBindingOf(state));
  const sent = Buffer.from(binding ?? '');
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    await writeAudit(
      db,
      { actorId: null, actor: 'oidc', ip: client.ip, requestId: client.requestId, at: now.toISOString() },
      {
        action: 'sign_in_failed',
        entityType: 'user',
        entityId: 'oidc',
        reason: 'single sign-on callback without the starting browser',
      },
    );
    throw refused();
  }
  // A flow is used once: it is removed before the code is exchanged.
  const flow = await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('oidc_flows').selectAll().where('state', '=', state).executeTakeFirst();
    if (row) await trx.deleteFrom('oidc_flows').where('state', '=', state).execute();
    return row;
  });
  if (!flow || Date.parse(flow.expires_at) < now.getTime()) throw refused();

  const configuration = await configurationOf(settings);
  let claims: oidc.IDToken;
  let email: { address: string; verified: boolean } | null = null;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: flow.code_verifier,
      expectedState: state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims()!;
    // Providers that follow the core spec strictly put e-mail in the UserInfo answer, not the ID token.
    const info =
      typeof claims.email === 'string'
        ? claims
        : await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    if (typeof info.email === 'string')
      email = { address: info.email.toLowerCase(), verified: info.email_verified === true };
  } catch {
    throw refused();
  }

  const issuer = configuration.serverMetadata().issuer;
  const subject = claims.sub;
  let user = await db
    .selectFrom('users')
    .selectAll()
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
  if (!user && email?.verified) {
    const candidate = await db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.address)
      .where('oidc_subject', 'is', null)
      .executeTakeFirst();
    if (candidate) {
      await db
        .updateTable('users')
        .set({ oidc_issuer: issuer, oidc_subject: subject })
        .where('id', '=', candidate.id)
        .execute();
      user = { ...candidate, oidc_issuer: issuer, oidc_subject: subject };
    }
  }
  const audit = {
    actorId: user ? Number(user.id) : null,
    actor: user?.username ?? `oidc:${subject.slice(0, 100)}`,
    ip: client.ip,
    requestId: client.requestId,
    at: now.toISOString(),
  };
  if (!user || user.disabled_at) {
    await writeAudit(db, audit, {
      action: 'sign_in_failed',
      entityType: 'user',
      entityId: user ? Number(user.id) : `oidc:${subject.slice(0, 100)}`,
      reason: 'no account for this identity',
    });
    throw new ForbiddenError('sign_in');
  }
  const signedIn = user;
  const session = await db.transaction().execute(async (trx) => {
    await writeAudit(trx, audit, {
      action: 'sign_in',
      entityType: 'user',
      entityId: Number(signedIn.id),
      reason: 'single sign-on',
    });
    return createSession(trx, Number(signedIn.id), now, deps.auth, { ip: client.ip, userAgent: client.userAgent });
  });
  return { session, returnTo: flow.return_to ?? '/', userId: Number(signedIn.id) };
}
