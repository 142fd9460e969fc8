/** Shared by the report use cases: who is asking, and a report with the scope it belongs to. */
import type { Db } from '../../../db/database.js';
import type { AuditContext } from '../../../db/repositories/audit.js';
import { findReportById, type ReportRow } from '../../../db/repositories/reports.js';
import { can, type Actor, type Permission, type Scope } from '../../../domain/access.js';
import { ForbiddenError, NotFoundError, NotSignedInError, RuleViolationError } from '../../../domain/errors.js';
import { themeScope } from '../editing/resource.js';

export type ReportDeps = { db: Db; actor: Actor; audit: AuditContext };

export function requireSignedIn(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new NotSignedInError();
}

/** Any one of the permissions on the report's theme will do. */
export async function reportWithAccess(
  db: Db,
  actor: Actor,
  id: number,
  permissions: Permission[],
): Promise<{ report: ReportRow; scope: Scope }> {
  requireSignedIn(actor);
  const report = Number.isSafeInteger(id) ? await findReportById(db, id) : undefined;
  if (!report || report.archived_at) throw new NotFoundError('report', String(id));
  const scope = await themeScope(db, Number(report.theme_id));
  if (!permissions.some((permission) => can(actor, permission, scope))) throw new ForbiddenError(permissions[0]!);
  return { report, scope };
}

/** The permissions that let a person read a theme's report. */
export const READ_REPORT: Permission[] = ['theme.read_internal', 'report.edit', 'report.approve'];

export function requirePermission(actor: Actor, permission: Permission, scope: Scope = {}): void {
  requireSignedIn(actor);
  if (!can(actor, permission, scope)) throw new ForbiddenError(permission);
}

/** A closed period's reports no longer change: refused with the reason until the period is reopened. */
export async function refuseIfPeriodClosed(db: Db, periodId: number): Promise<void> {
  const period = await db
    .selectFrom('reporting_periods')
    .select('closed_at')
    .where('id', '=', periodId)
    .executeTakeFirstOrThrow();
  if (period.closed_at) {
    throw new RuleViolationError([
      {
        field: 'period',
        code: 'period_closed',
        message: {
          fi: 'Raportointikausi on suljettu; sen raportteja ei voi enää muuttaa.',
          sv: 'Rapporteringsperioden är stängd; dess rapporter kan inte längre ändras.',
          en: 'The reporting period is closed; its reports can no longer be changed.',
        },
      },
    ]);
  }
}
