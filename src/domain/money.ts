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
const NOT_YET = /^(ei vielä|ei ole|inte ännu|inte än|not yet|-|–)$/i;
// A number, then an optional scale and currency: "1 055 410,40 €", "14.000.000", "1,4 milj. €".
const AMOUNT =
  /^(?<number>\d[\d .,]*?)\s*(?<scale>milj\.?|miljoonaa|miljoner|million|m|t|k|tuhatta)?\s*(?<cur>€|e|eur|euroa|euro|euros)?\.?$/i;

const SCALE_CENTS: Record<string, number> = {
  '': 100,
  'milj.': 100_000_000,
  milj: 100_000_000,
  miljoonaa: 100_000_000,
  miljoner: 100_000_000,
  million: 100_000_000,
  m: 100_000_000,
  t: 100_000,
  k: 100_000,
  tuhatta: 100_000,
};

/** Why a number could not be read unambiguously. */
export type NumberProblem = 'unreadable' | 'ambiguous' | 'decimals' | 'too_large';

/**
 * The one rule for reading the digits of an amount, whoever wrote it (fi "1 055 410,40", sv the same,
 * en "1,055,410.40", a spreadsheet's "12500000.5"):
 * - a lone "." or "," followed by one or two digits at the end is the decimal separator;
 * - digit groups of three are separated by spaces (any kind), dots or commas, one kind throughout
 *   and never the decimal separator;
 * - a single "." or "," followed by three digits ("12.500", "12,500") could be either a thousands
 *   separator or decimals (Finnish 12,5 vs English 12 500), so it is refused as ambiguous rather
 *   than guessed; more than two decimals would be a fraction of a cent and are refused as well.
 * Returns the whole part and the decimal digits as written (at most two).
 */
export function readDecimalNumber(
  text: string,
): { ok: true; whole: bigint; decimals: string } | { ok: false; reason: NumberProblem } {
  const number = text.replace(SPACES, ' ').trim();
  if (!/^\d[\d .,]*$/.test(number) || /[ .,]{2}|[ .,]$/.test(number)) return { ok: false, reason: 'unreadable' };
  let integerPart = number;
  let decimals = '';
  let decimalSeparator: string | null = null;
  const decimal = /^(?<int>.*\d)(?<sep>[.,])(?<dec>\d{1,2})$/.exec(number);
  if (decimal?.groups && !/[.,]/.test(decimal.groups.dec!)) {
    integerPart = decimal.groups.int!;
    decimals = decimal.groups.dec!;
    decimalSeparator = decimal.groups.sep!;
  } else {
    const last = /[.,](?<tail>\d+)$/.exec(number);
    if (last?.groups && last.groups.tail!.length > 3) return { ok: false, reason: 'decimals' };
  }
  const separators = new Set(integerPart.match(/[ .,]/g) ?? []);
  if (separators.size > 1) return { ok: false, reason: 'unreadable' };
  const [separator] = separators;
  if (separator !== undefined) {
    if (separator === decimalSeparator) return { ok: false, reason: 'unreadable' };
    const groups = integerPart.split(separator);
    if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((group) => !/^\d{3}$/.test(group))) {
      return { ok: false, reason: 'unreadable' };
    }
    // "12.500" and "12,500": thousands or decimals? Only a second group or a decimal part tells.
    if (separator !== ' ' && groups.length === 2 && decimalSeparator === null)
      return { ok: false, reason: 'ambiguous' };
  }
  const whole = BigInt(integerPart.replace(/[ .,]/g, ''));
  if (whole > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'too_large' };
  return { ok: true, whole, decimals };
}

/**
 * Parses one amount or a sum of amounts ("13 M€+10 M€"), as the seed documents write them. A
 * trailing remark in parentheses ("0 € (31.10.24 mennessä)") is ignored. Returns why it failed
 * instead of throwing.
 */
/** True for the words that mean "nothing yet" ("ei vielä", "inte ännu", "not yet"). */
export const isNotYet = (text: string) => NOT_YET.test(text.replace(SPACES, ' ').trim());

export function parseFinnishAmount(text: string, options: { notYetAsZero?: boolean } = {}): AmountParseResult {
  const normalized = text
    .replace(SPACES, ' ')
    .replace(/\([^)]*\)\s*$/, '')
    .trim();
  if (normalized === '') return { ok: false, reason: 'empty' };
  // "Ei vielä" (not yet) for a figure means 0 € so far: the dataset holds it so, with the words kept.
  if (NOT_YET.test(normalized))
    return options.notYetAsZero ? { ok: true, value: { cents: 0, rounded: false } } : { ok: false, reason: 'not_yet' };
  let cents = 0;
  let rounded = false;
  for (const part of normalized.split('+')) {
    const parsed = parseSingleAmount(part.trim());
    if (!parsed.ok) return { ok: false, reason: 'unreadable' };
    cents += parsed.value.cents;
    rounded ||= parsed.value.rounded;
  }
  return { ok: true, value: { cents, rounded } };
}

