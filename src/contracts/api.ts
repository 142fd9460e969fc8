/**
 * The public read API's contracts (/api/v1). Shared by the server (validation, OpenAPI) and the web
 * application. Amounts are integer euro cents; dates are ISO 8601 strings (period dates may be
 * reduced precision: "2021", "2021-10").
 */
import { z } from 'zod';
import { ZCalendarDate, ZCursor } from './input.js';
import { MINISTRIES } from '../domain/figures.js';
import { GLOBAL_CAPABILITIES, GROUP_CAPABILITIES, THEME_CAPABILITIES } from '../domain/capabilities.js';

export const ZMinistry = z.enum(MINISTRIES).meta({ id: 'Ministry', description: 'Responsible ministry' });

export const ZLocalizedText = z.object({ fi: z.string(), sv: z.string().nullable(), en: z.string().nullable() }).meta({
  id: 'LocalizedText',
  description: 'Text in Finnish, with Swedish and English where known (null = not given)',
});

/** A value no source states but that was inferred from what one does: shown apart from stated values. */
export const ZInferred = z
  .object({ reason: z.string().describe('The reasoning, with the words it rests on and where they stand') })
  .meta({ id: 'Inferred' });

export const ZPeriod = z
  .object({
    start: z.string().nullable().describe('ISO 8601 date, possibly reduced precision ("2021", "2021-10")'),
    end: z.string().nullable(),
    text: z.string().nullable().describe('The period as the source document writes it'),
    inferred: z
      .object({ start: ZInferred.nullable(), end: ZInferred.nullable() })
      .optional()
      .describe('Present where the start or the end is inferred, not stated ("toimikausi päättyy vuoden lopussa")'),
  })
  .meta({ id: 'Period' });

export const ZPrecision = z.enum(['exact', 'rounded', 'approximate']).meta({ id: 'Precision' });

export const ZFinanceWarning = z
  .object({
    code: z.string(),
    field: z.string(),
    message: z.string().describe('In the language of the request'),
  })
  .meta({ id: 'FinanceWarning' });

export const ZFinance = z
  .object({
    asOf: z.string().describe('Date the figures are as of (YYYY-MM-DD)'),
    frame: z.number().int().nullable().describe('a) julkinen rahoituskehys, cents'),
    reserved: z.number().int().nullable().describe('b) varaukset, cents'),
    committed: z.number().int().nullable().describe('c) sidotut valtuudet, cents'),
    paid: z.number().int().nullable().describe('d) maksetut kustannukset, cents'),
    rounded: z
      .object({ frame: z.boolean(), reserved: z.boolean(), committed: z.boolean(), paid: z.boolean() })
      .describe('True where the source gives the figure only rounded (e.g. "13,6 M€")'),
    precision: z
      .object({ frame: ZPrecision, reserved: ZPrecision, committed: ZPrecision, paid: ZPrecision })
      .describe('exact, rounded ("13,6 M€") or approximate ("noin 3,5 milj. €"); shown "≈" unless exact'),
    asWritten: z
      .object({
        frame: z.string().nullable(),
        reserved: z.string().nullable(),
        committed: z.string().nullable(),
        paid: z.string().nullable(),
      })
      .describe('The source\'s own words kept with an amount ("ei vielä" for 0 € so far), or null'),
    frameByMinistry: z.array(z.object({ ministry: ZMinistry, amount: z.number().int(), rounded: z.boolean() })),
    utilisation: z.object({
      reservedOfFrame: z.number().nullable(),
      committedOfFrame: z.number().nullable(),
      paidOfCommitted: z.number().nullable(),
      leftToReserve: z.number().int().nullable().describe('frame − reserved, cents'),
    }),
    warnings: z.array(ZFinanceWarning).describe('Breaks of frame ≥ reserved ≥ committed ≥ paid ≥ 0'),
    note: z.string().nullable(),
  })
  .meta({ id: 'Finance' });

export const ZFinanceSnapshot = ZFinance.extend({
  id: z.number().int(),
  kind: z
    .enum(['entry', 'correction', 'withdrawal'])
    .describe('A correction replaces the entry it supersedes; a withdrawal removes it and has no figures'),
  supersedes: z.number().int().nullable().describe('The entry this one corrects or withdraws'),
  supersededBy: z.number().int().nullable().describe('The correction or withdrawal that replaced this entry'),
  current: z.boolean().describe("True for the one entry whose figures are the theme's figures now"),
  confirmation: z
    .object({
      checks: z.array(z.string()).describe('"code:field" of each check confirmed, e.g. "large_change:reserved"'),
      reason: z.string(),
    })
    .nullable()
    .describe('Checks the recorder confirmed when saving (who and when: recordedBy, recordedAt), and why'),
  reason: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  source: z.string().nullable(),
}).meta({ id: 'FinanceSnapshot' });

