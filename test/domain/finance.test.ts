import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFinanceOrder,
  checkAsOf,
  checksToConfirm,
  computeUtilisation,
  currentEntry,
  isLargeChange,
  ministryShare,
  sumFigures,
  type FinanceFigures,
  type FinanceWarning,
} from '../../src/domain/finance.js';

const FIELDS = ['frame', 'reserved', 'committed', 'paid'] as const;
const ORDER_CODES = ['reserved_exceeds_frame', 'committed_exceeds_reserved', 'paid_exceeds_committed'] as const;

function figures(
  frame: number | null,
  reserved: number | null,
  committed: number | null,
  paid: number | null,
): FinanceFigures {
  return { frame, reserved, committed, paid };
}

function codes(warnings: FinanceWarning[]): string[] {
  return warnings.map((w) => `${w.field}:${w.code}`);
}

const cents = fc.integer({ min: 0, max: 10_000_000_000 }); // up to 100 M€, beyond any theme
const descending = fc
  .tuple(cents, cents, cents, cents)
  .map((values) => [...values].sort((x, y) => y - x) as [number, number, number, number]);

describe('checkFinanceOrder', () => {
  it('accepts LANUPE-like figures in order', () => {
    // 23 M€ frame, 14 M€ reserved, 1 055 410,40 € committed, nothing paid yet.
    expect(checkFinanceOrder(figures(2_300_000_000, 1_400_000_000, 105_541_040, 0))).toEqual([]);
  });

  it('accepts equal figures', () => {
    expect(checkFinanceOrder(figures(500, 500, 500, 500))).toEqual([]);
    expect(checkFinanceOrder(figures(0, 0, 0, 0))).toEqual([]);
  });

  it.each([
    ['reserved above frame', figures(100, 101, 50, 10), ['reserved:reserved_exceeds_frame']],
    ['committed above reserved', figures(100, 50, 51, 10), ['committed:committed_exceeds_reserved']],
    ['paid above committed', figures(100, 50, 40, 41), ['paid:paid_exceeds_committed']],
    ['negative paid', figures(100, 50, 40, -1), ['paid:negative']],
    [
      'negative frame, so reserved exceeds it',
      figures(-1, 0, 0, 0),
      ['frame:negative', 'reserved:reserved_exceeds_frame'],
    ],
    [
      'every figure missing',
      figures(null, null, null, null),
      ['frame:missing', 'reserved:missing', 'committed:missing', 'paid:missing'],
    ],
    ['paid not yet known', figures(100, 50, 40, null), ['paid:missing']],
    [
      'two figures out of place',
      figures(100, 200, 300, 50),
      ['reserved:reserved_exceeds_frame', 'committed:committed_exceeds_reserved'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(checkFinanceOrder(input))).toEqual(expected);
  });

  it('compares across an unknown figure with the next known one above', () => {
    const warnings = checkFinanceOrder(figures(100, null, 150, 20));
    expect(codes(warnings)).toEqual(['reserved:missing', 'committed:committed_exceeds_reserved']);
    expect(warnings[1]?.comparedWith).toBe('frame');
    expect(warnings[1]?.message.fi).toBe(
      'Sidotut valtuudet (1,50\u00a0€) ovat suuremmat kuin julkinen rahoituskehys (1\u00a0€).',
    );
  });

  it('compares paid with the frame when reserved and committed are unknown', () => {
    const warnings = checkFinanceOrder(figures(100, null, null, 101));
    expect(codes(warnings)).toEqual(['reserved:missing', 'committed:missing', 'paid:paid_exceeds_committed']);
    expect(warnings[2]?.comparedWith).toBe('frame');
  });

  it('does not warn about order when only the frame is unknown', () => {
    expect(codes(checkFinanceOrder(figures(null, 100, 50, 10)))).toEqual(['frame:missing']);
  });

  it('words the warnings in Finnish, Swedish and English with the figures', () => {
    const [warning] = checkFinanceOrder(figures(100_000_000, 120_000_000, 0, 0));
    expect(warning?.message).toEqual({
      fi: 'Varaukset (1\u00a0200\u00a0000\u00a0€) ovat suuremmat kuin julkinen rahoituskehys (1\u00a0000\u00a0000\u00a0€).',
      sv: 'Reserveringar (1\u00a0200\u00a0000\u00a0€) överstiger offentlig finansieringsram (1\u00a0000\u00a0000\u00a0€).',
      en: 'Reservations (€1,200,000) exceed the funding frame (€1,000,000).',
    });
    const [paid] = checkFinanceOrder(figures(100, 100, 100, 105_541_040));
    expect(paid?.message.en).toBe('Paid (€1,055,410.40) exceeds committed (€1).');
    expect(paid?.message.sv).toContain('Betalda kostnader');
    expect(paid?.message.sv).toContain('bundna fullmakter');
  });

  it('names the missing figure in each language', () => {
    const messages = checkFinanceOrder(figures(null, null, null, null)).map((w) => w.message);
    expect(messages.map((m) => m.fi).join(' ')).toMatch(
      /julkinen rahoituskehys.*varaukset.*sidotut valtuudet.*maksetut kustannukset/,
    );
    expect(messages.map((m) => m.sv).join(' ')).toMatch(
      /offentlig finansieringsram.*reserveringar.*bundna fullmakter.*betalda kostnader/,
    );
    expect(messages.map((m) => m.en).join(' ')).toMatch(/funding frame.*reservations.*committed.*paid/);
  });

  it('gives no warnings for any a ≥ b ≥ c ≥ d ≥ 0', () => {
    fc.assert(
      fc.property(descending, ([a, b, c, d]) => {
        expect(checkFinanceOrder(figures(a, b, c, d))).toEqual([]);
      }),
    );
  });

  it('gives exactly the matching warning when one adjacent pair is swapped', () => {
    fc.assert(
      fc.property(descending, fc.integer({ min: 0, max: 2 }), (values, i) => {
        fc.pre(values[i]! > values[i + 1]!);
        const swapped = [...values];
        [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
        const [a, b, c, d] = swapped as [number, number, number, number];
        const warnings = checkFinanceOrder(figures(a, b, c, d));
        expect(warnings.map((w) => w.code)).toEqual([ORDER_CODES[i]]);
        expect(warnings[0]?.field).toBe(FIELDS[i + 1]);
        expect(warnings[0]?.comparedWith).toBe(FIELDS[i]);
      }),
    );
  });

  it('reports only the unknown figures when the known ones are in order', () => {
    fc.assert(
      fc.property(descending, fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()), (values, unknown) => {
        const [a, b, c, d] = values.map((v, i) => (unknown[i] ? null : v));
        const warnings = checkFinanceOrder(figures(a!, b!, c!, d!));
        expect(warnings.map((w) => w.field)).toEqual(FIELDS.filter((_, i) => unknown[i]));
        expect(warnings.every((w) => w.code === 'missing')).toBe(true);
      }),
    );
  });

  it('flags each negative figure once', () => {
    fc.assert(
      fc.property(fc.tuple(cents, cents, cents, cents), fc.integer({ min: 0, max: 3 }), (values, i) => {
        const withNegative = values.map((v, j) => (j === i ? -v - 1 : v));
        const [a, b, c, d] = withNegative as [number, number, number, number];
        const negatives = checkFinanceOrder(figures(a, b, c, d)).filter((w) => w.code === 'negative');
        expect(negatives.map((w) => w.field)).toEqual([FIELDS[i]]);
      }),
    );
  });
});

describe('computeUtilisation', () => {
  it('computes the ratios and what is left to reserve', () => {
    expect(computeUtilisation(figures(2_000, 1_500, 1_000, 250))).toEqual({
      reservedOfFrame: 0.75,
      committedOfFrame: 0.5,
      paidOfCommitted: 0.25,
      leftToReserve: 500,
    });
  });

  it('gives null where an input is unknown or the divisor is 0', () => {
    expect(computeUtilisation(figures(0, 0, 0, 0))).toEqual({
      reservedOfFrame: null,
      committedOfFrame: null,
      paidOfCommitted: null,
      leftToReserve: 0,
    });
    expect(computeUtilisation(figures(1_000, null, 400, null))).toEqual({
      reservedOfFrame: null,
      committedOfFrame: 0.4,
      paidOfCommitted: null,
      leftToReserve: null,
    });
    expect(computeUtilisation(figures(null, 100, 0, 0))).toEqual({
      reservedOfFrame: null,
      committedOfFrame: null,
      paidOfCommitted: null,
      leftToReserve: null,
    });
  });

  it('lets a ratio exceed 1 and what is left go negative when the figures are out of order', () => {
    const u = computeUtilisation(figures(1_000, 1_200, 1_300, 100));
    expect(u.reservedOfFrame).toBe(1.2);
    expect(u.leftToReserve).toBe(-200);
  });

  it('keeps ratios within 0..1 and reserved + left = frame for ordered figures', () => {
    fc.assert(
      fc.property(descending, ([a, b, c, d]) => {
        const u = computeUtilisation(figures(a, b, c, d));
        expect(u.leftToReserve).toBe(a - b);
        expect(b + u.leftToReserve!).toBe(a);
        for (const r of [u.reservedOfFrame, u.committedOfFrame, u.paidOfCommitted]) {
          if (r !== null) {
            expect(r).toBeGreaterThanOrEqual(0);
            expect(r).toBeLessThanOrEqual(1);
          }
        }
        expect(u.reservedOfFrame === null).toBe(a === 0);
        expect(u.paidOfCommitted === null).toBe(c === 0);
      }),
    );
  });
});

describe('ministryShare', () => {
  it('gives the part as a fraction of the total', () => {
    // LANUPE: 10 M€ of 23 M€ from OKM's authority.
    expect(ministryShare(1_000_000_000, 2_300_000_000)).toBeCloseTo(0.4348, 4);
    expect(ministryShare(730, 1_000)).toBe(0.73);
  });

  it('is null when the total is 0 or either is unknown', () => {
    expect(ministryShare(0, 0)).toBeNull();
    expect(ministryShare(null, 100)).toBeNull();
    expect(ministryShare(100, null)).toBeNull();
  });

  it('adds up to 1 over the parts of a total', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 3 }), (parts) => {
        const total = parts.reduce((x, y) => x + y, 0);
        fc.pre(total > 0);
        const sum = parts.reduce((acc, p) => acc + ministryShare(p, total)!, 0);
        expect(sum).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe('entering the figures', () => {
  it('takes an as-of date from 1.1.2021 to Helsinki’s today, nothing else', () => {
    expect(checkAsOf('2024-10-31', '2026-11-23')).toBeNull();
    expect(checkAsOf('2026-11-23', '2026-11-23')).toBeNull();
    expect(checkAsOf('2026-11-24', '2026-11-23')?.code).toBe('date_in_future');
    expect(checkAsOf('9999-12-31', '2026-11-23')?.code).toBe('date_in_future');
    expect(checkAsOf('2020-12-31', '2026-11-23')?.code).toBe('date_before_programme');
    expect(checkAsOf('2024-02-30', '2026-11-23')?.code).toBe('date_invalid');
  });

  it('asks to confirm each order break and each large change', () => {
    const previous = { frame: 2_300_000_000, reserved: 571_032_100, committed: 360_129_600, paid: 0 };
    expect(checksToConfirm(previous, previous)).toEqual([]);
    expect(
      checksToConfirm({ ...previous, reserved: 12_500_000_500 }, previous).map((v) => `${v.code}:${v.field}`),
    ).toEqual(['reserved_exceeds_frame:reserved', 'large_change:reserved']);
    expect(checksToConfirm({ ...previous, paid: 360_129_601 }, previous).map((v) => v.code)).toEqual([
      'paid_exceeds_committed',
      'large_change',
    ]);
    // Unknown figures are allowed and compare with nothing.
    expect(checksToConfirm({ ...previous, committed: null, paid: null }, previous)).toEqual([]);
  });

  it('calls a change large above half of the previous amount or a million euros, either way', () => {
    expect(isLargeChange(100_000, 150_000)).toBe(false);
    expect(isLargeChange(100_000, 150_001)).toBe(true);
    expect(isLargeChange(1_000_000_000, 1_100_000_001)).toBe(true);
    expect(isLargeChange(1_000_000_000, 1_100_000_000)).toBe(false);
    expect(isLargeChange(0, 100_000_000)).toBe(false);
    expect(isLargeChange(0, 100_000_001)).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 10 ** 12 }), (a, b) => {
        if (Math.abs(a - b) > 100_000_000) expect(isLargeChange(a, b)).toBe(true);
        if (Math.abs(a - b) <= Math.min(100_000_000, a * 0.5)) expect(isLargeChange(a, b)).toBe(false);
      }),
    );
  });

  it('takes as current the latest-dated entry nothing supersedes, not simply the latest-dated', () => {
    const entries = [
      { id: 1, asOf: '2024-10-31', kind: 'entry', supersedes: null },
      { id: 2, asOf: '2025-06-30', kind: 'entry', supersedes: null },
      { id: 3, asOf: '2025-06-30', kind: 'withdrawal', supersedes: 2 },
      { id: 4, asOf: '2024-10-31', kind: 'correction', supersedes: 1 },
    ] as const;
    expect(currentEntry(entries)?.id).toBe(4);
    expect(currentEntry(entries.slice(0, 2))?.id).toBe(2);
    expect(currentEntry(entries, '2024-12-31')?.id).toBe(4);
    expect(currentEntry(entries, '2024-01-01')).toBeNull();
  });

  it('sums totals without treating unknown as 0, and says so', () => {
    const totals = sumFigures([
      { figures: { frame: 100, reserved: 50, committed: null, paid: 0 }, inexact: { frame: true } },
      { figures: { frame: 200, reserved: 10, committed: 5, paid: null }, inexact: {} },
    ]);
    expect(totals.frame).toEqual({ cents: 300, unknown: 0, approximate: true });
    expect(totals.committed).toEqual({ cents: 5, unknown: 1, approximate: false });
    expect(totals.paid).toEqual({ cents: 0, unknown: 1, approximate: false });
  });
});
