/**
 * The reviewable source dataset (data/2024/*.json): facts taken from the seed documents, each record
 * saying where in which seed it comes from. The loader (src/db/load-dataset.ts) turns these files into
 * database rows; the dataset test (test/dataset.test.ts) checks them against the seed text.
 *
 * Rule: invent nothing. What the seed does not state is `null` (shown as unknown), never guessed.
 */
import { z } from 'zod';
import { MINISTRIES } from '../domain/figures.js';

/** Where a record comes from: a seed file id ("000", "001", …) and the 1-based line range in it. */
export const ZSourceRef = z.object({
  seed: z.enum(['000', '001', '002', '003']),
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
});

/**
 * An amount as the seed writes it. `text` is copied verbatim from the seed (so a test can find it
 * there and re-parse it); `cents` is the one exact value we hold; `rounded` is true when the seed gives
 * the amount only rounded ("1,4 milj. €", "13,6 M€", "13 M€").
 */
export const ZSeedAmount = z.object({
  text: z.string().min(1),
  cents: z.number().int().nonnegative(),
  rounded: z.boolean(),
  /** True where the seed gives the amount as approximate ("noin 3,5 milj. €"). */
  approximate: z.boolean().optional(),
});

/** Reduced-precision ISO 8601 date: "2021", "2021-10" or "2021-10-01". */
export const ZPartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/**
 * A value the seed does not state but that was inferred from what it does state: the reasoning, and
 * where the words it rests on stand (`quote` must be found there, so a reviewer can follow it).
 */
export const ZInferred = z.object({
  reason: z.string().min(1),
  quote: z.string().min(1),
  source: ZSourceRef,
});

export const ZPeriod = z.object({
  start: ZPartialDate.nullable(),
  end: ZPartialDate.nullable(),
  /** The period exactly as the seed writes it, e.g. "10/2021-10/2024". */
  text: z.string().nullable(),
  /** Set where the start or the end is inferred ("toimikausi päättyy vuoden lopussa" → "2025-12"). */
  inferred: z.object({ start: ZInferred.optional(), end: ZInferred.optional() }).optional(),
});

export const ZLocalized = z.object({
  fi: z.string().min(1),
  sv: z.string().min(1).nullable().optional(),
  en: z.string().min(1).nullable().optional(),
});

export const ZMinistry = z.enum(MINISTRIES);

export const ZOrganisationType = z.enum([
  'association', // järjestö/yhdistys
  'foundation', // säätiö
  'university_of_applied_sciences', // ammattikorkeakoulu
  'university', // yliopisto
  'municipality', // kunta
  'joint_municipal_authority', // kuntayhtymä
  'wellbeing_services_county', // hyvinvointialue
  'state_agency', // valtion virasto tai laitos
  'company', // yritys
  'parish', // seurakunta
  'other', // muu
]);

export const ZDatasetOrganisation = z.object({
  /** Stable key within the dataset: kebab-case of the Finnish name, e.g. "kuntoutussaatio-sr". */
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: ZLocalized,
  /** Y-tunnus only when a seed states it. */
  businessId: z
    .string()
    .regex(/^\d{7}-\d$/)
    .nullable(),
  /** Only when the name or the seed makes it unambiguous (legal form "ry", "Oy", "säätiö", "yliopisto"…). */
  type: ZOrganisationType.nullable(),
  /** Official municipality number ("091") only when the name or the seed states the municipality. */
  municipality: z
    .string()
    .regex(/^\d{3}$/)
    .nullable(),
  /**
   * The wellbeing services county the organisation is in where no municipality says it: a wellbeing
   * services county organisation is in its own county. `inferred` says how it follows (the seed names
   * the organisation, the name is the county's official name); a cited value would carry a source.
   */
  county: z
    .object({
      id: z.string().regex(/^([A-Z]{2}|helsinki)$/),
      inferred: z.string().min(1),
    })
    .nullable()
    .optional(),
  source: ZSourceRef,
});

export const ZContactRole = z.enum([
  'coordination', // koordinaatiohankkeen yhteyshenkilö
  'financier', // rahoittajan vastuuhenkilö (ELY finance expert)
  'ministry', // ministeriön vastuuhenkilö
]);

export const ZDatasetContact = z.object({
  name: z.string().min(1),
  role: ZContactRole,
  title: z.string().nullable(),
  /** The organisation as written in the seed (free text: units and projects are named too). */
  organisation: z.string().nullable(),
  ministry: ZMinistry.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Validity where the seed gives one ("31.3.2025 saakka": validTo, "1.4.2025 lähtien": validFrom). */
  validFrom: ZPartialDate.nullable().optional(),
  validTo: ZPartialDate.nullable().optional(),
  /** "virkavapaalla": on_leave. */
  absence: z.enum(['on_leave']).nullable().optional(),
  source: ZSourceRef,
});

