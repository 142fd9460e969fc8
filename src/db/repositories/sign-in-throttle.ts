/**
 * Counting password attempts in the database, atomically (issue 13, class 1). One conditional UPDATE
 * per key counts the attempt and sets the next delay only where the key is not waiting: of any number
 * of parallel attempts, exactly as many pass as the rules allow, on SQLite and PostgreSQL alike (a
 * read-then-write would let them all through). The keys of one attempt are counted in one
 * transaction, always in the same order, so that an attempt refused under one key is not counted
 * under another, and two attempts never wait on each other's locks in a circle.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../database.js';
import { DELAY_RULES, delaySteps, QUIET_RESET_MS, type DelayScope } from '../../domain/sign-in-delays.js';

export type ThrottleKey = { key: string; scope: DelayScope };

/** Thrown inside the counting transaction to undo it. */
class Waiting extends Error {}

/**
 * The delay after `failures` as SQL: 0 before the free tries are used, then each step, then the cap.
 * The numbers are ours (never input) and written as literals, so PostgreSQL knows their types.
 */
function delaySql(scope: DelayScope, failures: RawBuilder<number>): RawBuilder<number> {
  const rule = DELAY_RULES[scope];
  const steps = delaySteps(rule).map((s) => sql`when ${failures} = ${sql.lit(s.failures)} then ${sql.lit(s.delayMs)}`);
  return sql<number>`case when ${failures} < ${sql.lit(rule.free)} then 0 ${sql.join(steps, sql` `)} else ${sql.lit(rule.capMs)} end`;
}

/**
 * Counts one attempt under every key. Returns null when the attempt may be evaluated, or the seconds
 * to wait when some key is waiting (and then nothing was counted).
 */
export async function countAttempt(db: Db, keys: ThrottleKey[], nowMs: number): Promise<number | null> {
  try {
    await db.transaction().execute(async (trx) => {
      for (const { key, scope } of keys) {
        await trx
          .insertInto('sign_in_throttle')
          .values({ key })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        const quiet = nowMs - QUIET_RESET_MS;
        const failures = sql<number>`(case when last_attempt_ms < ${sql.lit(quiet)} then 1 else failures + 1 end)`;
        const counted = await trx
          .updateTable('sign_in_throttle')
          .set({
            failures,
            next_attempt_ms: sql<number>`${sql.lit(nowMs)} + ${delaySql(scope, failures)}`,
            last_attempt_ms: nowMs,
          })
          .where('key', '=', key)
          .where('next_attempt_ms', '<=', nowMs)
          .returning('failures')
          .executeTakeFirst();
        if (!counted) throw new Waiting();
      }
    });
    return null;
  } catch (error) {
    if (!(error instanceof Waiting)) throw error;
    const rows = await db
      .selectFrom('sign_in_throttle')
      .select('next_attempt_ms')
      .where(
        'key',
        'in',
        keys.map((k) => k.key),
      )
      .execute();
    const until = Math.max(nowMs + 1000, ...rows.map((r) => Number(r.next_attempt_ms)));
    return Math.ceil((until - nowMs) / 1000);
  }
}

/**
 * After a correct password: the account's counts are cleared; the address gives back the attempt it
 * counted, but keeps its other failures (one account of one's own must not wash an address clean).
 */
export async function settleSuccess(db: Db, keys: ThrottleKey[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const cleared = keys.filter((k) => k.scope !== 'address').map((k) => k.key);
    if (cleared.length > 0) await trx.deleteFrom('sign_in_throttle').where('key', 'in', cleared).execute();
    for (const { key } of keys.filter((k) => k.scope === 'address')) {
      await trx
        .updateTable('sign_in_throttle')
        .set({ failures: sql<number>`failures - 1` })
        .where('key', '=', key)
        .where('failures', '>', 0)
        .execute();
    }
  });
}

/** Until when an account (from anywhere) waits, for the administrator's list; null when it does not. */
export async function accountWaits(db: Db, usernames: string[], nowMs: number): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select(['key', 'next_attempt_ms'])
    .where(
      'key',
      'in',
      usernames.map((u) => `account:${u}`),
    )
    .where('next_attempt_ms', '>', nowMs)
    .execute();
  return new Map(rows.map((r) => [r.key.slice('account:'.length), new Date(Number(r.next_attempt_ms)).toISOString()]));
}
