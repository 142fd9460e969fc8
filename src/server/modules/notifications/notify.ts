/**
 * Who is told of what. Called by the report and minutes use cases inside their transaction, so the
 * mail is in the outbox exactly when the change is committed.
 */
import type { Ministry } from '../../../domain/figures.js';
import type { Db } from '../../../db/database.js';
import type { AuditContext } from '../../../db/repositories/audit.js';
import { addressRecipients, enqueue, userRecipients, usersWithRole } from '../../../db/repositories/outbox.js';
import { meetingChairUserIds } from '../../../db/repositories/meetings.js';
import {
  links,
  minutesPublished,
  minutesReturned,
  minutesToCheck,
  reportApproved,
  reportReturned,
  reportSubmitted,
} from '../../../domain/notifications.js';
import { finnishDate } from '../../../domain/reports/templates.js';

type ReportEvent =
  | { kind: 'report_submitted'; approvers: readonly Ministry[] }
  | { kind: 'report_returned'; comments: { section: string; body: string }[] }
  | { kind: 'report_approved' };

export async function notifyReport(
  db: Db,
  audit: AuditContext,
  report: { id: number; periodId: number; themeId: number },
  event: ReportEvent,
): Promise<number[]> {
  const theme = await db
    .selectFrom('themes')
    .select(['slug', 'name_fi', 'name_sv', 'name_en'])
    .where('id', '=', report.themeId)
    .executeTakeFirstOrThrow();
  const period = await db
    .selectFrom('reporting_periods')
    .select(['key', 'title_fi', 'title_sv', 'title_en'])
    .where('id', '=', report.periodId)
    .executeTakeFirstOrThrow();
  const facts = {
    theme: { fi: theme.name_fi, sv: theme.name_sv ?? '', en: theme.name_en ?? '' },
    period: { fi: period.title_fi, sv: period.title_sv ?? '', en: period.title_en ?? '' },
  };
  const users =
    event.kind === 'report_submitted'
      ? await usersWithRole(db, 'ministry_official', { ministries: event.approvers })
      : await usersWithRole(db, 'theme_coordinator', { themeId: report.themeId });
  return enqueue(db, audit, {
    kind: event.kind,
    recipients: await userRecipients(db, users, event.kind),
    compose: (language) =>
      event.kind === 'report_submitted'
        ? reportSubmitted(language, facts)
        : event.kind === 'report_returned'
          ? reportReturned(language, { ...facts, comments: event.comments })
          : reportApproved(language, facts),
    link: links.report(period.key, theme.slug),
    periodId: report.periodId,
    themeId: report.themeId,
    reportId: report.id,
  });
}

type MinutesEvent =
  { kind: 'minutes_to_check' } | { kind: 'minutes_returned'; reason: string | null } | { kind: 'minutes_published' };

export async function notifyMinutes(
  db: Db,
  audit: AuditContext,
  meetingId: number,
  event: MinutesEvent,
): Promise<number[]> {
  const meeting = await db
    .selectFrom('meetings')
    .innerJoin('steering_groups', 'steering_groups.id', 'meetings.steering_group_id')
    .select([
      'meetings.key',
      'meetings.number',
      'meetings.date',
      'meetings.steering_group_id',
      'steering_groups.name_fi',
      'steering_groups.name_sv',
      'steering_groups.name_en',
    ])
    .where('meetings.id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const groupId = Number(meeting.steering_group_id);
  const facts = {
    group: { fi: meeting.name_fi, sv: meeting.name_sv ?? '', en: meeting.name_en ?? '' },
    meeting: meeting.number,
    date: finnishDate(meeting.date),
  };
  let recipients;
  if (event.kind === 'minutes_to_check') {
    recipients = await userRecipients(db, await meetingChairUserIds(db, meetingId), event.kind);
  } else if (event.kind === 'minutes_returned') {
    const secretaries = await usersWithRole(db, 'steering_group_secretary', { steeringGroupId: groupId });
    recipients = await userRecipients(db, secretaries, event.kind);
  } else {
    // The distribution list as written in the minutes (its e-mail addresses), and every account with
    // a role in the group.
    const listed = await db
      .selectFrom('meeting_distribution')
      .select('recipient')
      .where('meeting_id', '=', meetingId)
      .execute();
    const members = [
      ...(await usersWithRole(db, 'steering_group_member', { steeringGroupId: groupId })),
      ...(await usersWithRole(db, 'steering_group_secretary', { steeringGroupId: groupId })),
    ];
    recipients = [
      ...(await addressRecipients(
        db,
        listed.map((l) => l.recipient),
        event.kind,
      )),
      ...(await userRecipients(db, members, event.kind)),
    ];
  }
  return enqueue(db, audit, {
    kind: event.kind,
    recipients,
    compose: (language) =>
      event.kind === 'minutes_to_check'
        ? minutesToCheck(language, facts)
        : event.kind === 'minutes_returned'
          ? minutesReturned(language, { ...facts, reason: event.reason })
          : minutesPublished(language, facts),
    link: links.meeting(meeting.key),
    meetingId,
  });
}
