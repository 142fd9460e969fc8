/**
 * Reminders before the deadline: one message per coordination contact and coordinator account of
 * every theme whose report is not yet submitted or approved (or of the themes named), put in the
 * outbox for the delivery worker, in the recipient's language (an address that belongs to an
 * account takes the account's language and its choice to receive reminders; others get Finnish).
 * A theme with no usable address gets a message addressed to the theme, which cannot be delivered
 * and so shows as failed: the managing authority sees whom it could not reach.
 */
import { writeAudit } from '../../../db/repositories/audit.js';
import { findPeriod, periodThemes } from '../../../db/repositories/reports.js';
import { NotFoundError, RuleViolationError } from '../../../domain/errors.js';
import { finnishDate } from '../../../domain/reports/templates.js';
import { addressRecipients, enqueue, userRecipients, usersWithRole } from '../../../db/repositories/outbox.js';
import { links, reminder } from '../../../domain/notifications.js';
import { STATE_NAMES, type ReportState } from '../../../domain/reports/report.js';
import { requirePermission, type ReportDeps } from './report-access.js';

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
      const recipients = [
        ...(await addressRecipients(
          trx,
          contacts.map((c) => c.email ?? ''),
          'reminder',
        )),
        ...(await userRecipients(
          trx,
          await usersWithRole(trx, 'theme_coordinator', { themeId: theme.themeId }),
          'reminder',
        )),
      ];
      const deadline = period.deadline ? finnishDate(period.deadline) : null;
      const facts = {
        theme: { fi: theme.name.fi, sv: theme.name.sv ?? '', en: theme.name.en ?? '' },
        period: { fi: period.title_fi, sv: period.title_sv ?? '', en: period.title_en ?? '' },
        state: theme.state ? STATE_NAMES[theme.state as ReportState] : null,
        deadline,
        message: input.message ?? null,
      };
      const common = {
        kind: 'reminder' as const,
        compose: (language: 'fi' | 'sv' | 'en') => reminder(language, facts),
        link: links.report(period.key, theme.slug),
        periodId: Number(period.id),
        themeId: theme.themeId,
      };
      ids.push(
        ...(recipients.length > 0
          ? await enqueue(trx, deps.audit, { ...common, recipients })
          : await enqueue(trx, deps.audit, {
              ...common,
              recipients: [{ userId: null, email: `teema:${theme.slug}`, language: 'fi' }],
            })),
      );
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
