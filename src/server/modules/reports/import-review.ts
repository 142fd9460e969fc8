/**
 * Importing an existing review (plain text as extracted from the PDF, or a .docx from the template):
 * preview first (parse, match themes and project codes, check), then confirm the same file
 * (the digest proves it) to write the reports. Nothing is written before the confirmation.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ImportPreview, ZImportConfirm, ZImportUpload } from '../../../contracts/reports.js';
import type { Db } from '../../../db/database.js';
import { writeAudit } from '../../../db/repositories/audit.js';
import { docxToText } from '../../../documents/docx-text.js';
import { buildHeader, findPeriod, periodThemes } from '../../../db/repositories/reports.js';
import { NotFoundError, RuleViolationError, TooLargeError, type LocalizedText } from '../../../domain/errors.js';
import { DOCX_LIMITS, inflateBounded, type ZipRefusalReason } from '../../../documents/zip-bounds.js';
import { formatEuros, type Locale } from '../../../domain/money.js';
import { emptyContent, type ReportContent } from '../../../domain/reports/report.js';
import { isDescriptionText, parseDescriptionText } from '../../../domain/reports/description-import.js';
import {
  FIGURE_KEYS,
  parseReviewText,
  type Finding,
  type ParsedReview,
  type ParsedTheme,
} from '../../../domain/reports/review-import.js';
import type { CheckReport } from '../../../documents/review/check-report.js';
import { refuseIfPeriodClosed, requirePermission, type ReportDeps } from './report-access.js';
import { writeVersion } from './save-report.js';

/** The largest file accepted, decoded. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

type Upload = z.infer<typeof ZImportUpload>;

const MB = 1024 * 1024;
const ZIP_REFUSALS: Record<ZipRefusalReason, LocalizedText> = {
  not_zip: {
    fi: 'Tiedosto ei ole .docx-asiakirja.',
    sv: 'Filen är inte ett .docx-dokument.',
    en: 'The file is not a .docx document.',
  },
  truncated: {
    fi: '.docx-tiedosto on katkennut tai vaurioitunut.',
    sv: '.docx-filen är avkortad eller skadad.',
    en: 'The .docx file is truncated or damaged.',
  },
  corrupt: {
    fi: '.docx-tiedoston sisältö on vaurioitunut.',
    sv: '.docx-filens innehåll är skadat.',
    en: 'The contents of the .docx file are damaged.',
  },
  unsupported: {
    fi: '.docx-tiedosto on salattu tai pakattu tavalla, jota ei tueta.',
    sv: '.docx-filen är krypterad eller packad på ett sätt som inte stöds.',
    en: 'The .docx file is encrypted or packed in a way that is not supported.',
  },
  too_many_entries: {
    fi: `.docx-tiedostossa on yli ${DOCX_LIMITS.maxEntries} osaa.`,
    sv: `.docx-filen har fler än ${DOCX_LIMITS.maxEntries} delar.`,
    en: `The .docx file has more than ${DOCX_LIMITS.maxEntries} parts.`,
  },
  too_deep: {
    fi: `.docx-tiedoston kansiot ovat yli ${DOCX_LIMITS.maxDepth} tason syvyisiä.`,
    sv: `.docx-filens mappar är djupare än ${DOCX_LIMITS.maxDepth} nivåer.`,
    en: `The .docx file's folders are nested deeper than ${DOCX_LIMITS.maxDepth} levels.`,
  },
  too_large_uncompressed: {
    fi: `.docx-tiedosto on purettuna suurempi kuin ${DOCX_LIMITS.maxUncompressedBytes / MB} Mt.`,
    sv: `.docx-filen är större än ${DOCX_LIMITS.maxUncompressedBytes / MB} MB uppackad.`,
    en: `The .docx file is larger than ${DOCX_LIMITS.maxUncompressedBytes / MB} MB unpacked.`,
  },
  too_slow: {
    fi: '.docx-tiedoston purkaminen kestää liian kauan.',
    sv: 'Det tar för lång tid att packa upp .docx-filen.',
    en: 'Unpacking the .docx file takes too long.',
  },
};

const badFile = (en: string, fi: string, sv: string) =>
  new RuleViolationError([{ field: 'content', message: { fi, sv, en } }]);

export async function readUpload(upload: Upload): Promise<{ text: string; digest: string }> {
  const bytes = upload.format === 'docx' ? Buffer.from(upload.content, 'base64') : Buffer.from(upload.content, 'utf8');
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new TooLargeError('content', {
      fi: `Tiedosto on suurempi kuin ${MAX_IMPORT_BYTES / MB} Mt.`,
      sv: `Filen är större än ${MAX_IMPORT_BYTES / MB} MB.`,
      en: `The file is larger than ${MAX_IMPORT_BYTES / MB} MB.`,
    });
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (upload.format === 'text') return { text: upload.content, digest };
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw badFile(
      'The file is not a .docx document.',
      'Tiedosto ei ole .docx-asiakirja.',
      'Filen är inte ett .docx-dokument.',
    );
  // Bounded before mammoth opens it: mammoth inflates every entry at once and trusts the sizes.
  const bounded = inflateBounded(bytes, DOCX_LIMITS);
  if ('reason' in bounded) {
    const why = ZIP_REFUSALS[bounded.reason];
    if (bounded.kind === 'too_large') throw new TooLargeError('content', why);
    throw badFile(why.en, why.fi, why.sv);
  }
  if (!bounded.entries.has('word/document.xml'))
    throw badFile(
      'The file is not a .docx document.',
      'Tiedosto ei ole .docx-asiakirja.',
      'Filen är inte ett .docx-dokument.',
    );
  try {
    // One line per paragraph and list item, lists marked and links kept (documents/docx-text.ts).
    return { text: await docxToText(bytes), digest };
  } catch {
    throw badFile(
      'The .docx document cannot be read.',
      '.docx-asiakirjaa ei voi lukea.',
      '.docx-dokumentet kan inte läsas.',
    );
  }
}

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-zåäö0-9]+/g, ' ')
    .trim();

type PeriodTheme = Awaited<ReturnType<typeof periodThemes>>[number];

/** By name (one contains the other once punctuation is ignored); unmatched ones by position. */
function matchThemes(parsed: ParsedReview, themes: PeriodTheme[]): Map<number, PeriodTheme> {
  const matched = new Map<number, PeriodTheme>();
  const used = new Set<string>();
  for (const theme of parsed.themes) {
    const name = normalize(theme.name);
    const hit = themes.find(
      (t) =>
        !used.has(t.slug) &&
        (name.includes(normalize(t.name.fi)) || normalize(t.name.fi).includes(name)) &&
        name !== '',
    );
    if (hit) {
      matched.set(theme.index, hit);
      used.add(hit.slug);
    }
  }
  if (parsed.themes.length === themes.length) {
    for (const theme of parsed.themes) {
      if (matched.has(theme.index)) continue;
      const candidate = themes[theme.index];
      if (candidate && !used.has(candidate.slug)) {
        matched.set(theme.index, candidate);
        used.add(candidate.slug);
      }
    }
  }
  return matched;
}

