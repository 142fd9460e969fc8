/**
 * The records of the write API as it answers them (POST, GET …/record, PATCH): each editable
 * resource's data with its version. The server's responses are checked against these schemas, the
 * OpenAPI document shows them, and the web's forms are typed from them (`RecordOf<'calls'>`).
 */
import { z } from 'zod';
import { ZFieldSources, ZLocalizedText, ZMinistry } from './api.js';
import { ZGroupPosition, ZItemKind, ZMemberCapacity, ZMinutesStatus } from './meetings.js';

const ZPeriodRecord = z.object({
  start: z.string().nullable(),
  end: z.string().nullable(),
  text: z.string().nullable(),
});
const ZConfirmation = z.object({ checks: z.array(z.string()), reason: z.string().nullable() });

export const ZThemeRecord = z
  .object({
    slug: z.string(),
    name: ZLocalizedText,
    shortName: z.string().nullable(),
    period: ZPeriodRecord,
    intermediateBody: z.string().nullable(),
  })
  .meta({ id: 'ThemeRecord' });

export const ZContactRecord = z
  .object({
    id: z.number().int(),
    theme: z.string().nullable(),
    role: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    organisation: z.string().nullable(),
    ministry: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    absence: z.enum(['on_leave']).nullable(),
    archived: z.boolean(),
  })
  .meta({ id: 'ContactRecord' });

export const ZContentAreaRecord = z
  .object({
    id: z.number().int(),
    theme: z.string().nullable(),
    key: z.string(),
    name: ZLocalizedText,
    position: z.number().int(),
  })
  .meta({ id: 'ContentAreaRecord' });

export const ZThemeLinkRecord = z
  .object({
    id: z.number().int(),
    theme: z.string().nullable(),
    url: z.string(),
    title: z.string().nullable(),
    position: z.number().int(),
  })
  .meta({ id: 'ThemeLinkRecord' });

export const ZActivityFigureRecord = z
  .object({
    id: z.number().int(),
    theme: z.string().nullable(),
    key: z.string(),
    label: ZLocalizedText,
    value: z.number(),
    unit: z.string().nullable(),
    period: ZPeriodRecord,
  })
  .meta({ id: 'ActivityFigureRecord' });

export const ZCallRecord = z
  .object({
    key: z.string(),
    theme: z.string().nullable(),
    name: ZLocalizedText,
    kind: z.string().nullable(),
    opens: z.string().nullable(),
    closes: z.string().nullable(),
    budget: z.number().int().nullable().describe('Cents'),
    applications: z.number().int().nullable(),
    applicationEntities: z.number().int().nullable(),
    eligibleEntities: z.number().int().nullable(),
    fundedEntities: z.number().int().nullable(),
    granted: z.number().int().nullable().describe('Cents'),
    leftOver: z.number().int().nullable().describe('Cents'),
    note: z.string().nullable(),
    confirmation: ZConfirmation.nullable().describe('The checks confirmed for this call, and why'),
    archived: z.boolean(),
  })
  .meta({ id: 'CallRecord' });

export const ZOrganisationRecord = z
  .object({
    key: z.string(),
    name: ZLocalizedText,
    businessId: z.string().nullable(),
    type: z.string().nullable(),
    municipality: z.string().nullable(),
    archived: z.boolean(),
    sources: ZFieldSources,
  })
  .meta({ id: 'OrganisationRecord' });

export const ZProjectEntityRecord = z
  .object({
    key: z.string(),
    theme: z.string().nullable(),
    kind: z.enum(['single', 'group']),
    name: ZLocalizedText,
    groupCode: z.string().nullable(),
    type: z.string().nullable(),
    status: z.string().nullable(),
    decidedOn: z.string().nullable().describe('The funding decision, YYYY, YYYY-MM or YYYY-MM-DD'),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    costEstimate: z.number().int().nullable().describe('Cents'),
    website: z.string().nullable(),
    call: z.string().nullable(),
    contentArea: z.string().nullable(),
    ministries: z.array(ZMinistry),
    projects: z.array(
      z.object({
        code: z.string().nullable(),
        implementer: z.string(),
        role: z.enum(['main', 'sub', 'not_stated']),
        costEstimate: z.number().int().nullable(),
      }),
    ),
    partners: z.array(z.string()),
    sectors: z.array(z.string()),
    archived: z.boolean(),
  })
  .meta({ id: 'ProjectEntityRecord' });

export const ZSteeringGroupRecord = z
  .object({
    key: z.string(),
    name: ZLocalizedText,
    diaryNumber: z.string().nullable(),
    themes: z.array(z.string()),
    termStart: z.string().nullable(),
    termEnd: z.string().nullable(),
    quorum: z
      .number()
      .int()
      .nullable()
      .describe('Seats that must be represented for a quorum; null: more than half of the seats'),
  })
  .meta({ id: 'SteeringGroupRecord' });

