/**
 * Search across the service in Finnish and Swedish: how a query becomes words and word stems, how a
 * hit is highlighted, and when a result count must be counted. Shared by both databases, so that
 * SQLite and PostgreSQL find the same records (docs/decisions/0016-search-stems.md).
 *
 * The index holds the records' own words, unchanged (FTS5 `unicode61`, PostgreSQL `simple`). The
 * query's words are cut back to a stem that every inflected form of the word begins with, and the
 * stem is searched as a prefix. Finnish inflects with endings and consonant gradation
 * (hyvinvointi, hyvinvoinnin, hyvinvointia): cutting the case ending, then the stem's final vowels
 * and the last consonant of its final cluster leaves "hyvinvoin", which all of them begin with.
 * A stem is always a beginning of the word it came from, so the word as written is always found.
 */

/** At most this many words of a query count; the rest are ignored. */
export const MAX_SEARCH_WORDS = 8;
/** A word longer than this is cut (no Finnish or Swedish word needs more). */
const MAX_WORD_LENGTH = 64;
/** A stem never gets shorter than this, so that a stem does not match half the language. */
const MIN_STEM_LENGTH = 3;

export type SearchTerm = {
  /** The word as the query wrote it, lower-cased. */
  word: string;
  /** Beginnings to search for; a record's word matches when it begins with one of them. */
  prefixes: string[];
};

export type SearchQuery = { terms: SearchTerm[] };

/** A piece of shown text, `hit` when it is (part of) a word the query found. */
export type TextSegment = { text: string; hit: boolean };

const WORD = /[\p{L}\p{N}]+/gu;
const VOWELS = new Set([...'aeiouyäöå']);

/** The words of a text: runs of letters and digits, lower-cased, in Unicode normal form C. */
export function searchWords(text: string): string[] {
  const words = text.normalize('NFC').toLowerCase().match(WORD) ?? [];
  return words.map((word) => [...word].slice(0, MAX_WORD_LENGTH).join(''));
}

// Finnish case, number and possessive endings, longest first so that the longest one is cut.
const FINNISH_ENDINGS = [
  'issaan',
  'issään',
  'illaan',
  'illään',
  'iltaan',
  'iltään',
  'ineen',
  'isiin',
  'itten',
  'ihin',
  'iden',
  'ista',
  'istä',
  'issa',
  'issä',
  'illa',
  'illä',
  'ilta',
  'iltä',
  'ille',
  'iksi',
  'seen',
  'ssa',
  'ssä',
  'sta',
  'stä',
  'lla',
  'llä',
  'lta',
  'ltä',
  'lle',
  'ksi',
  'tta',
  'ttä',
  'ien',
  'jen',
  'nsa',
  'nsä',
  'ina',
  'inä',
  'hin',
  'ja',
  'jä',
  'na',
  'nä',
  'ta',
  'tä',
  'en',
  'an',
  'än',
  'in',
  'on',
  'ön',
  'un',
  'yn',
  'n',
  't',
].sort((a, b) => b.length - a.length);

// Swedish endings: definite and plural forms, the genitive.
const SWEDISH_ENDINGS = [
  'arnas',
  'ernas',
  'ornas',
  'heten',
  'arna',
  'erna',
  'orna',
  'ande',
  'ende',
  'ens',
  'ets',
  'het',
  'ar',
  'er',
  'or',
  'en',
  'et',
  'na',
  's',
].sort((a, b) => b.length - a.length);

function cutEnding(word: string, endings: readonly string[]): string {
  for (const ending of endings) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM_LENGTH) {
      return word.slice(0, word.length - ending.length);
    }
  }
  return word;
}

const isVowel = (letter: string | undefined) => letter !== undefined && VOWELS.has(letter);
const isLetter = (letter: string) => /\p{L}/u.test(letter);

/**
 * The beginning every Finnish form of the word shares: the ending cut, then the stem's final
 * vowels, then the last consonant of its final consonants (gradation: nt/nn, nk/ng, t/d, tt/t), or
 * the -ks- that -us, -is and -os words take in their other forms.
 */
