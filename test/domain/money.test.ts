import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAmountInput,
  formatEuros,
  formatMillions,
  parseFinnishAmount,
  readAmountInput,
} from '../../src/domain/money.js';

const NBSP = '\u00a0';

describe('parseFinnishAmount', () => {
  // Every way the seed documents write an amount.
  it.each([
    ['14 000 000 e', 1_400_000_000, false],
    ['1,4 milj. €', 140_000_000, true],
    ['13 M€+10 M€', 2_300_000_000, true],
    ['5 milj. € + 3,6 milj. €', 860_000_000, true],
    ['5 905 632 euroa', 590_563_200, false],
    ['1 055 410,40 €', 105_541_040, false],
    ['27,7 milj.€', 2_770_000_000, true],
    ['13,6 M€', 1_360_000_000, true],
    ['0 € (31.10.24 mennessä)', 0, false],
  ])('%j → %i cents, rounded %s', (text, cents, rounded) => {
    expect(parseFinnishAmount(text)).toEqual({ ok: true, value: { cents, rounded } });
  });

  it('reads the same amount whatever space separates the digit groups', () => {
    for (const space of [' ', NBSP, '\u202f', '\u2009']) {
      expect(parseFinnishAmount(`1${space}055${space}410,40${space}€`)).toEqual({
        ok: true,
        value: { cents: 105_541_040, rounded: false },
      });
    }
  });

  it('marks a sum as rounded when any part is rounded', () => {
    expect(parseFinnishAmount('1 000 € + 2 M€')).toEqual({ ok: true, value: { cents: 200_100_000, rounded: true } });
    expect(parseFinnishAmount('1 000 € + 2 000 €')).toEqual({ ok: true, value: { cents: 300_000, rounded: false } });
  });

  it('says "not yet" for "ei vielä", whatever its case', () => {
    expect(parseFinnishAmount('ei vielä')).toEqual({ ok: false, reason: 'not_yet' });
    expect(parseFinnishAmount('Ei vielä')).toEqual({ ok: false, reason: 'not_yet' });
  });

  it('says empty for nothing but spaces', () => {
    expect(parseFinnishAmount('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseFinnishAmount(`  ${NBSP}`)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    'noin paljon',
    '12 34 €', // a group of two digits is not a thousands group
    '1,234 €', // three decimals on euros would be a fraction of a cent
    '€ 5',
    '13 M€ +',
    '5 $',
    'EUR',
  ])('cannot read %j', (text) => {
    expect(parseFinnishAmount(text)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('refuses an amount too large to hold exactly', () => {
    expect(parseFinnishAmount('100 000 000 000 000 €')).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('formatEuros', () => {
  it('writes Finnish with no-break spaces and decimals only when there are cents', () => {
    expect(formatEuros(105_541_040, 'fi')).toBe(`1${NBSP}055${NBSP}410,40${NBSP}€`);
    expect(formatEuros(1_400_000_000, 'fi')).toBe(`14${NBSP}000${NBSP}000${NBSP}€`);
    expect(formatEuros(5, 'fi')).toBe(`0,05${NBSP}€`);
    expect(formatEuros(0, 'fi')).toBe(`0${NBSP}€`);
  });

  it('writes Swedish as Finnish', () => {
    expect(formatEuros(105_541_040, 'sv')).toBe(`1${NBSP}055${NBSP}410,40${NBSP}€`);
  });

  it('writes English with the sign first and commas', () => {
    expect(formatEuros(105_541_040, 'en')).toBe('€1,055,410.40');
    expect(formatEuros(1_400_000_000, 'en')).toBe('€14,000,000');
  });

  // Some ICU versions group digits with U+202F, which some fonts and PDF tools drop or garble.
  it('never uses a narrow no-break space, whatever the ICU version', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 15 }),
        fc.constantFrom('fi' as const, 'sv' as const),
        (cents, locale) => {
          expect(formatEuros(cents, locale)).not.toContain('\u202f');
        },
      ),
    );
  });
});

describe('round trip', () => {
  // Up to 10^15 cents (ten trillion euros), far beyond any programme. Past about 7·10^15 cents
  // formatEuros loses the last cent, because it divides by 100 in floating point.
  const cents = fc.integer({ min: 0, max: 10 ** 15 });

  it('reads back exactly what it wrote in Finnish, as an exact amount', () => {
    fc.assert(
      fc.property(cents, (value) => {
        expect(parseFinnishAmount(formatEuros(value, 'fi'))).toEqual({
          ok: true,
          value: { cents: value, rounded: false },
        });
      }),
    );
  });

  it('reads back what it wrote in Swedish', () => {
    fc.assert(
      fc.property(cents, (value) => {
        expect(parseFinnishAmount(formatEuros(value, 'sv'))).toEqual({
          ok: true,
          value: { cents: value, rounded: false },
        });
      }),
    );
  });

  it('reads back a sum of formatted amounts as their total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 12 }), { minLength: 1, maxLength: 4 }), (parts) => {
        const text = parts.map((p) => formatEuros(p, 'fi')).join(' + ');
        const total = parts.reduce((x, y) => x + y, 0);
        expect(parseFinnishAmount(text)).toEqual({ ok: true, value: { cents: total, rounded: false } });
      }),
    );
  });
});

describe('formatMillions', () => {
  it('writes one decimal in millions', () => {
    expect(formatMillions(1_360_000_000, 'fi')).toBe(`13,6${NBSP}M€`);
    expect(formatMillions(2_300_000_000, 'fi')).toBe(`23${NBSP}M€`);
    expect(formatMillions(1_360_000_000, 'en')).toBe('€13.6M');
  });

  it('reads back as a rounded amount within half a tenth of a million', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (value) => {
        const parsed = parseFinnishAmount(formatMillions(value, 'fi'));
        expect(parsed.ok && parsed.value.rounded).toBe(true);
        if (parsed.ok) expect(Math.abs(parsed.value.cents - value)).toBeLessThanOrEqual(5_000_000);
      }),
    );
  });
});

