/**
 * What the write API accepts for every editable resource (POST creates, PATCH updates), as Zod
 * schemas: the server validates with them (server/modules/editing/resources/*), OpenAPI shows them
 * as each write's request body, and the web forms take their input types from them
 * (`CreateInputOf<'calls'>`, `UpdateInputOf<'calls'>`), so a form cannot name a field the write
 * does not take.
 */
import { z } from 'zod';
import { ZCalendarDate, ZPartialDate as ZContractPartialDate, type InputMessageKey } from './input.js';
import { TIME_PATTERN } from '../domain/meetings.js';
import type { RecordCollection, RecordOf } from './records.js';

// ---- Field builders --------------------------------------------------------------------------

export const ZText = (max: number) => z.string().trim().min(1).max(max);
export const ZOptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
export const ZKey = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
export const ZPartialDate = ZContractPartialDate.nullable().optional();
export const ZDate = ZCalendarDate;
/** Euro cents: whole, not negative, at most ten billion euros. */
export const ZCents = z.number().int().min(0).max(1_000_000_000_000);
export const ZCount = z.number().int().min(0).max(10_000_000).nullable().optional();
export const ZLocalizedInput = z.object({ fi: ZText(500), sv: ZOptionalText(500), en: ZOptionalText(500) }).strict();
/** A web address people can open: http or https only (no javascript:, data: or mailto: links). */
const isWebAddress = (url: string) =>
  /^https?:\/\/[^\s]+$/i.test(url) && URL.canParse(url) && new URL(url).hostname !== '';
export const ZUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(isWebAddress, { message: 'input.webAddress' satisfies InputMessageKey })
  .meta({ format: 'uri' });
export const ZVersionField = { version: z.number().int().min(1).optional() };
const ZTime = z.string().regex(TIME_PATTERN, 'HH:MM');
const ZPosition = z.number().int().min(0).max(1000);
const ZPeriodInput = z.object({ start: ZPartialDate, end: ZPartialDate, text: ZOptionalText(200) }).strict();

/** Every field optional, the version too: what a PATCH takes. */
const update = <T extends z.ZodRawShape>(fields: T) =>
  z
    .object({ ...fields, ...ZVersionField })
    .partial()
    .strict();

// ---- A theme's own records ---------------------------------------------------------------------

export const ZThemeUpdate = update({
  name: ZLocalizedInput,
  shortName: ZOptionalText(50),
  period: ZPeriodInput,
  intermediateBody: ZOptionalText(200),
});

const contactFields = {
  role: z.enum(['coordination', 'financier', 'ministry']),
  name: ZText(200),
  title: ZOptionalText(200),
  organisation: ZOptionalText(300),
  ministry: z.enum(['TEM', 'OKM', 'STM']).nullable().optional(),
  email: z.string().trim().max(320).email().nullable().optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+\d][\d ()-]{4,}$/, { message: 'input.phone' satisfies InputMessageKey })
    .nullable()
    .optional(),
  /** Validity as the source gives it ("1.4.2025 lähtien" → 2025-04-01), reduced precision allowed. */
  validFrom: ZPartialDate.describe('From when the person holds the role, where known'),
  validTo: ZPartialDate.describe('Until when, where known'),
  absence: z.enum(['on_leave']).nullable().optional().describe('"virkavapaalla": on leave; null: not absent'),
};
export const ZContactCreate = z.object({ theme: ZKey, ...contactFields }).strict();
export const ZContactUpdate = update(contactFields);

export const ZContentAreaCreate = z
  .object({ theme: ZKey, key: ZKey, name: ZLocalizedInput, position: ZPosition.optional() })
  .strict();
export const ZContentAreaUpdate = update({ name: ZLocalizedInput, position: ZPosition });

export const ZThemeLinkCreate = z
  .object({ theme: ZKey, url: ZUrl, title: ZOptionalText(300), position: ZPosition.optional() })
  .strict();
export const ZThemeLinkUpdate = update({ url: ZUrl, title: ZOptionalText(300), position: ZPosition });

const activityFields = {
  label: ZLocalizedInput,
  value: z.number().finite().min(-1e12).max(1e12),
  unit: ZOptionalText(50),
  period: ZPeriodInput,
};
export const ZActivityFigureCreate = z.object({ theme: ZKey, key: ZKey, ...activityFields }).strict();
export const ZActivityFigureUpdate = update(activityFields);