export const ZThemeSummary = z
  .object({
    slug: z.string(),
    order: z.number().int().nullable(),
    name: ZLocalizedText,
    shortName: z.string().nullable(),
    ministries: z.array(ZMinistry),
    ministryRoles: z
      .array(
        z.object({
          ministry: ZMinistry,
          role: z
            .enum(['lead', 'partner'])
            .nullable()
            .describe('lead (vastuuministeriö) or partner (kumppani) where a source says so; null: not stated'),
          inferred: ZInferred.nullable().describe('Set where no source names the ministry and it was inferred'),
        }),
      )
      .describe("Each of the theme's ministries with its role, in the order of `ministries`"),
    specificObjectives: z.array(z.string()),
    period: ZPeriod,
    finance: ZFinance.nullable().describe(
      'The current entry of the four figures (the latest-dated one not corrected or withdrawn); null when none',
    ),
  })
  .meta({ id: 'ThemeSummary' });

export const ZContact = z
  .object({
    role: z.enum(['coordination', 'financier', 'ministry']),
    name: z.string(),
    title: z.string().nullable(),
    organisation: z.string().nullable(),
    ministry: ZMinistry.nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    // Optional: report headers frozen before these existed do not carry them.
    validFrom: z
      .string()
      .nullable()
      .optional()
      .describe('From when the contact holds the role ("1.4.2025 lähtien"), where given'),
    validTo: z.string().nullable().optional().describe('Until when ("31.3.2025 saakka"), where given'),
    absence: z
      .enum(['on_leave'])
      .nullable()
      .optional()
      .describe('"virkavapaalla": on leave; null: not absent as far as known'),
  })
  .meta({ id: 'Contact' });

export const ZThemeDetail = ZThemeSummary.extend({
  intermediateBody: z.string().nullable(),
  statedProjectCount: z.number().int().nullable(),
  contacts: z.array(ZContact.extend({ id: z.number().int().describe('For the write API: /api/v1/contacts/{id}') })),
  contentAreas: z.array(
    z.object({
      id: z.number().int().describe('For the write API: /api/v1/content-areas/{id}'),
      key: z.string(),
      name: ZLocalizedText,
    }),
  ),
  links: z.array(
    z.object({
      id: z.number().int().describe('For the write API: /api/v1/theme-links/{id}'),
      url: z.string(),
      title: z.string().nullable(),
    }),
  ),
  financeHistory: z
    .array(ZFinanceSnapshot)
    .describe('Every entry, newest as-of date first, corrected and withdrawn ones too; nothing is overwritten'),
  financeHead: z
    .number()
    .int()
    .nullable()
    .describe('The last entry recorded: send it as basedOnSnapshot with the next entry'),
  activityFigures: z.array(
    z.object({
      id: z.number().int().describe('For the write API: /api/v1/activity-figures/{id}'),
      key: z.string(),
      label: ZLocalizedText,
      value: z.number(),
      unit: z.string().nullable(),
      period: ZPeriod,
    }),
  ),
  source: z.string().nullable(),
}).meta({ id: 'ThemeDetail' });

export const ZCountyCount = z.object({ implementers: z.number().int(), partners: z.number().int() });

export const ZThemeFigures = z
  .object({
    theme: z.string(),
    projectEntities: z.number().int(),
    singleImplementerEntities: z.number().int(),
    groupProjects: z.number().int(),
    projects: z.number().int(),
    implementers: z.number().int().describe('Distinct implementing organisations'),
    byMinistry: z
      .record(z.string(), z.number().int())
      .describe('Entities per funding ministry; "joint" for several, "unknown" for none recorded'),
    byOrganisationType: z
      .record(z.string(), z.number().int())
      .describe('Distinct implementers per organisation type; "unknown" where not known'),
    byCounty: z
      .record(z.string(), ZCountyCount)
      .describe('Distinct organisations per wellbeing services county id; "unknown" where not known'),
    countiesWithoutImplementers: z.array(z.object({ id: z.string(), name: ZLocalizedText })),
    bySector: z.record(z.string(), z.number().int()),
    partners: z.number().int().describe('Distinct partner organisations'),
    entitiesWithoutSector: z.number().int().describe('Entities with no sector recorded'),
  })
  .meta({ id: 'ThemeFigures' });

