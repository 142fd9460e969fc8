/**
 * Where a record comes from, in people's words. The dataset stores its provenance technically
 * ("seed 001 lines 2310-2317", sometimes after a quote: "”…”, seed 001 lines 12-14"); a public page
 * says which document and, for the implementation review, which theme's chapter: "Toteutuskatsaus
 * 2024, teema 9". The documents are the seeds (data/2024/README.md); the review's chapters start at
 * the lines where its "Valtakunnallinen teema" headings stand, themes 1–12 in order.
 */

export type SourceDocument = 'review2024' | 'minutes2023_1' | 'lanupeDescription' | 'stmThemes';

export type Provenance = {
  document: SourceDocument;
  /** The theme whose chapter of the review the lines are in; null for the other documents. */
  theme: number | null;
  /** The stored text, kept for those who check the dataset against its seed. */
  technical: string;
};

const DOCUMENTS: Record<string, SourceDocument> = {
  '000': 'minutes2023_1',
  '001': 'review2024',
  '002': 'lanupeDescription',
  '003': 'stmThemes',
};

/** The first line of each theme's chapter in the review of 31.10.2024 (seed 001), themes 1–12. */
export const REVIEW_2024_CHAPTERS = [9, 344, 529, 810, 1419, 1800, 2078, 2344, 2586, 2911, 3177, 3544] as const;

const SOURCE = /seed (\d{3}) lines (\d+)\s*[-–]\s*(\d+)/;
const SOURCES = new RegExp(SOURCE.source, 'g');

/** The theme (1–12) whose chapter of the review holds a line; null before the first chapter. */
export function reviewChapter(line: number): number | null {
  let theme: number | null = null;
  REVIEW_2024_CHAPTERS.forEach((start, index) => {
    if (line >= start) theme = index + 1;
  });
  return theme;
}

/** The stored provenance read back; null for text that is not the dataset's (typed by a person). */
export function readProvenance(stored: string | null | undefined): Provenance | null {
  if (!stored) return null;
  const match = SOURCE.exec(stored);
  if (!match) return null;
  const document = DOCUMENTS[match[1]!];
  if (!document) return null;
  return {
    document,
    theme: document === 'review2024' ? reviewChapter(Number(match[2])) : null,
    technical: stored,
  };
}

/**
 * A text that cites the dataset's sources inside it (an inference's reasoning: "… (”quote”, seed 001
 * lines 12-14)") with each citation put in people's words by `word`.
 */
export function replaceProvenance(text: string, word: (provenance: Provenance) => string): string {
  return text.replace(SOURCES, (citation) => {
    const provenance = readProvenance(citation);
    return provenance ? word(provenance) : citation;
  });
}

const QUOTED_CITATION = /\s*\(”[^”]*”,\s*(seed \d{3} lines \d+\s*[-–]\s*\d+)\)\s*$/;

/**
 * An inference's reasoning for the open data: the reasoning and where its evidence stands, without
 * the quoted words. The quote can be a person's details (a ministry inferred from a contact's phone
 * number quotes the number), and contacts are personal data the export does not carry.
 */
export function reasoningWithoutQuote(stored: string): string {
  return stored.replace(QUOTED_CITATION, (_all, citation: string) => ` (${citation})`);
}

// The dataset's notes cite lines in Finnish: "(rivit 2476–2477)" in the review, "seed 002 rivi 33".
const SEED_LINES_FI = /seed (\d{3}) rivi(?:t)? (\d+)(?:\s*[–-]\s*\d+)?/g;
const REVIEW_LINES_FI = /\brivi(?:t)? (\d+)(?:\s*[–-]\s*\d+)?/g;

/**
 * A note or a reasoning with every citation in it worded by `word`: the stored form ("seed 001
 * lines 12-14") and the notes' Finnish one ("seed 002 rivi 33"; "rivit 2476–2477" alone is a line
 * of the review, the document the notes are written about).
 */
export function wordCitations(text: string, word: (provenance: Provenance) => string): string {
  return replaceProvenance(text, word)
    .replace(SEED_LINES_FI, (citation, seed: string, line: string) => {
      const provenance = readProvenance(`seed ${seed} lines ${line}-${line}`);
      return provenance ? word({ ...provenance, technical: citation }) : citation;
    })
    .replace(REVIEW_LINES_FI, (citation, line: string) =>
      word({ document: 'review2024', theme: reviewChapter(Number(line)), technical: citation }),
    );
}
