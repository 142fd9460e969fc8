import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callStatus, checkCall, openDuring } from '../../src/domain/calls.js';

const TODAY = '2026-12-01';

describe('callStatus', () => {
  it.each([
    [{ opens: '2027-01-10', closes: '2027-03-01' }, 'upcoming'],
    [{ opens: '2026-11-01', closes: '2026-12-01' }, 'open'],
    [{ opens: '2026-11-01', closes: '2026-12' }, 'open'],
    [{ opens: '2023-10-05', closes: '2023-12-04' }, 'closed'],
    // The calls of 2022 and 2023 without a closing date are not "open" in December 2026.
    [{ opens: '2022', closes: null }, 'closing_unknown'],
    [{ opens: '2023-03', closes: null }, 'closing_unknown'],
    [{ opens: null, closes: '2025-02-10' }, 'closed'],
    [{ opens: null, closes: null }, 'unknown'],
  ] as const)('%j is %s on 1.12.2026', (call, status) => {
    expect(callStatus(call, TODAY)).toBe(status);
  });

  it('is open only between its opening and closing days', () => {
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2021, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (a, b, today) => {
        const [opens, closes] = a <= b ? [a, b] : [b, a];
        const status = callStatus({ opens, closes }, today);
        expect(status === 'open').toBe(opens <= today && today <= closes);
        expect(callStatus({ opens, closes: null }, today)).not.toBe('open');
      }),
    );
  });
});

describe('openDuring (the calendar)', () => {
  it('lists a call in the months it is open, and one without a closing date only in its opening month', () => {
    const call = { opens: '2023-10-05', closes: '2023-12-04' };
    expect(openDuring(call, '2023-09-01', '2023-09-30')).toBe(false);
    expect(openDuring(call, '2023-10-01', '2023-10-31')).toBe(true);
    expect(openDuring(call, '2023-12-01', '2023-12-31')).toBe(true);
    expect(openDuring(call, '2024-01-01', '2024-01-31')).toBe(false);
    const open = { opens: '2023-03', closes: null };
    expect(openDuring(open, '2023-03-01', '2023-03-31')).toBe(true);
    expect(openDuring(open, '2026-12-01', '2026-12-31')).toBe(false);
  });
});

describe('checkCall', () => {
  const base = {
    opens: '2023-10-05',
    closes: '2023-12-04',
    budget: 930_000_000,
    granted: 571_032_100,
    applications: 147,
    applicationEntities: 57,
    eligibleEntities: 38,
    fundedEntities: 12,
  };
  it('accepts LANUPE’s 2023 call as the review gives it', () => {
    expect(checkCall(base)).toEqual([]);
  });
  it('refuses closing before opening outright', () => {
    expect(checkCall({ ...base, closes: '2023-10-01' })).toEqual([
      expect.objectContaining({ field: 'closes', code: 'closes_before_opens', confirmable: false }),
    ]);
  });
  it('asks to confirm granted over budget, funded over eligible and eligible over received', () => {
    expect(checkCall({ ...base, granted: base.budget + 1 }).map((v) => [v.field, v.code, v.confirmable])).toEqual([
      ['granted', 'granted_exceeds_budget', true],
    ]);
    expect(checkCall({ ...base, fundedEntities: 39 }).map((v) => v.code)).toEqual(['funded_exceeds_eligible']);
    expect(checkCall({ ...base, eligibleEntities: 58, fundedEntities: 12 }).map((v) => v.code)).toEqual([
      'eligible_exceeds_received',
    ]);
    // Received counts entities where known, else applications.
    expect(checkCall({ ...base, applicationEntities: null, eligibleEntities: 100 }).map((v) => v.code)).toEqual([]);
  });
});
