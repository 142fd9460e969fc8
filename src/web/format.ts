/**
 * Numbers, money, percentages and dates worded for the page's language. Money reuses the domain's
 * formatting so that the web and the documents write amounts the same way ("1 055 410,40 €" in fi
 * and sv, "€1,055,410.40" in en).
 */
import { formatAmount, formatEuros, formatMillions, type AmountInput } from '../domain/money.js';
import type { Language } from './i18n.js';

const INTL_LOCALE: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

// Intl puts U+202F between digit groups in some locales; U+00A0 everywhere keeps amounts alike.
const nbsp = (text: string) => text.replace(/\u202f/g, '\u00a0');

export const euros = (cents: number, language: Language) => formatEuros(cents, language);
export const millions = (cents: number, language: Language) => formatMillions(cents, language);

/**
 * An amount that may be missing: `unknown` when it is, and "≈ " before it when the source gives it
 * only rounded (the dataset marks those).
 */
export const eurosOrUnknown = (
  cents: number | null | undefined,
  language: Language,
  unknown: string,
  rounded = false,
) => (cents === null || cents === undefined ? unknown : `${rounded ? '≈ ' : ''}${euros(cents, language)}`);

/** What an amount typed into a form will be stored as: "12 500 000,50 €", "≈ 14 000 000 €", "0 € (ei vielä)". */
export const storedAmount = (amount: Extract<AmountInput, { ok: true }>, language: Language) =>
  formatAmount(amount.cents, language, amount.precision, amount.asWritten);

export const integer = (value: number, language: Language) =>
  nbsp(new Intl.NumberFormat(INTL_LOCALE[language]).format(value));

/** A ratio (0.248) as a percentage with one decimal ("24,8 %"). */
export const percent = (ratio: number, language: Language) =>
  nbsp(new Intl.NumberFormat(INTL_LOCALE[language], { style: 'percent', maximumFractionDigits: 1 }).format(ratio));

export const decimal = (value: number, language: Language) =>
  nbsp(new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 2 }).format(value));

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/**
 * An ISO date of full or reduced precision ("2024", "2024-06", "2024-06-01", or a timestamp) worded
 * for the language: "2024", "kesäkuu 2024", "1.6.2024". Unreadable text is returned as it is.
 */
export function partialDate(iso: string, language: Language): string {
  const match = PARTIAL_DATE.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  if (!month) return year!;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
  const options: Intl.DateTimeFormatOptions = day
    ? language === 'en'
      ? { day: 'numeric', month: 'short', year: 'numeric' }
      : { day: 'numeric', month: 'numeric', year: 'numeric' }
    : { month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { ...options, timeZone: 'UTC' }).format(date);
}

export type PeriodLike = { start: string | null; end: string | null; text: string | null };

/** "1.9.2024 – 31.8.2026"; an open end shows as "1.9.2024 –"; null when nothing is known. */
export function period(value: PeriodLike, language: Language): string | null {
  if (value.start === null && value.end === null) return value.text;
  const start = value.start === null ? '' : partialDate(value.start, language);
  const end = value.end === null ? '' : partialDate(value.end, language);
  return `${start} – ${end}`.trim();
}

/** A meeting's day with its weekday: "maanantai 6.2.2023", "måndag 6.2.2023", "Monday 6 Feb 2023". */
export function dayWithWeekday(iso: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const weekday = new Intl.DateTimeFormat(INTL_LOCALE[language], { weekday: 'long', timeZone: 'UTC' }).format(date);
  return `${weekday} ${partialDate(iso, language)}`;
}

/** A clock time stored as "13:00": "13.00" in fi and sv, "13:00" in en. */
export function clockTime(hhmm: string, language: Language): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) return hhmm;
  return language === 'en' ? `${match[1]!.padStart(2, '0')}:${match[2]}` : `${Number(match[1])}.${match[2]}`;
}

/** "13.00–15.00", or the start alone; null when there is no time. */
export function timeRange(start: string | null, end: string | null, language: Language): string | null {
  if (!start) return null;
  return end ? `${clockTime(start, language)}–${clockTime(end, language)}` : clockTime(start, language);
}

/**
 * A moment (ISO timestamp) as date and time in Finland, worded for the language: "1.2.2025 klo 9.05",
 * "1 Feb 2025, 09:05". Unreadable text is returned as it is.
 */
export function dateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return nbsp(
    new Intl.DateTimeFormat(INTL_LOCALE[language], {
      dateStyle: language === 'en' ? 'medium' : 'short',
      timeStyle: 'short',
      timeZone: 'Europe/Helsinki',
    }).format(date),
  );
}

/** The time of day of a moment: "9.05", "09:05". */
export const timeOfDay = (iso: string | Date, language: Language) =>
  new Intl.DateTimeFormat(INTL_LOCALE[language], { timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(
    typeof iso === 'string' ? new Date(iso) : iso,
  );
