import { describe, expect, it } from 'vitest';
import { addCalendarDays, helsinkiDate, helsinkiTime, helsinkiYear } from '../../src/domain/helsinki-time.js';

describe("Helsinki's clock", () => {
  it('at 00:30 on 1 January in Helsinki it is the new year, though UTC still says 31 December', () => {
    const instant = new Date('2026-12-31T22:30:00Z');
    expect(instant.toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(helsinkiDate(instant)).toBe('2027-01-01');
    expect(helsinkiTime(instant)).toBe('00:30');
    expect(helsinkiYear(instant)).toBe(2027);
  });

  it('follows summer time: the spring night (03:00 → 04:00, last Sunday of March)', () => {
    // 2026-03-29: at 01:00 UTC Helsinki moves from 03:00 EET to 04:00 EEST.
    expect(helsinkiTime(new Date('2026-03-29T00:59:00Z'))).toBe('02:59');
    expect(helsinkiTime(new Date('2026-03-29T01:00:00Z'))).toBe('04:00');
    expect(helsinkiDate(new Date('2026-03-28T21:59:00Z'))).toBe('2026-03-28');
    expect(helsinkiDate(new Date('2026-03-28T22:00:00Z'))).toBe('2026-03-29');
  });

  it('follows summer time: the autumn night (04:00 → 03:00, last Sunday of October)', () => {
    // 2026-10-25: at 01:00 UTC Helsinki moves back from 04:00 EEST to 03:00 EET.
    expect(helsinkiTime(new Date('2026-10-25T00:59:00Z'))).toBe('03:59');
    expect(helsinkiTime(new Date('2026-10-25T01:00:00Z'))).toBe('03:00');
    // In summer the day begins at 21:00 UTC, in winter at 22:00 UTC.
    expect(helsinkiDate(new Date('2026-10-24T21:00:00Z'))).toBe('2026-10-25');
    expect(helsinkiDate(new Date('2026-10-25T21:59:00Z'))).toBe('2026-10-25');
    expect(helsinkiDate(new Date('2026-10-25T22:00:00Z'))).toBe('2026-10-26');
  });

  it('gives each instant its own date when asked in turn across midnight (the date is remembered per minute)', () => {
    const seconds = ['2026-12-31T21:59:00.000Z', '2026-12-31T21:59:59.999Z', '2026-12-31T22:00:00.000Z'];
    expect(seconds.map((at) => helsinkiDate(new Date(at)))).toEqual(['2026-12-31', '2026-12-31', '2027-01-01']);
    // Back again: an earlier instant asked after a later one.
    expect(helsinkiDate(new Date('2026-12-31T21:59:30Z'))).toBe('2026-12-31');
    expect(() => helsinkiDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});