/** The four figures of a theme as of a date; `null` where the seed gives no value. */
export const ZDatasetFinance = z.object({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Split of the frame by ministry grant authority, when the seed gives one ("13 M€+10 M€"). */
  frameByMinistry: z.array(z.object({ ministry: ZMinistry, amount: ZSeedAmount })),
  frame: ZSeedAmount.nullable(),
  reserved: ZSeedAmount.nullable(),
  committed: ZSeedAmount.nullable(),
  paid: ZSeedAmount.nullable(),
  /** Anything the seed says next to the figures that a reader must see ("ei vielä", a footnote). */
  note: z.string().nullable(),
  source: ZSourceRef,
});

export const ZCallKind = z.enum(['idea', 'development', 'coordination', 'lump_sum', 'other']);

export const ZDatasetCall = z.object({
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: ZLocalized,
  kind: ZCallKind.nullable(),
  specificObjectives: z.array(z.string().regex(/^\d\.\d$/)),
  opens: ZPartialDate.nullable(),
  closes: ZPartialDate.nullable(),
  budget: ZSeedAmount.nullable(),
  applications: z.number().int().nonnegative().nullable(),
  applicationEntities: z.number().int().nonnegative().nullable(),
  eligibleEntities: z.number().int().nonnegative().nullable(),
  fundedEntities: z.number().int().nonnegative().nullable(),
  granted: ZSeedAmount.nullable(),
  leftOver: ZSeedAmount.nullable(),
  note: z.string().nullable(),
  source: ZSourceRef,
});

export const ZProjectType = z.enum(['coordination', 'development', 'pilot', 'study']);
export const ZProjectStatus = z.enum(['applied', 'negotiation', 'granted', 'running', 'ended']);

/** One project (hanke): one implementer. In a group project, each member project is one of these. */
export const ZDatasetProject = z.object({
  /** Project code as the seed writes it ("S30068", "205677"); null when the seed lists none. */
  code: z.string().nullable(),
  implementer: z.string(), // organisation key
  /** main or sub only where the seed says so ("(päätoteuttaja)", "osatoteuttaja"); else not_stated. */
  role: z.enum(['main', 'sub', 'not_stated']),
  costEstimate: ZSeedAmount.nullable(),
});

/**
 * A project entity (hankekokonaisuus): a single project, or a group project (ryhmähanke) with one main
 * implementer and sub-implementers.
 */
export const ZDatasetProjectEntity = z.object({
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  kind: z.enum(['single', 'group']),
  /** The group project's own code ("R-01402"); null for single projects and uncoded groups. */
  groupCode: z
    .string()
    .regex(/^R-\d+$/)
    .nullable(),
  name: ZLocalized,
  type: ZProjectType.nullable(),
  status: ZProjectStatus.nullable(),
  period: ZPeriod,
  costEstimate: ZSeedAmount.nullable(),
  website: z.string().url().nullable(),
  call: z.string().nullable(), // call key
  contentArea: z.string().nullable(), // content area key
  ministries: z.array(ZMinistry),
  /** The funding decision's date where the seed gives it ("Marraskuussa 2024 rahoituspäätökset tehty": "2024-11"). */
  decidedOn: ZPartialDate.nullable().optional(),
  /** Status changes the seed dates ("selvityshanke, joka päättyi 30.11.2023"): status from a date. */
  statusHistory: z
    .array(z.object({ status: ZProjectStatus, from: ZPartialDate, quote: z.string().min(1), source: ZSourceRef }))
    .default([]),
  projects: z.array(ZDatasetProject).min(1),
  /** Partners (yhteistyökumppanit): organisation keys. */
  partners: z.array(z.string()),
  source: ZSourceRef,
});

export const ZDatasetActivityFigure = z.object({
  key: z.string(),
  label: ZLocalized,
  value: z.number(),
  unit: z.string().nullable(),
  period: ZPeriod,
  source: ZSourceRef,
});

