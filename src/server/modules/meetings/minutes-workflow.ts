/**
 * The minutes' workflow: the secretary writes them (draft), the chair checks them, the next meeting
 * approves them through its "approval of the previous minutes" item, and the secretary publishes
 * them. Each step checks permission, then state (version and status), then writes the change and
 * its audit entry in one transaction.
 */
import type { Updateable } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { MeetingsTable } from '../../../db/schema.js';
import type { AuditContext, AuditEntry } from '../../../db/repositories/audit.js';
import { findMeeting, getMeeting, meetingChair, meetingQuorum } from '../../../db/repositories/meetings.js';
import { reindexSearch } from '../../../db/repositories/search.js';
import { can, type Actor } from '../../../domain/access.js';
import { ForbiddenError, NotFoundError, NotSignedInError, RuleViolationError } from '../../../domain/errors.js';
import {
  meetingStarted,
  minutesLocked,
  minutesStepProblem,
  noQuorumProblem,
  NOBODY_CHAIRED,
  notStartedProblem,
  placeholdersProblem,
  MINUTES_LOCKED,
  MINUTES_STEPS,
  type MinutesStatus,
  type MinutesStep,
} from '../../../domain/meetings.js';
import { steeringGroupScope } from '../editing/resource.js';
import { minutesChanged } from '../editing/resources/meetings.js';
import { helsinkiDate, helsinkiTime } from '../../../domain/helsinki-time.js';
import { notifyMinutes } from '../notifications/notify.js';
import { auditedTransaction } from '../shared/audited-transaction.js';
import { requireVersion, versionedUpdate } from '../shared/versioned-update.js';

export type WorkflowDeps = { db: Db; actor: Actor; audit: AuditContext };

type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

async function loadForStep(
  db: Db,
  actor: Actor,
  key: string,
  basedOnVersion: number | null,
  permission: 'minutes.check' | 'meeting.edit',
  at: string,
): Promise<MeetingRow> {
  if (actor.kind !== 'user') throw new NotSignedInError();
  const meeting = await findMeeting(db, key);
  if (!meeting) throw new NotFoundError('meeting', key);
  const groupId = Number(meeting.steering_group_id);
  const groupScope = await steeringGroupScope(db, groupId);
  let scope = groupScope;
  if (permission === 'minutes.check') {
    // Only the person who chaired checks: who that was is read from the attendance, so the group's
    // own people are told first why there is nobody to check yet (not started, nobody chaired).
    if (!can(actor, 'steering_group.read', groupScope) && !can(actor, 'meeting.edit', groupScope))
      throw new ForbiddenError(permission);
    requireStarted(meeting, at, 'check');
    const chair = await meetingChair(db, Number(meeting.id));
    if (!chair) throw new RuleViolationError([{ field: 'attendance', message: NOBODY_CHAIRED }]);
    scope = { ...groupScope, chairUserIds: chair.userId === null ? [] : [chair.userId] };
  }
  if (!can(actor, permission, scope)) throw new ForbiddenError(permission);
  await requireVersion(meeting, basedOnVersion, () => ({ key: meeting.key, minutesStatus: meeting.minutes_status }));
  return meeting;
}

/** Refuses what needs a meeting that has started (Helsinki's date and time at `at`). */
function requireStarted(
  meeting: { date: string; start_time: string | null },
  at: string,
  what: Parameters<typeof notStartedProblem>[0],
): void {
  const instant = new Date(at);
  if (
    !meetingStarted(
      { date: meeting.date, startTime: meeting.start_time },
      { date: helsinkiDate(instant), time: helsinkiTime(instant) },
    )
  )
    throw new RuleViolationError([{ field: 'date', message: notStartedProblem(what) }]);
}

function requireStep(step: MinutesStep, status: string, field = 'minutesStatus'): void {
  const problem = minutesStepProblem(step, status as MinutesStatus);
  if (problem) throw new RuleViolationError([{ field, message: problem }]);
}

