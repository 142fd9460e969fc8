/**
 * A person takes the register's values of the fields they chose into an organisation: the server asks
 * the register itself (never trusting values sent by the browser), checks them as any edit is
 * checked, and stores them with their source (the register, the Y-tunnus, the day) and one audit
 * entry. Fields not chosen stay as they are; a register that fails or does not answer changes nothing.
 */
import type { RegisterConfig } from '../../../config/env.js';
import type { Db } from '../../../db/database.js';
import type { AuditContext } from '../../../db/repositories/audit.js';
import { reindexAfterWrite } from '../../../db/repositories/search.js';
import { can, type Actor } from '../../../domain/access.js';
import { ForbiddenError, NotFoundError, NotSignedInError, RuleViolationError } from '../../../domain/errors.js';
import {
  REGISTER_NAME,
  businessIdRefusal,
  registerValue,
  type RegisterField,
} from '../../../domain/organisation-register.js';
import type { Row } from '../editing/resource.js';
import { FIELD_COLUMNS, organisationResource, sourcesAfter } from '../editing/resources/organisations.js';
import { auditedTransaction } from '../shared/audited-transaction.js';
import { requireVersion, versionedUpdate } from '../shared/versioned-update.js';
import { askRegister } from './register-client.js';

export type ApplyRegisterValues = { businessId: string; fields: RegisterField[] };

const refuse = (field: string, fi: string, sv: string, en: string) =>
  new RuleViolationError([{ field, message: { fi, sv, en } }]);

async function findOrganisation(db: Db, key: string): Promise<Row | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('key', '=', key).executeTakeFirst();
  return row
    ? ({ ...row, id: Number(row.id), version: Number(row.version), archived_at: row.archived_at } as Row)
    : undefined;
}

export async function applyRegisterValues(
  deps: { db: Db; actor: Actor; audit: AuditContext; register: RegisterConfig | null },
  key: string,
  basedOnVersion: number | null,
  input: ApplyRegisterValues,
): Promise<{ data: Record<string, unknown>; version: number }> {
  if (deps.actor.kind !== 'user') throw new NotSignedInError();
  if (!can(deps.actor, 'organisation.edit', {})) throw new ForbiddenError('organisation.edit');
  const refusal = businessIdRefusal(input.businessId);
  if (refusal) throw new RuleViolationError([refusal]);
  const existing = await findOrganisation(deps.db, key);
  if (!existing || existing.archived_at) throw new NotFoundError('organisation', key);
  await requireVersion(existing, basedOnVersion, () => organisationResource.present(deps.db, existing));

  // Asked before the transaction: a register that fails or is slow holds no lock and changes nothing.
  const [company] = await askRegister(deps.register, { businessId: input.businessId });
  if (!company)
    throw refuse(
      'businessId',
      `Y-tunnusta ${input.businessId} ei löydy YTJ:stä.`,
      `FO-numret ${input.businessId} finns inte i FDS.`,
      `The business ID ${input.businessId} is not in the register (YTJ).`,
    );
  const values: Partial<Record<RegisterField, string>> = {};
  input.fields.forEach((field, index) => {
    const value = registerValue(company, field);
    if (value === null)
      throw refuse(
        `fields.${index}`,
        'YTJ:ssä ei ole tälle kentälle arvoa.',
        'FDS har inget värde för det här fältet.',
        'The register has no value for this field.',
      );
    values[field] = value;
  });

  return auditedTransaction(deps.db, deps.audit, async (trx) => {
    const row = await findOrganisation(trx, key);
    if (!row || row.archived_at) throw new NotFoundError('organisation', key);
    await requireVersion(row, basedOnVersion, () => organisationResource.present(trx, row));
    const before = await organisationResource.present(trx, row);
    const edit: Record<string, unknown> = {};
    if (values['name.fi'] !== undefined || values['name.sv'] !== undefined)
      edit.name = {
        fi: values['name.fi'] ?? row.name_fi,
        sv: values['name.sv'] ?? row.name_sv ?? null,
        en: row.name_en ?? null,
      };
    if (values.businessId !== undefined) edit.businessId = values.businessId;
    if (values.type !== undefined) edit.type = values.type;
    if (values.municipality !== undefined) edit.municipality = values.municipality;
    // The same checks as a person's edit (check digit, a known municipality), without the person's source.
    const columns = await organisationResource.toColumns(trx, edit, row);
    const chosen = Object.fromEntries(
      input.fields.map((field) => [FIELD_COLUMNS[field], columns[FIELD_COLUMNS[field]]]),
    );
    const sources = sourcesAfter(row, chosen, {
      source: 'register',
      at: deps.audit.at,
      by: deps.audit.actor,
      register: { name: REGISTER_NAME, businessId: company.businessId },
    });
    // Only the chosen fields: a name's other languages are laid back as they were.
    const set: Record<string, unknown> = { ...chosen, search_text: columns.search_text };
    if (sources !== undefined) set.field_sources = sources;
    const version = await versionedUpdate(trx, {
      table: 'organisations',
      id: row.id,
      basedOnVersion: row.version,
      set,
      audit: deps.audit,
    });
    const updated = (await findOrganisation(trx, key))!;
    await reindexAfterWrite(trx, 'organisations', updated);
    const data = await organisationResource.present(trx, updated);
    return {
      result: { data, version },
      audit: {
        action: 'update',
        entityType: organisationResource.name,
        entityId: row.id,
        before,
        after: data,
        reason: `${REGISTER_NAME} ${company.businessId}: ${input.fields.join(', ')}`,
      },
    };
  });
}
