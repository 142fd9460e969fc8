/**
 * Every organisation with a Y-tunnus, updated from the organisation register at once (the managing
 * authority, in the API or `npm run cli -- register-update`):
 *
 * - the register is asked first, organisation by organisation; a time-out or a failure stops the run
 *   before anything is written, and says so;
 * - an empty field the register has a value for is filled, with its source (the register, the day);
 * - a field whose stored value differs from the register's is never changed: it is listed as a
 *   conflict for a person to decide on the organisation's form ("Hae YTJ:stä"), as is a type the
 *   company form only suggests;
 * - the fills are one change with one audit entry; a run that finds nothing to fill writes nothing,
 *   so running it again changes nothing (idempotent). Each fill is a conditional UPDATE on the row's
 *   version, so an organisation someone edited meanwhile is left for the next run.
 */
import type { RegisterConfig } from '../../../config/env.js';
import type { Db } from '../../../db/database.js';
import type { AuditContext } from '../../../db/repositories/audit.js';
import { reindexAfterWrite } from '../../../db/repositories/search.js';
import { can, type Actor } from '../../../domain/access.js';
import { isValidBusinessId } from '../../../domain/business-id.js';
import { ForbiddenError, NotSignedInError, UpstreamError, VersionConflictError } from '../../../domain/errors.js';
import {
  REGISTER_FAILURES,
  REGISTER_NAME,
  compareWithRegister,
  type FieldComparison,
  type RegisterCompany,
} from '../../../domain/organisation-register.js';
import type { Row } from '../editing/resource.js';
import { FIELD_COLUMNS, sourcesAfter } from '../editing/resources/organisations.js';
import { auditedTransaction } from '../shared/audited-transaction.js';
import { versionedUpdate } from '../shared/versioned-update.js';
import { askRegister } from './register-client.js';

export type RegisterUpdateReport = {
  source: string;
  at: string;
  checked: number;
  withoutBusinessId: number;
  filled: { organisation: string; name: string; field: string; value: string }[];
  conflicts: { organisation: string; name: string; field: string; stored: string | null; register: string }[];
  notFound: { organisation: string; name: string; businessId: string }[];
  /** Changed by someone while the run asked the register: left for the next run. */
  changedMeanwhile: string[];
};

const asRow = (row: Record<string, unknown>): Row =>
  ({ ...row, id: Number(row.id), version: Number(row.version) }) as Row;

export async function updateOrganisationsFromRegister(deps: {
  db: Db;
  /** Who asks through the API; `command_line` for the operator of the server (`npm run cli`). */
  actor: Actor | 'command_line';
  audit: AuditContext;
  register: RegisterConfig | null;
}): Promise<RegisterUpdateReport> {
  if (deps.actor !== 'command_line') {
    if (deps.actor.kind !== 'user') throw new NotSignedInError();
    if (!can(deps.actor, 'organisation.register_update')) throw new ForbiddenError('organisation.register_update');
  }

  // Off: said at once, even when no organisation has a Y-tunnus to ask about.
  if (!deps.register) throw new UpstreamError('off', REGISTER_FAILURES.off);
  const rows = (
    await deps.db.selectFrom('organisations').selectAll().where('archived_at', 'is', null).orderBy('key').execute()
  ).map(asRow);
  const withId = rows.filter((row) => typeof row.business_id === 'string' && isValidBusinessId(row.business_id));
  const report: RegisterUpdateReport = {
    source: REGISTER_NAME,
    at: deps.audit.at,
    checked: withId.length,
    withoutBusinessId: rows.length - withId.length,
    filled: [],
    conflicts: [],
    notFound: [],
    changedMeanwhile: [],
  };

  // 1. Ask first: a failure here throws, and nothing has been written.
  const answers: { row: Row; company: RegisterCompany; comparison: FieldComparison[] }[] = [];
  for (const row of withId) {
    const businessId = row.business_id as string;
    const [company] = await askRegister(deps.register, { businessId });
    const name = row.name_fi as string;
    if (!company) {
      report.notFound.push({ organisation: row.key as string, name, businessId });
      continue;
    }
    const comparison = compareWithRegister(
      {
        name: { fi: name, sv: (row.name_sv as string | null) ?? null },
        businessId,
        type: (row.type as string | null) ?? null,
        municipality: (row.municipality_code as string | null) ?? null,
      },
      company,
    );
    for (const c of comparison) {
      if ((c.state === 'conflict' || c.state === 'decide') && c.register !== null)
        report.conflicts.push({
          organisation: row.key as string,
          name,
          field: c.field,
          stored: c.stored,
          register: c.register,
        });
    }
    answers.push({ row, company, comparison });
  }

  // 2. Fill the empty fields, in one change with one audit entry (none when there is nothing to fill).
  const known = new Set(
    (await deps.db.selectFrom('municipalities').select('code').execute()).map((m) => String(m.code)),
  );
  return auditedTransaction(deps.db, deps.audit, async (trx) => {
    for (const { row, company, comparison } of answers) {
      const fills = comparison.filter(
        (c) => c.state === 'fill' && (c.field !== 'municipality' || known.has(c.register!)),
      );
      if (fills.length === 0) continue;
      const set: Record<string, unknown> = {};
      for (const fill of fills) set[FIELD_COLUMNS[fill.field]] = fill.register;
      const sources = sourcesAfter(row, set, {
        source: 'register',
        at: deps.audit.at,
        by: deps.audit.actor,
        register: { name: REGISTER_NAME, businessId: company.businessId },
      });
      if (sources !== undefined) set.field_sources = sources;
      const nameSv = (set.name_sv as string | undefined) ?? (row.name_sv as string | null);
      set.search_text = [row.name_fi, nameSv, row.business_id].filter(Boolean).join(' ').toLowerCase();
      try {
        // WHERE version = the version read before asking: a row someone changed meanwhile is left be.
        await versionedUpdate(trx, {
          table: 'organisations',
          id: row.id,
          basedOnVersion: row.version,
          set,
          audit: deps.audit,
        });
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        report.changedMeanwhile.push(row.key as string);
        continue;
      }
      await reindexAfterWrite(trx, 'organisations', { ...row, ...set });
      for (const fill of fills)
        report.filled.push({
          organisation: row.key as string,
          name: row.name_fi as string,
          field: fill.field,
          value: fill.register!,
        });
    }
    return {
      result: report,
      audit:
        report.filled.length === 0
          ? null
          : {
              action: 'register-update',
              entityType: 'organisation-register',
              entityId: REGISTER_NAME,
              after: { filled: report.filled, conflicts: report.conflicts.length },
              reason: `${REGISTER_NAME}: ${report.filled.length} empty fields filled`,
            },
    };
  });
}
