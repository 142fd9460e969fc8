/**
 * The open-data export: the whole published dataset in one JSON document, versioned.
 *
 * Shaped so that 360Giving and IATI users recognise it: activities with participating organisations
 * and their roles (IATI `participating-org`: funding, accountable, extending, implementing), group
 * projects as parent activities with their member projects as related child activities (IATI
 * `related-activity` types 1 and 2), organisations with an org-id identifier (`FI-PRO-<Y-tunnus>`, the
 * org-id.guide prefix for the Finnish Patent and Registration Office) and amounts awarded, committed
 * and disbursed as in 360Giving's `amountAwarded` / `amountDisbursed`. All amounts are integer euro
 * cents. Changing a field's meaning or removing one is a new major version; adding one is a minor.
 *
 * 1.1 adds the calls, the themes' key figures and activity figures, the steering groups (without
 * their members: names of people are personal data) and the published minutes (agenda and
 * decisions, without who attended). Each collection is also offered as a table on its own, in
 * euros (documents/open-data-tables.ts), described for catalogues in DCAT-AP.
 *
 * 1.2 adds how sure each fact is (issue 15): a theme's ministries with their role where a source
 * says so and the reasoning where one was inferred; an amount's precision (rounded, approximate, the
 * source's own words such as "ei vielä" or "noin 3,5 milj. €") for the finance snapshots and the
 * calls; a project's inferred period with its reasoning, its funding decision's date and its dated
 * status changes; whether an implementer's role is stated; an organisation's county where it is
 * inferred. Contacts stay out, validity and all: they are people (docs/open-data.md).
 */
import { z } from 'zod';

export const OPEN_DATA_SCHEMA_VERSION = '1.2';

const ZText = z.object({ fi: z.string(), sv: z.string().nullable(), en: z.string().nullable() });
const ZDates = z.object({ start: z.string().nullable(), end: z.string().nullable() });
/** A value no source states but that was inferred from what one does: the reasoning, with its citation. */
const ZInferred = z
  .object({ reason: z.string().describe('Why the value was inferred, quoting the source it rests on') })
  .nullable();
/** The four figures of a snapshot or the money of a call, by the field names used here. */
const ZAsWritten = z
  .record(z.string(), z.string())
  .describe('The source\'s own words kept with an amount, by field: "ei vielä" (0 € so far), "noin 3,5 milj. €"');

export const ZOpenOrganisation = z.object({
  id: z.string().describe('Stable identifier within this dataset'),
  orgIdentifier: z
    .string()
    .nullable()
    .describe('org-id.guide identifier, FI-PRO-<business ID>, when the business ID is known'),
  businessId: z.string().nullable(),
  name: ZText,
  type: z.string().nullable(),
  municipality: z.string().nullable().describe('Official municipality number'),
  county: z.string().nullable().describe('Wellbeing services county id'),
  countyInferred: ZInferred.describe(
    "Set where the county is not the municipality's but inferred (a county's own organisation)",
  ),
});

export const ZOpenParticipant = z.object({
  ref: z.string().describe('organisations[].id, or a ministry code for funding organisations'),
  role: z.enum(['funding', 'accountable', 'extending', 'implementing', 'partner']),
  lead: z.boolean().describe('True for the main implementer (päätoteuttaja), where a source says so'),
  implementerRole: z
    .enum(['main', 'sub', 'not_stated'])
    .nullable()
    .describe('implementing only: main or sub where a source says so, else not_stated; null for other roles'),
});

export const ZOpenActivity = z.object({
  id: z.string(),
  identifiers: z.array(z.string()).describe('Project codes as the programme issues them (S30068, R-01402, 205677)'),
  hierarchy: z
    .enum(['single', 'group', 'member'])
    .describe('single project, group project (parent) or a member project of a group (child)'),
  relatedActivities: z.array(z.object({ type: z.enum(['parent', 'child']), ref: z.string() })),
  title: ZText,
  theme: z.string().describe('themes[].id'),
  status: z.string().nullable(),
  activityType: z.string().nullable(),
  plannedDates: ZDates,
  plannedDatesInferred: z
    .object({ start: ZInferred, end: ZInferred })
    .describe('The reasoning where a planned date is inferred, not stated ("toimikausi päättyy vuoden lopussa")'),
  decidedOn: z
    .string()
    .nullable()
    .describe('Date of the funding decision, of reduced precision where the source gives only a month'),
  statusHistory: z
    .array(z.object({ status: z.string(), from: z.string() }))
    .describe('Dated status changes as the sources give them, oldest first'),
  amountPlanned: z.number().int().nullable().describe('Cost estimate (kustannusarvio), cents'),
  amountPlannedRounded: z.boolean(),
  website: z.string().nullable(),
  participatingOrganisations: z.array(ZOpenParticipant),
});

export const ZOpenFinance = z.object({
  asOf: z.string(),
  budget: z.number().int().nullable().describe('Funding frame (julkinen rahoituskehys)'),
  amountReserved: z.number().int().nullable().describe('Reservations (varaukset)'),
  amountAwarded: z
    .number()
    .int()
    .nullable()
    .describe('Committed grant authority (sidotut valtuudet): funding decisions made'),
  amountDisbursed: z.number().int().nullable().describe('Paid costs (maksetut kustannukset)'),
  rounded: z.array(z.string()).describe('Fields the source gives only rounded'),
  approximate: z.array(z.string()).describe('Fields the source gives only approximately ("noin")'),
  asWritten: ZAsWritten,
  budgetByFundingOrganisation: z.array(z.object({ ref: z.string(), amount: z.number().int() })),
});

