/**
 * Contracts of theme reports (toteutuskatsaus, teemakuvaus), reporting periods, the compiled review
 * and review imports. Shared by the server (validation, OpenAPI) and the web app.
 *
 * Rich text travels as sanitized HTML (`<p>`, `<ul>`/`<ol>`/`<li>`, `<a href>` only) together with
 * its structured form and its character count; the server accepts any HTML and keeps only that.
 */
import { z } from 'zod';
import { ZContact, ZLocalizedText, ZMinistry, ZPeriod } from './api.js';
import { ZCalendarDate } from './input.js';
import { REPORT_CAPABILITIES } from '../domain/reports/capabilities.js';

export const ZDocumentKind = z
  .enum(['review', 'description'])
  .meta({ id: 'DocumentKind', description: 'review = toteutuskatsaus, description = teemakuvaus' });
export const ZReportState = z.enum(['draft', 'submitted', 'returned', 'approved']).meta({ id: 'ReportState' });

const ZInline = z.union([
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('link'), href: z.string(), text: z.string() }),
]);
export const ZRichBlocks = z
  .array(
    z.union([
      z.object({ type: z.literal('paragraph'), content: z.array(ZInline) }),
      z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(ZInline)) }),
    ]),
  )
  .meta({ id: 'RichBlocks', description: 'Paragraphs, lists and links: the only structure section text has' });

export const ZSectionTemplate = z
  .object({
    key: z.string(),
    number: z.number().int(),
    kind: z.enum(['rich', 'links', 'projects']),
    limit: z
      .number()
      .int()
      .nullable()
      .describe('Characters (UTF-16 code units, as the browser counts); null = no limit'),
    title: ZLocalizedText,
  })
  .meta({ id: 'SectionTemplate' });

export const ZReportingPeriod = z
  .object({
    key: z.string(),
    kind: ZDocumentKind,
    title: ZLocalizedText,
    cutOff: z.string().nullable().describe('The date the header figures are taken as of (YYYY-MM-DD)'),
    deadline: z.string().nullable(),
    themes: z.array(z.object({ slug: z.string(), name: ZLocalizedText, reportId: z.number().int().nullable() })),
    sections: z.array(ZSectionTemplate),
    version: z.number().int(),
    closedAt: z.string().nullable().describe('When the period was closed (its reports no longer change), or null'),
  })
  .meta({ id: 'ReportingPeriod' });

export const ZReportingPeriodInput = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(60),
    kind: ZDocumentKind.default('review'),
    title: z
      .object({
        fi: z.string().trim().min(1).max(300),
        sv: z.string().trim().max(300).nullable().optional(),
        en: z.string().trim().max(300).nullable().optional(),
      })
      .strict(),
    cutOff: ZCalendarDate.nullable().optional(),
    deadline: ZCalendarDate.nullable().optional(),
    themes: z
      .array(z.string().max(100))
      .min(1)
      .max(100)
      .optional()
      .describe('Theme slugs in review order; all themes when omitted'),
  })
  .strict();

/** A period's change (If-Match: its version): what is sent changes, the rest stays. */
export const ZReportingPeriodUpdate = ZReportingPeriodInput.pick({ title: true, cutOff: true, deadline: true })
  .extend({
    themes: z
      .array(z.string().max(100))
      .min(1)
      .max(100)
      .optional()
      .describe('Theme slugs in review order; a theme left out loses its report only while nothing is written in it'),
  })
  .partial()
  .strict();

export const ZReportFigures = z.object({
  asOf: z.string(),
  frame: z.number().int().nullable(),
  reserved: z.number().int().nullable(),
  committed: z.number().int().nullable(),
  paid: z.number().int().nullable(),
  rounded: z.object({ frame: z.boolean(), reserved: z.boolean(), committed: z.boolean(), paid: z.boolean() }),
  frameByMinistry: z.array(z.object({ ministry: ZMinistry, amount: z.number().int() })),
});

export const ZReportHeader = z
  .object({
    theme: z.object({ slug: z.string(), name: ZLocalizedText }),
    contacts: z.array(ZContact).describe('Coordination and financier contacts'),
    ministries: z.array(ZMinistry),
    ministryContacts: z.array(ZContact),
    period: ZPeriod,
    figures: ZReportFigures.nullable().describe(
      'The four figures as of the cut-off (the latest snapshot on or before it)',
    ),
    frozenAt: z.string().nullable().describe('Set when the report was approved: the header no longer follows the data'),
  })
  .meta({ id: 'ReportHeader' });

