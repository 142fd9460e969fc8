/**
 * Money is held as integer euro cents. This module reads the many ways Finnish documents write an
 * amount and writes amounts back in Finnish, Swedish or English format.
 */

export type Cents = number;

export type ParsedAmount = {
  cents: Cents;
  /** True when the text gives the amount only rounded (millions: "1,4 milj. €", "13,6 M€"). */
  rounded: boolean;
};

export type AmountParseResult =
  { ok: true; value: ParsedAmount } | { ok: false; reason: 'empty' | 'not_yet' | 'unreadable' };

const SPACES = /[\s\u00a0\u202f\u2007\u2009]+/g;
const NOT_YET = /^(ei vielä|ei ole|-|–)$/i;
// "1 055 410,40", "14.000.000", "5905632", "1,4"; then an optional scale and currency.
const AMOUNT =
  /^(?<int>\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(?<dec>\d+))?\s*(?<scale>milj\.?|miljoonaa|m|t|k|tuhatta)?\s*(?<cur>€|e|eur|euroa|euro)?\.?$/i;

const SCALE_CENTS: Record<string, number> = {
  '': 100,
  'milj.': 100_000_000,
  milj: 100_000_000,
  miljoonaa: 100_000_000,
  m: 100_000_000,
  t: 100_000,
  k: 100_000,
  tuhatta: 100_000,
};

/**
 * Parses one amount or a sum of amounts ("13 M€+10 M€"). A trailing remark in parentheses
 * ("0 € (31.10.24 mennessä)") is ignored. Returns why it failed instead of throwing.
 */
export function parseFinnishAmount(text: string): AmountParseResult {
  const normalized = text
    .replace(SPACES, ' ')
    .replace(/\([^)]*\)\s*$/, '')
    .trim();
  if (normalized === '') return { ok: false, reason: 'empty' };
  if (NOT_YET.test(normalized)) return { ok: false, reason: 'not_yet' };
  let cents = 0;
  let rounded = false;
  for (const part of normalized.split('+')) {
    const parsed = parseSingleAmount(part.trim());
    if (!parsed) return { ok: false, reason: 'unreadable' };
    cents += parsed.cents;
    rounded ||= parsed.rounded;
  }
  return { ok: true, value: { cents, rounded } };
}

function parseSingleAmount(text: string): ParsedAmount | null {
  const match = AMOUNT.exec(text);
  if (!match?.groups) return null;
  const { int = '', dec = '', scale = '' } = match.groups;
  const scaleCents = SCALE_CENTS[scale.toLowerCase()];
  if (scaleCents === undefined) return null;
  const whole = BigInt(int.replace(/[ .]/g, ''));
  // Decimals of a scaled amount are fractions of the scale (1,4 milj. = 1 400 000).
  const fractionDigits = dec.length;
  if (scale === '' && fractionDigits > 2) return null;
  const fraction = fractionDigits === 0 ? 0n : BigInt(dec);
  const scaleBig = BigInt(scaleCents);
  const total = whole * scaleBig + (fraction * scaleBig) / 10n ** BigInt(fractionDigits);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { cents: Number(total), rounded: scale !== '' };
}

export type Locale = 'fi' | 'sv' | 'en';

const INTL_LOCALE: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/**
 * "1 055 410,40 €" (fi, sv) or "€1,055,410.40" (en). Whole euros show no decimals
 * ("14 000 000 €"). Uses U+00A0 no-break spaces between digit groups, as Intl does.
 */
export function formatEuros(cents: Cents, locale: Locale = 'fi'): string {
  const wholeEuros = cents % 100 === 0;
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: wholeEuros ? 0 : 2,
    maximumFractionDigits: 2,
  })
    .format(cents / 100)
    .replace(/\u202f/g, '\u00a0');
}

/** "13,6 M€" (fi, sv) or "€13.6M" (en): one decimal, for overviews. */
export function formatMillions(cents: Cents, locale: Locale = 'fi'): string {
  const millions = cents / 100_000_000;
  const number = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 }).format(millions);
  return locale === 'en' ? `€${number}M` : `${number}\u00a0M€`;
}
