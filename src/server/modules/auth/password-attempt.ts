/**
 * One attempt to prove a password, as signing in and changing one's password both make it: counted
 * in the database before the hash is checked (so parallel guesses cannot outrun the count), refused
 * with the time to wait while a delay runs, and settled afterwards. See domain/sign-in-delays.ts.
 */
import type { Db } from '../../../db/database.js';
import { countAttempt, settleSuccess } from '../../../db/repositories/sign-in-throttle.js';
import { TooManyAttemptsError } from '../../../domain/errors.js';
import { throttleKeys } from '../../../domain/sign-in-delays.js';
import { verifyPassword } from './passwords.js';

/**
 * True when the password is right. Throws TooManyAttemptsError, before any hash is checked, while the
 * name or the address has to wait; `onRefused` runs first, to write the refusal's audit entry.
 */
export async function attemptPassword(
  db: Db,
  now: Date,
  attempt: { username: string; ip: string; storedHash: string | null; password: string },
  onRefused: (retryAfterSeconds: number) => Promise<void>,
): Promise<boolean> {
  const keys = throttleKeys(attempt.username, attempt.ip);
  const wait = await countAttempt(db, keys, now.getTime());
  if (wait !== null) {
    await onRefused(wait);
    throw new TooManyAttemptsError(wait);
  }
  const ok = await verifyPassword(attempt.storedHash, attempt.password);
  if (ok) await settleSuccess(db, keys);
  return ok;
}
