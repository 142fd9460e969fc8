/** Input field schemas shared by the editable resources (from contracts), and lookups of referenced records. */
import type { Db } from '../../../db/database.js';
import { RuleViolationError } from '../../../domain/errors.js';

// The field schemas live in contracts (write-inputs.ts), shared with the web forms; re-exported here
// for the resources' other uses.
export {
  ZCents,
  ZCount,
  ZDate,
  ZKey,
  ZLocalizedInput,
  ZOptionalText,
  ZPartialDate,
  ZText,
  ZUrl,
  ZVersionField,
} from '../../../contracts/write-inputs.js';

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
