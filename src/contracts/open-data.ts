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
 */
import { z } from 'zod';

export const OPEN_DATA_SCHEMA_VERSION = '1.0';

const ZText = z.object({ fi: z.string(), sv: z.string().nullable(), en: z.string().nullable() });
const ZDates = z.object({ start: z.string().nullable(), end: z.string().nullable() });

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
});

export const ZOpenParticipant = z.object({
  ref: z.string().describe('organisations[].id, or a ministry code for funding organisations'),
  role: z.enum(['funding', 'accountable', 'extending', 'implementing', 'partner']),
  lead: z.boolean().describe('True for the main implementer (päätoteuttaja)'),
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
  budgetByFundingOrganisation: z.array(z.object({ ref: z.string(), amount: z.number().int() })),
});

export const ZOpenTheme = z.object({
  id: z.string(),
  title: ZText,
  specificObjectives: z.array(z.string()),
  plannedDates: ZDates,
  fundingOrganisations: z.array(z.string()).describe('Ministry codes: TEM, OKM, STM'),
  intermediateBody: z.string().nullable(),
  finance: z.array(ZOpenFinance).describe('Every snapshot, oldest first'),
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
});

export type OpenDataset = z.infer<typeof ZOpenDataset>;
export type OpenActivity = z.infer<typeof ZOpenActivity>;
export type OpenOrganisation = z.infer<typeof ZOpenOrganisation>;
export type OpenTheme = z.infer<typeof ZOpenTheme>;
