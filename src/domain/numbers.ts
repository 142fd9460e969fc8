/**
 * Counts and other plain numbers typed into a form (applications received, funded entities, events
 * held, a feedback average of 4,1), by the same one rule as amounts (money.ts readDecimalNumber): a
 * lone "." or "," followed by one or two digits is the decimal separator, groups of three are
 * separated by spaces, dots or commas, and a form that could be read two ways ("1.500": one and a
 * half, or fifteen hundred?) is refused, never guessed. So Finnish "1.5" is never 15.
 */
import { readDecimalNumber, type NumberProblem } from './money.js';

export type CountProblem = 'empty' | 'negative' | 'not_whole' | NumberProblem;

export type NumberInput = { ok: true; value: number } | { ok: false; reason: CountProblem };

const SPACES = /[\s\u00a0\u202f\u2007\u2009]+/g;

function read(text: string, { whole }: { whole: boolean }): NumberInput {
  let rest = text.replace(SPACES, ' ').trim();
  if (rest === '') return { ok: false, reason: 'empty' };
  const negative = /^[-–−]\s*/.exec(rest);
  if (negative) rest = rest.slice(negative[0].length);
  const parsed = readDecimalNumber(rest);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  if (whole && /[1-9]/.test(parsed.decimals)) return { ok: false, reason: 'not_whole' };
  if (negative && whole) return { ok: false, reason: 'negative' };
  const value = Number(parsed.decimals === '' ? `${parsed.whole}` : `${parsed.whole}.${parsed.decimals}`);
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/** A count: a whole number, not negative ("1 500", "1500", "1.500.000"; not "1.5", not "1.500"). */
export const readCountInput = (text: string): NumberInput => read(text, { whole: true });

/** A number with at most two decimals, either sign ("4,1", "4.1", "-2", "1 500,25"; not "1.500"). */
export const readNumberInput = (text: string): NumberInput => read(text, { whole: false });
