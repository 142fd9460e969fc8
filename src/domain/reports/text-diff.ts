/**
 * Word-level comparison of two texts, for comparing two versions of a report section: jsdiff's
 * Myers diff over words and the spaces between them (its cost grows with the size of the change, not
 * of the text, so a long section with one changed word is one change). Runs of the same operation are
 * merged; the equal and deleted parts spell the old text, the equal and inserted ones the new.
 */
import { diffWordsWithSpace } from 'diff';

export type DiffPart = { op: 'equal' | 'insert' | 'delete'; text: string };

/**
 * Beyond this many changed words the comparison stops and the whole text shows as replaced: two
 * unrelated 2 000-word texts are not worth a word-by-word list, and the work stays bounded.
 */
const MAX_EDIT_LENGTH = 2_000;

export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) {
    return merge([
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ]);
  }
  return merge(
    changes.map((change) => ({
      op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
      text: change.value,
    })),
  );
}

function merge(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = merged.at(-1);
    if (last && last.op === part.op) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
