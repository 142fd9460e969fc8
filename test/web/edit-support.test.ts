/**
 * The editing forms read counts and numbers by the domain's one rule (domain/numbers.ts) and name
 * the reason for a refusal: Finnish "1.5" is never 15, "1.500" is refused as ambiguous.
 */
import { describe, expect, it } from 'vitest';
import { display, fromInput, toInput } from '../../src/web/features/editing/edit-support.js';

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

describe("a list written one a line (a meeting's distribution list)", () => {
  it('reads each non-empty line trimmed, an empty field as the empty list, and shows it back the same', () => {
    const typed = ' jakelu@example.fi \n\n  Johtoryhmän jäsenet\r\nkirjaamo@example.fi ';
    const read = fromInput('lines', typed, 'fi');
    expect(read).toEqual({ ok: true, value: ['jakelu@example.fi', 'Johtoryhmän jäsenet', 'kirjaamo@example.fi'] });
    expect(fromInput('lines', '  \n ', 'fi')).toEqual({ ok: true, value: [] });
    expect(fromInput('lines', '', 'fi', true)).toEqual({ ok: false, error: 'editing:invalid.required' });
    const value = read.ok ? read.value : [];
    expect(toInput('lines', value, 'fi')).toBe('jakelu@example.fi\nJohtoryhmän jäsenet\nkirjaamo@example.fi');
    expect(fromInput('lines', toInput('lines', value, 'sv'), 'sv')).toEqual(read);
    expect(display('lines', value, 'fi', '–')).toBe('jakelu@example.fi; Johtoryhmän jäsenet; kirjaamo@example.fi');
    expect(display('lines', [], 'fi', '–')).toBe('–');
  });
});