async function systemChecks(
  db: Db,
  theme: ParsedTheme,
  match: PeriodTheme | undefined,
  cutOff: string | null,
): Promise<{ findings: Finding[]; matchedCodes: Set<string> }> {
  const findings: Finding[] = [];
  const matchedCodes = new Set<string>();
  if (!match) {
    findings.push({
      code: 'theme_unmatched',
      severity: 'error',
      line: theme.startLine,
      field: 'name',
      excerpt: theme.name,
      message: {
        fi: 'Teemaa ei tunnistettu järjestelmän teemoista.',
        sv: 'Temat kändes inte igen bland systemets teman.',
        en: 'The theme does not match any theme in the system.',
      },
    });
    return { findings, matchedCodes };
  }
  const header = await buildHeader(db, match.slug, cutOff, 'fi');
  for (const key of FIGURE_KEYS) {
    const parsed = theme.figures[key];
    const held = header.figures?.[key] ?? null;
    if (parsed && parsed.cents !== null && held !== null && parsed.cents !== held) {
      findings.push({
        code: 'figure_differs',
        severity: 'warning',
        line: parsed.line,
        field: key,
        excerpt: parsed.text,
        message: {
          fi: `Asiakirjan luku ${formatEuros(parsed.cents)} eroaa järjestelmän luvusta ${formatEuros(held)}.`,
          sv: `Dokumentets siffra ${formatEuros(parsed.cents, 'sv')} skiljer sig från systemets ${formatEuros(held, 'sv')}.`,
          en: `The document's figure ${formatEuros(parsed.cents, 'en')} differs from the system's ${formatEuros(held, 'en')}.`,
        },
      });
    }
  }
  const entities = await db
    .selectFrom('project_entities')
    .select(['id', 'group_code'])
    .where('theme_id', '=', match.themeId)
    .where('archived_at', 'is', null)
    .execute();
  const projectCodes = entities.length
    ? await db
        .selectFrom('projects')
        .select('code')
        .where(
          'entity_id',
          'in',
          entities.map((e) => Number(e.id)),
        )
        .where('archived_at', 'is', null)
        .execute()
    : [];
  const known = new Set(
    [...entities.map((e) => e.group_code), ...projectCodes.map((p) => p.code)].filter((c): c is string => Boolean(c)),
  );
  for (const { code, line } of theme.projectCodes) {
    if (known.has(code)) matchedCodes.add(code);
    else
      findings.push({
        code: 'project_unknown',
        severity: 'warning',
        line,
        field: 's7',
        excerpt: code,
        message: {
          fi: `Hanketta ${code} ei ole teeman hankkeissa.`,
          sv: `Projektet ${code} finns inte bland temats projekt.`,
          en: `Project ${code} is not among the theme's projects.`,
        },
      });
  }
  if (theme.projectCodes.length > 0) {
    const missing = [...known].filter((code) => !theme.projectCodes.some((c) => c.code === code));
    if (missing.length > 0) {
      const line = theme.projectCodes[0]!.line;
      findings.push({
        code: 'project_not_listed',
        severity: 'info',
        line,
        field: 's7',
        excerpt: missing.join(', '),
        message: {
          fi: `Järjestelmän hankkeita puuttuu listasta: ${missing.join(', ')}.`,
          sv: `Systemets projekt saknas i listan: ${missing.join(', ')}.`,
          en: `Projects in the system missing from the list: ${missing.join(', ')}.`,
        },
      });
    }
  }
  return { findings, matchedCodes };
}

