/**
 * My tasks, for every role the person holds: reports to write or fix (overdue past the deadline),
 * reports waiting for my ministry's approval, minutes to check (the chair), to write, have approved
 * and publish (the secretary), meetings coming, action items I own, and for the administrator mail
 * that could not be delivered. Each with the path where it is done. Read-only, from the data. A
 * closed reporting period's reports are nobody's task (they can no longer change).
 */
import type { Task } from '../../../contracts/tasks.js';
import type { Db } from '../../../db/database.js';
import { meetingChairUserIds } from '../../../db/repositories/meetings.js';
import type { Actor } from '../../../domain/access.js';
import type { Locale } from '../../../domain/money.js';
import { links } from '../../../domain/notifications.js';
import { approvingMinistries, approvalRuleOf } from '../../../domain/reports/approval.js';

type User = Extract<Actor, { kind: 'user' }>;

const pick = (locale: Locale, fi: string, sv: string | null, en: string | null) =>
  (locale === 'sv' ? sv : locale === 'en' ? en : fi) || fi;

const ORDER: Record<Task['kind'], number> = {
  report_returned: 0,
  report_approve: 1,
  minutes_check: 2,
  report_write: 3,
  minutes_write: 4,
  minutes_approve: 5,
  minutes_publish: 6,
  action_item: 7,
  mail_failed: 8,
  meeting: 9,
};