function parseSingleAmount(text: string): { ok: true; value: ParsedAmount } | { ok: false; reason: NumberProblem } {
  const match = AMOUNT.exec(text);
  if (!match?.groups) return { ok: false, reason: 'unreadable' };
  const { number = '', scale = '' } = match.groups;
  const scaleCents = SCALE_CENTS[scale.toLowerCase()];
  if (scaleCents === undefined) return { ok: false, reason: 'unreadable' };
  const read = readDecimalNumber(number);
  if (!read.ok) return read;
  // Decimals of a scaled amount are fractions of the scale (1,4 milj. = 1 400 000).
  const scaleBig = BigInt(scaleCents);
  const fraction = read.decimals === '' ? 0n : BigInt(read.decimals);
  const total = read.whole * scaleBig + (fraction * scaleBig) / 10n ** BigInt(read.decimals.length);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'too_large' };
  return { ok: true, value: { cents: Number(total), rounded: scale !== '' } };
}

/**
 * How exactly a figure is known: as written to the cent, rounded by the source ("13,6 M€"), or
 * approximate ("noin 3,5 milj. €"). Rounded and approximate amounts are shown with "≈" until
 * someone enters an exact amount.
 */
export type Precision = 'exact' | 'rounded' | 'approximate';

export type AmountInput =
  | {
      ok: true;
      cents: Cents;
      precision: Precision;
      /** The words kept as written ("ei vielä"), or null. */ asWritten: string | null;
    }
  | { ok: false; reason: 'empty' | 'negative' | NumberProblem };

const APPROXIMATE = /^(≈|~|noin|n\.|ca\.?|cirka|about|approx\.?|approximately)\s*/i;

/**
 * Reads an amount typed into a form, in any of the three languages: the digits by
 * readDecimalNumber's one rule, with an optional "€", a scale ("14 M€", "1,4 milj. €": rounded), an
 * approximation ("≈ 14 000 000", "noin 3,5 milj. €": approximate) or the words for "not yet"
 * ("ei vielä", "inte ännu", "not yet": 0 € with the words kept).
 */
export function readAmountInput(text: string): AmountInput {
  let rest = text.replace(SPACES, ' ').trim();
  if (rest === '') return { ok: false, reason: 'empty' };
  if (NOT_YET.test(rest) && !/^[-–]$/.test(rest)) return { ok: true, cents: 0, precision: 'exact', asWritten: rest };
  let approximate = false;
  const approx = APPROXIMATE.exec(rest);
  if (approx) {
    approximate = true;
    rest = rest.slice(approx[0].length);
  }
  rest = rest.replace(/^€\s*/, '');
  if (/^[-–−]/.test(rest)) return { ok: false, reason: 'negative' };
  const parsed = parseSingleAmount(rest);
  if (!parsed.ok) return parsed;
  if (parsed.value.cents > MAX_AMOUNT_CENTS) return { ok: false, reason: 'too_large' };
  const precision: Precision = approximate ? 'approximate' : parsed.value.rounded ? 'rounded' : 'exact';
  return { ok: true, cents: parsed.value.cents, precision, asWritten: precision === 'exact' ? null : text.trim() };
}

/** The largest amount the system takes: ten billion euros, far above any programme's frame. */
export const MAX_AMOUNT_CENTS = 1_000_000_000_000;

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

/**
 * An amount as a form field shows it for editing, in a form readAmountInput reads back to the same
 * cents and precision in every language: digit groups by spaces (never a lone "," or ".", which
 * could be read as decimals), the language's decimal separator, and "≈ … " for an amount that is not
 * exact (so saving a pre-filled rounded frame back keeps it rounded). Rounded and approximate both
 * come back as approximate unless the words as written are kept, in which case those are shown.
 */
export function formatAmountInput(
  cents: Cents,
  locale: Locale,
  precision: Precision = 'exact',
  asWritten: string | null = null,
): string {
  if (asWritten !== null && readAmountInput(asWritten).ok) return asWritten;
  const whole = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const fraction = cents % 100 === 0 ? '' : `${locale === 'en' ? '.' : ','}${String(cents % 100).padStart(2, '0')}`;
  return `${precision === 'exact' ? '' : '≈ '}${whole}${fraction}`;
}

/**
 * An amount as pages and documents show it, keeping the precision the source gave: "≈ 14 000 000 €"
 * for a rounded or approximate amount, "0 € (ei vielä)" for "not yet" with the words kept.
 */
export function formatAmount(
  cents: Cents,
  locale: Locale,
  precision: Precision = 'exact',
  asWritten: string | null = null,
): string {
  const amount = `${precision === 'exact' ? '' : '≈\u00a0'}${formatEuros(cents, locale)}`;
  return precision === 'exact' && asWritten !== null ? `${amount} (${asWritten})` : amount;
}
