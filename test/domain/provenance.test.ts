/**
 * Provenance in people's words: a stored "seed 001 lines 2310-2317" is the implementation review's
 * chapter of the theme whose lines those are, the other seeds are their documents, and an
 * inference's reasoning loses its quoted words for the open data (a quote may be a phone number).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  readProvenance,
  reasoningWithoutQuote,
  replaceProvenance,
  wordCitations,
  reviewChapter,
  REVIEW_2024_CHAPTERS,
} from '../../src/domain/provenance.js';

// The seeds live beside the repository (../shared), as for test/dataset.test.ts.
const SEED_001 = '../shared/seeds/001_ecf7eb9cbcaeb76b.txt';

describe('provenance', () => {
  it.skipIf(!existsSync(SEED_001))(
    'starts each theme chapter where the review has its "Valtakunnallinen teema" heading',
    () => {
      const headings = readFileSync(SEED_001, 'utf8')
        .split('\n')
        .flatMap((line, index) => (/^\s*Valtakunnallinen teema\s*$/.test(line) ? [index + 1] : []));
      expect([...REVIEW_2024_CHAPTERS]).toEqual(headings);
    },
  );

  it('reads a stored source as its document and the review chapter', () => {
    expect(readProvenance('seed 001 lines 2310-2317')).toEqual({
      document: 'review2024',
      theme: 7,
      technical: 'seed 001 lines 2310-2317',
    });
    expect(readProvenance('seed 001 lines 2586-2590')?.theme).toBe(9);
    expect(readProvenance('seed 001 lines 3843-3843')?.theme).toBe(12);
    expect(readProvenance('seed 000 lines 1-40')).toMatchObject({ document: 'minutes2023_1', theme: null });
    expect(readProvenance('seed 002 lines 1-33')).toMatchObject({ document: 'lanupeDescription', theme: null });
    expect(readProvenance('seed 003 lines 5-9')).toMatchObject({ document: 'stmThemes', theme: null });
    // A status change's source quotes first, then cites.
    expect(readProvenance('”myönteinen rahoituspäätös”, seed 001 lines 820-822')?.theme).toBe(4);
  });

  it('leaves what is not a dataset source alone', () => {
    expect(readProvenance(null)).toBeNull();
    expect(readProvenance('')).toBeNull();
    expect(readProvenance('Tilanne 31.12.2024')).toBeNull();
    expect(readProvenance('seed 009 lines 1-2')).toBeNull();
    expect(reviewChapter(3)).toBeNull();
    expect(reviewChapter(9)).toBe(1);
    expect(reviewChapter(343)).toBe(1);
    expect(reviewChapter(344)).toBe(2);
  });

  it('words every citation inside a reasoning', () => {
    const reasoning = 'Loppu on päätelty toimikaudesta (”päättyy vuoden lopussa”, seed 001 lines 2700-2701).';
    expect(replaceProvenance(reasoning, (p) => `Toteutuskatsaus 2024, teema ${p.theme}`)).toBe(
      'Loppu on päätelty toimikaudesta (”päättyy vuoden lopussa”, Toteutuskatsaus 2024, teema 9).',
    );
    expect(replaceProvenance('ei lähdettä', () => 'x')).toBe('ei lähdettä');
  });

  it('drops the quoted words of a reasoning for the open data, keeping where the evidence stands', () => {
    expect(reasoningWithoutQuote('Puhelinnumerot ovat OKM:n sarjaa. (”0295 330 375”, seed 001 lines 1820-1825)')).toBe(
      'Puhelinnumerot ovat OKM:n sarjaa. (seed 001 lines 1820-1825)',
    );
    expect(reasoningWithoutQuote('Ei lainausta.')).toBe('Ei lainausta.');
  });

  it("words the notes' Finnish line citations as documents", () => {
    const word = (p: { document: string; theme: number | null }) =>
      p.theme === null ? p.document : `${p.document} ${p.theme}`;
    expect(
      wordCitations(
        'Kehys "13 M€+10 M€"; jako ministeriöittäin rivit 2703–2704 (sama jako teemakuvauksessa, seed 002 rivi 33).',
        word,
      ),
    ).toBe('Kehys "13 M€+10 M€"; jako ministeriöittäin review2024 9 (sama jako teemakuvauksessa, lanupeDescription).');
    expect(wordCitations('päätökset tehtiin vasta marras–joulukuussa 2024 (rivit 2476–2477).', word)).toBe(
      'päätökset tehtiin vasta marras–joulukuussa 2024 (review2024 8).',
    );
    expect(wordCitations('(”x”, seed 001 lines 12-14)', word)).toBe('(”x”, review2024 1)');
    expect(wordCitations('ei viitteitä, ei rivinvaihtoa', word)).toBe('ei viitteitä, ei rivinvaihtoa');
  });
});
