/**
 * The report editor's panels, each drawn from the draft (use-report-draft.ts): where the report
 * stands in its workflow, what the page says back, one section (a textarea, the links or the
 * generated project list, with the comments on it), and the workflow's buttons.
 */
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Note, Warning } from '../../components/feedback.js';
import { Button, TextArea } from '../../components/forms.js';
import { Badge, Panel, Toolbar } from '../../components/layout.js';
import { Paragraph, SectionHeading, SmallText } from '../../components/typography.js';
import { dateTime, integer, partialDate, timeOfDay } from '../../format.js';
import type { Language } from '../../i18n.js';
import { keyOf, REPORT_STATE_KEYS } from '../../labels.js';
import { ConflictNotice, type FieldSpec } from '../editing/edit-support.js';
import { CommentList, HeaderView, LinksEditor, LinksView, ProjectListView, RichTextView } from './report-parts.js';
import {
  cleanLinks,
  linksOf,
  overLimit,
  textSections,
  textsOf,
  type LinkRow,
  type SectionTemplate,
  type Texts,
} from './report-model.js';
import type { ReportDraft, SaveStatus } from './use-report-draft.js';

/** What the state means for the reader. */
const GUIDE_KEYS = {
  draft: 'reports:guide.draft',
  submitted: 'reports:guide.submitted',
  returned: 'reports:guide.returned',
  approved: 'reports:guide.approved',
} as const;

const STATE_TONE = { draft: 'neutral', submitted: 'info', returned: 'warning', approved: 'success' } as const;

/** The report's state, who changed it last, the approvals still wanted and the comments of a return. */
export function ReportStatePanel({ draft, lang }: { draft: ReportDraft; lang: Language }) {
  const { t } = useTranslation(['reports', 'common']);
  const { report, label } = draft;
  const latestReturn = Math.max(0, ...report.comments.map((c) => c.version));
  const openComments = report.state === 'returned' ? report.comments.filter((c) => c.version === latestReturn) : [];
  return (
    <Panel aria-labelledby="report-state">
      <SectionHeading id="report-state">{t('reports:report.stateHeading')}</SectionHeading>
      <Paragraph>
        {t('reports:report.state')}{' '}
        <Badge $tone={STATE_TONE[report.state]}>{t(keyOf(REPORT_STATE_KEYS, report.state) ?? 'common:notKnown')}</Badge>
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
  );
}

const linkText = (rows: LinkRow[]) =>
  cleanLinks(rows)
    .map((l) => l.url)
    .join(', ');

/** What the page says back, focused when it changes: a step done, a refusal, a newer version. */
export function ReportFeedback({ draft, lang }: { draft: ReportDraft; lang: Language }) {
  const { t } = useTranslation(['reports']);
  const { report, label, notice, formError, conflict, stored, storedLinks, noticeRef } = draft;
  const conflictFields: FieldSpec[] = [
    ...textSections(report).map((s) => ({ name: s.key, label: label(s.key), kind: 'textarea' as const })),
    { name: 'links', label: label('s6'), kind: 'text' },
  ];
  return (
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
          onReload={() => draft.reload(conflict.current)}
          onReapply={() => draft.reapply(conflict)}
        />
      ) : null}
    </div>
  );
}

/** The header, filled from the data as of the cut-off, with the comments on it. */
export function ReportHeaderPanel({ draft, lang }: { draft: ReportDraft; lang: Language }) {
  const { t } = useTranslation(['reports']);
  const { report } = draft;
  return (
    <Panel aria-labelledby="heading-header">
      <SectionHeading id="heading-header">{t('reports:header.heading')}</SectionHeading>
      <CommentList comments={report.comments.filter((c) => c.section === 'header')} id="comments-header" lang={lang} />
      <HeaderView report={report} lang={lang} />
      {draft.capabilities.has('return') ? (
        <CommentField
          sectionKey="header"
          label={t('reports:review.commentOn', { section: t('reports:header.heading') })}
          draft={draft}
          error={draft.errors.comments}
        />
      ) : null}
    </Panel>
  );
}

