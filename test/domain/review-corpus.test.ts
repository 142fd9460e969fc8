/**
 * Every kind of defect the import reports, each on a made-up review with that one defect
 * (test/fixtures/review-corpus): the clean review has no finding at all, and each changed one has
 * the finding on the line changed, with a message in Finnish, Swedish and English.
 */
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, parseReviewText } from '../../src/domain/reports/review-import.js';
import { applyDefect, CLEAN_REVIEW, DEFECTS, SYSTEM_CODES } from '../fixtures/review-corpus/defects.js';

describe('the corpus of made-up reviews', () => {
  it('finds nothing wrong in the clean review', () => {
    const parsed = parseReviewText(CLEAN_REVIEW);
    expect(parsed.themes).toHaveLength(2);
    expect(parsed.themes.flatMap((t) => t.findings)).toEqual([]);
  });

  it.each(DEFECTS.map((d) => [d.what, d] as const))('reports %s', (_what, defect) => {
    const { text, line } = applyDefect(defect);
    const findings = parseReviewText(text).themes.flatMap((t) => t.findings);
    const hit = findings.find((f) => f.code === defect.code && f.line === line);
    expect(
      hit,
      `${defect.code} on line ${line}; found ${findings.map((f) => `${f.code}@${f.line}`).join(', ')}`,
    ).toBeDefined();
    for (const language of ['fi', 'sv', 'en'] as const) expect(hit!.message[language].length).toBeGreaterThan(10);
  });

  it('has a document for every kind of finding', () => {
    const shown = new Set([...DEFECTS.map((d) => d.code), ...SYSTEM_CODES]);
    expect(FINDING_CODES.filter((code) => !shown.has(code))).toEqual([]);
  });
});
