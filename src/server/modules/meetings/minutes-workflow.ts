/**
 * The minutes' workflow: the secretary writes them (draft), the chair checks them, the next meeting
 * approves them through its "approval of the previous minutes" item, and the secretary publishes
 * them. Each step checks permission, then state (version and status), then writes the change and
 * its audit entry in one transaction.
 */
import type { Db } from '../../../db/database.js';
import { writeAudit, type AuditContext } from '../../../db/repositories/audit.js';
import { chairUserIds, findMeeting } from '../../../db/repositories/meetings.js';
import { reindexSearch } from '../../../db/repositories/search.js';
import { can, type Actor } from '../../../domain/access.js';
import {
  ForbiddenError,
  NotFoundError,
  NotSignedInError,
  RuleViolationError,
  VersionConflictError,
  VersionRequiredError,
} from '../../../domain/errors.js';
import {
  minutesLocked,
  minutesStepProblem,
  MINUTES_LOCKED,
  MINUTES_STEPS,
  type MinutesStatus,
  type MinutesStep,
} from '../../../domain/meetings.js';
import { steeringGroupScope } from '../editing/resource.js';
import { minutesChanged } from '../editing/resources/meetings.js';
import { helsinkiDate } from '../../../domain/helsinki-time.js';
import { notifyMinutes } from '../notifications/notify.js';

export type WorkflowDeps = { db: Db; actor: Actor; audit: AuditContext };

type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

async function loadForStep(
  db: Db,
  actor: Actor,
  key: string,
  basedOnVersion: number | null,
  permission: 'minutes.check' | 'meeting.edit',
): Promise<MeetingRow> {
  if (actor.kind !== 'user') throw new NotSignedInError();
  const meeting = await findMeeting(db, key);
  if (!meeting) throw new NotFoundError('meeting', key);
  const groupId = Number(meeting.steering_group_id);
  const scope = {
    ...(await steeringGroupScope(db, groupId)),
    chairUserIds: await chairUserIds(db, groupId, meeting.date),
  };
  if (!can(actor, permission, scope)) throw new ForbiddenError(permission);
  if (basedOnVersion === null) throw new VersionRequiredError();
  if (Number(meeting.version) !== basedOnVersion)
    throw new VersionConflictError(Number(meeting.version), {
      key: meeting.key,
      minutesStatus: meeting.minutes_status,
    });
  return meeting;
}

function requireStep(step: MinutesStep, status: string, field = 'minutesStatus'): void {
  const problem = minutesStepProblem(step, status as MinutesStatus);
  if (problem) throw new RuleViolationError([{ field, message: problem }]);
}

/** Moves a meeting's minutes to a new status, only from the version read; returns nothing, audits. */
async function setStatus(
  db: Db,
  audit: AuditContext,
  meeting: MeetingRow,
  step: MinutesStep,
  columns: Record<string, unknown>,
  reason: string | null,
  alsoChanged: Record<string, unknown> = {},
): Promise<void> {
  const to = MINUTES_STEPS[step].to;
  const result = await db
    .updateTable('meetings')
    .set((eb) => ({
      ...columns,
      minutes_status: to,
      version: eb('version', '+', 1),
      updated_at: audit.at,
      updated_by: audit.actor,
    }))
    .where('id', '=', Number(meeting.id))
    .where('version', '=', Number(meeting.version))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new VersionConflictError(Number(meeting.version) + 1, null);
  await writeAudit(db, audit, {
    action: `minutes_${step === 'check' ? 'checked' : step === 'return' ? 'returned' : step === 'approve' ? 'approved' : 'published'}`,
    entityType: 'meeting',
    entityId: Number(meeting.id),
    before: { minutesStatus: meeting.minutes_status },
    after: { minutesStatus: to, ...columns, ...alsoChanged },
    reason,
  }); // Published minutes are found by search; the index row comes and goes with the status.
  await reindexSearch(db, { minutes: [Number(meeting.id)] });
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
  await deps.db.transaction().execute(async (trx) => {
    const meeting = await loadForStep(trx, deps.actor, key, basedOnVersion, 'meeting.edit');
    requireStep('check', meeting.minutes_status);
    const ids = await notifyMinutes(trx, deps.audit, Number(meeting.id), { kind: 'minutes_to_check' });
    await writeAudit(trx, deps.audit, {
      action: 'minutes_check_requested',
      entityType: 'meeting',
      entityId: Number(meeting.id),
      after: { messages: ids.length },
    });
  });
}

/** The chair has read the draft and agrees it is what was said and decided. */
export async function checkMinutes(deps: WorkflowDeps, key: string, basedOnVersion: number | null): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const meeting = await loadForStep(trx, deps.actor, key, basedOnVersion, 'minutes.check');
    requireStep('check', meeting.minutes_status);
    await setStatus(
      trx,
      deps.audit,
      meeting,
      'check',
      { minutes_checked_at: deps.audit.at, minutes_checked_by: deps.audit.actor },
      null,
    );
  });
}

/** The chair sends checked minutes back to the secretary, saying why. */
export async function returnMinutes(
  deps: WorkflowDeps,
  key: string,
  basedOnVersion: number | null,
  reason: string | null,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const meeting = await loadForStep(trx, deps.actor, key, basedOnVersion, 'minutes.check');
    requireStep('return', meeting.minutes_status);
    await setStatus(trx, deps.audit, meeting, 'return', { minutes_checked_at: null, minutes_checked_by: null }, reason);
    await notifyMinutes(trx, deps.audit, Number(meeting.id), { kind: 'minutes_returned', reason });
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
  await deps.db.transaction().execute(async (trx) => {
    const meeting = await loadForStep(trx, deps.actor, key, basedOnVersion, 'meeting.edit');
    if (minutesLocked(meeting.minutes_status as MinutesStatus))
      throw new RuleViolationError([{ field: 'minutesStatus', message: MINUTES_LOCKED }]);
    // The meeting's date is Helsinki's: at 00:30 on its day UTC still says the day before.
    if (meeting.date > helsinkiDate(new Date(deps.audit.at))) {
      throw new RuleViolationError([
        {
          field: 'date',
          message: {
            fi: 'Kokous ei ole vielä pidetty; se voi hyväksyä edellisen pöytäkirjan vasta kokouspäivänä.',
            sv: 'Mötet har inte hållits ännu; det kan godkänna föregående protokoll först på mötesdagen.',
            en: 'The meeting has not taken place yet; it can approve the previous minutes on its date at the earliest.',
          },
        },
      ]);
    }
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
    await setStatus(
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
  });
}

/** Approved minutes go public: the signed-out public sees them from now on. */
export async function publishMinutes(deps: WorkflowDeps, key: string, basedOnVersion: number | null): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const meeting = await loadForStep(trx, deps.actor, key, basedOnVersion, 'meeting.edit');
    requireStep('publish', meeting.minutes_status);
    await setStatus(trx, deps.audit, meeting, 'publish', { minutes_published_at: deps.audit.at }, null);
    await notifyMinutes(trx, deps.audit, Number(meeting.id), { kind: 'minutes_published' });
  });
}
