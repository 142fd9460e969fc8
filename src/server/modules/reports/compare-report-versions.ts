/** Any two saved versions of a report, compared section by section (word-level), links and order. */
import type { Db } from '../../../db/database.js';
import { parseContent } from '../../../db/repositories/reports.js';
import { NotFoundError } from '../../../domain/errors.js';
import { plainText } from '../../../domain/reports/rich-text.js';
import { diffWords } from '../../../domain/reports/text-diff.js';
import { TEMPLATES, type DocumentKind } from '../../../domain/reports/templates.js';

export async function compareReportVersions(db: Db, reportId: number, kind: DocumentKind, from: number, to: number) {
  const rows = await db
    .selectFrom('theme_report_versions')
    .select(['version', 'content'])
    .where('report_id', '=', reportId)
    .where('version', 'in', [from, to])
    .execute();
  const contentOf = (version: number) => {
    const row = rows.find((r) => Number(r.version) === version);
    if (!row) throw new NotFoundError('report_version', `${reportId}/${version}`);
    return parseContent(row.content);
  };
  const a = contentOf(from);
  const b = contentOf(to);
  const sections = TEMPLATES[kind].sections
    .filter((section) => section.kind === 'rich')
    .map((section) => {
      const before = plainText(a.sections[section.key] ?? []);
      const after = plainText(b.sections[section.key] ?? []);
      return { key: section.key, changed: before !== after, parts: diffWords(before, after) };
    });
  const urls = (links: { url: string }[]) => links.map((l) => l.url);
  return {
    from,
    to,
    sections,
    links: {
      added: urls(b.links).filter((u) => !urls(a.links).includes(u)),
      removed: urls(a.links).filter((u) => !urls(b.links).includes(u)),
    },
    projectOrderChanged: JSON.stringify(a.projectOrder) !== JSON.stringify(b.projectOrder),
  };
}