export async function listMyTasks(db: Db, actor: User, today: string, locale: Locale): Promise<Task[]> {
  const tasks: Task[] = [];
  const roles = actor.roles;
  const admin = roles.some((r) => r.role === 'admin');
  const coordinated = roles.flatMap((r) => (r.role === 'theme_coordinator' && r.themeId !== null ? [r.themeId] : []));
  const ministries: string[] = roles.flatMap((r) => (r.role === 'ministry_official' && r.ministry ? [r.ministry] : []));
  const secretaryOf = roles.flatMap((r) =>
    r.role === 'steering_group_secretary' && r.steeringGroupId !== null ? [r.steeringGroupId] : [],
  );
  const memberOf = roles.flatMap((r) =>
    r.role === 'steering_group_member' && r.steeringGroupId !== null ? [r.steeringGroupId] : [],
  );

  // Reports: mine to write or fix, and those waiting for my ministry.
  if (coordinated.length > 0 || ministries.length > 0) {
    const reports = await db
      .selectFrom('theme_reports')
      .innerJoin('themes', 'themes.id', 'theme_reports.theme_id')
      .innerJoin('reporting_periods', 'reporting_periods.id', 'theme_reports.period_id')
      .select([
        'theme_reports.id',
        'theme_reports.state',
        'theme_reports.submissions',
        'theme_reports.theme_id',
        'themes.slug',
        'themes.name_fi',
        'themes.name_sv',
        'themes.name_en',
        'themes.approval_rule',
        'themes.lead_ministry',
        'reporting_periods.key as period',
        'reporting_periods.title_fi',
        'reporting_periods.title_sv',
        'reporting_periods.title_en',
        'reporting_periods.deadline',
      ])
      .where('theme_reports.archived_at', 'is', null)
      .where('theme_reports.state', 'in', ['draft', 'returned', 'submitted'])
      // A closed period's reports can be neither written nor approved (refuseIfPeriodClosed):
      // nothing about them is anyone's task, and none is overdue, until the period is reopened.
      .where('reporting_periods.closed_at', 'is', null)
      .orderBy('reporting_periods.key')
      .orderBy('themes.slug')
      .execute();
    const themeMinistries = await db.selectFrom('theme_ministries').select(['theme_id', 'ministry']).execute();
    const approvals = await db.selectFrom('report_approvals').select(['report_id', 'submission', 'ministry']).execute();
    for (const r of reports) {
      const title = `${pick(locale, r.name_fi, r.name_sv, r.name_en)} – ${pick(locale, r.title_fi, r.title_sv, r.title_en)}`;
      const path = links.report(r.period, r.slug);
      const deadline = r.deadline ?? null;
      if (coordinated.includes(Number(r.theme_id)) && (r.state === 'draft' || r.state === 'returned')) {
        tasks.push({
          kind: r.state === 'draft' ? 'report_write' : 'report_returned',
          title,
          due: deadline,
          overdue: deadline !== null && deadline < today,
          path,
        });
      }
      if (r.state === 'submitted' && ministries.length > 0) {
        const rule = approvalRuleOf(r.approval_rule, r.lead_ministry);
        const required = approvingMinistries(
          themeMinistries.filter((m) => Number(m.theme_id) === Number(r.theme_id)).map((m) => m.ministry),
          rule,
        );
        const done = approvals
          .filter((a) => Number(a.report_id) === Number(r.id) && Number(a.submission) === Number(r.submissions))
          .map((a) => a.ministry);
        if (required.some((m) => ministries.includes(m) && !done.includes(m)))
          tasks.push({ kind: 'report_approve', title, due: deadline, overdue: false, path });
      }
    }
  }

  // Steering groups: meetings, minutes, action items.
  const groups = [...new Set([...secretaryOf, ...memberOf])];
  if (groups.length > 0) {
    const meetings = await db
      .selectFrom('meetings')
      .innerJoin('steering_groups', 'steering_groups.id', 'meetings.steering_group_id')
      .select([
        'meetings.id',
        'meetings.key',
        'meetings.number',
        'meetings.date',
        'meetings.minutes_status',
        'meetings.previous_meeting_id',
        'meetings.steering_group_id',
        'steering_groups.name_fi',
        'steering_groups.name_sv',
        'steering_groups.name_en',
      ])
      .where('meetings.steering_group_id', 'in', groups)
      .where('meetings.archived_at', 'is', null)
      .orderBy('meetings.date')
      .execute();
    for (const m of meetings) {
      const groupId = Number(m.steering_group_id);
      const title = `${pick(locale, m.name_fi, m.name_sv, m.name_en)} ${m.number}`;
      const path = links.meeting(m.key);
      const held = m.date <= today;
      const secretary = secretaryOf.includes(groupId);
      if (!held) {
        tasks.push({ kind: 'meeting', title, due: m.date, overdue: false, path });
        continue;
      }
      if (m.minutes_status === 'draft') {
        if (memberOf.includes(groupId) && (await meetingChairUserIds(db, Number(m.id))).includes(actor.userId))
          tasks.push({ kind: 'minutes_check', title, due: null, overdue: false, path });
        if (secretary) tasks.push({ kind: 'minutes_write', title, due: null, overdue: false, path });
      }
      if (secretary && m.minutes_status === 'approved')
        tasks.push({ kind: 'minutes_publish', title, due: null, overdue: false, path });
      if (secretary && m.minutes_status === 'checked') {
        // Approved at the group's next meeting: the task points there.
        const next = meetings.find(
          (n) => n.previous_meeting_id !== null && Number(n.previous_meeting_id) === Number(m.id),
        );
        tasks.push({
          kind: 'minutes_approve',
          title,
          due: next?.date ?? null,
          overdue: false,
          path: next ? links.meeting(next.key) : path,
        });
      }
    }
  }

  // Action items whose owner is me: by my name, or the name of a membership linked to my account.
  const linked = await db
    .selectFrom('steering_group_members')
    .select('name')
    .where('user_id', '=', actor.userId)
    .execute();
  const names = [...new Set([actor.displayName, ...linked.map((l) => l.name)].map((n) => n.trim().toLowerCase()))];
  const actions = await db
    .selectFrom('meeting_decisions')
    .innerJoin('meetings', 'meetings.id', 'meeting_decisions.meeting_id')
    .select(['meeting_decisions.text', 'meeting_decisions.owner', 'meeting_decisions.due_date', 'meetings.key'])
    .where('meeting_decisions.kind', '=', 'action')
    .where('meeting_decisions.status', '=', 'open')
    .where('meeting_decisions.archived_at', 'is', null)
    .where('meeting_decisions.owner', 'is not', null)
    .execute();
  for (const a of actions) {
    if (!names.includes(a.owner!.trim().toLowerCase())) continue;
    tasks.push({
      kind: 'action_item',
      title: a.text,
      due: a.due_date,
      overdue: a.due_date !== null && a.due_date < today,
      path: links.meeting(a.key),
    });
  }

  if (admin) {
    const failed = await db
      .selectFrom('outbox')
      .select(['id', 'subject', 'recipient'])
      .where('failed_at', 'is not', null)
      .orderBy('id')
      .execute();
    for (const f of failed)
      tasks.push({
        kind: 'mail_failed',
        title: `${f.recipient}: ${f.subject}`,
        due: null,
        overdue: false,
        path: '/admin/outbox',
      });
  }

  return tasks.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      ORDER[a.kind] - ORDER[b.kind] ||
      (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
      a.title.localeCompare(b.title),
  );
}
