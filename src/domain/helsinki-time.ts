/**
 * One clock for the whole service: "today", a month or a year as Helsinki sees it. The server's
 * clock is UTC (and tests pin it), but people in Finland live in Europe/Helsinki: at 00:30 on
 * 1 January in Helsinki it is still 31 December in UTC, and the offset moves with summer time.
 * Everything that asks "what day is it" goes through here, never `toISOString().slice(0, 10)`.
 */

export const HELSINKI_TIME_ZONE = 'Europe/Helsinki';

// en-CA formats dates as YYYY-MM-DD; one formatter, made once (they are costly to build).
const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: HELSINKI_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: HELSINKI_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// The last minute asked and its date: the server asks for every request (the public cache's key),
// and formatting costs about 1.5 % of a fresh answer's time. Helsinki's days begin on a whole
// minute (its offsets are whole hours), so every instant in one UTC minute has the same date.
let lastMinute = Number.NaN;
let lastDate = '';

/** The calendar date in Helsinki at `instant`, as `YYYY-MM-DD`. */
export function helsinkiDate(instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDate = dateFormat.format(instant);
    lastMinute = minute;
  }
  return lastDate;
}

/** The wall-clock time in Helsinki at `instant`, as `HH:MM`. */
export function helsinkiTime(instant: Date): string {
  return timeFormat.format(instant);
}

/** The year in Helsinki at `instant`. */
export function helsinkiYear(instant: Date): number {
  return Number(helsinkiDate(instant).slice(0, 4));
}

/** Adds whole days to a calendar date (`YYYY-MM-DD`); pure calendar arithmetic, no time zone. */
export function addCalendarDays(date: string, days: number): string {
  const moment = new Date(`${date}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

/** The instant a Helsinki calendar day (`YYYY-MM-DD`) begins, as an ISO string in UTC. */
export function helsinkiDayStart(date: string): string {
  // Helsinki is UTC+2 or, in summer time, UTC+3; the clocks change at 03:00/04:00, never at midnight.
  for (const hoursBefore of [2, 3]) {
    const candidate = new Date(Date.parse(`${date}T00:00:00Z`) - hoursBefore * 3_600_000);
    if (helsinkiDate(candidate) === date && helsinkiTime(candidate) === '00:00') return candidate.toISOString();
  }
  throw new Error(`no Helsinki midnight on ${date}`);
}
