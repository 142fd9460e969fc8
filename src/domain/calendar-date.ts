/**
 * What counts as a date in this system. A date is a real day of the Gregorian calendar (no 30
 * February, no year 0000) within the years the programme's records can plausibly name: the ESF+
 * programme runs 2021–2027, its records look back at earlier programmes and ahead at terms and
 * deadlines, and nothing here is older than 1900 or later than 2100. Anything else is a typing or
 * tampering mistake that PostgreSQL's `date` type would refuse with an error (and SQLite would
 * store as text), so it is refused at the contract instead, with the same answer on both databases.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

const FULL = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function validParts(year: number, month: number | undefined, day: number | undefined): boolean {
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return false;
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= daysInMonth(year, month);
}

/** "2024-02-29" yes; "2024-02-30", "0000-01-01", "3000-01-01", "2024-2-1" no. */
export function isCalendarDate(text: string): boolean {
  const match = FULL.exec(text);
  return match !== null && validParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A date of reduced precision as the sources give them: "2021", "2021-10" or a full calendar date. */
export function isPartialDate(text: string): boolean {
  const match = PARTIAL.exec(text);
  if (!match) return false;
  return validParts(
    Number(match[1]),
    match[2] === undefined ? undefined : Number(match[2]),
    match[3] === undefined ? undefined : Number(match[3]),
  );
}

/**
 * Whether `to` does not come before `from`, two dates of reduced precision compared as far as both
 * go: "2025" to "2025-03" is in order (the same year), "2025-04-01" to "2025-03" is not.
 */
export function partialDatesInOrder(from: string, to: string): boolean {
  const length = Math.min(from.length, to.length);
  return from.slice(0, length) <= to.slice(0, length);
}

const FINNISH = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * A date as people write it in Finland and Sweden ("15.1.2027", "15.01.2027", and ISO "2027-01-15"
 * too) → `YYYY-MM-DD`, or null when it is not a real calendar date.
 */
export function parseFinnishDate(text: string): string | null {
  const trimmed = text.trim().replace(/\s+/g, '');
  if (isCalendarDate(trimmed)) return trimmed;
  const match = FINNISH.exec(trimmed);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/** `YYYY-MM-DD` → "15.1.2027"; anything else as it is. */
export function formatFinnishDate(date: string): string {
  const match = FULL.exec(date);
  return match ? `${Number(match[3])}.${Number(match[2])}.${match[1]}` : date;
}