/** One section: its text (a textarea with a counter while editable), the links, or the project list. */
export function ReportSectionPanel({
  section,
  draft,
  lang,
}: {
  section: SectionTemplate;
  draft: ReportDraft;
  lang: Language;
}) {
  const { t } = useTranslation(['reports']);
  const { report, editable, errors } = draft;
  const sectionComments = report.comments.filter((c) => c.section === section.key);
  const text = draft.texts[section.key] ?? '';
  const over = overLimit(section, text);
  const heading = draft.label(section.key);
  return (
    <Panel aria-labelledby={`heading-${section.key}`}>
      <SectionHeading id={`heading-${section.key}`}>{heading}</SectionHeading>
      <CommentList comments={sectionComments} id={`comments-${section.key}`} lang={lang} />
      {section.kind === 'rich' ? (
        editable ? (
          <TextArea
            key={`${section.key}-${draft.generation}`}
            id={`section-${section.key}`}
            label={t('reports:section.label', { number: section.number })}
            hint={
              section.limit === null
                ? t('reports:section.hintNoLimit')
                : t('reports:section.hint', { limit: integer(section.limit, lang) })
            }
            value={text}
            onChange={(value) => draft.setText(section.key, value)}
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
          <LinksEditor rows={draft.links} onChange={draft.setLinks} errors={errors} />
        ) : (
          <LinksView links={report.links} />
        )
      ) : (
        <>
          <SmallText>{t('reports:projects.generated')}</SmallText>
          <ProjectListView projects={report.projects} lang={lang} />
        </>
      )}
      {draft.capabilities.has('return') ? (
        <CommentField
          sectionKey={section.key}
          label={t('reports:review.commentOn', { section: heading })}
          draft={draft}
        />
      ) : null}
    </Panel>
  );
}

/** The steps this person may take now: save and submit for the coordinator, return or approve for the ministry. */
export function ReportActions({ draft }: { draft: ReportDraft }) {
  const { t } = useTranslation(['reports']);
  const { capabilities, editable, busy, report } = draft;
  if (!editable && !capabilities.has('approve') && !capabilities.has('return')) return null;
  return (
    <Panel aria-labelledby="report-actions">
      <SectionHeading id="report-actions">
        {editable ? t('reports:actions.coordinatorHeading') : t('reports:actions.ministryHeading')}
      </SectionHeading>
      <Paragraph>{editable ? t('reports:actions.coordinatorText') : t('reports:actions.ministryText')}</Paragraph>
      <Toolbar>
        {editable ? (
          <Button variant="secondary" disabled={busy} onClick={() => void draft.save(false)}>
            {t('reports:actions.save')}
          </Button>
        ) : null}
        {capabilities.has('submit') ? (
          <Button disabled={busy} onClick={() => void draft.transition('submit')}>
            {report.state === 'returned' ? t('reports:actions.resubmit') : t('reports:actions.submit')}
          </Button>
        ) : null}
        {capabilities.has('return') ? (
          <Button variant="secondary" disabled={busy} onClick={() => void draft.transition('return')}>
            {t('reports:actions.return')}
          </Button>
        ) : null}
        {capabilities.has('approve') ? (
          <Button disabled={busy} onClick={() => void draft.transition('approve')}>
            {t('reports:actions.approve')}
          </Button>
        ) : null}
      </Toolbar>
    </Panel>
  );
}

function CommentField({
  sectionKey,
  label,
  draft,
  error,
}: {
  sectionKey: string;
  label: string;
  draft: ReportDraft;
  error?: string | undefined;
}) {
  const { t } = useTranslation(['editing']);
  return (
    <TextArea
      id={`comment-${sectionKey}`}
      label={label}
      value={draft.comments[sectionKey] ?? ''}
      onChange={(value) => draft.setComments((all: Texts) => ({ ...all, [sectionKey]: value }))}
      optionalText={t('editing:optional')}
      error={error}
      rows={3}
    />
  );
}

/** Where the typing stands: saved (by itself or by hand, when), unsaved, held back, or failed. */
export function SaveStatusText({ status, dirty, lang }: { status: SaveStatus; dirty: boolean; lang: Language }) {
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