export const ZProjectListEntity = z.object({
  key: z.string(),
  name: ZLocalizedText,
  kind: z.enum(['single', 'group']),
  groupCode: z.string().nullable(),
  period: ZPeriod,
  projects: z.array(
    z.object({ code: z.string().nullable(), role: z.enum(['main', 'sub', 'not_stated']), implementer: z.string() }),
  ),
});
export const ZProjectList = z
  .array(
    z.object({
      contentArea: z.object({ key: z.string(), name: ZLocalizedText }).nullable(),
      title: z.string().nullable(),
      entities: z.array(ZProjectListEntity),
    }),
  )
  .meta({
    id: 'ProjectList',
    description: 'Section 7, generated from the project data; only its order and grouping are stored',
  });

export const ZSectionContent = z.object({
  key: z.string(),
  html: z.string(),
  blocks: ZRichBlocks,
  characters: z.number().int(),
  limit: z.number().int().nullable(),
});

export const ZReportComment = z.object({
  id: z.number().int(),
  version: z.number().int(),
  section: z.string(),
  body: z.string(),
  author: z.string(),
  at: z.string(),
});

export const ZReportCapability = z
  .enum(REPORT_CAPABILITIES)
  .meta({ id: 'ReportCapability', description: 'An action the signed-in person may take on the report now' });

export const ZReport = z
  .object({
    id: z.number().int(),
    capabilities: z
      .array(ZReportCapability)
      .describe('What the signed-in person may do with the report now (domain/reports/capabilities.ts)'),
    period: z.object({
      key: z.string(),
      kind: ZDocumentKind,
      cutOff: z.string().nullable(),
      deadline: z.string().nullable(),
    }),
    theme: z.object({ slug: z.string(), name: ZLocalizedText }),
    state: ZReportState,
    version: z.number().int(),
    submissions: z.number().int().describe('How many times it has been submitted (2 or more = resubmitted)'),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    header: ZReportHeader,
    sections: z.array(ZSectionContent),
    links: z.array(z.object({ url: z.string(), title: z.string().nullable() })),
    projects: ZProjectList,
    comments: z.array(ZReportComment),
    template: z.array(ZSectionTemplate),
    approvals: z
      .object({ required: z.array(z.string()), approved: z.array(z.string()) })
      .describe(
        "The ministries whose approval the report needs (each of a joint theme's, or its lead ministry) and those that have approved this submission",
      ),
  })
  .meta({ id: 'ThemeReport' });

export const ZReportUpdate = z
  .object({
    sections: z
      .record(z.string().regex(/^[sd]\d$/), z.object({ html: z.string().max(200_000) }).strict())
      .optional()
      .describe('Changed sections only: HTML, sanitized on the server'),
    links: z
      .array(
        z
          .object({ url: z.string().trim().max(2000), title: z.string().trim().max(300).nullable().optional() })
          .strict(),
      )
      .max(50)
      .optional(),
    projectOrder: z
      .object({
        groups: z
          .array(
            z
              .object({
                contentArea: z.string().max(120).nullable(),
                title: z.string().trim().max(300).nullable().optional(),
                entities: z.array(z.string().max(200)).max(500),
              })
              .strict(),
          )
          .max(50),
      })
      .strict()
      .nullable()
      .optional()
      .describe('Order and grouping of section 7; null restores the default'),
    autosave: z.boolean().optional().describe('A save the editor made by itself; unchanged content writes nothing'),
    version: z.number().int().min(1).optional(),
  })
  .strict();

export const ZReportTransition = z
  .object({
    comments: z
      .array(z.object({ section: z.string().max(10), body: z.string().trim().min(1).max(4000) }).strict())
      .max(50)
      .optional()
      .describe('Return only: comments on the sections concerned'),
    version: z.number().int().min(1).optional(),
  })
  .strict();

export const ZReportVersions = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      state: ZReportState,
      action: z.string(),
      savedAt: z.string(),
      savedBy: z.string(),
    }),
  ),
});

export const ZReportDiff = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    sections: z.array(
      z.object({
        key: z.string(),
        changed: z.boolean(),
        parts: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
      }),
    ),
    links: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
    projectOrderChanged: z.boolean(),
  })
  .meta({ id: 'ReportDiff' });

