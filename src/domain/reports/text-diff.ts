/**
 * Word-level comparison of two texts, for comparing two versions of a report section. Longest common
 * subsequence over words and the spaces between them; runs of the same operation are merged.
 */
export type DiffPart = { op: 'equal' | 'insert' | 'delete'; text: string };

/** Above this many cells the table is not built: the whole text shows as replaced. */
const MAX_CELLS = 4_000_000;

const tokens = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];

export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  const a = tokens(before);
  const b = tokens(after);
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) {
    return merge([
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ]);
  }
  // lengths[i][j]: LCS of a[i..] and b[j..], one flat array.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      parts.push({ op: 'equal', text: a[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)
      parts.push({ op: 'delete', text: a[i++]! });
    else parts.push({ op: 'insert', text: b[j++]! });
  }
  while (i < a.length) parts.push({ op: 'delete', text: a[i++]! });
  while (j < b.length) parts.push({ op: 'insert', text: b[j++]! });
  return merge(parts);
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
