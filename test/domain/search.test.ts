/** The search's words, stems, highlights and count rule (domain/search.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  finnishStem,
  highlight,
  parseSearchQuery,
  searchWords,
  snippet,
  totalWithoutCounting,
  wordPrefixes,
} from '../../src/domain/search.js';

const finds = (query: string, word: string) =>
  parseSearchQuery(query)!.terms[0]!.prefixes.some((prefix) => word.toLowerCase().startsWith(prefix));

describe('search words and stems', () => {
  it.each([
    ['hyvinvoinnin', 'hyvinvointi'],
    ['hyvinvointi', 'hyvinvoinnin'],
    ['hyvinvointia', 'hyvinvoinnissa'],
    ['hankkeen', 'hanke'],
    ['hankkeet', 'hankkeita'],
    ['kunnissa', 'kunta'],
    ['helsingin', 'Helsinki'],
    ['helsingissä', 'Helsingin'],
    ['työllisyyden', 'työllisyys'],
    ['tiedon', 'tieto'],
    ['keskuksen', 'keskus'],
    ['keskus', 'keskuksessa'],
    ['osaamisen', 'osaaminen'],
    ['tuottavuutta', 'tuottavuus'],
    ['ohjausryhmän', 'ohjausryhmä'],
    ['kommunerna', 'kommun'],
    ['välfärden', 'välfärd'],
    ['projektet', 'projekt'],
  ])('"%s" finds "%s"', (query, word) => {
    expect(finds(query, word)).toBe(true);
  });

  it('a word always finds itself: every prefix begins the word it came from', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), (text) => {
        for (const word of searchWords(text)) {
          for (const prefix of wordPrefixes(word)) {
            expect(word.startsWith(prefix)).toBe(true);
            expect(prefix.length).toBeGreaterThan(0);
            expect(prefix).toMatch(/^[\p{L}\p{N}]+$/u);
          }
        }
      }),
    );
  });

  it('keeps stems long enough to mean something', () => {
    expect(finnishStem('oulun')).toBe('oul');
    expect(wordPrefixes('työ')).toEqual(['työ']);
    expect(wordPrefixes('2024')).toEqual(['2024']);
  });

  it('a query without letters or digits has no words', () => {
    expect(parseSearchQuery(' !? — ')).toBeNull();
    expect(parseSearchQuery('\u0000')).toBeNull();
    expect(parseSearchQuery('a b c d e f g h i j')!.terms).toHaveLength(8);
  });
});

describe('highlighting', () => {
  it('marks the words found, keeping the text as written', () => {
    const segments = highlight('Hyvinvointi ja terveys, Helsinki', parseSearchQuery('hyvinvoinnin helsingin')!);
    expect(segments).toEqual([
      { text: 'Hyvinvointi', hit: true },
      { text: ' ja terveys, ', hit: false },
      { text: 'Helsinki', hit: true },
    ]);
  });

  it('joins to the text it came from, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (text, q) => {
        const query = parseSearchQuery(q);
        if (!query) return;
        expect(
          highlight(text, query)
            .map((s) => s.text)
            .join(''),
        ).toBe(text);
      }),
    );
  });

  it('a snippet of a long text is around its first hit', () => {
    const text = `${'alku '.repeat(60)}tässä on hyvinvointia ${'loppu '.repeat(60)}`;
    const segments = snippet(text, parseSearchQuery('hyvinvoinnin')!, 80);
    const joined = segments.map((s) => s.text).join('');
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(joined.length).toBeLessThan(90);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['hyvinvointia']);
  });
});

describe('the count rule', () => {
  it('a page that is not full tells the total; a full one, or an empty one past the first, does not', () => {
    expect(totalWithoutCounting(0, 20, 7)).toBe(7);
    expect(totalWithoutCounting(40, 20, 3)).toBe(43);
    expect(totalWithoutCounting(0, 20, 0)).toBe(0);
    expect(totalWithoutCounting(0, 20, 20)).toBeUndefined();
    expect(totalWithoutCounting(60, 20, 0)).toBeUndefined();
  });
});
