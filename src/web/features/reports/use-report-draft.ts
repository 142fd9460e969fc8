/**
 * The report editor's state and what it sends: the texts and links as typed against what is stored,
 * the save (by hand, or by itself a while after the last change), the workflow's steps, and what
 * the page says back (the save status, field errors, a notice, a conflict with a newer version).
 *
 * The browser refuses what the server would (text over a limit, empty sections on submit, links
 * that are not web addresses) before sending; the server checks everything again. Saves are based
 * on the version read (If-Match); a 409 keeps what was typed beside the newer version.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../contracts/api.js';
import type { ReportTransitionInput, ReportUpdateInput } from '../../../contracts/reports.js';
import type { ReportAction } from '../../../domain/reports/report.js';
import { ApiError, sendApi } from '../../api.js';
import { integer } from '../../format.js';
import { useLanguage } from '../../shell/language.js';
import { useSession } from '../../shell/session.js';
import {
  AUTOSAVE_DELAY_MS,
  changedSections,
  cleanLinks,
  isWebAddress,
  linksOf,
  overLimit,
  sameLinks,
  sectionHtml,
  sectionTitle,
  textSections,
  textsOf,
  type LinkRow,
  type Report,
  type Texts,
} from './report-model.js';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; auto: boolean }
  | { kind: 'held'; sections: number[] }
  | { kind: 'failed' };

export type Conflict = { current: Report; mine: Texts; mineLinks: LinkRow[] };
export type FormError = { title: string; lines: string[] };

const DONE_KEYS = {
  submit: 'reports:done.submit',
  return: 'reports:done.return',
  approve: 'reports:done.approve',
} as const;

export function useReportDraft(initial: Report) {
  const lang = useLanguage();
  const { t } = useTranslation(['reports', 'editing', 'common']);
  const { session } = useSession();
  const [report, setReport] = useState(initial);
  const [texts, setTexts] = useState<Texts>(() => textsOf(initial));
  const [stored, setStored] = useState<Texts>(() => textsOf(initial));
  const [links, setLinks] = useState<LinkRow[]>(() => linksOf(initial));
  const [storedLinks, setStoredLinks] = useState<LinkRow[]>(() => linksOf(initial));
  const [comments, setComments] = useState<Texts>({});
  /** Bumped when the fields are filled from the server, so that their counters count afresh. */
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const version = useRef(initial.version);
  const saving = useRef(false);
  const noticeRef = useRef<HTMLDivElement>(null);

  const sections = textSections(report);
  // What this person may do now comes with the report (domain/reports/capabilities.ts); the page
  // keeps no workflow or role rules of its own. A 409's copy of the report has none: nothing then.
  const capabilities = new Set(report.capabilities ?? []);
  const editable = capabilities.has('edit');
  const dirty = changedSections(sections, texts, stored).length > 0 || !sameLinks(links, storedLinks);
  const focusNotice = () => setTimeout(() => noticeRef.current?.focus(), 0);
  const focusField = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
  /** A section's number and title, as the page heads it. */
  const label = (key: string) => {
    const section = report.template.find((s) => s.key === key);
    return section ? `${section.number}. ${sectionTitle(section, lang, report.period.cutOff)}` : key;
  };
  const overLines = (over: typeof sections) =>
    over.map((s) =>
      t('reports:limit.over', {
        section: label(s.key),
        count: overLimit(s, texts[s.key] ?? ''),
        limit: integer(s.limit ?? 0, lang),
      }),
    );

  /** Puts a report the server sent into the page: what is stored is what the fields show. */
  const fill = useCallback((next: Report) => {
    setReport(next);
    version.current = next.version;
    setTexts(textsOf(next));
    setStored(textsOf(next));
    setLinks(linksOf(next));
    setStoredLinks(linksOf(next));
    setGeneration((g) => g + 1);
  }, []);

  /** Field errors from a problem document: sections.s2 → the field of section 2, links.0.url → the link's. */
  function showProblem(error: ApiError, heading: string) {
    const problem = error.problem as Problem | null;
    const byField: Record<string, string> = {};
    const lines: string[] = [];
    for (const item of problem?.errors ?? []) {
      const name = item.name.replace(/^body\./, '');
      const section = /^sections\.(\w+)$/.exec(name);
      const link = /^links\.(\d+)\.(url|title)$/.exec(name);
      if (section?.[1]) byField[`section-${section[1]}`] = item.reason;
      else if (link) byField[`links.${link[1]}.${link[2]}`] = item.reason;
      else if (/^comments/.test(name)) byField['comments'] = item.reason;
      lines.push(section?.[1] ? `${label(section[1])}: ${item.reason}` : item.reason);
    }
    setErrors(byField);
    setFormError({
      title: heading,
      lines: lines.length > 0 ? lines : [problem?.detail ?? problem?.title ?? error.message],
    });
    const first = Object.keys(byField)[0];
    if (first?.startsWith('section-')) focusField(first);
    else if (first?.startsWith('links.')) focusField(first.replace(/^links\.(\d+)\.(\w+)$/, 'link-$1-$2'));
    else focusNotice();
  }

  /** A refusal: a newer version is shown beside what was typed; anything else is said as such. */
  function showFailure(error: unknown, heading: string, unknownTitle: string) {
    if (error instanceof ApiError && error.status === 409 && error.problem?.current) {
      setConflict({ current: error.problem.current as Report, mine: texts, mineLinks: links });
      focusNotice();
    } else if (error instanceof ApiError) {
      showProblem(error, heading);
    } else {
      setFormError({ title: unknownTitle, lines: [t('common:error.text')] });
      focusNotice();
    }
  }

  /**
   * Saves what changed. An autosave leaves out sections over their limit and links that are not
   * web addresses (saying so), and saves the rest; a save by hand refuses until they are fixed.
   * True when everything typed is stored.
   */
  async function save(auto: boolean): Promise<boolean> {
    if (saving.current) return false;
    const changed = changedSections(sections, texts, stored);
    const over = sections.filter((s) => changed.includes(s.key) && overLimit(s, texts[s.key] ?? '') > 0);
    const badLinks = cleanLinks(links)
      .map((link, index) => ({ link, index }))
      .filter(({ link }) => !isWebAddress(link.url));
    const linkErrors = Object.fromEntries(
      badLinks.map(({ index }) => [`links.${index}.url`, t('reports:links.invalid')]),
    );
    const send = changed.filter((key) => !over.some((s) => s.key === key));
    const sendLinks = badLinks.length === 0 && !sameLinks(links, storedLinks);
    setErrors((previous) => ({
      ...Object.fromEntries(Object.entries(previous).filter(([name]) => !name.startsWith('links.'))),
      ...linkErrors,
    }));
    if (!auto && (over.length > 0 || badLinks.length > 0)) {
      setFormError({
        title: t('reports:save.blocked'),
        lines: [...overLines(over), ...(badLinks.length > 0 ? [t('reports:links.invalid')] : [])],
      });
      setStatus({ kind: 'held', sections: over.map((s) => s.number) });
      focusField(over[0] ? `section-${over[0].key}` : `link-${badLinks[0]!.index}-url`);
      return false;
    }
    if (send.length === 0 && !sendLinks) {
      if (over.length > 0) setStatus({ kind: 'held', sections: over.map((s) => s.number) });
      return over.length === 0 && badLinks.length === 0;
    }
    const sentTexts = Object.fromEntries(send.map((key) => [key, texts[key] ?? '']));
    const sentLinks = links;
    const body = {
      ...(send.length > 0
        ? { sections: Object.fromEntries(send.map((key) => [key, { html: sectionHtml(sentTexts[key]!) }])) }
        : {}),
      ...(sendLinks ? { links: cleanLinks(sentLinks) } : {}),
      autosave: auto,
    } satisfies ReportUpdateInput;
    saving.current = true;
    setStatus({ kind: 'saving' });
    try {
      const written = await sendApi<{ version: number }>('PATCH', `/api/v1/reports/${report.id}`, body, {
        language: lang,
        csrfToken: session?.csrfToken,
        ifMatch: version.current,
      });
      version.current = written.data.version;
      setReport((r) => ({ ...r, version: written.data.version }));
      setStored((previous) => ({ ...previous, ...sentTexts }));
      if (sendLinks) setStoredLinks(sentLinks);
      setErrors((previous) =>
        Object.fromEntries(
          Object.entries(previous).filter(
            ([name]) => !send.some((key) => name === `section-${key}`) && !(sendLinks && name.startsWith('links.')),
          ),
        ),
      );
      setFormError(null);
      setStatus(
        over.length > 0
          ? { kind: 'held', sections: over.map((s) => s.number) }
          : { kind: 'saved', at: new Date(), auto },
      );
      return over.length === 0 && badLinks.length === 0;
    } catch (error) {
      setStatus({ kind: 'failed' });
      showFailure(error, t('editing:notSaved'), t('editing:notSaved'));
      return false;
    } finally {
      saving.current = false;
    }
  }

  // Autosave: a while after the last change, while nothing else is being sorted out.
  useEffect(() => {
    if (!editable || conflict || busy || !dirty) return;
    const timer = setTimeout(() => void save(true), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // save reads the latest state through this render's closure; the timer is reset on every change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [texts, links, stored, storedLinks, editable, conflict, busy]);

  /** What the browser refuses before a step: true when the step may be sent. */
  function mayTake(action: ReportAction, written: { section: string; body: string }[]): boolean {
    if (action === 'submit') {
      const empty = sections.filter((s) => (texts[s.key] ?? '').trim() === '');
      const over = sections.filter((s) => overLimit(s, texts[s.key] ?? '') > 0);
      if (empty.length === 0 && over.length === 0) return true;
      setErrors(Object.fromEntries(empty.map((s) => [`section-${s.key}`, t('reports:submit.empty')])));
      setFormError({
        title: t('reports:submit.blocked'),
        lines: [...empty.map((s) => t('reports:submit.emptySection', { section: label(s.key) })), ...overLines(over)],
      });
      focusField(`section-${(empty[0] ?? over[0])!.key}`);
      return false;
    }
    if (action === 'return' && written.length === 0) {
      setErrors({ comments: t('reports:review.commentNeeded') });
      setFormError({ title: t('reports:review.notReturned'), lines: [t('reports:review.commentNeeded')] });
      focusField('comment-header');
      return false;
    }
    if (action === 'approve' && written.length > 0) {
      setFormError({ title: t('reports:review.notApproved'), lines: [t('reports:review.commentsOnlyOnReturn')] });
      focusNotice();
      return false;
    }
    return true;
  }

  /** A workflow step: submit (after saving what is typed), return with comments, or approve. */
  async function transition(action: ReportAction) {
    setNotice(null);
    setFormError(null);
    const written = report.template
      .map((s) => ({ section: s.key, body: (comments[s.key] ?? '').trim() }))
      .filter((c) => c.body !== '');
    if (!mayTake(action, written)) return;
    setBusy(true);
    try {
      if (action === 'submit' && dirty && !(await save(false))) return;
      const { data } = await sendApi<Report>(
        'POST',
        `/api/v1/reports/${report.id}/${action}`,
        (action === 'return' ? { comments: written } : {}) satisfies ReportTransitionInput,
        { language: lang, csrfToken: session?.csrfToken, ifMatch: version.current },
      );
      fill(data);
      setComments({});
      setErrors({});
      setStatus({ kind: 'idle' });
      setNotice(t(DONE_KEYS[action]));
      focusNotice();
    } catch (error) {
      const heading =
        action === 'submit'
          ? t('reports:submit.blocked')
          : action === 'return'
            ? t('reports:review.notReturned')
            : t('reports:review.notApproved');
      showFailure(error, heading, t('common:error.title'));
    } finally {
      setBusy(false);
    }
  }

  /** After a conflict: the newer version replaces what was typed. */
  function reload(current: Report) {
    fill(current);
    setConflict(null);
    setFormError(null);
    setStatus({ kind: 'idle' });
  }

  /** After a conflict: what the user changed goes on top of the newer version; the rest is taken from it. */
  function reapply({ current, mine, mineLinks }: Conflict) {
    const newer = textsOf(current);
    const changed = Object.fromEntries(Object.entries(mine).filter(([key, text]) => text !== stored[key]));
    const keepLinks = !sameLinks(mineLinks, storedLinks);
    setReport(current);
    version.current = current.version;
    setStored(newer);
    setStoredLinks(linksOf(current));
    setTexts({ ...newer, ...changed });
    setLinks(keepLinks ? mineLinks : linksOf(current));
    setGeneration((g) => g + 1);
    setConflict(null);
    setFormError(null);
  }

  return {
    report,
    capabilities,
    editable,
    label,
    texts,
    setText: (key: string, value: string) => {
      setTexts((all) => ({ ...all, [key]: value }));
      setNotice(null);
    },
    stored,
    links,
    setLinks,
    storedLinks,
    comments,
    setComments,
    generation,
    dirty,
    status,
    errors,
    formError,
    notice,
    noticeRef,
    conflict,
    busy,
    save,
    transition,
    reload,
    reapply,
  };
}

export type ReportDraft = ReturnType<typeof useReportDraft>;