// ---- Calls -------------------------------------------------------------------------------------

export const CALL_CHECKS = ['granted_exceeds_budget', 'funded_exceeds_eligible', 'eligible_exceeds_received'] as const;
const callFields = {
  name: ZLocalizedInput,
  kind: z.enum(['idea', 'development', 'coordination', 'lump_sum', 'other']).nullable().optional(),
  opens: ZPartialDate,
  closes: ZPartialDate,
  budget: ZCents.nullable().optional(),
  applications: ZCount,
  applicationEntities: ZCount,
  eligibleEntities: ZCount,
  fundedEntities: ZCount,
  granted: ZCents.nullable().optional(),
  leftOver: ZCents.nullable().optional(),
  note: ZOptionalText(4000),
  confirm: z
    .object({
      checks: z.array(z.enum(CALL_CHECKS)).min(1).max(3),
      reason: z.string().trim().min(1).max(1000),
    })
    .strict()
    .optional()
    .describe('The checks (codes of an earlier 422) the user confirms, and why'),
};
export const ZCallCreate = z.object({ key: ZKey, theme: ZKey, ...callFields }).strict();
export const ZCallUpdate = update(callFields);

// ---- Organisations -----------------------------------------------------------------------------

export const ORGANISATION_TYPES = [
  'association',
  'foundation',
  'university_of_applied_sciences',
  'university',
  'municipality',
  'joint_municipal_authority',
  'wellbeing_services_county',
  'state_agency',
  'company',
  'parish',
  'other',
] as const;
const organisationFields = {
  name: ZLocalizedInput,
  businessId: z
    .string()
    .trim()
    .regex(/^\d{7}-\d$/)
    .nullable()
    .optional(),
  type: z.enum(ORGANISATION_TYPES).nullable().optional(),
  municipality: z
    .string()
    .regex(/^\d{3}$/)
    .nullable()
    .optional(),
};
export const ZOrganisationCreate = z.object({ key: ZKey, ...organisationFields }).strict();
export const ZOrganisationUpdate = update(organisationFields);

// ---- Project entities --------------------------------------------------------------------------

export const ZProjectMemberInput = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(30)
      .regex(/^[A-Z0-9-]+$/)
      .nullable()
      .optional(),
    implementer: ZKey,
    /** not_stated: no source says which implementer of the group is the main one (all of them then). */
    role: z.enum(['main', 'sub', 'not_stated']),
    costEstimate: ZCents.nullable().optional(),
  })
  .strict();
const projectFields = {
  name: ZLocalizedInput,
  groupCode: z
    .string()
    .trim()
    .regex(/^R-\d{1,10}$/)
    .nullable()
    .optional(),
  type: z.enum(['coordination', 'development', 'pilot', 'study']).nullable().optional(),
  status: z.enum(['applied', 'negotiation', 'granted', 'running', 'ended']).nullable().optional(),
  /** The funding decision's date: a review as of a cut-off counts the entities decided by then. */
  decidedOn: ZDate.nullable().optional(),
  periodStart: ZPartialDate,
  periodEnd: ZPartialDate,
  costEstimate: ZCents.nullable().optional(),
  website: ZUrl.nullable().optional(),
  call: ZKey.nullable().optional(),
  contentArea: ZKey.nullable().optional(),
  ministries: z
    .array(z.enum(['TEM', 'OKM', 'STM']))
    .max(3)
    .optional(),
  projects: z.array(ZProjectMemberInput).min(1).max(100).optional(),
  partners: z.array(ZKey).max(200).optional(),
  sectors: z.array(ZKey).max(50).optional(),
};
export const ZProjectCreate = z
  .object({
    key: ZKey,
    theme: ZKey,
    kind: z.enum(['single', 'group']),
    ...projectFields,
    projects: z.array(ZProjectMemberInput).min(1).max(100),
  })
  .strict();
export const ZProjectUpdate = update(projectFields);

// ---- The facts behind the key figures ----------------------------------------------------------

export const ZMinistryShareInput = z
  .object({
    ministry: z.string().trim().max(10),
    share: z.number().int().nullable().optional(),
  })
  .strict();