/** Moves a meeting's minutes to a new status, only from the version read; returns the step's audit entry. */
async function setStatus(
  db: Db,
  audit: AuditContext,
  meeting: MeetingRow,
  step: MinutesStep,
  columns: Partial<Updateable<MeetingsTable>>,
  reason: string | null,
  alsoChanged: Record<string, unknown> = {},
): Promise<AuditEntry> {
  const to = MINUTES_STEPS[step].to;
  await versionedUpdate(db, {
    table: 'meetings',
    id: Number(meeting.id),
    basedOnVersion: Number(meeting.version),
    set: { ...columns, minutes_status: to },
    audit,
  });
  // Published minutes are found by search; the index row comes and goes with the status.
  await reindexSearch(db, { minutes: [Number(meeting.id)] });
  return {
    action: `minutes_${step === 'check' ? 'checked' : step === 'return' ? 'returned' : step === 'approve' ? 'approved' : 'published'}`,
    entityType: 'meeting',
    entityId: Number(meeting.id),
    before: { minutesStatus: meeting.minutes_status },
    after: { minutesStatus: to, ...columns, ...alsoChanged },
    reason,
  };
}

/**
 * The secretary says the draft is ready: the chair (the account linked to the chair's or
 * vice-chair's seat on the meeting's date) is told by e-mail. The minutes stay a draft.
 */
export async function requestMinutesCheck(
  deps: WorkflowDeps,
  key: string,
  basedOnVersion: number | null,
): Promise<void> {
  await auditedTransaction(deps.db, deps.audit, async (trx) => {
    const meeting = await loadForStep(trx, deps.actor, key, basedOnVersion, 'meeting.edit', deps.audit.at);
    requireStep('check', meeting.minutes_status);
    requireStarted(meeting, deps.audit.at, 'check');
    if (!(await meetingChair(trx, Number(meeting.id))))
      throw new RuleViolationError([{ field: 'attendance', message: NOBODY_CHAIRED }]);
    const ids = await notifyMinutes(trx, deps.audit, Number(meeting.id), { kind: 'minutes_to_check' });
    return {
      result: undefined,
      audit: {
        action: 'minutes_check_requested',
        entityType: 'meeting',
        entityId: Number(meeting.id),
        after: { messages: ids.length },
      },
    };
  });
}

/** The chair has read the draft and agrees it is what was said and decided. */
export async function checkMinutes(deps: WorkflowDeps, key: string, basedOnVersion: number | null): Promise<void> {
  await auditedTransaction(deps.db, deps.audit, async (trx) => {
    const meeting = await loadForStep(trx, deps.actor, key, basedOnVersion, 'minutes.check', deps.audit.at);
    requireStep('check', meeting.minutes_status);
    const audit = await setStatus(
      trx,
      deps.audit,
      meeting,
      'check',
      {
        minutes_checked_at: deps.audit.at,
        minutes_checked_by: deps.audit.actor,
        minutes_returned_reason: null,
        minutes_returned_at: null,
        minutes_returned_by: null,
      },
      null,
    );
    return { result: undefined, audit };
  });
}

/** The chair sends checked minutes back to the secretary, saying why. */
export async function returnMinutes(
  deps: WorkflowDeps,
  key: string,
  basedOnVersion: number | null,
  reason: string | null,
): Promise<void> {
  await auditedTransaction(deps.db, deps.audit, async (trx) => {
    const meeting = await loadForStep(trx, deps.actor, key, basedOnVersion, 'minutes.check', deps.audit.at);
    requireStep('return', meeting.minutes_status);
    // The reason stays on the meeting for the secretary to see until the chair checks the minutes again.
    const audit = await setStatus(
      trx,
      deps.audit,
      meeting,
      'return',
      {
        minutes_checked_at: null,
        minutes_checked_by: null,
        minutes_returned_reason: reason,
        minutes_returned_at: deps.audit.at,
        minutes_returned_by: deps.audit.actor,
      },
      reason,
    );
    await notifyMinutes(trx, deps.audit, Number(meeting.id), { kind: 'minutes_returned', reason });
    return { result: undefined, audit };
  });
}

/**
 * At meeting `key`, its "approval of the previous minutes" item approves the minutes of the
 * group's previous meeting: they must have been checked by the chair, and this meeting must have
 * taken place. The item's decision records it, and the earlier minutes become approved.
 */
