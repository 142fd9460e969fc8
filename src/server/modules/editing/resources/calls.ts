/** Calls for proposals: finance experts of the theme. */
import { ZCallRecord } from '../../../../contracts/records.js';
import { ZCallCreate, ZCallUpdate } from '../../../../contracts/write-inputs.js';
import type { EditableResource } from '../resource.js';
import { checkCall, type CallCheck } from '../../../../domain/calls.js';
import { RuleViolationError } from '../../../../domain/errors.js';
import { themeScope } from '../resource.js';
import { localizedColumns, localizedOf, pick, themeIdOf, themeSlugOf } from '../fields.js';

const columns = {
  kind: 'kind',
  opens: 'opens',
  closes: 'closes',
  budget: 'budget_cents',
  applications: 'applications',
  applicationEntities: 'application_entities',
  eligibleEntities: 'eligible_entities',
  fundedEntities: 'funded_entities',
  granted: 'granted_cents',
  leftOver: 'left_over_cents',
  note: 'note',
};

type Confirmation = { checks: CallCheck[]; reason: string };

/**
 * The call as it will be stored, checked by the domain's rules: an impossible date order is
 * refused; the other checks pass only when confirmed, and the confirmation is stored with the call
 * (who and when are the write's own: updated_by, updated_at and the audit entry).
 */
function confirmedChecks(row: Record<string, unknown>, confirm: Confirmation | undefined) {
  const value = (column: string) => (row[column] ?? null) as never;
  const violations = checkCall({
    opens: value('opens'),
    closes: value('closes'),
    budget: value('budget_cents'),
    granted: value('granted_cents'),
    applications: value('applications'),
    applicationEntities: value('application_entities'),
    eligibleEntities: value('eligible_entities'),
    fundedEntities: value('funded_entities'),
  });
  // A check confirmed before stays confirmed when the call is edited again for other reasons.
  const earlier = typeof row.confirmed_checks === 'string' ? (JSON.parse(row.confirmed_checks) as CallCheck[]) : [];
  const confirmed = new Set([...earlier, ...(confirm?.checks ?? [])]);
  const open = violations.filter((v) => !v.confirmable || !confirmed.has(v.code as CallCheck));
  if (open.length > 0) {
    throw new RuleViolationError(
      open.map((v) => ({ field: v.field, message: v.message, code: v.code, confirmable: v.confirmable })),
    );
  }
  return violations.length > 0
    ? {
        confirmed_checks: JSON.stringify(violations.map((v) => v.code)),
        confirmation_reason: confirm?.reason ?? (row.confirmation_reason as string | null),
      }
    : { confirmed_checks: null, confirmation_reason: null };
}

export const callResource: EditableResource = {
  name: 'call',
  collection: 'calls',
  table: 'calls',
  identifier: 'key',
  permission: 'call.edit',
  createSchema: ZCallCreate,
  updateSchema: ZCallUpdate,
  archivable: true,
  scopeOfRow: (db, row) => themeScope(db, row.theme_id as number),
  placedBy: ['theme'],
  scopeOfInput: async (db, input) => themeScope(db, await themeIdOf(db, input.theme)),
  toColumns: async (db, input, existing) => {
    const changed = pick(input, columns);
    return {
      ...(existing ? {} : { key: input.key, theme_id: await themeIdOf(db, input.theme) }),
      ...localizedColumns(input, 'name', 'name'),
      ...changed,
      ...confirmedChecks({ ...(existing ?? {}), ...changed }, input.confirm as Confirmation | undefined),
    };
  },
  record: ZCallRecord,
  present: async (db, row) => ({
    key: row.key,
    theme: await themeSlugOf(db, row.theme_id),
    name: localizedOf(row, 'name'),
    ...Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, row[column] ?? null])),
    confirmation:
      row.confirmed_checks === null || row.confirmed_checks === undefined
        ? null
        : { checks: JSON.parse(String(row.confirmed_checks)) as string[], reason: row.confirmation_reason },
    archived: row.archived_at !== null,
  }),
  archiveBlocker: async (db, row) => {
    const used = await db
      .selectFrom('project_entities')
      .select('key')
      .where('call_id', '=', row.id)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    return used
      ? {
          fi: `Hakuun liittyy hankkeita (esim. ${used.key}); sitä ei voi poistaa.`,
          sv: `Projekt hör till utlysningen (t.ex. ${used.key}); den kan inte tas bort.`,
          en: `Projects belong to this call (e.g. ${used.key}); it cannot be removed.`,
        }
      : null;
  },
};