export const ZOrganisationRef = z
  .object({ key: z.string(), name: ZLocalizedText, type: z.string().nullable() })
  .meta({ id: 'OrganisationRef' });

export const ZProject = z
  .object({
    code: z.string().nullable(),
    role: z
      .enum(['main', 'sub', 'not_stated'])
      .describe('main (päätoteuttaja) or sub (osatoteuttaja) where a source says so, else not_stated'),
    implementer: ZOrganisationRef,
    costEstimate: z.number().int().nullable(),
  })
  .meta({ id: 'Project' });

export const ZProjectEntity = z
  .object({
    key: z.string(),
    kind: z.enum(['single', 'group']),
    groupCode: z.string().nullable(),
    codes: z.array(z.string()).describe('The group code and every project code'),
    name: ZLocalizedText,
    theme: z.object({ slug: z.string(), name: ZLocalizedText }),
    type: z.string().nullable(),
    status: z.string().nullable(),
    decidedOn: z
      .string()
      .nullable()
      .describe(
        'Date of the funding decision, possibly reduced precision ("2024-11"); a review counts entities decided by its cut-off',
      ),
    period: ZPeriod,
    costEstimate: z.number().int().nullable(),
    costEstimateRounded: z.boolean(),
    website: z.string().nullable(),
    ministries: z.array(ZMinistry),
    projects: z.array(ZProject),
    partners: z.array(ZOrganisationRef),
  })
  .meta({ id: 'ProjectEntity' });

export const ZProjectEntityDetail = ZProjectEntity.extend({
  call: z.object({ key: z.string(), name: ZLocalizedText }).nullable(),
  contentArea: z.object({ key: z.string(), name: ZLocalizedText }).nullable(),
  sectors: z.array(z.string()),
  statusHistory: z
    .array(z.object({ status: z.string(), from: z.string(), source: z.string().nullable() }))
    .describe('Dated status changes, oldest first'),
  source: z.string().nullable(),
}).meta({ id: 'ProjectEntityDetail' });

export const ZPage = z
  .object({
    total: z.number().int().describe('Matching items in all pages'),
    limit: z.number().int(),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page'),
  })
  .meta({ id: 'Page' });

export const ZPagedProjects = z.object({ items: z.array(ZProjectEntity), page: ZPage });

const ZLimit = z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (1–200)');
const ZOptionalCursor = ZCursor.optional();
const ZSearchText = z.string().trim().min(1).max(200);

