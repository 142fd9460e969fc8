/**
 * How guessing passwords is slowed down (issue 13, classes 1–3). Every attempt to prove a password
 * (signing in, changing one's password) is counted under three keys before the password is checked:
 *
 * - the account from one address: a few free tries, then delays that double up to 15 minutes. This is
 *   what one guesser at one account meets, and it does not touch the account's owner elsewhere.
 * - the address: more free tries (offices share addresses), then the same growing delays, against
 *   one address trying many accounts.
 * - the account from anywhere: NIST SP 800-63B's ceiling on failures per account, then delays of at
 *   most a minute, against guessers spread over many addresses. A short cap is what keeps this from
 *   being a lock that others can hold on someone's account.
 *
 * The key is the name as typed, so an unknown account is counted, delayed and answered exactly like a
 * known one. An attempt refused because of a delay is not counted and does not extend any delay; a
 * correct password clears its account's counts. The count starts again after a quiet day.
 */
import type { LocalizedText } from './errors.js';

export type DelayRule = { free: number; baseMs: number; capMs: number };

export const DELAY_RULES = {
  accountFromAddress: { free: 5, baseMs: 1_000, capMs: 15 * 60_000 },
  address: { free: 30, baseMs: 1_000, capMs: 15 * 60_000 },
  account: { free: 20, baseMs: 1_000, capMs: 60_000 },
} as const satisfies Record<string, DelayRule>;

export type DelayScope = keyof typeof DELAY_RULES;

/** After this long without a counted attempt, a key's count starts from zero. */
export const QUIET_RESET_MS = 24 * 60 * 60_000;

/** How long the next attempt waits after the `failures`-th counted one (the first is 1). */
export function delayAfter(rule: DelayRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.capMs, rule.baseMs * 2 ** Math.min(failures - rule.free, 40));
}

/** Every distinct delay of a rule, by failure count; beyond the last, the cap. For building SQL. */
export function delaySteps(rule: DelayRule): { failures: number; delayMs: number }[] {
  const steps: { failures: number; delayMs: number }[] = [];
  for (let failures = rule.free; ; failures++) {
    const delayMs = delayAfter(rule, failures);
    if (delayMs >= rule.capMs) break;
    steps.push({ failures, delayMs });
  }
  return steps;
}

/**
 * The part of an address that one holder controls: an IPv4 address, or an IPv6 /64 (one home or
 * office gets a whole /64, so counting single IPv6 addresses would count nothing).
 */
export function addressScope(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The keys one attempt is counted under: the name as typed (never whether it exists) and the address. */
export function throttleKeys(username: string, ip: string): { key: string; scope: DelayScope }[] {
  const name = username.trim().toLowerCase().slice(0, 200);
  const address = addressScope(ip);
  return [
    { key: `account-address:${name} ${address}`, scope: 'accountFromAddress' },
    { key: `account:${name}`, scope: 'account' },
    { key: `address:${address}`, scope: 'address' },
  ];
}

/** "Try again in …", in whole seconds up to two minutes and in minutes after. */
export function waitText(seconds: number): LocalizedText {
  if (seconds <= 120) {
    return {
      fi: `Yritä uudelleen ${seconds} sekunnin kuluttua.`,
      sv: `Försök igen om ${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}.`,
      en: `Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
    };
  }
  const minutes = Math.ceil(seconds / 60);
  return {
    fi: `Yritä uudelleen ${minutes} minuutin kuluttua.`,
    sv: `Försök igen om ${minutes} minuter.`,
    en: `Try again in ${minutes} minutes.`,
  };
}
