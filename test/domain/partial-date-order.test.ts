/** A contact's validity (issue 15/17): dates of reduced precision are in order as far as both go. */
import { describe, expect, it } from 'vitest';
import { partialDatesInOrder } from '../../src/domain/calendar-date.js';

describe('partialDatesInOrder', () => {
  it('takes dates of the same year or month as in order, whatever their precision', () => {
    expect(partialDatesInOrder('2025', '2025-03')).toBe(true);
    expect(partialDatesInOrder('2025-03-31', '2025-03')).toBe(true);
    expect(partialDatesInOrder('2025-04-01', '2025-04-01')).toBe(true);
  });

  it('refuses an end before the start', () => {
    expect(partialDatesInOrder('2025-04-01', '2025-03')).toBe(false);
    expect(partialDatesInOrder('2026', '2025-12-31')).toBe(false);
    expect(partialDatesInOrder('2025-10-02', '2025-10-01')).toBe(false);
  });
});