export const PROJECT_SORTS = ['name', '-name', 'cost', '-cost', 'start', '-start'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export const ZProjectQuery = z
  .object({
    theme: z.string().max(100).optional().describe('Theme slug'),
    status: z.enum(['applied', 'negotiation', 'granted', 'running', 'ended']).optional(),
    organisation: z.string().max(200).optional().describe('Organisation key: entities where it implements or partners'),
    code: z.string().max(50).optional().describe('A project or group project code (exact)'),
    q: ZSearchText.optional().describe('Free text: name, codes, implementers'),
    ministry: ZMinistry.optional().describe("Entities funded from this ministry's grant authority (alone or jointly)"),
    county: z
      .string()
      .regex(/^([A-Z]{2}|helsinki)$/)
      .optional()
      .describe('Wellbeing services county id ("PI", or "helsinki"): entities with an implementer or partner there'),
    sector: z
      .string()
      .max(100)
      .regex(/^[a-z0-9-]+$/)
      .optional()
      .describe('Sector or service key; a sector ("education") also matches the services under it'),
    year: z.coerce
      .number()
      .int()
      .min(2000)
      .max(2100)
      .optional()
      .describe('Entities whose period overlaps this year; entities with no known start or end are left out'),
    sort: z
      .enum(PROJECT_SORTS)
      .default('name')
      .describe(
        'Order: name, cost (cost estimate) or start (period start); a leading "-" reverses it. Unknown values come last',
      ),
    limit: ZLimit,
    cursor: ZOptionalCursor,
  })
  .strict();

/** Where a value came from: typed in by a person, or taken from the register (YTJ) at an instant. */
export const ZFieldSource = z.object({
  source: z.enum(['person', 'register']),
  at: z.string(),
  register: z.object({ name: z.string(), businessId: z.string() }).optional(),
});
/** Per field of the organisation form (`name.fi`, `name.sv`, `businessId`, `type`, `municipality`). */
export const ZFieldSources = z
  .object({
    'name.fi': ZFieldSource.optional(),
    'name.sv': ZFieldSource.optional(),
    businessId: ZFieldSource.optional(),
    type: ZFieldSource.optional(),
    municipality: ZFieldSource.optional(),
  })
  .meta({ id: 'OrganisationFieldSources' });

export const ZOrganisation = ZOrganisationRef.extend({
  businessId: z.string().nullable(),
  municipality: z.object({ code: z.string(), name: ZLocalizedText }).nullable(),
  /**
   * The wellbeing services county the organisation is in: its own where it has one (a wellbeing
   * services county organisation is in its own county, `basis: 'own'`), else its municipality's.
   */
  county: z.object({ id: z.string(), name: ZLocalizedText, basis: z.enum(['own', 'municipality']) }).nullable(),
}).meta({ id: 'Organisation' });

export const ZOrganisationDetail = ZOrganisation.extend({
  sources: ZFieldSources,
  roles: z.array(
    z.object({
      entity: z.object({ key: z.string(), name: ZLocalizedText, kind: z.enum(['single', 'group']) }),
      theme: z.object({ slug: z.string(), name: ZLocalizedText }),
      role: z.enum(['main', 'sub', 'not_stated', 'partner']),
      code: z.string().nullable(),
    }),
  ),
}).meta({ id: 'OrganisationDetail' });

export const ZOrganisationQuery = z
  .object({
    q: ZSearchText.optional().describe('Free text: name, business ID'),
    type: z.string().max(50).optional(),
    limit: ZLimit,
    cursor: ZOptionalCursor,
  })
  .strict();

export const ZPagedOrganisations = z.object({ items: z.array(ZOrganisation), page: ZPage });

const ZFigureTotal = z.object({
  cents: z.number().int(),
  unknown: z.number().int().describe('Themes without this figure: the total is then a lower bound'),
  approximate: z.boolean().describe('A summed figure is rounded or approximate'),
});

/** One theme as the overview page shows it; the rest comes with the theme (`/api/v1/themes/{slug}`). */
export const ZOverviewTheme = z
  .object({
    slug: z.string(),
    name: ZLocalizedText,
    shortName: z.string().nullable(),
    ministries: z.array(ZMinistry),
    finance: z
      .object({
        asOf: z.string(),
        frame: z.number().int().nullable(),
        reserved: z.number().int().nullable(),
        committed: z.number().int().nullable(),
        paid: z.number().int().nullable(),
        rounded: z.object({ frame: z.boolean(), reserved: z.boolean(), committed: z.boolean(), paid: z.boolean() }),
        reservedOfFrame: z.number().nullable(),
        leftToReserve: z.number().int().nullable(),
        warnings: z.number().int().describe('How many order warnings the current entry has'),
      })
      .nullable(),
  })
  .meta({ id: 'OverviewTheme' });

export const ZOverview = z
  .object({
    items: z.array(ZOverviewTheme),
    totals: z
      .object({ frame: ZFigureTotal, reserved: ZFigureTotal, committed: ZFigureTotal, paid: ZFigureTotal })
      .describe('The national totals over every theme that matches, not only this page'),
    themesWithFinance: z.number().int().describe('Matching themes that have figures'),
    page: ZPage,
  })
  .meta({ id: 'Overview' });

export const ZOverviewQuery = z
  .object({
    ministry: ZMinistry.optional(),
    specificObjective: z
      .string()
      .regex(/^\d\.\d$/)
      .optional()
      .describe('e.g. 4.1'),
    limit: z.coerce.number().int().min(1).max(500).default(100).describe('Themes per page (1–500)'),
    cursor: ZOptionalCursor,
  })
  .strict();

export type Overview = z.infer<typeof ZOverview>;
export type OverviewTheme = z.infer<typeof ZOverviewTheme>;

export const ZCall = z
  .object({
    key: z.string(),
    theme: z.object({ slug: z.string(), name: ZLocalizedText }),
    name: ZLocalizedText,
    kind: z.string().nullable(),
    specificObjectives: z.array(z.string()),
    opens: z.string().nullable(),
    closes: z.string().nullable(),
    status: z
      .enum(['upcoming', 'open', 'closed', 'closing_unknown', 'unknown'])
      .describe("Where the call stands on Helsinki's today, from its dates (domain/calls.ts)"),
    budget: z.number().int().nullable(),
    applications: z.number().int().nullable(),
    applicationEntities: z.number().int().nullable(),
    eligibleEntities: z.number().int().nullable(),
    fundedEntities: z.number().int().nullable(),
    granted: z.number().int().nullable(),
    leftOver: z.number().int().nullable(),
    precision: z
      .object({ budget: ZPrecision, granted: ZPrecision, leftOver: ZPrecision })
      .describe('exact, rounded ("5 miljoonaa") or approximate ("noin 3,5 milj. €"); shown "≈" unless exact'),
    asWritten: z
      .object({ budget: z.string().nullable(), granted: z.string().nullable(), leftOver: z.string().nullable() })
      .describe("The source's own words kept with an approximate amount, or null"),
    note: z.string().nullable(),
  })
  .meta({ id: 'Call' });

export const ZThemeFiguresQuery = z
  .object({
    asOf: ZCalendarDate.optional().describe(
      "Count only the entities decided by this date (a review's cut-off, e.g. 2024-10-31); decisions of unknown date count",
    ),
  })
  .strict();

export const ZCallQuery = z.object({ theme: z.string().max(100).optional() }).strict();

export const ZThemeQuery = z
  .object({
    ministry: ZMinistry.optional(),
    specificObjective: z
      .string()
      .regex(/^\d\.\d$/)
      .optional()
      .describe('e.g. 4.1'),
  })
  .strict();

export const ZSlugParams = z.object({ slug: z.string().max(100) });
export const ZKeyParams = z.object({ key: z.string().max(200) });

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          name: z.string().describe('The parameter or field'),
          reason: z.string(),
          code: z.string().optional().describe('A stable code of the rule broken, e.g. "reserved_exceeds_frame"'),
          confirmable: z
            .boolean()
            .optional()
            .describe('True when the write goes through if resent with this code confirmed and a reason'),
        }),
      )
      .optional(),
    currentVersion: z.number().int().optional().describe('With 409: the version now stored'),
    retryAfter: z.number().int().optional().describe('With 429: seconds to wait before the next attempt'),
    current: z.unknown().optional().describe('With 409: the record as now stored'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export type ThemeSummary = z.infer<typeof ZThemeSummary>;
export type ThemeDetail = z.infer<typeof ZThemeDetail>;
export type Finance = z.infer<typeof ZFinance>;
export type ThemeFigures = z.infer<typeof ZThemeFigures>;
export type ProjectEntity = z.infer<typeof ZProjectEntity>;
export type ProjectEntityDetail = z.infer<typeof ZProjectEntityDetail>;
export type Organisation = z.infer<typeof ZOrganisation>;
export type OrganisationDetail = z.infer<typeof ZOrganisationDetail>;
export type Call = z.infer<typeof ZCall>;
export type Problem = z.infer<typeof ZProblem>;
export type ProjectQuery = z.infer<typeof ZProjectQuery>;
export type PagedProjects = z.infer<typeof ZPagedProjects>;
export type PagedOrganisations = z.infer<typeof ZPagedOrganisations>;

// ---- Access: sign-in, session, users -------------------------------------------------------

export const ZRole = z
  .enum([
    'admin',
    'ministry_official',
    'finance_expert',
    'theme_coordinator',
    'steering_group_secretary',
    'steering_group_member',
  ])
  .meta({ id: 'Role' });

export const ZRoleAssignment = z
  .object({
    role: ZRole,
    ministry: ZMinistry.nullable().describe('Scope of a ministry official'),
    theme: z.string().nullable().describe('Theme slug: scope of a finance expert or theme coordinator'),
    steeringGroup: z.string().nullable().describe('Steering group key: scope of a secretary or member'),
  })
  .meta({ id: 'RoleAssignment' });

/**
 * What the signed-in person may do, computed by the server from `can()` (domain/capabilities.ts):
 * the web offers exactly these actions and keeps no role rules of its own.
 */
export const ZSessionCapabilities = z
  .object({
    global: z.array(z.enum(GLOBAL_CAPABILITIES)).describe('Allowed whatever the record'),
    themes: z
      .record(z.string(), z.array(z.enum(THEME_CAPABILITIES)))
      .describe('By theme slug; themes with nothing allowed are left out'),
    steeringGroups: z
      .record(z.string(), z.array(z.enum(GROUP_CAPABILITIES)))
      .describe('By steering group key; groups with nothing allowed are left out'),
  })
  .strict()
  .meta({ id: 'SessionCapabilities' });

export const ZSession = z
  .object({
    user: z.object({ username: z.string(), displayName: z.string() }),
    roles: z.array(ZRoleAssignment),
    capabilities: ZSessionCapabilities,
    csrfToken: z.string().describe('Send as X-CSRF-Token with every write'),
    expiresAt: z.string().optional(),
    passwordChangeRequired: z
      .boolean()
      .describe('Signed in with a temporary password: no write but changing it is accepted until it is changed'),
  })
  .meta({ id: 'Session' });

export const ZSignIn = z
  .object({ username: z.string().trim().min(1).max(200), password: z.string().min(1).max(1000) })
  .strict();

export const ZPasswordChange = z
  .object({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().min(1).max(1000) })
  .strict();

export const ZNewUser = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .min(3)
      .max(200)
      .regex(/^[a-z0-9._@-]+$/),
    displayName: z.string().trim().min(1).max(200),
    email: z.string().trim().email().max(320).nullable().optional(),
    password: z.string().min(1).max(1000).optional().describe('Omit for single sign-on users'),
    roles: z
      .array(ZRoleAssignment.partial({ ministry: true, theme: true, steeringGroup: true }))
      .max(50)
      .default([]),
  })
  .strict();

