/** Search across the service: themes, projects, organisations, calls and published minutes. */
import { z } from 'zod';
import { parseSearchQuery } from '../domain/search.js';
import type { InputMessageKey } from './input.js';

export const SEARCH_KINDS = ['theme', 'project', 'organisation', 'call', 'minutes'] as const;
export const ZSearchKind = z.enum(SEARCH_KINDS).meta({ id: 'SearchKind' });

export const ZSearchQuery = z
  .object({
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine((text) => parseSearchQuery(text) !== null, { message: 'input.searchWords' satisfies InputMessageKey })
      .describe('Words to find; Finnish and Swedish inflected forms find their base forms and each other'),
    kind: ZSearchKind.optional().describe('Only records of this kind'),
    limit: z.coerce.number().int().min(1).max(50).default(20).describe('Hits per page (1–50)'),
    offset: z.coerce.number().int().min(0).max(1000).default(0).describe('Hits to skip (0–1000)'),
  })
  .strict();

export const ZTextSegment = z
  .object({ text: z.string(), hit: z.boolean().describe('A word the search found') })
  .meta({ id: 'TextSegment' });

export const ZSearchHit = z
  .object({
    kind: ZSearchKind,
    key: z
      .string()
      .describe("The record's address: a theme's slug, a project's, organisation's, call's or meeting's key"),
    themeKey: z.string().nullable().describe('The theme of a project or a call'),
    title: z.object({ fi: z.array(ZTextSegment), sv: z.array(ZTextSegment).nullable() }),
    snippet: z.array(ZTextSegment).describe('A passage of the rest of the text around the first hit'),
  })
  .meta({ id: 'SearchHit' });

export const ZSearchResults = z
  .object({
    items: z.array(ZSearchHit),
    page: z.object({
      total: z
        .number()
        .int()
        .describe('Hits in all pages; counted only when this page is full, otherwise read off this page'),
      limit: z.number().int(),
      offset: z.number().int(),
    }),
  })
  .meta({ id: 'SearchResults' });

export type SearchKind = z.infer<typeof ZSearchKind>;
export type SearchHit = z.infer<typeof ZSearchHit>;
export type SearchResults = z.infer<typeof ZSearchResults>;
export type TextSegment = z.infer<typeof ZTextSegment>;