export const ZDatasetTheme = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Position in the 2024 review (1–12): the fixed order of the compiled review. */
  order: z.number().int().positive(),
  name: ZLocalized,
  shortName: z.string().nullable(),
  ministries: z.array(ZMinistry).min(1),
  /** A ministry's role where the seed gives it ("Teeman vastuuministeriö": lead, "Toteutuksessa kumppaneina": partner). */
  ministryRoles: z
    .array(
      z.object({
        ministry: ZMinistry,
        role: z.enum(['lead', 'partner']),
        quote: z.string().min(1),
        source: ZSourceRef,
      }),
    )
    .default([]),
  /** Ministries the seed does not name but that were inferred (from the contacts' phone numbers, say). */
  inferredMinistries: z.array(ZInferred.extend({ ministry: ZMinistry })).default([]),
  specificObjectives: z.array(z.string().regex(/^\d\.\d$/)),
  period: ZPeriod,
  intermediateBody: z.string().nullable(),
  contacts: z.array(ZDatasetContact),
  finance: z.array(ZDatasetFinance),
  contentAreas: z.array(z.object({ key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), name: ZLocalized })),
  links: z.array(z.object({ url: z.string().url(), title: z.string().nullable() })),
  /** How many funded projects the theme's own text says it has, when it says ("neljä", "N=12"). */
  statedProjectCount: z.number().int().nonnegative().nullable(),
  source: ZSourceRef,
});

/** A person as a steering-group document names them. */
export const ZDatasetPerson = z.object({
  name: z.string().min(1),
  /** Organisation as written ("OKM", "Hämeen ELY-keskus"). */
  organisation: z.string().nullable(),
  /** pj, vpj, sihteeri. */
  position: z.enum(['chair', 'vice_chair', 'secretary']).nullable(),
});

export const ZDatasetSteeringGroup = z.object({
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: ZLocalized,
  themes: z.array(z.string()), // theme slugs
  diaryNumber: z.string().nullable(),
  /** Seats: a member and their personal deputy (either may be unknown). */
  seats: z.array(z.object({ member: ZDatasetPerson.nullable(), deputy: ZDatasetPerson.nullable() })),
  permanentExperts: z.array(ZDatasetPerson),
  secretaries: z.array(ZDatasetPerson),
  source: ZSourceRef,
});

export const ZDatasetAgendaItem = z.object({
  number: z.number().int().positive(),
  title: z.string().min(1),
  kind: z.enum(['opening', 'agenda', 'previous_minutes', 'topic', 'next_meeting', 'other_matters', 'closing']),
  /** Who presented the item, as written. */
  presenter: z.string().nullable(),
  background: z.string().nullable(),
  discussion: z.string().nullable(),
  decision: z.string().nullable(),
  /** A time the item records ("9:02" at opening), as HH:MM. */
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .nullable(),
  source: ZSourceRef,
  /** Action items the minutes record under the item: who promised what, by when (null: not given). */
  actions: z
    .array(
      z.object({
        text: z.string().min(1),
        owner: z.string().nullable(),
        dueDate: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .nullable(),
        source: ZSourceRef,
      }),
    )
    .default([]),
});

export const ZDatasetMeeting = z.object({
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  steeringGroup: z.string(),
  /** Number per group and year: "2023/1". */
  number: z.string().regex(/^\d{4}\/\d+$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  startTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .nullable(),
  endTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .nullable(),
  place: z.object({ room: z.string().nullable(), address: z.string().nullable(), online: z.string().nullable() }),
  /** Who was present, in which capacity; `standingInFor` names the member a deputy replaced. */
  attendance: z.array(
    z.object({
      name: z.string().min(1),
      organisation: z.string().nullable(),
      capacity: z.enum(['member', 'deputy', 'permanent_expert', 'secretary', 'guest']),
      position: z.enum(['chair', 'vice_chair', 'secretary']).nullable(),
      present: z.boolean(),
      standingInFor: z.string().nullable(),
    }),
  ),
  items: z.array(ZDatasetAgendaItem),
  previousMinutes: z.string().nullable(),
  nextMeeting: z.string().nullable(),
  signatories: z.array(ZDatasetPerson),
  distribution: z.array(z.string()),
  /** Inconsistencies in the seed a reader must see (e.g. times that disagree). */
  notes: z.array(z.string()),
  source: ZSourceRef,
});

/** One file of the dataset: any subset of records; the loader merges files (organisations by key). */
export const ZDatasetFile = z.object({
  description: z.string(),
  themes: z.array(ZDatasetTheme).default([]),
  organisations: z.array(ZDatasetOrganisation).default([]),
  calls: z.array(ZDatasetCall.extend({ theme: z.string() })).default([]),
  projectEntities: z.array(ZDatasetProjectEntity.extend({ theme: z.string() })).default([]),
  activityFigures: z.array(ZDatasetActivityFigure.extend({ theme: z.string() })).default([]),
  steeringGroups: z.array(ZDatasetSteeringGroup).default([]),
  meetings: z.array(ZDatasetMeeting).default([]),
});

export type DatasetFile = z.infer<typeof ZDatasetFile>;
export type SeedAmount = z.infer<typeof ZSeedAmount>;
