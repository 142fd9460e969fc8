/** The report versions' word diff: one changed word is one change, however long the section. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, type DiffPart } from '../../src/domain/reports/text-diff.js';

const spell = (parts: DiffPart[], side: 'before' | 'after') =>
  parts
    .filter((part) => part.op === 'equal' || part.op === (side === 'before' ? 'delete' : 'insert'))
    .map((part) => part.text)
    .join('');

const WORDS = ['hanke', 'teema', 'rahoitus', 'kehitys', 'osaaminen', 'työllisyys', 'alue', 'kunta', 'ja', 'sekä'];
const section = (count: number) =>
  Array.from({ length: count }, (_, i) => WORDS[(i * 7 + Math.floor(i / 10)) % WORDS.length]).join(' ');

describe('diffWords', () => {
  it('shows one changed word in a 1 500-word section as one change', () => {
    const before = section(1500);
    const words = before.split(' ');
    words[750] = 'muutettu';
    const after = words.join(' ');
    const parts = diffWords(before, after);
    expect(parts.map((part) => part.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(parts[1]!.text).toBe(before.split(' ')[750]);
    expect(parts[2]!.text).toBe('muutettu');
    expect(spell(parts, 'before')).toBe(before);
    expect(spell(parts, 'after')).toBe(after);
  });

  it('shows two unrelated long texts as the whole text replaced', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    expect(diffWords(before, after)).toEqual([
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ]);
  });

  it('always spells both texts back', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', ' ', '\n', 'ää', 'd.'), { maxLength: 60 })
      .map((t) => t.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffWords(before, after);
        expect(spell(parts, 'before')).toBe(before);
        expect(spell(parts, 'after')).toBe(after);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.op).not.toBe(parts[i - 1]!.op);
      }),
    );
  });
});