export const ZPeriodStatus = z
  .object({
    period: z.string(),
    deadline: z.string().nullable(),
    counts: z.record(ZReportState, z.number().int()),
    themes: z.array(
      z.object({
        slug: z.string(),
        name: ZLocalizedText,
        reportId: z.number().int().nullable(),
        state: ZReportState.nullable(),
        version: z.number().int().nullable(),
        submissions: z.number().int(),
        updatedAt: z.string().nullable(),
        sectionsOverLimit: z.array(z.string()),
        sectionsEmpty: z.array(z.string()),
        lastReminderAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'PeriodStatus' });

export const ZReminderInput = z
  .object({
    themes: z
      .array(z.string().max(100))
      .max(100)
      .optional()
      .describe('Theme slugs; by default every theme whose report is not submitted or approved'),
    message: z.string().trim().max(4000).optional(),
  })
  .strict();

export const ZOutboxMessage = z.object({
  id: z.number().int(),
  theme: z.string().nullable(),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  sentAt: z.string().nullable(),
});

export const ZImportUpload = z
  .object({
    format: z.enum(['text', 'docx']),
    /** Text as is, or the .docx file in base64. */
    content: z.string().min(1).max(11_000_000),
    filename: z.string().trim().max(300).optional(),
  })
  .strict();

export const ZImportConfirm = ZImportUpload.extend({
  digest: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('The digest the preview returned: the same file must be confirmed'),
  themes: z
    .array(z.string().max(100))
    .max(100)
    .optional()
    .describe('Theme slugs to import; all matched themes by default'),
  state: z.enum(['draft', 'approved']).default('draft').describe('approved: an old review imported as it was accepted'),
}).strict();

export const ZImportFinding = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  line: z.number().int(),
  field: z.string(),
  excerpt: z.string(),
  message: z.string().describe('In the language of the request'),
});

export const ZImportPreview = z
  .object({
    digest: z.string(),
    period: z.string(),
    kind: z.enum(['review', 'description']).describe("The document read, as the period's kind says"),
    cutOff: z.string().nullable(),
    lineCount: z.number().int(),
    themes: z.array(
      z.object({
        index: z.number().int(),
        name: z.string(),
        lines: z.tuple([z.number().int(), z.number().int()]),
        matchedTheme: z.string().nullable(),
        figures: z.object({
          frame: z.number().int().nullable(),
          reserved: z.number().int().nullable(),
          committed: z.number().int().nullable(),
          paid: z.number().int().nullable(),
        }),
        header: z
          .object({
            contacts: z.string(),
            ministry: z.string(),
            period: z.string().nullable(),
            figures: z.array(z.object({ key: z.string(), text: z.string(), line: z.number().int() })),
          })
          .describe('The header as written in the source, field by field'),
        sections: z.array(
          z.object({
            key: z.string(),
            characters: z.number().int(),
            limit: z.number().int().nullable(),
            lines: z.tuple([z.number().int(), z.number().int()]),
            blocks: ZRichBlocks.describe('What will be stored, to show beside the source lines'),
          }),
        ),
        links: z.array(z.object({ url: z.string(), title: z.string().nullable(), line: z.number().int() })),
        projects: z.array(z.object({ code: z.string(), line: z.number().int(), matched: z.boolean() })),
        description: z
          .object({
            names: z.object({ fi: z.string(), sv: z.string().nullable(), en: z.string().nullable() }),
            specificObjective: z.object({ code: z.string(), name: z.string() }).nullable(),
            intermediateBodyContact: z.string(),
            coordinationContact: z.string(),
            ministryContact: z.string(),
            period: z.string().nullable(),
            frameEstimate: z
              .object({ text: z.string(), cents: z.number().int().nullable(), line: z.number().int() })
              .nullable(),
            frameByMinistry: z.array(z.object({ ministry: z.string(), cents: z.number().int() })),
          })
          .optional()
          .describe("A theme description's own header, as read"),
        findings: z.array(ZImportFinding),
      }),
    ),
  })
  .meta({ id: 'ImportPreview' });

export const ZImportResult = z.object({
  period: z.string(),
  imported: z.array(z.object({ theme: z.string(), reportId: z.number().int(), version: z.number().int() })),
});

export type Report = z.infer<typeof ZReport>;
export type ReportHeader = z.infer<typeof ZReportHeader>;
export type ProjectList = z.infer<typeof ZProjectList>;
export type ImportPreview = z.infer<typeof ZImportPreview>;
/** What the report editor sends to save (PATCH) and to submit, return or approve (POST). */
export type ReportUpdateInput = z.input<typeof ZReportUpdate>;
export type ReportTransitionInput = z.input<typeof ZReportTransition>;
