/**
 * Finished review and description DOCX files, kept by what they were made from. Laying the pages
 * out to write the contents' page numbers (docx/layout) takes 20–25 s of CPU for the 2024 review
 * (docs/performance.md), while compiling the model from the database takes a fraction of a second.
 * So each request compiles the model, and the file is made again only when the model differs:
 * the key is a hash of the whole model (every report text, header, figure and project line it
 * shows, and its language), so any change that would change the document makes a new one, whichever
 * table it came from, and no invalidation by scope can miss one. Requests for a file that is being
 * made wait for that one. Least recently used out, bounded in bytes.
 */
import { createHash } from 'node:crypto';
import type { ReviewModel } from './review-model.js';

export type DocxCache = {
  get(model: ReviewModel, render: (model: ReviewModel) => Promise<Buffer>): Promise<Buffer>;
  stats(): { renderings: number; hits: number; bytes: number };
};

/** The model's content; the labels' functions (the same for a language) drop out of the JSON. */
export const modelKey = (model: ReviewModel) => createHash('sha256').update(JSON.stringify(model)).digest('hex');

export function createDocxCache(maxBytes = 32 * 1024 * 1024): DocxCache {
  const done = new Map<string, Buffer>(); // insertion order: re-inserted on a hit, oldest first out
  const running = new Map<string, Promise<Buffer>>();
  let bytes = 0;
  let renderings = 0;
  let hits = 0;
  return {
    async get(model, render) {
      const key = modelKey(model);
      const found = done.get(key);
      if (found) {
        hits++;
        done.delete(key);
        done.set(key, found);
        return found;
      }
      const pending = running.get(key);
      if (pending) {
        hits++;
        return pending;
      }
      const promise = (async () => {
        renderings++;
        const buffer = await render(model);
        if (buffer.length <= maxBytes) {
          done.set(key, buffer);
          bytes += buffer.length;
          for (const [oldKey, old] of done) {
            if (bytes <= maxBytes) break;
            done.delete(oldKey);
            bytes -= old.length;
          }
        }
        return buffer;
      })();
      running.set(key, promise);
      try {
        return await promise;
      } finally {
        running.delete(key);
      }
    },
    stats: () => ({ renderings, hits, bytes }),
  };
}