export const ZProjectFactsUpdate = update({
  ministries: z.array(ZMinistryShareInput).max(3),
  sectors: z.array(z.string().trim().max(100)).max(50),
  partners: z.array(ZKey).max(200),
});
export const ZOrganisationPlaceUpdate = update({
  type: z.enum(ORGANISATION_TYPES).nullable(),
  municipality: z.string().trim().max(10).nullable(),
  /** Only for a wellbeing services county organisation: the county it is. */
  county: z.string().trim().max(20).nullable(),
  countyBasis: z.string().trim().max(500).nullable(),
});

// ---- Steering groups and their membership ------------------------------------------------------

const groupFields = {
  name: ZLocalizedInput,
  diaryNumber: ZOptionalText(100),
  themes: z.array(ZKey).max(20),
  termStart: ZDate.nullable().optional(),
  termEnd: ZDate.nullable().optional(),
  quorum: z
    .number()
    .int()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .describe('Seats that must be represented for a quorum; null: more than half of the seats'),
};
export const ZSteeringGroupCreate = z
  .object({ key: ZKey, ...groupFields, themes: groupFields.themes.optional() })
  .strict();
export const ZSteeringGroupUpdate = update(groupFields);

/** The fields that may change on a membership; who, where and in what capacity may not. */
const changeableMemberFields = {
  position: z.enum(['chair', 'vice_chair', 'secretary']).nullable().optional(),
  organisation: ZOptionalText(300),
  validFrom: ZDate.nullable().optional(),
  validTo: ZDate.nullable().optional(),
  decisionReference: ZOptionalText(100),
  user: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .optional()
    .describe('Username of the member’s account (links the chair who checks minutes)'),
};
export const ZSteeringGroupMemberCreate = z
  .object({
    steeringGroup: ZKey,
    seat: z.number().int().min(1).max(100).nullable().optional(),
    capacity: z.enum(['member', 'deputy', 'permanent_expert', 'secretary']),
    name: ZText(200),
    ...changeableMemberFields,
  })
  .strict();
export const ZSteeringGroupMemberUpdate = update(changeableMemberFields);

// ---- Meetings, agenda items, decisions ---------------------------------------------------------

export const ZAttendanceInput = z
  .object({
    memberId: z
      .number()
      .int()
      .positive()
      .nullable()
      .optional()
      .describe('A membership of the group; name and capacity come from it'),
    name: ZText(200).optional().describe('For guests, who are not on the roster'),
    organisation: ZOptionalText(300),
    present: z.boolean(),
    standingInFor: z
      .number()
      .int()
      .positive()
      .nullable()
      .optional()
      .describe('Membership id of the member this deputy stands in for'),
    actingChair: z
      .boolean()
      .optional()
      .describe('Chosen to chair, when neither the chair nor the vice-chair is present'),
  })
  .strict();
const meetingFields = {
  date: ZDate,
  startTime: ZTime.nullable().optional(),
  endTime: ZTime.nullable().optional(),
  room: ZOptionalText(300),
  address: ZOptionalText(300),
  online: ZOptionalText(300).describe('The online channel as people call it ("Teams")'),
  onlineUrl: ZUrl.nullable().optional().describe('The link to join'),
};
export const ZMeetingCreate = z.object({ steeringGroup: ZKey, ...meetingFields }).strict();
export const ZMeetingUpdate = update({
  ...meetingFields,
  attendance: z.array(ZAttendanceInput).max(200).describe('The whole list; replaces the previous one'),
  distribution: z
    .array(ZText(300))
    .max(50)
    .describe('Recipients of the minutes; empty = members, deputies and permanent experts'),
});

