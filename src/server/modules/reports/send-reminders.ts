/**
 * Reminders before the deadline: one message per coordination contact of every theme whose report
 * is not yet submitted or approved (or of the themes named). Recorded in the outbox; this system
 * sends no e-mail itself. A theme with no usable address gets a message addressed to the theme, so
 * the managing authority sees whom it could not reach.
 */
import { writeAudit } from '../../../db/repositories/audit.js';
import { findPeriod, periodThemes } from '../../../db/repositories/reports.js';
import { NotFoundError, RuleViolationError } from '../../../domain/errors.js';
import { finnishDate } from '../../../domain/reports/templates.js';
import { requirePermission, type ReportDeps } from './report-access.js';

const EMAIL = /^[^\s@()]+@[^\s@()]+\.[a-z]{2,}$/i;

export async function sendReminders(
  deps: ReportDeps,
  periodKey: string,
  input: { themes?: string[] | undefined; message?: string | undefined },
): Promise<number[]> {
  requirePermission(deps.actor, 'review.manage');
  return deps.db.transaction().execute(async (trx) => {
    const period = await findPeriod(trx, periodKey);
    if (!period) throw new NotFoundError('reporting_period', periodKey);
    const themes = await periodThemes(trx, Number(period.id));
    const unknown = (input.themes ?? []).findIndex((slug) => !themes.some((t) => t.slug === slug));
    if (unknown >= 0)
      throw new RuleViolationError([
        {
          field: `themes.${unknown}`,
          message: {
            fi: 'Teema ei raportoi tällä kaudella.',
            sv: 'Temat rapporterar inte under perioden.',
            en: 'The theme does not report in this period.',
          },
        },
      ]);
    const targets = input.themes
      ? themes.filter((t) => input.themes!.includes(t.slug))
      : themes.filter((t) => t.state === 'draft' || t.state === 'returned');
    const ids: number[] = [];
    for (const theme of targets) {
      const contacts = await trx
        .selectFrom('contacts')
        .select(['email'])
        .where('theme_id', '=', theme.themeId)
        .where('role', '=', 'coordination')
        .where('archived_at', 'is', null)
        .execute();
      const recipients = contacts.map((c) => c.email?.trim() ?? '').filter((email) => EMAIL.test(email));
      const deadline = period.deadline ? finnishDate(period.deadline) : null;
      const subject = `Muistutus: ${period.title_fi}${deadline ? `, määräaika ${deadline}` : ''}`;
      const body = [
        `Teeman "${theme.name.fi}" raportti on tilassa: ${theme.state ?? 'ei aloitettu'}.`,
        deadline ? `Raportti on lähetettävä viimeistään ${deadline}.` : null,
        input.message ?? null,
      ]
        .filter(Boolean)
        .join('\n\n');
      for (const recipient of recipients.length > 0 ? recipients : [`teema:${theme.slug}`]) {
        const { id } = await trx
          .insertInto('outbox')
          .values({
            kind: 'reminder',
            period_id: Number(period.id),
            theme_id: theme.themeId,
            recipient,
            subject,
            body,
            created_at: deps.audit.at,
            created_by: deps.audit.actor,
            sent_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(Number(id));
      }
    }
    await writeAudit(trx, deps.audit, {
      action: 'remind',
      entityType: 'reporting_period',
      entityId: Number(period.id),
      after: { themes: targets.map((t) => t.slug), messages: ids.length },
    });
    return ids;
  });
}
