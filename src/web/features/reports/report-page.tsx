/**
 * A theme's report for a period: the header from the data as of the cut-off (read-only), sections
 * 1–5 in textareas with the design system's character counter, section 6's links, section 7's
 * generated project list, autosave of drafts, the versions and a comparison of any two, and the
 * workflow by role: the coordinator submits; the theme's ministry returns it with comments on
 * sections or approves it; the coordinator sees the comments and submits again.
 *
 * The browser refuses what the server would (text over a limit, empty sections on submit, links
 * that are not web addresses) before sending; the server checks everything again. Saves are based
 * on the version read (If-Match); a 409 shows what changed, as the other forms do.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Problem } from '../../../contracts/api.js';
import type { ReportTransitionInput, ReportUpdateInput } from '../../../contracts/reports.js';
import { ApiError, fetchFresh, sendApi } from '../../api.js';
import { ErrorNotice, Note, Warning } from '../../components/feedback.js';
import { Button, TextArea } from '../../components/forms.js';
import { Badge, Panel, Toolbar } from '../../components/layout.js';
import { AppLink, Breadcrumbs } from '../../components/links.js';
import { localizedText } from '../../components/localized.js';
import { PageHeading, Paragraph, SectionHeading, SmallText } from '../../components/typography.js';
import { dateTime, integer, partialDate, timeOfDay } from '../../format.js';
import type { Language } from '../../i18n.js';
import { keyOf, REPORT_STATE_KEYS } from '../../labels.js';
import { paths } from '../../paths.js';
import { NotFoundPage } from '../not-found/not-found-page.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useSession } from '../../shell/session.js';
import { ConflictNotice, type FieldSpec } from '../editing/edit-support.js';
import { useEditGate } from '../editing/form-parts.js';
import { CommentList, HeaderView, LinksEditor, LinksView, ProjectListView, RichTextView } from './report-parts.js';
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
  type ReportingPeriod,
  type Texts,
} from './report-model.js';
import { ReportVersionsPanel } from './report-versions.js';

export function ReportPage() {
  const { period = '', slug = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(['reports', 'editing', 'common']);
  const { session, known } = useSession();
  // The answer remembers which report it is for: while another one loads, this one is not shown.
  const reportKey = `${period}/${slug}`;
  const [answer, setAnswer] = useState<{
    key: string;
    loaded: { report: Report; period: ReportingPeriod } | null;
    error: Error | null;
  } | null>(null);
  const loaded = answer?.key === reportKey ? answer.loaded : null;
  const error = answer?.key === reportKey ? answer.error : null;

  useEffect(() => {
    if (!session) return;
    let current = true;
    Promise.all([
      fetchFresh<Report>(
        `/api/v1/reporting-periods/${encodeURIComponent(period)}/themes/${encodeURIComponent(slug)}/report`,
        lang,
      ),
      fetchFresh<ReportingPeriod>(`/api/v1/reporting-periods/${encodeURIComponent(period)}`, lang),
    ]).then(
      ([report, periodData]) => {
        if (current) setAnswer({ key: reportKey, loaded: { report, period: periodData }, error: null });
      },
      (failure: unknown) => {
        if (current)
          setAnswer({
            key: reportKey,
            loaded: null,
            error: failure instanceof Error ? failure : new Error(String(failure)),
          });
      },
    );
    return () => {
      current = false;
    };
    // A language switch keeps what is being typed; the report is read again only for another one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [period, slug, session]);

  // Not found and not yours are said as such; otherwise the editing pages' gate (sign in, failed, loading).
  const missing = error instanceof ApiError && error.status === 404;
  const forbidden = error instanceof ApiError && error.status === 403;
  const gate = useEditGate({
    known,
    signedIn: !!session,
    loadError: missing || forbidden ? null : error,
    loaded: loaded !== null || missing || forbidden,
    lang,
  });
  if (gate)
    return (
      <Gate title={known && !session ? t('editing:signInNeeded.title') : error ? t('common:error.title') : null}>
        {gate}
      </Gate>
    );
  if (missing) return <NotFoundPage detail={t('common:notFound.record')} />;
  if (forbidden) {
    return (
      <Gate title={t('reports:forbidden.title')}>
        <PageHeading>{t('reports:forbidden.title')}</PageHeading>
        <ErrorNotice title={t('reports:forbidden.text')} />
      </Gate>
    );
  }
  if (!loaded) return null;
  return <ReportEditor key={loaded.report.id} initial={loaded.report} period={loaded.period} />;
}

/** Names the tab while the report itself cannot be shown. */
function Gate({ title, children }: { title: string | null; children: ReactNode }) {
  usePageTitle(title);
  return <>{children}</>;
}