export const ZAgendaReference = z.object({ type: z.enum(['theme', 'call', 'project', 'report']), key: ZKey }).strict();
const itemContent = {
  title: ZText(500),
  titleSv: ZOptionalText(500),
  presenter: ZOptionalText(300),
  background: ZOptionalText(20_000),
  proposal: ZOptionalText(20_000),
  // Swedish content for a bilingual group; without it the Swedish minutes show the Finnish text.
  backgroundSv: ZOptionalText(20_000),
  proposalSv: ZOptionalText(20_000),
  reference: ZAgendaReference.nullable().optional(),
};
const minutesContent = {
  discussion: ZOptionalText(50_000),
  decision: ZOptionalText(20_000),
  discussionSv: ZOptionalText(50_000),
  decisionSv: ZOptionalText(20_000),
  time: ZTime.nullable().optional().describe('A time the item records: opening and closing'),
};
/** An agenda item's minutes fields: written once the meeting has started. */
export const MINUTES_FIELDS = Object.keys(minutesContent) as (keyof typeof minutesContent)[];
export const ZAgendaItemCreate = z.object({ meeting: ZKey, ...itemContent, ...minutesContent }).strict();
export const ZAgendaItemUpdate = update({ ...itemContent, ...minutesContent });

const decisionContent = {
  text: ZText(20_000),
  textSv: ZOptionalText(20_000).describe("The Swedish text, for a bilingual group's Swedish minutes"),
  owner: ZOptionalText(300),
  dueDate: ZDate.nullable().optional(),
};
const followUp = {
  status: z.enum(['open', 'done', 'cancelled']).nullable().optional(),
  completedOn: ZDate.nullable().optional(),
  completedInMeeting: ZKey.nullable().optional().describe('The meeting where the action item was reported done'),
};
export const ZDecisionCreate = z
  .object({
    meeting: ZKey,
    item: z.number().int().min(1).max(500).nullable().optional().describe('The § number'),
    kind: z.enum(['decision', 'action']),
    ...decisionContent,
    ...followUp,
  })
  .strict();
export const ZDecisionUpdate = update({ ...decisionContent, ...followUp });

// ---- By collection -----------------------------------------------------------------------------

/** Each collection's create (POST; null where records are not created through the API) and update. */
export const WRITE_INPUTS = {
  themes: { create: null, update: ZThemeUpdate },
  contacts: { create: ZContactCreate, update: ZContactUpdate },
  'content-areas': { create: ZContentAreaCreate, update: ZContentAreaUpdate },
  'theme-links': { create: ZThemeLinkCreate, update: ZThemeLinkUpdate },
  'activity-figures': { create: ZActivityFigureCreate, update: ZActivityFigureUpdate },
  calls: { create: ZCallCreate, update: ZCallUpdate },
  organisations: { create: ZOrganisationCreate, update: ZOrganisationUpdate },
  projects: { create: ZProjectCreate, update: ZProjectUpdate },
  'project-facts': { create: null, update: ZProjectFactsUpdate },
  'organisation-places': { create: null, update: ZOrganisationPlaceUpdate },
  'steering-groups': { create: ZSteeringGroupCreate, update: ZSteeringGroupUpdate },
  'steering-group-members': { create: ZSteeringGroupMemberCreate, update: ZSteeringGroupMemberUpdate },
  meetings: { create: ZMeetingCreate, update: ZMeetingUpdate },
  'agenda-items': { create: ZAgendaItemCreate, update: ZAgendaItemUpdate },
  'meeting-decisions': { create: ZDecisionCreate, update: ZDecisionUpdate },
} as const;

export type WritableCollection = keyof typeof WRITE_INPUTS;
export type Creatable = {
  [C in WritableCollection]: (typeof WRITE_INPUTS)[C]['create'] extends null ? never : C;
}[WritableCollection];
/** What a form sends to create a record of the collection (before the server's trimming). */
export type CreateInputOf<C extends Creatable> = z.input<NonNullable<(typeof WRITE_INPUTS)[C]['create']>>;
/** What a form sends to change a record of the collection: any of its fields, each optional. */
export type UpdateInputOf<C extends WritableCollection> = z.input<(typeof WRITE_INPUTS)[C]['update']>;
/** The field names a form for the collection may send. */
export type InputFieldOf<C extends WritableCollection> = keyof UpdateInputOf<C> & string;
/** The fields a create form for the collection may send. */
export type CreateFieldOf<C extends Creatable> = keyof CreateInputOf<C> & string;
/** A field an edit form both shows (the record has it) and sends (the update takes it). */
export type FormFieldOf<C extends WritableCollection & RecordCollection> = keyof RecordOf<C> & InputFieldOf<C>;
/** A field that both the create form and the edit form of the collection show and send. */
export type SharedFieldOf<C extends Creatable & RecordCollection> = FormFieldOf<C> & CreateFieldOf<C>;
