/**
 * The outbox: mail is written here in the same transaction as the change it tells of, so a change
 * that commits is always told and one that rolls back never is; the delivery worker sends it later.
 *
 * Claiming is a conditional UPDATE (`… WHERE id = ? AND claimed_by IS NULL …`): of several app
 * servers polling at once exactly one wins each row, on SQLite and PostgreSQL alike. A claim older
 * than `STALE_CLAIM_MS` belongs to a server that died while sending and may be taken over.
 */
import type { Role } from '../../domain/access.js';
import type { Ministry } from '../../domain/figures.js';
import { sql } from 'kysely';
import type { Db } from '../database.js';
import type { AuditContext } from './audit.js';
import type { Locale } from '../../domain/money.js';
import { EMAIL_ADDRESS, isLocale, type Message, type NotificationKind } from '../../domain/notifications.js';

export const STALE_CLAIM_MS = 10 * 60_000;

export type Recipient = { userId: number | null; email: string; language: Locale };

/** Accounts able to receive a kind of mail: enabled, with an address, not opted out. */
export async function userRecipients(db: Db, userIds: readonly number[], kind: NotificationKind): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'language'])
    .where('id', 'in', [...new Set(userIds)])
    .where('disabled_at', 'is', null)
    .where('email', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('notification_opt_outs')
            .select('kind')
            .whereRef('notification_opt_outs.user_id', '=', 'users.id')
            .where('notification_opt_outs.kind', '=', kind),
        ),
      ),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    userId: Number(r.id),
    email: r.email!.trim(),
    language: isLocale(r.language) ? r.language : 'fi',
  }));
}

/** Accounts holding a role, optionally on a theme, a ministry or a steering group. */
export async function usersWithRole(
  db: Db,
  role: Role,
  where: { themeId?: number; ministries?: readonly Ministry[]; steeringGroupId?: number } = {},
): Promise<number[]> {
  let query = db.selectFrom('role_assignments').select('user_id').distinct().where('role', '=', role);
  if (where.themeId !== undefined) query = query.where('theme_id', '=', where.themeId);
  if (where.ministries !== undefined) {
    if (where.ministries.length === 0) return [];
    query = query.where('ministry', 'in', [...where.ministries]);
  }
  if (where.steeringGroupId !== undefined) query = query.where('steering_group_id', '=', where.steeringGroupId);
  return (await query.execute()).map((r) => Number(r.user_id));
}

/** Addresses outside the user accounts (contacts, a distribution list), in a user's language if one has it. */
export async function addressRecipients(
  db: Db,
  emails: readonly string[],
  kind: NotificationKind,
): Promise<Recipient[]> {
  const clean = [...new Set(emails.map((e) => e.trim()).filter((e) => EMAIL_ADDRESS.test(e)))];
  if (clean.length === 0) return [];
  const users = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', clean).execute();
  const known = await userRecipients(
    db,
    users.map((u) => Number(u.id)),
    kind,
  );
  const byAddress = new Map(users.map((u) => [u.email!.trim().toLowerCase(), Number(u.id)]));
  return clean.flatMap((email): Recipient[] => {
    const userId = byAddress.get(email.toLowerCase());
    if (userId === undefined) return [{ userId: null, email, language: 'fi' }];
    // An account with this address decides: its language, and whether it wants this kind at all.
    return known.filter((r) => r.userId === userId).map((r) => ({ ...r, email }));
  });
}

export type Notification = {
  kind: NotificationKind;
  recipients: Recipient[];
  compose: (language: Locale) => Message;
  /** The path below the language root (domain/notifications `links`). */
  link?: string | null;
  periodId?: number | null;
  themeId?: number | null;
  reportId?: number | null;
  meetingId?: number | null;
};

/** One row per distinct address, each in its recipient's language. Returns the ids. */
export async function enqueue(db: Db, audit: AuditContext, n: Notification): Promise<number[]> {
  const seen = new Set<string>();
  const ids: number[] = [];
  for (const recipient of n.recipients) {
    const key = recipient.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const message = n.compose(recipient.language);
    const { id } = await db
      .insertInto('outbox')
      .values({
        kind: n.kind,
        period_id: n.periodId ?? null,
        theme_id: n.themeId ?? null,
        report_id: n.reportId ?? null,
        meeting_id: n.meetingId ?? null,
        link: n.link ? `/${recipient.language}${n.link}` : null,
        user_id: recipient.userId,
        language: recipient.language,
        recipient: recipient.email,
        subject: message.subject,
        body: message.body,
        created_at: audit.at,
        created_by: audit.actor,
        sent_at: null,
        next_attempt_at: audit.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(Number(id));
  }
  return ids;
}

export type OutboxRow = {
  id: number;
  kind: string;
  recipient: string;
  language: string | null;
  subject: string;
  body: string;
  link: string | null;
  attempts: number;
};

/** Claims up to `limit` due messages for `worker`; only rows this call won are returned. */
export async function claimDue(db: Db, worker: string, now: Date, limit: number): Promise<OutboxRow[]> {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const candidates = await db
    .selectFrom('outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)]))
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_at', '<', stale)]))
    .orderBy('id')
    .limit(limit)
    .execute();
  const won: OutboxRow[] = [];
  for (const { id } of candidates) {
    const result = await db
      .updateTable('outbox')
      .set({ claimed_by: worker, claimed_at: at })
      .where('id', '=', Number(id))
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_at', '<', stale)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) continue;
    const row = await db
      .selectFrom('outbox')
      .select(['id', 'kind', 'recipient', 'language', 'subject', 'body', 'link', 'attempts'])
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    won.push({ ...row, id: Number(row.id), attempts: Number(row.attempts) });
  }
  return won;
}

export async function markSent(db: Db, id: number, worker: string, now: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      sent_at: now.toISOString(),
      attempts: sql`attempts + 1`,
      last_error: null,
      claimed_by: null,
      claimed_at: null,
    })
    .where('id', '=', id)
    .where('claimed_by', '=', worker)
    .execute();
}

/** A failed attempt: try again at `retryAt`, or give up (`retryAt` null) and show the administrator. */
export async function markFailed(
  db: Db,
  id: number,
  worker: string,
  now: Date,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      attempts: sql`attempts + 1`,
      last_error: error.slice(0, 2000),
      next_attempt_at: retryAt ? retryAt.toISOString() : null,
      failed_at: retryAt ? null : now.toISOString(),
      claimed_by: null,
      claimed_at: null,
    })
    .where('id', '=', id)
    .where('claimed_by', '=', worker)
    .execute();
}
