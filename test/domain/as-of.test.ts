/** Projects as of a date (domain/as-of.ts): decided by a cut-off, and the status as of a date. */
import { describe, expect, it } from 'vitest';
import { decidedBy, statusAsOf } from '../../src/domain/as-of.js';

describe('decidedBy', () => {
  it('counts decisions on or before the cut-off and leaves later ones to the next review', () => {
    expect(decidedBy('2024-10-31', '2024-10-31')).toBe(true);
    expect(decidedBy('2024-11-01', '2024-10-31')).toBe(false);
    // "Marraskuussa 2024 rahoituspäätökset tehty": known to the month, after the cut-off.
    expect(decidedBy('2024-11', '2024-10-31')).toBe(false);
    expect(decidedBy('2024-10', '2024-10-31')).toBe(true);
    expect(decidedBy('2023', '2024-10-31')).toBe(true);
  });

  it('counts an unknown decision date, and everything when there is no cut-off', () => {
    expect(decidedBy(null, '2024-10-31')).toBe(true);
    expect(decidedBy('2030-01-01', null)).toBe(true);
  });
});

describe('statusAsOf', () => {
  const history = [
    { status: 'running' as const, from: '2023-02-01' },
    { status: 'ended' as const, from: '2023-11-30' },
  ];
  it('is the last dated change by the date', () => {
    expect(statusAsOf('ended', history, '2023-06-30')).toBe('running');
    expect(statusAsOf('ended', history, '2024-10-31')).toBe('ended');
    expect(statusAsOf('ended', history, '2023-11-30')).toBe('ended');
  });
  it('is the status held now before any dated change or without a date', () => {
    expect(statusAsOf('granted', history, '2022-12-31')).toBe('granted');
    expect(statusAsOf('granted', [], '2024-10-31')).toBe('granted');
    expect(statusAsOf('ended', history, null)).toBe('ended');
  });
});