type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; auto: boolean }
  | { kind: 'held'; sections: number[] }
  | { kind: 'failed' };

type Conflict = { current: Report; mine: Texts; mineLinks: LinkRow[] };

/** What the state means for the reader, and what a workflow step did. */
const GUIDE_KEYS = {
  draft: 'reports:guide.draft',
  submitted: 'reports:guide.submitted',
  returned: 'reports:guide.returned',
  approved: 'reports:guide.approved',
} as const;
const DONE_KEYS = {
  submit: 'reports:done.submit',
  return: 'reports:done.return',
  approve: 'reports:done.approve',
} as const;

const STATE_TONE = { draft: 'neutral', submitted: 'info', returned: 'warning', approved: 'success' } as const;

function ReportEditor({ initial, period }: { initial: Report; period: ReportingPeriod }) {
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
  const [formError, setFormError] = useState<{ title: string; lines: string[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const version = useRef(initial.version);
  const saving = useRef(false);
  const noticeRef = useRef<HTMLDivElement>(null);

  const themeName = localizedText(report.theme.name, lang);
  const periodTitle = localizedText(period.title, lang).text;
  const title = t('reports:report.title', { period: periodTitle, theme: themeName.text });
  usePageTitle(title);

  const sections = textSections(report);
  // What this person may do now comes with the report (domain/reports/capabilities.ts); the page
  // keeps no workflow or role rules of its own. A 409's copy of the report has none: nothing then.
  const capabilities = new Set(report.capabilities ?? []);
  const editable = capabilities.has('edit');
  const reviewing = capabilities.has('approve') || capabilities.has('return');
  const mayComment = capabilities.has('return');
  const dirty = changedSections(sections, texts, stored).length > 0 || !sameLinks(links, storedLinks);
  const focusNotice = () => setTimeout(() => noticeRef.current?.focus(), 0);
  const focusField = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
  const label = (key: string) => {
    const section = report.template.find((s) => s.key === key);
    return section ? `${section.number}. ${sectionTitle(section, lang, report.period.cutOff)}` : key;
  };

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
        lines: [
          ...over.map((s) =>
            t('reports:limit.over', {
              section: label(s.key),
              count: overLimit(s, texts[s.key] ?? ''),
              limit: integer(s.limit ?? 0, lang),
            }),
          ),
          ...(badLinks.length > 0 ? [t('reports:links.invalid')] : []),
        ],
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
      if (error instanceof ApiError && error.status === 409 && error.problem?.current) {
        setConflict({ current: error.problem.current as Report, mine: texts, mineLinks: links });
        focusNotice();
      } else if (error instanceof ApiError) {
        showProblem(error, t('editing:notSaved'));
      } else {
        setFormError({ title: t('editing:notSaved'), lines: [t('common:error.text')] });
        focusNotice();
      }
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

  async function transition(action: 'submit' | 'return' | 'approve') {
    setNotice(null);
    setFormError(null);
    if (action === 'submit') {
      const empty = sections.filter((s) => (texts[s.key] ?? '').trim() === '');
      const over = sections.filter((s) => overLimit(s, texts[s.key] ?? '') > 0);
      if (empty.length > 0 || over.length > 0) {
        setErrors(Object.fromEntries(empty.map((s) => [`section-${s.key}`, t('reports:submit.empty')])));
        setFormError({
          title: t('reports:submit.blocked'),
          lines: [
            ...empty.map((s) => t('reports:submit.emptySection', { section: label(s.key) })),
            ...over.map((s) =>
              t('reports:limit.over', {
                section: label(s.key),
                count: overLimit(s, texts[s.key] ?? ''),
                limit: integer(s.limit ?? 0, lang),
              }),
            ),
          ],
        });
        focusField(`section-${(empty[0] ?? over[0])!.key}`);
        return;
      }
    }
    const written = report.template
      .map((s) => ({ section: s.key, body: (comments[s.key] ?? '').trim() }))
      .filter((c) => c.body !== '');
    if (action === 'return' && written.length === 0) {
      setErrors({ comments: t('reports:review.commentNeeded') });
      setFormError({ title: t('reports:review.notReturned'), lines: [t('reports:review.commentNeeded')] });
      focusField('comment-header');
      return;
    }
    if (action === 'approve' && written.length > 0) {
      setFormError({ title: t('reports:review.notApproved'), lines: [t('reports:review.commentsOnlyOnReturn')] });
      focusNotice();
      return;
    }
    setBusy(true);
    try {
      if (action === 'submit' && dirty && !(await save(false))) return;
      const { data } = await sendApi<Report>(
        'POST',
        `/api/v1/reports/${report.id}/${action}`,
        (action === 'return' ? { comments: written } : {}) satisfies ReportTransitionInput,
        {
          language: lang,
          csrfToken: session?.csrfToken,
          ifMatch: version.current,
        },
      );
      fill(data);
      setComments({});
      setErrors({});
      setStatus({ kind: 'idle' });
      setNotice(t(DONE_KEYS[action]));
      focusNotice();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.problem?.current) {
        setConflict({ current: error.problem.current as Report, mine: texts, mineLinks: links });
        focusNotice();
      } else if (error instanceof ApiError) {
        showProblem(
          error,
          action === 'submit'
            ? t('reports:submit.blocked')
            : action === 'return'
              ? t('reports:review.notReturned')
              : t('reports:review.notApproved'),
        );
      } else {
        setFormError({ title: t('common:error.title'), lines: [t('common:error.text')] });
        focusNotice();
      }
    } finally {
      setBusy(false);
    }
  }

  const conflictFields: FieldSpec[] = [
    ...sections.map((s) => ({ name: s.key, label: label(s.key), kind: 'textarea' as const })),
    { name: 'links', label: label('s6'), kind: 'text' },
  ];
  const linkText = (rows: LinkRow[]) =>
    cleanLinks(rows)
      .map((l) => l.url)
      .join(', ');
  const commentsOn = (key: string) => report.comments.filter((c) => c.section === key);
  const latestReturn = Math.max(0, ...report.comments.map((c) => c.version));
  const openComments = report.state === 'returned' ? report.comments.filter((c) => c.version === latestReturn) : [];

  return (
    <>
      <Breadcrumbs
        label={t('common:breadcrumbs')}
        items={[
          { to: paths.reports(lang), label: t('reports:periods.title') },
          { label: periodTitle },
          { label: themeName.text },
        ]}
      />
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <AppLink to={paths.theme(lang, report.theme.slug)}>
          {t('reports:report.toTheme', { theme: themeName.text })}
        </AppLink>
      </Paragraph>

      <Panel aria-labelledby="report-state">
        <SectionHeading id="report-state">{t('reports:report.stateHeading')}</SectionHeading>
        <Paragraph>
          {t('reports:report.state')}{' '}
          <Badge $tone={STATE_TONE[report.state]}>
            {t(keyOf(REPORT_STATE_KEYS, report.state) ?? 'common:notKnown')}
          </Badge>
        </Paragraph>
        <SmallText>
          {t('reports:report.facts', {
            version: report.version,
            when: dateTime(report.updatedAt, lang),
            who: report.updatedBy ?? t('common:notKnown'),
            deadline: report.period.deadline ? partialDate(report.period.deadline, lang) : t('common:notKnown'),
          })}
          {report.submissions > 1 ? ` ${t('reports:report.resubmitted', { count: report.submissions })}` : ''}
        </SmallText>
        <Paragraph>{t(GUIDE_KEYS[report.state])}</Paragraph>
        {report.state === 'submitted' && report.approvals.required.length > 1 ? (
          <Paragraph>
            {report.approvals.approved.length > 0
              ? t('reports:actions.approvals', {
                  required: report.approvals.required.join(', '),
                  approved: report.approvals.approved.join(', '),
                })
              : t('reports:actions.approvalsNone', { required: report.approvals.required.join(', ') })}
          </Paragraph>
        ) : null}
        {openComments.length > 0 ? (
          <Warning title={t('reports:comments.returnedTitle')}>
            {t('reports:comments.returnedText')}
            <ul>
              {openComments.map((c) => (
                <li key={c.id}>
                  <a href={`#heading-${c.section}`}>
                    {c.section === 'header' ? t('reports:header.heading') : label(c.section)}
                  </a>
                  : {c.body}
                </li>
              ))}
            </ul>
          </Warning>
        ) : null}
      </Panel>

      <div ref={noticeRef} tabIndex={-1}>
        {notice ? <Note title={notice}>{t('reports:done.text')}</Note> : null}
        {formError ? (
          <ErrorNotice title={formError.title}>
            <ul>
              {formError.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </ErrorNotice>
        ) : null}
        {conflict ? (
          <ConflictNotice
            fields={conflictFields}
            base={{ ...stored, links: linkText(storedLinks) }}
            current={{ ...textsOf(conflict.current), links: linkText(linksOf(conflict.current)) }}
            mine={{ ...conflict.mine, links: linkText(conflict.mineLinks) }}
            lang={lang}
            onReload={() => {
              fill(conflict.current);
              setConflict(null);
              setFormError(null);
              setStatus({ kind: 'idle' });
            }}
            onReapply={() => {
              // What the user changed goes on top of the newer version; the rest is taken from it.
              const current = textsOf(conflict.current);
              const mine = Object.fromEntries(
                Object.entries(conflict.mine).filter(([key, text]) => text !== stored[key]),
              );
              const keepLinks = !sameLinks(conflict.mineLinks, storedLinks);
              setReport(conflict.current);
              version.current = conflict.current.version;
              setStored(current);
              setStoredLinks(linksOf(conflict.current));
              setTexts({ ...current, ...mine });
              setLinks(keepLinks ? conflict.mineLinks : linksOf(conflict.current));
              setGeneration((g) => g + 1);
              setConflict(null);
              setFormError(null);
            }}
          />
        ) : null}
      </div>

      <Panel aria-labelledby="heading-header">
        <SectionHeading id="heading-header">{t('reports:header.heading')}</SectionHeading>
        <CommentList comments={commentsOn('header')} id="comments-header" lang={lang} />
        <HeaderView report={report} lang={lang} />
        {mayComment ? (
          <CommentField
            sectionKey="header"
            label={t('reports:review.commentOn', { section: t('reports:header.heading') })}
            comments={comments}
            setComments={setComments}
            error={errors.comments}
          />
        ) : null}
      </Panel>

      {editable ? (
        <Paragraph>
          <span role="status">
            <SaveStatusText status={status} dirty={dirty} lang={lang} />
          </span>
        </Paragraph>
      ) : null}

      {report.template.map((section) => {
        const sectionComments = commentsOn(section.key);
        const text = texts[section.key] ?? '';
        const over = overLimit(section, text);
        const heading = label(section.key);
        return (
          <Panel key={section.key} aria-labelledby={`heading-${section.key}`}>
            <SectionHeading id={`heading-${section.key}`}>{heading}</SectionHeading>
            <CommentList comments={sectionComments} id={`comments-${section.key}`} lang={lang} />
            {section.kind === 'rich' ? (
              editable ? (
                <TextArea
                  key={`${section.key}-${generation}`}
                  id={`section-${section.key}`}
                  label={t('reports:section.label', { number: section.number })}
                  hint={
                    section.limit === null
                      ? t('reports:section.hintNoLimit')
                      : t('reports:section.hint', { limit: integer(section.limit, lang) })
                  }
                  value={text}
                  onChange={(value) => {
                    setTexts((all) => ({ ...all, [section.key]: value }));
                    setNotice(null);
                  }}
                  error={
                    over > 0
                      ? t('reports:limit.field', { count: over, limit: integer(section.limit ?? 0, lang) })
                      : errors[`section-${section.key}`]
                  }
                  counter={
                    section.limit === null
                      ? undefined
                      : {
                          limit: section.limit,
                          remaining: (n) => t('reports:limit.remaining', { count: n }),
                          exceeded: (n) => t('reports:limit.exceeded', { count: n }),
                        }
                  }
                  describedBy={sectionComments.length > 0 ? `comments-${section.key}` : undefined}
                  rows={8}
                />
              ) : (
                <RichTextView
                  blocks={report.sections.find((s) => s.key === section.key)?.blocks ?? []}
                  emptyText={t('reports:section.empty')}
                />
              )
            ) : section.kind === 'links' ? (
              editable ? (
                <LinksEditor rows={links} onChange={setLinks} errors={errors} />
              ) : (
                <LinksView links={report.links} />
              )
            ) : (
              <>
                <SmallText>{t('reports:projects.generated')}</SmallText>
                <ProjectListView projects={report.projects} lang={lang} />
              </>
            )}
            {mayComment ? (
              <CommentField
                sectionKey={section.key}
                label={t('reports:review.commentOn', { section: heading })}
                comments={comments}
                setComments={setComments}
              />
            ) : null}
          </Panel>
        );
      })}

      {editable || reviewing ? (
        <Panel aria-labelledby="report-actions">
          <SectionHeading id="report-actions">
            {editable ? t('reports:actions.coordinatorHeading') : t('reports:actions.ministryHeading')}
          </SectionHeading>
          <Paragraph>{editable ? t('reports:actions.coordinatorText') : t('reports:actions.ministryText')}</Paragraph>
          <Toolbar>
            {editable ? (
              <Button variant="secondary" disabled={busy} onClick={() => void save(false)}>
                {t('reports:actions.save')}
              </Button>
            ) : null}
            {capabilities.has('submit') ? (
              <Button disabled={busy} onClick={() => void transition('submit')}>
                {report.state === 'returned' ? t('reports:actions.resubmit') : t('reports:actions.submit')}
              </Button>
            ) : null}
            {capabilities.has('return') ? (
              <Button variant="secondary" disabled={busy} onClick={() => void transition('return')}>
                {t('reports:actions.return')}
              </Button>
            ) : null}
            {capabilities.has('approve') ? (
              <Button disabled={busy} onClick={() => void transition('approve')}>
                {t('reports:actions.approve')}
              </Button>
            ) : null}
          </Toolbar>
        </Panel>
      ) : null}

      <ReportVersionsPanel report={report} lang={lang} />
    </>
  );
}

function CommentField({
  sectionKey,
  label,
  comments,
  setComments,
  error,
}: {
  sectionKey: string;
  label: string;
  comments: Texts;
  setComments: (update: (c: Texts) => Texts) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation(['editing']);
  return (
    <TextArea
      id={`comment-${sectionKey}`}
      label={label}
      value={comments[sectionKey] ?? ''}
      onChange={(value) => setComments((all) => ({ ...all, [sectionKey]: value }))}
      optionalText={t('editing:optional')}
      error={error}
      rows={3}
    />
  );
}

function SaveStatusText({ status, dirty, lang }: { status: SaveStatus; dirty: boolean; lang: Language }) {
  const { t } = useTranslation(['reports']);
  switch (status.kind) {
    case 'saving':
      return <>{t('reports:save.saving')}</>;
    case 'saved':
      return (
        <>
          {dirty
            ? t('reports:save.unsaved')
            : t(status.auto ? 'reports:save.autosaved' : 'reports:save.saved', { time: timeOfDay(status.at, lang) })}
        </>
      );
    case 'held':
      return <>{t('reports:save.held', { sections: status.sections.join(', ') })}</>;
    case 'failed':
      return <>{t('reports:save.failed')}</>;
    default:
      return <>{dirty ? t('reports:save.unsaved') : t('reports:save.upToDate')}</>;
  }
}
