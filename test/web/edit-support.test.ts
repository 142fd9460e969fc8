/**
 * The editing forms read counts and numbers by the domain's one rule (domain/numbers.ts) and name
 * the reason for a refusal: Finnish "1.5" is never 15, "1.500" is refused as ambiguous.
 */
import { describe, expect, it } from 'vitest';
import { fromInput } from '../../src/web/features/editing/edit-support.js';

describe('fromInput for counts and numbers', () => {
  it.each(['fi', 'sv', 'en'] as const)('reads the same count the same way in %s', (lang) => {
    expect(fromInput('count', '1 500', lang)).toEqual({ ok: true, value: 1500 });
    expect(fromInput('count', '1500', lang)).toEqual({ ok: true, value: 1500 });
    expect(fromInput('count', '1.5', lang)).toEqual({ ok: false, error: 'editing:invalid.whole' });
    expect(fromInput('count', '1.500', lang)).toEqual({ ok: false, error: 'editing:invalid.numberAmbiguous' });
    expect(fromInput('count', '-1', lang)).toEqual({ ok: false, error: 'editing:invalid.negative' });
    expect(fromInput('number', '4,1', lang)).toEqual({ ok: true, value: 4.1 });
    expect(fromInput('number', '4.1', lang)).toEqual({ ok: true, value: 4.1 });
    expect(fromInput('number', '4,125', lang)).toEqual({ ok: false, error: 'editing:invalid.numberAmbiguous' });
  });

  it('leaves an empty optional field empty and refuses an empty required one', () => {
    expect(fromInput('count', '  ', 'fi')).toEqual({ ok: true, value: null });
    expect(fromInput('count', '', 'fi', true)).toEqual({ ok: false, error: 'editing:invalid.required' });
  });
});