export async function approvePreviousMinutes(
  deps: WorkflowDeps,
  key: string,
  basedOnVersion: number | null,
): Promise<void> {
  await auditedTransaction(deps.db, deps.audit, async (trx) => {
    const meeting = await loadForStep(trx, deps.actor, key, basedOnVersion, 'meeting.edit', deps.audit.at);
    if (minutesLocked(meeting.minutes_status as MinutesStatus))
      throw new RuleViolationError([{ field: 'minutesStatus', message: MINUTES_LOCKED }]);
    // The meeting's date and time are Helsinki's: at 00:30 on its day UTC still says the day before.
    requireStarted(meeting, deps.audit.at, 'approval');
    // A meeting decides only with a quorum recorded: the group's rule, more than half of the seats by default.
    const reached = await meetingQuorum(trx, {
      id: Number(meeting.id),
      steering_group_id: Number(meeting.steering_group_id),
      date: meeting.date,
    });
    if (!reached.reached) throw new RuleViolationError([{ field: 'attendance', message: noQuorumProblem(reached) }]);
    const previous =
      meeting.previous_meeting_id === null
        ? undefined
        : await trx
            .selectFrom('meetings')
            .selectAll()
            .where('id', '=', Number(meeting.previous_meeting_id))
            .executeTakeFirst();
    if (!previous) {
      throw new RuleViolationError([
        {
          field: 'previousMeeting',
          message: {
            fi: 'Ryhmällä ei ole edellistä kokousta.',
            sv: 'Gruppen har inget tidigare möte.',
            en: 'The group has no previous meeting.',
          },
        },
      ]);
    }
    requireStep('approve', previous.minutes_status, 'previousMeeting');
    const item = await trx
      .selectFrom('agenda_items')
      .selectAll()
      .where('meeting_id', '=', Number(meeting.id))
      .where('kind', '=', 'previous_minutes')
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (!item) {
      throw new RuleViolationError([
        {
          field: 'items',
          message: {
            fi: 'Asialistalla ei ole kohtaa "Edellisen kokouksen pöytäkirjan hyväksyminen".',
            sv: 'Föredragningslistan saknar punkten "Godkännande av föregående mötes protokoll".',
            en: 'The agenda has no item "approval of the previous minutes".',
          },
        },
      ]);
    }
    const decision = item.decision ?? `Edellisen kokouksen pöytäkirja ${previous.number} hyväksyttiin.`;
    // One change, one audit entry: the approval of the earlier minutes names the item that made it.
    const audit = await setStatus(
      trx,
      deps.audit,
      previous,
      'approve',
      { minutes_approved_at: deps.audit.at, approved_in_meeting_id: Number(meeting.id) },
      `approved at meeting ${meeting.number}`,
      {
        approvedInMeeting: meeting.key,
        item: { id: Number(item.id), decisionBefore: item.decision, decision },
      },
    );
    await trx
      .updateTable('agenda_items')
      .set((eb) => ({
        decision,
        version: eb('version', '+', 1),
        updated_at: deps.audit.at,
        updated_by: deps.audit.actor,
      }))
      .where('id', '=', Number(item.id))
      .execute();
    await trx
      .insertInto('meeting_decisions')
      .values({
        meeting_id: Number(meeting.id),
        agenda_item_id: Number(item.id),
        kind: 'decision',
        text: decision,
        status: null,
        updated_by: deps.audit.actor,
        created_at: deps.audit.at,
        updated_at: deps.audit.at,
      })
      .execute();
    await trx
      .updateTable('meetings')
      .set({ previous_minutes: previous.number })
      .where('id', '=', Number(meeting.id))
      .execute();
    await minutesChanged(trx, Number(meeting.id), deps.audit);
    return { result: undefined, audit };
  });
}

/** Approved minutes go public: the signed-out public sees them from now on. */
export async function publishMinutes(
  deps: WorkflowDeps,
  key: string,
  basedOnVersion: number | null,
  options: { confirmPlaceholders?: boolean } = {},
): Promise<void> {
  await auditedTransaction(deps.db, deps.audit, async (trx) => {
    const meeting = await loadForStep(trx, deps.actor, key, basedOnVersion, 'meeting.edit', deps.audit.at);
    requireStep('publish', meeting.minutes_status);
    // Placeholders ask for the secretary's confirmation rather than refuse: approved minutes can no
    // longer be corrected, and a placeholder may be what the group approved (domain/meetings.ts).
    const placeholders = (await getMeeting(trx, key))?.placeholders ?? [];
    if (placeholders.length > 0 && !options.confirmPlaceholders)
      throw new RuleViolationError([{ field: 'confirmPlaceholders', message: placeholdersProblem(placeholders) }]);
    const audit = await setStatus(trx, deps.audit, meeting, 'publish', { minutes_published_at: deps.audit.at }, null);
    await notifyMinutes(trx, deps.audit, Number(meeting.id), { kind: 'minutes_published' });
    return { result: undefined, audit };
  });
}