describe('readAmountInput: what a person types into a form', () => {
  it.each([
    ['12500000.5', 1_250_000_050],
    ['12500000,5', 1_250_000_050],
    ['12 500 000,50', 1_250_000_050],
    [`12${NBSP}500${NBSP}000,50 €`, 1_250_000_050],
    ['12\u202f500\u202f000,50', 1_250_000_050],
    ['12.500.000', 1_250_000_000],
    ['12.500.000,50', 1_250_000_050],
    ['12,500,000.50', 1_250_000_050],
    ['€12,500,000.50', 1_250_000_050],
    ['1.000,5', 100_050],
    ['12 500', 1_250_000],
    ['0', 0],
    ['0,05', 5],
  ])('%j is %i cents, exactly', (text, cents) => {
    expect(readAmountInput(text)).toEqual({ ok: true, cents, precision: 'exact', asWritten: null });
  });

  it.each([
    ['12.500', 'ambiguous'],
    ['12,500', 'ambiguous'],
    ['1,234', 'ambiguous'],
    ['12,5055', 'decimals'],
    ['12.5055', 'decimals'],
    ['12 34', 'unreadable'],
    ['12.500,000', 'unreadable'],
    ['1.234.5', 'unreadable'],
    ['1 000.000', 'unreadable'],
    ['12..5', 'unreadable'],
    ['viisi', 'unreadable'],
    ['-5', 'negative'],
    ['100 000 000 000', 'too_large'],
    ['', 'empty'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(readAmountInput(text)).toEqual({ ok: false, reason });
  });

  it('keeps a rounded or approximate amount so, with the words as written', () => {
    expect(readAmountInput('14 M€')).toEqual({
      ok: true,
      cents: 1_400_000_000,
      precision: 'rounded',
      asWritten: '14 M€',
    });
    expect(readAmountInput('noin 3,5 milj. €')).toEqual({
      ok: true,
      cents: 350_000_000,
      precision: 'approximate',
      asWritten: 'noin 3,5 milj. €',
    });
    expect(readAmountInput('≈ 14 000 000')).toMatchObject({ ok: true, cents: 1_400_000_000, precision: 'approximate' });
  });

  it.each(['ei vielä', 'Inte ännu', 'not yet'])('reads %j as 0 € with the words kept', (text) => {
    expect(readAmountInput(text)).toEqual({ ok: true, cents: 0, precision: 'exact', asWritten: text });
  });

  const cents = fc.integer({ min: 0, max: 1_000_000_000_000 });
  const locale = fc.constantFrom('fi' as const, 'sv' as const, 'en' as const);

  it('reads back exactly what a form field shows, in every language', () => {
    fc.assert(
      fc.property(cents, locale, (value, lang) => {
        expect(readAmountInput(formatAmountInput(value, lang))).toEqual({
          ok: true,
          cents: value,
          precision: 'exact',
          asWritten: null,
        });
        expect(readAmountInput(formatAmountInput(value, lang, 'rounded'))).toMatchObject({
          ok: true,
          cents: value,
          precision: 'approximate',
        });
      }),
    );
  });

  it('reads back what formatEuros writes, except English whole euros from 1 000 to 999 999 (one comma: ambiguous)', () => {
    expect(readAmountInput(formatEuros(1_400_000, 'en'))).toEqual({ ok: false, reason: 'ambiguous' });
    fc.assert(
      fc.property(cents, locale, (value, lang) => {
        fc.pre(!(lang === 'en' && value % 100 === 0 && value >= 100_000 && value < 100_000_000));
        expect(readAmountInput(formatEuros(value, lang))).toEqual({
          ok: true,
          cents: value,
          precision: 'exact',
          asWritten: null,
        });
      }),
    );
  });

  it('reads plain digits with a dot or comma and one or two decimals as decimals, never as thousands', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 99 }),
        fc.boolean(),
        fc.constantFrom('.', ','),
        (euros, fraction, twoDigits, separator) => {
          const decimals = twoDigits ? String(fraction).padStart(2, '0') : String(fraction % 10);
          const expected = euros * 100 + (twoDigits ? fraction : (fraction % 10) * 10);
          expect(readAmountInput(`${euros}${separator}${decimals}`)).toMatchObject({ ok: true, cents: expected });
        },
      ),
    );
  });

  it('groups of three by spaces, dots or commas all read as the same whole euros', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 10 ** 10 }),
        fc.constantFrom(' ', NBSP, '.', ','),
        (euros, separator) => {
          const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
          const result = readAmountInput(grouped);
          const groups = grouped.split(separator).length;
          // One dot or comma with three digits after it is ambiguous; anything else is exact.
          if ((separator === '.' || separator === ',') && groups === 2)
            expect(result).toEqual({ ok: false, reason: 'ambiguous' });
          else expect(result).toMatchObject({ ok: true, cents: euros * 100 });
        },
      ),
    );
  });

  it('never reads any text as a different amount than one of its unambiguous readings', () => {
    // Whatever is typed, an accepted amount's digits are the typed digits: nothing is multiplied by ten.
    fc.assert(
      fc.property(fc.stringMatching(/^\d[\d .,]{0,12}$/), (text) => {
        const result = readAmountInput(text);
        if (!result.ok) return;
        const digits = text.replace(/\D/g, '').replace(/^0+/, '');
        const storedDigits = String(result.cents).replace(/0+$/, '');
        expect(digits.replace(/0+$/, '').startsWith(storedDigits) || storedDigits === '').toBe(true);
      }),
    );
  });
});
