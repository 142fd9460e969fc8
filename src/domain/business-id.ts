/**
 * Finnish business ID (Y-tunnus), written "1234567-8": seven digits, a hyphen and a check digit.
 * Organisations are matched across documents by this ID, so a mistyped one must be caught here
 * rather than creating a second organisation.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;
const BODY = /^\d{7}$/;
const BUSINESS_ID = /^(\d{7})-(\d)$/;

/**
 * The check digit for the first seven digits, or null when the body is not seven digits or when no
 * check digit exists for it (remainder 1: such numbers are never issued).
 */
export function businessIdCheckDigit(first7: string): number | null {
  if (!BODY.test(first7)) return null;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(first7[i]) * WEIGHTS[i]!;
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

/** Exactly "NNNNNNN-N" with a correct check digit; no spaces, no missing leading zero. */
export function isValidBusinessId(text: string): boolean {
  const match = BUSINESS_ID.exec(text);
  if (!match) return false;
  const expected = businessIdCheckDigit(match[1]!);
  return expected !== null && expected === Number(match[2]);
}

/**
 * The ID with surrounding whitespace removed, or null when it is not a valid ID. Deliberately does
 * nothing else (no restoring a dropped leading zero, no adding the hyphen): guessing could turn a
 * typo into some other organisation's valid ID.
 */
export function normalizeBusinessId(text: string): string | null {
  const trimmed = text.trim();
  return isValidBusinessId(trimmed) ? trimmed : null;
}