export const ZOpenTheme = z.object({
  id: z.string(),
  title: ZText,
  specificObjectives: z.array(z.string()),
  plannedDates: ZDates,
  fundingOrganisations: z.array(z.string()).describe('Ministry codes: TEM, OKM, STM'),
  fundingOrganisationRoles: z
    .array(
      z.object({
        ref: z.string().describe('fundingOrganisations[].id'),
        role: z
          .enum(['lead', 'partner'])
          .nullable()
          .describe('lead or partner where a source says so; null: not stated'),
        inferred: ZInferred.describe('Set where no source names the ministry and it was inferred'),
      }),
    )
    .describe('Each ministry of the theme, in the order of fundingOrganisations'),
  intermediateBody: z.string().nullable(),
  finance: z.array(ZOpenFinance).describe('Every snapshot, oldest first'),
});

export const ZOpenCall = z.object({
  id: z.string(),
  theme: z.string().describe('themes[].id'),
  title: ZText,
  kind: z.string().nullable().describe('open, targeted or restricted call, as the programme names it'),
  specificObjectives: z.array(z.string()),
  opens: z.string().nullable(),
  closes: z.string().nullable(),
  budget: z.number().int().nullable().describe('Money announced for the call, cents'),
  budgetRounded: z.boolean(),
  budgetApproximate: z.boolean(),
  applications: z.number().int().nullable(),
  applicationEntities: z.number().int().nullable(),
  eligibleEntities: z.number().int().nullable(),
  fundedEntities: z.number().int().nullable(),
  amountAwarded: z.number().int().nullable().describe('Granted, cents'),
  amountAwardedRounded: z.boolean(),
  amountAwardedApproximate: z.boolean(),
  leftOver: z.number().int().nullable().describe('Left over after the decisions, cents'),
  leftOverRounded: z.boolean(),
  leftOverApproximate: z.boolean(),
  asWritten: ZAsWritten,
});

export const ZOpenKeyFigures = z.object({
  theme: z.string().describe('themes[].id'),
  projectEntities: z.number().int(),
  singleImplementerEntities: z.number().int(),
  groupProjects: z.number().int(),
  projects: z.number().int(),
  implementers: z.number().int().describe('Distinct implementer organisations'),
  byMinistry: z.record(z.string(), z.number().int()).describe("Entities per ministry's grant authority, or joint"),
  byOrganisationType: z.record(z.string(), z.number().int()).describe('Distinct implementers per organisation type'),
  bySector: z.record(z.string(), z.number().int()).describe('Entities per sector'),
});

export const ZOpenActivityFigure = z.object({
  id: z.string(),
  theme: z.string().describe('themes[].id'),
  label: ZText,
  value: z.number(),
  unit: z.string().nullable(),
  period: ZDates,
});

export const ZOpenSteeringGroup = z.object({
  id: z.string(),
  name: ZText,
  themes: z.array(z.string()).describe('themes[].id'),
  term: ZDates,
  diaryNumber: z.string().nullable(),
});

export const ZOpenMinutes = z.object({
  id: z.string(),
  steeringGroup: z.string().describe('steeringGroups[].id'),
  number: z.string(),
  date: z.string(),
  publishedAt: z.string().nullable(),
  agenda: z.array(
    z.object({
      number: z.number().int(),
      title: z.string(),
      titleSv: z.string().nullable(),
      decision: z.string().nullable(),
    }),
  ),
  decisions: z.array(
    z.object({ kind: z.enum(['decision', 'action']), text: z.string(), dueDate: z.string().nullable() }),
  ),
});

export const ZOpenDataset = z.object({
  schemaVersion: z.literal(OPEN_DATA_SCHEMA_VERSION),
  generatedAt: z.string(),
  publisher: z.object({ name: z.string(), programme: z.string() }),
  currency: z.literal('EUR'),
  amountUnit: z.literal('cents'),
  fundingOrganisations: z.array(z.object({ id: z.string(), name: ZText })),
  themes: z.array(ZOpenTheme),
  organisations: z.array(ZOpenOrganisation),
  activities: z.array(ZOpenActivity),
  calls: z.array(ZOpenCall),
  keyFigures: z.array(ZOpenKeyFigures).describe("Each theme's key figures, computed from its projects"),
  activityFigures: z.array(ZOpenActivityFigure).describe('Figures the themes report: events, participants…'),
  steeringGroups: z.array(ZOpenSteeringGroup),
  publishedMinutes: z.array(ZOpenMinutes),
});

export type OpenDataset = z.infer<typeof ZOpenDataset>;
export type OpenActivity = z.infer<typeof ZOpenActivity>;
export type OpenOrganisation = z.infer<typeof ZOpenOrganisation>;
export type OpenTheme = z.infer<typeof ZOpenTheme>;
export type OpenCall = z.infer<typeof ZOpenCall>;
export type OpenKeyFigures = z.infer<typeof ZOpenKeyFigures>;
export type OpenActivityFigure = z.infer<typeof ZOpenActivityFigure>;
export type OpenSteeringGroup = z.infer<typeof ZOpenSteeringGroup>;
export type OpenMinutes = z.infer<typeof ZOpenMinutes>;