async function analyse(db: Db, periodKey: string, upload: Upload) {
  const period = await findPeriod(db, periodKey);
  if (!period) throw new NotFoundError('reporting_period', periodKey);
  const { text, digest } = await readUpload(upload);
  // The period says which document it collects; a file of the other kind is refused, not misread.
  const description = isDescriptionText(text);
  if (period.kind === 'review' && description)
    throw badFile(
      'The file is a theme description: import it into a period of theme descriptions.',
      'Tiedosto on teemakuvaus: tuo se teemakuvausten kierrokseen.',
      'Filen är en temabeskrivning: importera den till en omgång av temabeskrivningar.',
    );
  if (period.kind === 'description' && !description)
    throw badFile(
      'The file is not a theme description (no "Rahoituskehysarvio" and section 1 of the template).',
      'Tiedosto ei ole teemakuvaus (siitä puuttuu "Rahoituskehysarvio" ja mallipohjan osio 1).',
      'Filen är ingen temabeskrivning ("Rahoituskehysarvio" och mallens avsnitt 1 saknas).',
    );
  // A .docx gives a line per paragraph; text from a PDF wraps them.
  const options = { linePerParagraph: upload.format === 'docx' };
  const parsed = description ? parseDescriptionText(text, options) : parseReviewText(text, options);
  if (parsed.themes.length === 0) {
    throw badFile(
      'No theme was found: the text has no "Valtakunnallinen teema" headings.',
      'Tekstistä ei löytynyt yhtään teemaa ("Valtakunnallinen teema" -otsikoita).',
      'Inga teman hittades (rubriker "Valtakunnallinen teema").',
    );
  }
  const themes = await periodThemes(db, Number(period.id));
  const matches = matchThemes(parsed, themes);
  const checked = [];
  for (const theme of parsed.themes) {
    const match = matches.get(theme.index);
    const { findings, matchedCodes } = await systemChecks(db, theme, match, period.cut_off);
    checked.push({
      theme,
      match,
      findings: [...theme.findings, ...findings].sort((a, b) => a.line - b.line),
      matchedCodes,
    });
  }
  return { period, parsed, digest, checked };
}

export async function previewImport(
  deps: ReportDeps,
  periodKey: string,
  upload: Upload,
  locale: Locale,
): Promise<ImportPreview> {
  requirePermission(deps.actor, 'review.manage');
  const { period, parsed, digest, checked } = await analyse(deps.db, periodKey, upload);
  return {
    digest,
    period: period.key,
    kind: parsed.kind,
    cutOff: parsed.cutOffText,
    lineCount: parsed.lineCount,
    themes: checked.map(({ theme, match, findings, matchedCodes }) => ({
      index: theme.index,
      name: theme.name,
      lines: [theme.startLine, theme.endLine] as [number, number],
      matchedTheme: match?.slug ?? null,
      figures: Object.fromEntries(FIGURE_KEYS.map((key) => [key, theme.figures[key]?.cents ?? null])) as Record<
        (typeof FIGURE_KEYS)[number],
        number | null
      >,
      header: {
        contacts: theme.contactsText,
        ministry: theme.ministryText,
        period: theme.periodText,
        figures: FIGURE_KEYS.flatMap((key) => {
          const figure = theme.figures[key];
          return figure ? [{ key, text: figure.text, line: figure.line }] : [];
        }),
      },
      sections: theme.sections.map((s) => ({
        key: s.key,
        characters: s.characters,
        limit: s.limit,
        lines: [s.startLine, s.endLine] as [number, number],
        blocks: s.blocks,
      })),
      links: theme.links.map((l) => ({ url: l.url, title: l.title, line: l.line })),
      projects: theme.projectCodes.map((c) => ({ ...c, matched: matchedCodes.has(c.code) })),
      ...(theme.description
        ? {
            description: {
              ...theme.description,
              frameEstimate: theme.description.frameEstimate && {
                text: theme.description.frameEstimate.text,
                cents: theme.description.frameEstimate.cents,
                line: theme.description.frameEstimate.line,
              },
              frameByMinistry: theme.frameByMinistry.map(({ ministry, cents }) => ({ ministry, cents })),
            },
          }
        : {}),
      findings: findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        line: f.line,
        field: f.field,
        excerpt: f.excerpt,
        message: f.message[locale],
      })),
    })),
  };
}

