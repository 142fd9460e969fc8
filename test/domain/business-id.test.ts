import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessIdCheckDigit, isValidBusinessId, normalizeBusinessId } from '../../src/domain/business-id.js';

// Check digits worked out by hand with the weights 7, 9, 10, 5, 8, 4, 2:
// 0245437: 0+18+40+25+32+12+14 = 141, 141 mod 11 = 9, 11 − 9 = 2
// 1572860: 7+45+70+10+64+24+0 = 220, 220 mod 11 = 0 → 0
// 0112038: 0+9+10+10+0+12+16 = 57, 57 mod 11 = 2, 11 − 2 = 9
// 0246246: 0+18+40+30+16+16+12 = 132, 132 mod 11 = 0 → 0
// 0000006: 12, 12 mod 11 = 1 → no valid ID
const VALID = ['0245437-2', '1572860-0', '0112038-9', '0246246-0'];

const sevenDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }).map((d) => d.join(''));

describe('businessIdCheckDigit', () => {
  it.each([
    ['0245437', 2],
    ['1572860', 0],
    ['0112038', 9],
    ['0246246', 0],
  ])('%s → %i', (body, digit) => {
    expect(businessIdCheckDigit(body)).toBe(digit);
  });

  it('has no check digit when the remainder is 1', () => {
    expect(businessIdCheckDigit('0000006')).toBeNull();
  });

  it.each(['', '024543', '02454372', '024543a', ' 0245437'])('rejects a body that is not seven digits: %j', (body) => {
    expect(businessIdCheckDigit(body)).toBeNull();
  });
});

describe('isValidBusinessId', () => {
  it.each(VALID)('accepts %s', (id) => {
    expect(isValidBusinessId(id)).toBe(true);
  });

  it.each([
    ['wrong check digit', '0245437-3'],
    ['remainder 1, whatever the last digit', '0000006-5'],
    ['missing hyphen', '02454372'],
    ['leading zero dropped', '245437-2'],
    ['surrounding spaces', ' 0245437-2 '],
    ['en dash instead of hyphen', '0245437–2'],
    ['empty', ''],
  ])('rejects %s: %j', (_why, id) => {
    expect(isValidBusinessId(id)).toBe(false);
  });

  it('accepts the ID built from any body that has a check digit, and rejects every other last digit', () => {
    fc.assert(
      fc.property(sevenDigits, (body) => {
        const digit = businessIdCheckDigit(body);
        fc.pre(digit !== null);
        expect(isValidBusinessId(`${body}-${digit}`)).toBe(true);
        for (let other = 0; other <= 9; other++) {
          if (other !== digit) expect(isValidBusinessId(`${body}-${other}`)).toBe(false);
        }
      }),
    );
  });

  it('rejects every last digit when the body has no check digit', () => {
    fc.assert(
      fc.property(sevenDigits, (body) => {
        fc.pre(businessIdCheckDigit(body) === null);
        for (let last = 0; last <= 9; last++) expect(isValidBusinessId(`${body}-${last}`)).toBe(false);
      }),
    );
  });

  it('catches any single changed digit in the body', () => {
    // The reason for the weights: one mistyped digit must not give another valid ID.
    fc.assert(
      fc.property(sevenDigits, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 }), (body, at, shift) => {
        const digit = businessIdCheckDigit(body);
        fc.pre(digit !== null);
        const changed = body.slice(0, at) + ((Number(body[at]) + shift) % 10) + body.slice(at + 1);
        expect(isValidBusinessId(`${changed}-${digit}`)).toBe(false);
      }),
    );
  });
});

describe('normalizeBusinessId', () => {
  it('trims surrounding whitespace, including no-break spaces', () => {
    expect(normalizeBusinessId('  0245437-2\n')).toBe('0245437-2');
    expect(normalizeBusinessId('\u00a00112038-9\t')).toBe('0112038-9');
  });

  it.each(['245437-2', '02454372', '0245437 - 2', '0245437-3', 'Y-tunnus 0245437-2'])('does not repair %j', (text) => {
    expect(normalizeBusinessId(text)).toBeNull();
  });
});
