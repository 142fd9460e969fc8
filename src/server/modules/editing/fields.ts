/** Input field schemas shared by the editable resources, and lookups of referenced records. */
import { z } from 'zod';
import { ZCalendarDate, ZPartialDate as ZContractPartialDate, type InputMessageKey } from '../../../contracts/input.js';
import type { Db } from '../../../db/database.js';
import { RuleViolationError } from '../../../domain/errors.js';

export const ZText = (max: number) => z.string().trim().min(1).max(max);
export const ZOptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
export const ZKey = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
export const ZPartialDate = ZContractPartialDate.nullable().optional();
export const ZDate = ZCalendarDate;
/** Euro cents: whole, not negative, at most ten billion euros. */
export const ZCents = z.number().int().min(0).max(1_000_000_000_000);
export const ZCount = z.number().int().min(0).max(10_000_000).nullable().optional();
export const ZLocalizedInput = z.object({ fi: ZText(500), sv: ZOptionalText(500), en: ZOptionalText(500) }).strict();
/** A web address people can open: http or https only (no javascript:, data: or mailto: links). */
const isWebAddress = (url: string) =>
  /^https?:\/\/[^\s]+$/i.test(url) && URL.canParse(url) && new URL(url).hostname !== '';
export const ZUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(isWebAddress, { message: 'input.webAddress' satisfies InputMessageKey })
  .meta({ format: 'uri' });
export const ZVersionField = { version: z.number().int().min(1).optional() };

export const unknownReference = (field: string, what: string) =>
  new RuleViolationError([
    {
      field,
      message: {
        fi: `Tuntematon viite: ${what}.`,
        sv: `Okänd referens: ${what}.`,
        en: `Unknown reference: ${what}.`,
      },
    },
  ]);

export async function themeIdOf(db: Db, slug: unknown, field = 'theme'): Promise<number> {
  const row =
    typeof slug === 'string'
      ? await db.selectFrom('themes').select('id').where('slug', '=', slug).executeTakeFirst()
      : undefined;
  if (!row) throw unknownReference(field, String(slug));
  return Number(row.id);
}

export async function organisationIdOf(db: Db, key: unknown, field: string): Promise<number> {
  const row =
    typeof key === 'string'
      ? await db
          .selectFrom('organisations')
          .select('id')
          .where('key', '=', key)
          .where('archived_at', 'is', null)
          .executeTakeFirst()
      : undefined;
  if (!row) throw unknownReference(field, String(key));
  return Number(row.id);
}

/** Only the given keys of an input, renamed to columns; fields absent from the input are left out. */
export function pick(input: Record<string, unknown>, mapping: Record<string, string>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(mapping)) {
    if (field in input) columns[column] = input[field] ?? null;
  }
  return columns;
}

/** name: { fi, sv, en } → name_fi, name_sv, name_en (only when given). */
export function localizedColumns(
  input: Record<string, unknown>,
  field: string,
  prefix: string,
): Record<string, unknown> {
  const value = input[field] as { fi: string; sv?: string | null; en?: string | null } | undefined;
  if (!value) return {};
  return { [`${prefix}_fi`]: value.fi, [`${prefix}_sv`]: value.sv ?? null, [`${prefix}_en`]: value.en ?? null };
}

export const localizedOf = (row: Record<string, unknown>, prefix: string) => ({
  fi: row[`${prefix}_fi`] as string,
  sv: (row[`${prefix}_sv`] as string | null) ?? null,
  en: (row[`${prefix}_en`] as string | null) ?? null,
});

export async function themeSlugOf(db: Db, themeId: unknown): Promise<string | null> {
  const row = await db.selectFrom('themes').select('slug').where('id', '=', Number(themeId)).executeTakeFirst();
  return row?.slug ?? null;
}