/** The findings per theme, as the check report (documents/review/check-report.ts) shows them. */
export async function importCheckReport(deps: ReportDeps, periodKey: string, upload: Upload): Promise<CheckReport> {
  requirePermission(deps.actor, 'review.manage');
  const { period, checked } = await analyse(deps.db, periodKey, upload);
  return {
    period: period.key,
    themes: checked.map(({ theme, match, findings }) => ({
      name: theme.name,
      matchedTheme: match?.slug ?? null,
      findings,
    })),
  };
}

export async function confirmImport(deps: ReportDeps, periodKey: string, input: z.infer<typeof ZImportConfirm>) {
  requirePermission(deps.actor, 'review.manage');
  const { period, digest, checked } = await analyse(deps.db, periodKey, input);
  if (digest !== input.digest) {
    throw new RuleViolationError([
      {
        field: 'digest',
        message: {
          fi: 'Tiedosto ei ole sama kuin esikatselussa.',
          sv: 'Filen är inte densamma som i förhandsvisningen.',
          en: 'The file is not the one that was previewed.',
        },
      },
    ]);
  }
  const selected = checked.filter((c) => c.match && (!input.themes || input.themes.includes(c.match.slug)));
  const unknown = (input.themes ?? []).findIndex((slug) => !checked.some((c) => c.match?.slug === slug));
  if (unknown >= 0)
    throw new RuleViolationError([
      {
        field: `themes.${unknown}`,
        message: {
          fi: 'Teemaa ei ole tiedostossa.',
          sv: 'Temat finns inte i filen.',
          en: 'The theme is not in the file.',
        },
      },
    ]);
  return deps.db.transaction().execute(async (trx) => {
    await refuseIfPeriodClosed(trx, Number(period.id));
    const imported = [];
    for (const { theme, match } of selected) {
      const report = await trx
        .selectFrom('theme_reports')
        .selectAll()
        .where('period_id', '=', Number(period.id))
        .where('theme_id', '=', match!.themeId)
        .executeTakeFirst();
      if (!report) throw new NotFoundError('report', match!.slug);
      if (report.state === 'approved' || report.state === 'submitted') {
        throw new RuleViolationError([
          {
            field: `themes`,
            message: {
              fi: `Teeman ${match!.slug} raportti on jo lähetetty tai hyväksytty.`,
              sv: `Rapporten för ${match!.slug} är redan inskickad eller godkänd.`,
              en: `The report of ${match!.slug} is already submitted or approved.`,
            },
          },
        ]);
      }
      const content: ReportContent = {
        ...emptyContent(),
        sections: Object.fromEntries(theme.sections.map((s) => [s.key, s.blocks])),
        links: theme.links.map((l) => ({ url: l.url, title: l.title })),
        ...(theme.description
          ? {
              description: {
                names: theme.description.names,
                specificObjective: theme.description.specificObjective,
                intermediateBodyContact: theme.description.intermediateBodyContact,
                coordinationContact: theme.description.coordinationContact,
                ministryContact: theme.description.ministryContact,
                period: theme.description.period,
                frameEstimate: theme.description.frameEstimate?.text ?? null,
              },
            }
          : {}),
      };
      const extra: Record<string, unknown> =
        input.state === 'approved'
          ? {
              submissions: Number(report.submissions) + 1,
              submitted_at: deps.audit.at,
              submitted_by: deps.audit.actor,
              approved_at: deps.audit.at,
              approved_by: deps.audit.actor,
              header: JSON.stringify({
                ...(await buildHeader(trx, match!.slug, period.cut_off, 'fi')),
                frozenAt: deps.audit.at,
              }),
            }
          : {};
      const version = await writeVersion(trx, deps, report, {
        content: JSON.stringify(content),
        action: 'import',
        state: input.state,
        extra,
      });
      imported.push({ theme: match!.slug, reportId: Number(report.id), version });
    }
    await writeAudit(trx, deps.audit, {
      action: 'import',
      entityType: 'reporting_period',
      entityId: Number(period.id),
      after: { digest, filename: input.filename ?? null, state: input.state, themes: imported.map((i) => i.theme) },
    });
    return { period: period.key, imported };
  });
}
