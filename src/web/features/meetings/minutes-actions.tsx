/**
 * The minutes' workflow where it happens, on the meeting page: the secretary tells the chair that
 * the draft is ready (by e-mail), the chair checks the secretary's draft (or returns checked minutes with a reason), the next meeting approves them through its
 * approval item, and the secretary publishes approved minutes. Each step is sent with the version
 * of the meeting the user saw; if someone changed it meanwhile the server answers 409 and the step
 * shows what changed, to reload or to take the step again on the newer version. The server decides
 * who may take a step, and sends with the meeting the steps this person may take now
 * (`capabilities`, domain/capabilities.ts): exactly those are offered here.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, MeetingSummary } from '../../../contracts/meetings.js';
import { ApiError, fetchFresh, sendApi, useApi } from '../../api.js';
import { Note, Warning } from '../../components/feedback.js';
import { Button, CheckboxField, FormStack } from '../../components/forms.js';
import { Panel, Toolbar } from '../../components/layout.js';
import { Paragraph, SectionHeading } from '../../components/typography.js';
import type { Language } from '../../i18n.js';
import { MINUTES_STATUS_KEYS } from '../../labels.js';
import { mayInGroup, useSession } from '../../shell/session.js';
import { helsinkiDate, helsinkiTime } from '../../../domain/helsinki-time.js';
import { meetingStarted, minutesLocked } from '../../../domain/meetings.js';
import { formatFinnishDate } from '../../../domain/calendar-date.js';
import { ConflictNotice, type FieldSpec } from '../editing/edit-support.js';
import { FailureNotice, FieldInputs, useFieldForm } from '../editing/form-parts.js';

type Step = 'ready' | 'check' | 'return' | 'approvePrevious' | 'publish';

const STEP_PATHS: Record<Step, string> = {
  ready: 'minutes/ready',
  check: 'minutes/check',
  return: 'minutes/return',
  approvePrevious: 'approve-previous-minutes',
  publish: 'minutes/publish',
};

/** The status the step leads to, for the conflict table ("your change"). */
const STEP_TARGET: Record<Step, MeetingDetail['minutesStatus']> = {
  ready: 'draft',
  check: 'checked',
  return: 'draft',
  approvePrevious: 'draft',
  publish: 'published',
};

/** What the status means and who acts next. */
const EXPLAIN_KEYS = {
  draft: 'meetings:workflow.explain.draft',
  checked: 'meetings:workflow.explain.checked',
  approved: 'meetings:workflow.explain.approved',
  published: 'meetings:workflow.explain.published',
} as const;

/** Has the meeting started, as Helsinki's clock says now? Attendance, minutes and the check wait for it. */
export function startedNow(meeting: Pick<MeetingDetail, 'date' | 'startTime'>): boolean {
  const now = new Date();
  return meetingStarted(meeting, { date: helsinkiDate(now), time: helsinkiTime(now) });
}