export const ZUser = z
  .object({
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    roles: z.array(ZRoleAssignment),
    singleSignOn: z.boolean(),
    signInDelayedUntil: z
      .string()
      .nullable()
      .describe('While guesses at this account are being slowed down: when the next attempt is evaluated'),
    disabled: z.boolean(),
    demo: z.boolean(),
  })
  .meta({ id: 'User' });

export const ZPasswordReset = z
  .object({
    newPassword: z
      .string()
      .min(1)
      .max(1000)
      .optional()
      .describe('Omit to have a temporary password made up and returned once'),
  })
  .strict();

export const ZTemporaryPassword = z
  .object({ temporaryPassword: z.string().describe('Shown once; hand it to the person over a safe channel') })
  .meta({ id: 'TemporaryPassword' });

export const ZUserDisabled = z.object({ disabled: z.boolean() }).strict();

export const ZEndRoleAssignment = ZRoleAssignment.partial({
  ministry: true,
  theme: true,
  steeringGroup: true,
}).strict();
export const ZUsernameParams = z.object({ username: z.string().max(200) });

export const ZKeyFigureSlide = z.object({
  key: z.enum(['entities', 'implementers', 'ministries', 'sectors', 'organisation-types', 'counties']),
  title: z.string(),
  summary: z.string(),
  valueLabel: z.string(),
  secondLabel: z.string().optional(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      value: z.number().int(),
      second: z.number().int().optional(),
      group: z.string().optional(),
    }),
  ),
  unknown: z
    .object({ count: z.number().int(), text: z.string(), fillIn: z.enum(['ministries', 'sectors', 'organisations']) })
    .optional(),
  none: z.object({ title: z.string(), names: z.array(z.string()) }).optional(),
});

export const ZKeyFigureDeck = z
  .object({
    language: z.enum(['fi', 'sv', 'en']),
    theme: z.object({ slug: z.string(), name: z.string() }),
    service: z.string(),
    euCoFunding: z.string(),
    attribution: z.string(),
    slides: z.array(ZKeyFigureSlide),
  })
  .meta({ id: 'KeyFigureDeck' });
export type KeyFigureDeck = z.infer<typeof ZKeyFigureDeck>;

export const ZKeyFiguresAcrossThemes = z
  .object({
    themes: z.array(
      z.object({ slug: z.string(), name: z.string(), shortName: z.string().nullable(), figures: ZThemeFigures }),
    ),
    national: ZThemeFigures.describe('Every theme together: each organisation counted once'),
    counties: z.array(z.object({ id: z.string(), name: z.object({ fi: z.string(), sv: z.string() }) })),
  })
  .meta({ id: 'KeyFiguresAcrossThemes' });
export type KeyFiguresAcrossThemes = z.infer<typeof ZKeyFiguresAcrossThemes>;
