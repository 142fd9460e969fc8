/**
 * Contracts of steering groups and their meetings (/api/v1/steering-groups, /api/v1/meetings,
 * /api/v1/published-minutes). Shared by the server and the web app.
 */
import { z } from 'zod';
import { ZLocalizedText } from './api.js';
import { ZCalendarDate } from './input.js';
import { MEETING_CAPABILITIES } from '../domain/capabilities.js';

export const ZMemberCapacity = z
  .enum(['member', 'deputy', 'permanent_expert', 'secretary'])
  .meta({ id: 'MemberCapacity' });
export const ZGroupPosition = z
  .enum(['chair', 'vice_chair', 'secretary'])
  .meta({ id: 'GroupPosition', description: 'pj, vpj, sihteeri' });
export const ZMinutesStatus = z.enum(['draft', 'checked', 'approved', 'published']).meta({
  id: 'MinutesStatus',
  description: 'draft → checked by the chair → approved at the next meeting → published',
});
export const ZItemKind = z
  .enum(['opening', 'agenda', 'previous_minutes', 'action_review', 'topic', 'next_meeting', 'other_matters', 'closing'])
  .meta({ id: 'AgendaItemKind' });
export const ZReferenceType = z.enum(['theme', 'call', 'project', 'report']).meta({ id: 'AgendaReferenceType' });

export const ZGroupMember = z
  .object({
    id: z.number().int(),
    seat: z.number().int().nullable().describe('Members and their personal deputies share a seat number'),
    capacity: ZMemberCapacity,
    position: ZGroupPosition.nullable(),
    name: z.string(),
    organisation: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    decisionReference: z.string().nullable().describe('Diary number or decision behind the membership'),
    user: z.string().nullable().describe('Username of the member’s account, if linked'),
    archived: z.boolean(),
  })
  .meta({ id: 'SteeringGroupMember' });

export const ZSeat = z
  .object({ seat: z.number().int(), member: ZGroupMember.nullable(), deputy: ZGroupMember.nullable() })
  .meta({ id: 'SteeringGroupSeat', description: 'A member paired with their personal deputy' });

export const ZSteeringGroupSummary = z
  .object({ key: z.string(), name: ZLocalizedText, themes: z.array(z.string()).describe('Theme slugs') })
  .meta({ id: 'SteeringGroupSummary' });

export const ZSteeringGroupDetail = ZSteeringGroupSummary.extend({
  diaryNumber: z.string().nullable().describe('Diary number under which membership changes are requested'),
  term: z.object({ start: z.string().nullable(), end: z.string().nullable() }),
  quorum: z
    .number()
    .int()
    .nullable()
    .describe('Seats that must be represented for a quorum; null: more than half of the seats'),
  at: z.string().describe('The date the membership is shown as of'),
  chair: ZGroupMember.nullable(),
  viceChair: ZGroupMember.nullable(),
  secretaries: z.array(ZGroupMember),
  seats: z.array(ZSeat),
  permanentExperts: z.array(ZGroupMember),
  version: z.number().int(),
}).meta({ id: 'SteeringGroupDetail' });