export const ZSteeringGroupMemberRecord = z
  .object({
    id: z.number().int(),
    steeringGroup: z.string().nullable(),
    seat: z.number().int().nullable(),
    capacity: ZMemberCapacity,
    position: ZGroupPosition.nullable(),
    name: z.string(),
    organisation: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    decisionReference: z.string().nullable(),
    user: z.string().nullable().describe('The linked account'),
    archived: z.boolean(),
  })
  .meta({ id: 'SteeringGroupMemberRecord' });

export const ZMeetingRecord = z
  .object({
    key: z.string(),
    steeringGroup: z.string(),
    number: z.string(),
    date: z.string(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    room: z.string().nullable(),
    address: z.string().nullable(),
    online: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    minutesStatus: ZMinutesStatus,
    attendance: z.array(
      z.object({
        memberId: z.number().int().nullable(),
        name: z.string(),
        organisation: z.string().nullable(),
        capacity: z.string(),
        present: z.boolean(),
        standingInFor: z.number().int().nullable(),
        actingChair: z.boolean().optional().describe('Chaired the meeting when the chair and vice-chair were absent'),
      }),
    ),
    distribution: z.array(z.string()),
    archived: z.boolean(),
  })
  .meta({ id: 'MeetingRecord' });

export const ZAgendaItemRecord = z
  .object({
    id: z.number().int(),
    meeting: z.string(),
    number: z.number().int().nullable(),
    kind: ZItemKind,
    title: z.string().nullable(),
    titleSv: z.string().nullable(),
    presenter: z.string().nullable(),
    background: z.string().nullable(),
    proposal: z.string().nullable(),
    discussion: z.string().nullable(),
    decision: z.string().nullable(),
    backgroundSv: z.string().nullable(),
    proposalSv: z.string().nullable(),
    discussionSv: z.string().nullable(),
    decisionSv: z.string().nullable(),
    time: z.string().nullable(),
    reference: z
      .object({ type: z.enum(['theme', 'call', 'project', 'report']), key: z.string().nullable() })
      .nullable(),
    archived: z.boolean(),
  })
  .meta({ id: 'AgendaItemRecord' });

export const ZDecisionRecord = z
  .object({
    id: z.number().int(),
    meeting: z.string(),
    item: z.number().int().nullable().describe('The number (§) of its agenda item'),
    kind: z.enum(['decision', 'action']),
    text: z.string(),
    textSv: z.string().nullable(),
    owner: z.string().nullable(),
    dueDate: z.string().nullable(),
    status: z.enum(['open', 'done', 'cancelled']).nullable(),
    completedOn: z.string().nullable(),
    completedInMeeting: z.string().nullable(),
    archived: z.boolean(),
  })
  .meta({ id: 'MeetingDecisionRecord' });

export const ZProjectFactsRecord = z
  .object({
    key: z.string(),
    theme: z.string().nullable(),
    kind: z.enum(['single', 'group']),
    name: ZLocalizedText,
    ministries: z.array(z.object({ ministry: ZMinistry, share: z.number().int().nullable() })),
    sectors: z.array(z.string()),
    partners: z.array(z.string()),
  })
  .meta({ id: 'ProjectFactsRecord' });

export const ZOrganisationPlaceRecord = z
  .object({
    key: z.string(),
    name: ZLocalizedText,
    type: z.string().nullable(),
    municipality: z.string().nullable(),
    county: z.string().nullable(),
    countyBasis: z.string().nullable(),
    countyOfFigures: z
      .string()
      .nullable()
      .describe('The county the figures count it in: its own, else its municipality’s'),
  })
  .meta({ id: 'OrganisationPlaceRecord' });

/** Each collection of the write API (/api/v1/{collection}) and the record it answers. */
export const RECORD_SCHEMAS = {
  themes: ZThemeRecord,
  contacts: ZContactRecord,
  'content-areas': ZContentAreaRecord,
  'theme-links': ZThemeLinkRecord,
  'activity-figures': ZActivityFigureRecord,
  calls: ZCallRecord,
  organisations: ZOrganisationRecord,
  projects: ZProjectEntityRecord,
  'steering-groups': ZSteeringGroupRecord,
  'steering-group-members': ZSteeringGroupMemberRecord,
  meetings: ZMeetingRecord,
  'agenda-items': ZAgendaItemRecord,
  'meeting-decisions': ZDecisionRecord,
  'project-facts': ZProjectFactsRecord,
  'organisation-places': ZOrganisationPlaceRecord,
} as const;

export type RecordCollection = keyof typeof RECORD_SCHEMAS;
/** The data of a record of a collection, as the write API answers it. */
export type RecordOf<C extends RecordCollection> = z.infer<(typeof RECORD_SCHEMAS)[C]>;

const written = new Map<z.ZodType, z.ZodType>();

/**
 * The answer of a write: the record as now stored and its version (also in the ETag). One schema
 * per record, however often the app is built: OpenAPI refuses two schemas with one id.
 */
export function writtenSchema<S extends z.ZodType>(record: S, id: string) {
  const known = written.get(record) as z.ZodObject<{ data: S; version: z.ZodNumber }> | undefined;
  if (known) return known;
  const schema = z.object({ data: record, version: z.number().int() }).meta({ id });
  written.set(record, schema);
  return schema;
}
export type Written<T> = { data: T; version: number };