export function finnishStem(word: string): string {
  let stem = cutEnding(word, FINNISH_ENDINGS);
  while (stem.length > MIN_STEM_LENGTH && isVowel(stem.at(-1))) stem = stem.slice(0, -1);
  // -us, -is, -os words take -ks- in their other forms (keskus, keskuksen): both letters go.
  if (stem.length > MIN_STEM_LENGTH + 1 && stem.endsWith('ks') && isVowel(stem.at(-3))) return stem.slice(0, -2);
  const last = stem.at(-1);
  if (stem.length > MIN_STEM_LENGTH && last !== undefined && !isVowel(last) && isLetter(last)) {
    stem = stem.slice(0, -1);
  }
  return stem;
}

/** The beginning every Swedish form of the word shares: its definite, plural or genitive ending cut. */
export function swedishStem(word: string): string {
  let stem = cutEnding(word, SWEDISH_ENDINGS);
  if (stem.length > MIN_STEM_LENGTH && (stem.endsWith('a') || stem.endsWith('e'))) stem = stem.slice(0, -1);
  return stem;
}

/** The beginnings to search for a word: its Finnish and Swedish stems, or the word itself when short or a number. */
export function wordPrefixes(word: string): string[] {
  if ([...word].length <= 4 || /\p{N}/u.test(word)) return [word];
  const candidates = [...new Set([finnishStem(word), swedishStem(word)])];
  // A prefix that begins with another one finds nothing more.
  return candidates.filter((a) => !candidates.some((b) => b !== a && a.startsWith(b)));
}

/** A query as terms, or null when it has no words to search for. */
export function parseSearchQuery(text: string): SearchQuery | null {
  const words = [...new Set(searchWords(text))].slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return null;
  return { terms: words.map((word) => ({ word, prefixes: wordPrefixes(word) })) };
}

/** Does a word of a record match a term of the query? */
export function matchesTerm(word: string, term: SearchTerm): boolean {
  return term.prefixes.some((prefix) => word.startsWith(prefix));
}

/** A text cut into segments, the words the query found marked as hits. */
export function highlight(text: string, query: SearchQuery): TextSegment[] {
  const segments: TextSegment[] = [];
  const push = (piece: string, hit: boolean) => {
    if (piece === '') return;
    const previous = segments.at(-1);
    if (previous && previous.hit === hit) previous.text += piece;
    else segments.push({ text: piece, hit });
  };
  let at = 0;
  for (const match of text.matchAll(WORD)) {
    push(text.slice(at, match.index), false);
    const word = match[0].normalize('NFC').toLowerCase();
    push(
      match[0],
      query.terms.some((term) => matchesTerm(word, term)),
    );
    at = match.index + match[0].length;
  }
  push(text.slice(at), false);
  return segments;
}

/**
 * A passage of a longer text around its first hit, at most about `width` characters, cut at word
 * boundaries and marked with an ellipsis where it was cut; the beginning when nothing in it is hit.
 */
export function snippet(text: string, query: SearchQuery, width = 160): TextSegment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return highlight(flat, query);
  let firstHit = 0;
  for (const match of flat.matchAll(WORD)) {
    const word = match[0].normalize('NFC').toLowerCase();
    if (query.terms.some((term) => matchesTerm(word, term))) {
      firstHit = match.index;
      break;
    }
  }
  let start = Math.max(0, firstHit - Math.floor(width / 3));
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space === -1 || space > firstHit ? start : space + 1;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const passage = `${start > 0 ? '… ' : ''}${flat.slice(start, end)}${end < flat.length ? ' …' : ''}`;
  return highlight(passage, query);
}

/**
 * The number of matches when a page tells it without counting: a page that is not full is the last
 * one, so the total is what came before it plus what it holds. Undefined when it must be counted
 * (a full page, or an empty one past the first, whose offset may lie beyond the end).
 */
export function totalWithoutCounting(offset: number, limit: number, pageLength: number): number | undefined {
  if (pageLength < limit && (pageLength > 0 || offset === 0)) return offset + pageLength;
  return undefined;
}