export const ZMeetingSummary = z
  .object({
    key: z.string(),
    steeringGroup: z.string(),
    number: z.string(),
    date: z.string(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    minutesStatus: ZMinutesStatus,
  })
  .meta({ id: 'MeetingSummary' });

export const ZAttendance = z
  .object({
    memberId: z.number().int().nullable(),
    seat: z.number().int().nullable(),
    name: z.string(),
    organisation: z.string().nullable(),
    capacity: z.enum(['member', 'deputy', 'permanent_expert', 'secretary', 'guest']),
    position: ZGroupPosition.nullable(),
    present: z.boolean(),
    standingInFor: z.string().nullable().describe('Name of the member a deputy stood in for'),
    standingInForMemberId: z.number().int().nullable(),
    actingChair: z.boolean().describe('Chosen to chair when neither the chair nor the vice-chair was present'),
  })
  .meta({ id: 'MeetingAttendance' });

export const ZDecisionRecord = z
  .object({
    id: z.number().int(),
    meeting: z.string(),
    meetingNumber: z.string(),
    item: z.number().int().nullable().describe('Number of the agenda item (§)'),
    kind: z.enum(['decision', 'action']),
    text: z.string(),
    textSv: z.string().nullable().describe("The Swedish text, for a bilingual group's Swedish minutes"),
    owner: z.string().nullable(),
    dueDate: z.string().nullable(),
    status: z.enum(['open', 'done', 'cancelled']).nullable().describe('Action items only'),
    completedOn: z.string().nullable(),
    completedInMeeting: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'DecisionRecord' });

export const ZAgendaItem = z
  .object({
    id: z.number().int(),
    number: z.number().int().describe('The § number: position among the meeting’s items'),
    kind: ZItemKind,
    title: z.string(),
    titleSv: z.string().nullable(),
    presenter: z.string().nullable(),
    background: z.string().nullable(),
    proposal: z.string().nullable(),
    discussion: z.string().nullable(),
    decision: z.string().nullable(),
    backgroundSv: z.string().nullable().describe('Swedish content for a bilingual group; null: none written'),
    proposalSv: z.string().nullable(),
    discussionSv: z.string().nullable(),
    decisionSv: z.string().nullable(),
    time: z.string().nullable(),
    reference: z.object({ type: ZReferenceType, key: z.string() }).nullable(),
    records: z.array(ZDecisionRecord),
    version: z.number().int(),
  })
  .meta({ id: 'AgendaItem' });

/** A meeting as stored: what the documents are drawn from. */
export const ZMeetingContent = ZMeetingSummary.extend({
  steeringGroupName: ZLocalizedText,
  place: z.object({
    room: z.string().nullable(),
    address: z.string().nullable(),
    online: z.string().nullable(),
    onlineUrl: z.string().nullable(),
  }),
  openedAt: z.string().nullable().describe('Time the chair opened the meeting (from the opening item)'),
  closedAt: z.string().nullable(),
  previousMeeting: z.string().nullable().describe('Key of the meeting whose minutes this one approves'),
  previousMinutes: z.string().nullable().describe('Number of the minutes this meeting approves, as written'),
  approvedInMeeting: z.string().nullable().describe('Key of the meeting that approved these minutes'),
  approvedInMeetingNumber: z.string().nullable(),
  minutesCheckedAt: z.string().nullable(),
  minutesCheckedBy: z.string().nullable(),
  minutesApprovedAt: z.string().nullable(),
  minutesPublishedAt: z.string().nullable(),
  minutesReturn: z
    .object({ reason: z.string().nullable(), at: z.string(), by: z.string().nullable() })
    .nullable()
    .describe("The chair's latest return of the minutes and its reason, until the minutes are checked again"),
  chairedBy: z
    .object({ memberId: z.number().int(), name: z.string(), as: z.enum(['chair', 'vice_chair', 'acting_chair']) })
    .nullable()
    .describe('Who chaired, as the attendance records it; that person checks the minutes'),
  quorum: z
    .object({
      seats: z.number().int(),
      needed: z.number().int(),
      represented: z.number().int(),
      reached: z.boolean(),
    })
    .describe('Seats of the group on the date, seats needed for a quorum (the group rule), seats represented'),
  attendance: z.array(ZAttendance),
  items: z.array(ZAgendaItem),
  placeholders: z
    .array(
      z.object({
        item: z.number().int().nullable().describe('The § number; null for the place, signatures or distribution'),
        field: z.string(),
        what: z.string().describe('The placeholder found: "N.N.", "XX.XX.", "[ ]", "???", "täydennetään", …'),
        text: z.string(),
      }),
    )
    .describe(
      "Template placeholders left in the minutes (the group's readers only; empty for the public): publishing with any needs confirmPlaceholders",
    ),
  openActions: z.array(ZDecisionRecord).describe('Action items of earlier meetings still open, carried to this agenda'),
  signatories: z.array(
    z.object({ name: z.string(), organisation: z.string().nullable(), position: ZGroupPosition.nullable() }),
  ),
  distribution: z.array(z.string()),
  notes: z.array(z.string()),
  version: z.number().int(),
});

/** A meeting as the API answers it: with what the signed-in person may do with it now. */
export const ZMeetingDetail = ZMeetingContent.extend({
  capabilities: z
    .array(z.enum(MEETING_CAPABILITIES))
    .describe('What the signed-in person may do with this meeting now (domain/capabilities.ts); empty for the public'),
}).meta({ id: 'MeetingDetail' });

export const ZGroupKeyParams = z.object({ key: z.string().max(200) });
export const ZMeetingKeyParams = z.object({ key: z.string().max(200) });
export const ZDocumentParams = z.object({ key: z.string().max(200), format: z.enum(['html', 'docx', 'pdf']) });
export const ZDocumentQuery = z.object({ lang: z.enum(['fi', 'sv']).default('fi') }).strict();
export const ZMembersQuery = z
  .object({
    at: ZCalendarDate.optional().describe('Membership as of this date (default today)'),
  })
  .strict();
export const ZStepBody = z
  .object({
    version: z.number().int().min(1).optional(),
    reason: z.string().trim().max(2000).optional(),
    confirmPlaceholders: z
      .boolean()
      .optional()
      .describe('Publish although the minutes hold placeholders (the secretary has seen the list)'),
  })
  .strict();
export const ZPublishedQuery = z.object({ steeringGroup: z.string().max(200).optional() }).strict();
export const ZActionsQuery = z.object({ status: z.enum(['open', 'done', 'cancelled']).optional() }).strict();

export type GroupMember = z.infer<typeof ZGroupMember>;
export type SteeringGroupDetail = z.infer<typeof ZSteeringGroupDetail>;
export type MeetingDetail = z.infer<typeof ZMeetingDetail>;
export type MeetingContent = z.infer<typeof ZMeetingContent>;
export type MeetingSummary = z.infer<typeof ZMeetingSummary>;
export type AgendaItem = z.infer<typeof ZAgendaItem>;
export type DecisionRecord = z.infer<typeof ZDecisionRecord>;
export type Attendance = z.infer<typeof ZAttendance>;
export type SteeringGroupSummary = z.infer<typeof ZSteeringGroupSummary>;
/** An item of /api/v1/published-minutes. */
export type PublishedMinutesSummary = MeetingSummary & {
  steeringGroupName: MeetingDetail['steeringGroupName'];
  publishedAt: string | null;
};