export function MinutesActions({
  meeting,
  lang,
  onChanged,
}: {
  meeting: MeetingDetail;
  lang: Language;
  onChanged: (meeting: MeetingDetail) => void;
}) {
  const { t } = useTranslation(['meetings', 'editing']);
  const { session } = useSession();
  const allowed = (step: MeetingDetail['capabilities'][number]) => meeting.capabilities.includes(step);
  // The secretary's explanations (why a step waits) follow the group's meeting.edit; the steps the capabilities.
  const editor = mayInGroup(session, meeting.steeringGroup, 'meeting.edit');
  const chair = allowed('check') || allowed('return');
  const groupPath = `/api/v1/steering-groups/${encodeURIComponent(meeting.steeringGroup)}`;
  const meetings = useApi<{ items: MeetingSummary[] }>(
    editor && meeting.previousMeeting ? `${groupPath}/meetings` : null,
    lang,
  );
  const started = startedNow(meeting);
  const previous = meetings.data?.items.find((m) => m.key === meeting.previousMeeting);

  const reasonField: FieldSpec[] = [
    { name: 'reason', label: t('meetings:workflow.returnReason'), kind: 'textarea', required: true },
  ];
  const form = useFieldForm(reasonField, lang);
  // Taken out of the form: React treats an object read with a ref inside as a ref, not readable while drawing.
  const { noticeRef } = form;
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // Publishing minutes that hold placeholders needs the secretary to say they belong there.
  const [placeholdersConfirmed, setPlaceholdersConfirmed] = useState(false);
  const [conflict, setConflict] = useState<{
    step: Step;
    current: Record<string, unknown>;
    body: Record<string, unknown>;
  } | null>(null);
  const statusWord = (status: unknown) =>
    typeof status === 'string' && status in MINUTES_STATUS_KEYS
      ? t(MINUTES_STATUS_KEYS[status as keyof typeof MINUTES_STATUS_KEYS])
      : String(status ?? '');

  async function take(step: Step, body: Record<string, unknown>, version: number) {
    setBusy(true);
    setDone(null);
    try {
      const answer = await sendApi<MeetingDetail>(
        'POST',
        `/api/v1/meetings/${encodeURIComponent(meeting.key)}/${STEP_PATHS[step]}`,
        body,
        {
          language: lang,
          csrfToken: session?.csrfToken,
          ifMatch: version,
        },
      );
      setConflict(null);
      form.setFormError(null);
      onChanged(answer.data);
      // Approving acts on the previous meeting's minutes; the other steps on this meeting's.
      setDone(
        step === 'approvePrevious'
          ? t('meetings:workflow.approvedPrevious', { number: answer.data.previousMinutes ?? '' })
          : step === 'ready'
            ? t('meetings:workflow.readySent')
            : t('meetings:workflow.done', { status: statusWord(answer.data.minutesStatus) }),
      );
      form.focusNotice();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setConflict({ step, current: (error.problem?.current as Record<string, unknown> | null) ?? {}, body });
        form.focusNotice();
      } else {
        form.showFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  /** The meeting as it is now, for the page and for taking the step again. */
  async function reload(): Promise<MeetingDetail> {
    const fresh = await fetchFresh<MeetingDetail>(`/api/v1/meetings/${encodeURIComponent(meeting.key)}`, lang);
    onChanged(fresh);
    return fresh;
  }

  const steps: { step: Step; label: string; variant?: 'secondary' }[] = [];
  if (allowed('check')) steps.push({ step: 'check', label: t('meetings:workflow.check') });
  // The secretary tells the chair by e-mail that the draft is ready (the minutes stay a draft).
  if (allowed('ready')) steps.push({ step: 'ready', label: t('meetings:workflow.ready') });
  if (allowed('approvePrevious'))
    steps.push({
      step: 'approvePrevious',
      label: t('meetings:workflow.approvePrevious', { number: previous?.number ?? meeting.previousMinutes ?? '' }),
    });
  if (allowed('publish')) steps.push({ step: 'publish', label: t('meetings:workflow.publish') });
  const canReturn = allowed('return');

  if (!editor && !chair) return null;
  return (
    <Panel aria-labelledby="minutes-workflow">
      <SectionHeading id="minutes-workflow">{t('meetings:workflow.heading')}</SectionHeading>
      <Paragraph>{t(EXPLAIN_KEYS[meeting.minutesStatus])}</Paragraph>
      {meeting.minutesReturn && meeting.minutesStatus === 'draft' ? (
        <Note title={t('meetings:workflow.returnedTitle')}>
          <Paragraph>
            {t('meetings:workflow.returnedBy', {
              name: meeting.minutesReturn.by ?? '',
              date: formatFinnishDate(helsinkiDate(new Date(meeting.minutesReturn.at))),
            })}
          </Paragraph>
          {meeting.minutesReturn.reason ? <Paragraph>{meeting.minutesReturn.reason}</Paragraph> : null}
        </Note>
      ) : null}
      {!started ? <Paragraph>{t('meetings:workflow.notStarted')}</Paragraph> : null}
      {started && !meeting.chairedBy && meeting.minutesStatus === 'draft' ? (
        <Paragraph>{t('meetings:workflow.nobodyChaired')}</Paragraph>
      ) : null}
      {editor && previous && started && !meeting.quorum.reached && previous.minutesStatus === 'checked' ? (
        <Paragraph>
          {t('meetings:workflow.noQuorum', {
            number: previous.number,
            represented: meeting.quorum.represented,
            seats: meeting.quorum.seats,
            needed: meeting.quorum.needed,
          })}
        </Paragraph>
      ) : null}
      {editor && meeting.minutesStatus === 'draft' && !chair ? (
        <Paragraph>{t('meetings:workflow.secretaryDraft')}</Paragraph>
      ) : null}
      {editor &&
      previous &&
      previous.minutesStatus !== 'checked' &&
      !(previous.minutesStatus === 'approved' || previous.minutesStatus === 'published') ? (
        <Paragraph>
          {t('meetings:workflow.previousNotChecked', {
            number: previous.number,
            status: statusWord(previous.minutesStatus),
          })}
        </Paragraph>
      ) : null}
      {editor && meeting.placeholders.length > 0 && meeting.minutesStatus !== 'published' ? (
        <Warning title={t('meetings:workflow.placeholders.title', { count: meeting.placeholders.length })}>
          <Paragraph>
            {minutesLocked(meeting.minutesStatus)
              ? t('meetings:workflow.placeholders.locked')
              : t('meetings:workflow.placeholders.fix')}
          </Paragraph>
          <ul>
            {meeting.placeholders.map((p, i) => (
              <li key={i}>
                {p.item === null
                  ? t(`meetings:workflow.placeholders.field.${p.field.split('.')[0]}`, { defaultValue: p.field })
                  : `§ ${p.item}, ${t(`meetings:workflow.placeholders.field.${p.field.split('.')[0]}`, { defaultValue: p.field })}`}
                : <q lang="fi">{p.what}</q> – <span lang="fi">{p.text}</span>
              </li>
            ))}
          </ul>
          {editor && meeting.minutesStatus === 'approved' ? (
            <CheckboxField
              id="confirm-placeholders"
              label={t('meetings:workflow.placeholders.confirm')}
              checked={placeholdersConfirmed}
              onChange={setPlaceholdersConfirmed}
            />
          ) : null}
        </Warning>
      ) : null}
      <div ref={noticeRef} tabIndex={-1}>
        {done ? <Note title={t('editing:saved.title')}>{done}</Note> : null}
        <FailureNotice lines={form.formError} />
        {conflict ? (
          <ConflictNotice
            fields={[{ name: 'minutesStatus', label: t('meetings:meeting.minutesStatus'), kind: 'text' }]}
            base={{ minutesStatus: statusWord(meeting.minutesStatus) }}
            current={{ minutesStatus: statusWord(conflict.current.minutesStatus) }}
            mine={{ minutesStatus: statusWord(STEP_TARGET[conflict.step]) }}
            lang={lang}
            onReload={() => {
              setConflict(null);
              void reload();
            }}
            onReapply={() => {
              const { step, body } = conflict;
              void reload().then((fresh) => take(step, body, fresh.version));
            }}
          />
        ) : null}
      </div>
      {steps.length > 0 ? (
        <Toolbar>
          {steps.map(({ step, label }) => (
            <Button
              key={step}
              disabled={busy || (step === 'publish' && meeting.placeholders.length > 0 && !placeholdersConfirmed)}
              onClick={() =>
                void take(
                  step,
                  step === 'publish' && meeting.placeholders.length > 0 ? { confirmPlaceholders: true } : {},
                  meeting.version,
                )
              }
            >
              {label}
            </Button>
          ))}
        </Toolbar>
      ) : null}
      {canReturn ? (
        <form
          noValidate
          aria-label={t('meetings:workflow.return')}
          onSubmit={(event) => {
            event.preventDefault();
            const values = form.readValues();
            if (values) void take('return', { reason: values.reason }, meeting.version);
          }}
        >
          <FormStack>
            <FieldInputs fields={reasonField} form={form} hint={() => undefined} />
            <div>
              <Button type="submit" variant="secondary" disabled={busy}>
                {t('meetings:workflow.return')}
              </Button>
            </div>
          </FormStack>
        </form>
      ) : null}
    </Panel>
  );
}
