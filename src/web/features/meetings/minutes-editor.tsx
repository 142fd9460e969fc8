/**
 * The minutes on one page: every agenda item with its time (opening and closing), discussion and
 * decision. What is typed is saved by itself a moment after typing stops, and when the field is
 * left, each item with the version it was read at; the page says for each item and for the whole
 * whether everything is saved. "Next item" and "Previous item" (and Alt+↓ / Alt+↑ in a field) move
 * between items by keyboard. The server refuses minutes before the meeting has started and shows
 * the reason at the field, in the page's language.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AgendaItem, MeetingDetail } from '../../../contracts/meetings.js';
import { bilingualGroup } from '../../../domain/meetings.js';
import { ApiError, fetchFresh, sendApi, useApi } from '../../api.js';
import { ErrorNotice, Note } from '../../components/feedback.js';
import { Button, TextArea, TextField } from '../../components/forms.js';
import { Panel, Toolbar } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import type { Language } from '../../i18n.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useSession } from '../../shell/session.js';
import { fieldErrors, fromInput, toInput } from '../editing/edit-support.js';
import { GroupMaterialState } from './meeting-parts.js';

type Field = 'time' | 'discussion' | 'decision' | 'discussionSv' | 'decisionSv';
const TEXT_FIELDS: Field[] = ['time', 'discussion', 'decision', 'discussionSv', 'decisionSv'];
type Texts = Record<Field, string>;
type ItemState = {
  version: number;
  saved: Texts;
  draft: Texts;
  status: 'saved' | 'unsaved' | 'saving' | 'failed' | 'conflict';
  savedAt: string | null;
  errors: Partial<Record<Field, string>>;
};

/**
 * Opening and closing record a time; every item has its discussion and decision, and in a bilingual
 * group (one with a Swedish name) the same in Swedish for the Swedish minutes.
 */
const fieldsOf = (item: Pick<AgendaItem, 'kind'>, bilingual: boolean): Field[] => [
  ...(item.kind === 'opening' || item.kind === 'closing' ? (['time'] as Field[]) : []),
  'discussion',
  'decision',
  ...(bilingual ? (['discussionSv', 'decisionSv'] as Field[]) : []),
];

const AUTOSAVE_MS = 1200;

/** The language of what is typed in a field, where it differs from the page's. */
const textLang = (field: Field, page: Language): string | undefined => {
  const own = field.endsWith('Sv') ? 'sv' : 'fi';
  return own === page ? undefined : own;
};

export function MinutesEditorPage() {
  const { key = '' } = useParams();
  const lang = useLanguage();
  const state = useApi<MeetingDetail>(`/api/v1/meetings/${encodeURIComponent(key)}`, lang);
  return (
    <GroupMaterialState state={state} lang={lang}>
      {(meeting) => <MinutesEditor key={meeting.key} meeting={meeting} lang={lang} />}
    </GroupMaterialState>
  );
}

function textsOf(item: AgendaItem, lang: Language): Texts {
  return {
    time: toInput('time', item.time, lang),
    discussion: item.discussion ?? '',
    decision: item.decision ?? '',
    discussionSv: item.discussionSv ?? '',
    decisionSv: item.decisionSv ?? '',
  };
}

function MinutesEditor({ meeting, lang }: { meeting: MeetingDetail; lang: Language }) {
  const { t } = useTranslation(['meetings', 'editing', 'common']);
  const { session } = useSession();
  const title = t('meetings:minutesEditor.title', { number: meeting.number });
  const bilingual = bilingualGroup(meeting.steeringGroupName);
  usePageTitle(title);
  const [items, setItems] = useState<Record<number, ItemState>>(() =>
    Object.fromEntries(
      meeting.items.map((item) => [
        item.id,
        {
          version: item.version,
          saved: textsOf(item, lang),
          draft: textsOf(item, lang),
          status: 'saved',
          savedAt: null,
          errors: {},
        } satisfies ItemState,
      ]),
    ),
  );
  // The latest state for the timers and the save, which run outside React's drawing.
  const latest = useRef(items);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const update = (id: number, change: (item: ItemState) => ItemState) =>
    setItems((current) => {
      const next = { ...current, [id]: change(current[id]!) };
      latest.current = next;
      return next;
    });

  async function save(id: number) {
    timers.current.delete(id);
    const item = latest.current[id];
    if (!item || item.status === 'saving' || item.status === 'conflict') return;
    const changed = (Object.keys(item.draft) as Field[]).filter((field) => item.draft[field] !== item.saved[field]);
    if (changed.length === 0) return;
    const body: Record<string, unknown> = {};
    const errors: Partial<Record<Field, string>> = {};
    for (const field of changed) {
      const parsed = fromInput(field === 'time' ? 'time' : 'textarea', item.draft[field], lang);
      if (parsed.ok) body[field] = parsed.value;
      else errors[field] = t(parsed.error);
    }
    if (Object.keys(errors).length > 0) {
      update(id, (it) => ({ ...it, status: 'failed', errors }));
      return;
    }
    const sent = { ...item.draft };
    update(id, (it) => ({ ...it, status: 'saving', errors: {} }));
    try {
      const answer = await sendApi<unknown>('PATCH', `/api/v1/agenda-items/${id}`, body, {
        language: lang,
        csrfToken: session?.csrfToken,
        ifMatch: item.version,
      });
      update(id, (it) => {
        const saved = { ...it.saved, ...Object.fromEntries(changed.map((field) => [field, sent[field]])) };
        const still = (Object.keys(it.draft) as Field[]).some((field) => it.draft[field] !== saved[field]);
        return {
          ...it,
          version: answer.version ?? it.version + 1,
          saved,
          status: still ? 'unsaved' : 'saved',
          savedAt: new Date().toISOString(),
        };
      });
      // Typed while this save was on its way: saved in turn.
      const after = latest.current[id];
      if (after && after.status === 'unsaved') schedule(id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        update(id, (it) => ({ ...it, status: 'conflict' }));
        return;
      }
      const { byField, other } =
        error instanceof ApiError ? fieldErrors(error.problem, TEXT_FIELDS) : { byField: {}, other: [] };
      const message =
        other[0] ?? (error instanceof ApiError ? (error.problem?.detail ?? error.message) : t('common:error.text'));
      update(id, (it) => ({
        ...it,
        status: 'failed',
        errors: Object.keys(byField).length > 0 ? byField : { [changed[0]!]: message },
      }));
    }
  }

  function schedule(id: number) {
    const previous = timers.current.get(id);
    if (previous) clearTimeout(previous);
    timers.current.set(
      id,
      setTimeout(() => void save(id), AUTOSAVE_MS),
    );
  }

  function change(id: number, field: Field, value: string) {
    update(id, (it) => ({
      ...it,
      draft: { ...it.draft, [field]: value },
      status: it.status === 'conflict' ? 'conflict' : 'unsaved',
    }));
    schedule(id);
  }

  /** Someone else changed the item: read it again (what was typed here is shown beside it to copy). */
  async function reload(id: number) {
    const fresh = await fetchFresh<MeetingDetail>(`/api/v1/meetings/${encodeURIComponent(meeting.key)}`, lang);
    const item = fresh.items.find((i) => i.id === id);
    if (!item) return;
    update(id, (it) => ({
      ...it,
      version: item.version,
      saved: textsOf(item, lang),
      draft: textsOf(item, lang),
      status: 'saved',
      errors: {},
    }));
  }

  const focusItem = (index: number) => {
    const item = meeting.items[index];
    if (!item) return;
    const target = document.getElementById(`minutes-${item.id}-${fieldsOf(item, bilingual)[0]}`);
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  };
  // Alt+↓ / Alt+↑ in an item's field moves to the next / previous item.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!event.altKey || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
      const match = /^minutes-(\d+)-/.exec((event.target as HTMLElement | null)?.id ?? '');
      if (!match) return;
      const index = meeting.items.findIndex((i) => i.id === Number(match[1]));
      if (index < 0) return;
      event.preventDefault();
      focusItem(event.key === 'ArrowDown' ? index + 1 : index - 1);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });

  const all = Object.values(items);
  const overall = all.some((i) => i.status === 'saving')
    ? t('meetings:minutesEditor.saving')
    : all.some((i) => i.status === 'failed' || i.status === 'conflict')
      ? t('meetings:minutesEditor.someFailed')
      : all.some((i) => i.status === 'unsaved')
        ? t('meetings:minutesEditor.unsaved')
        : t('meetings:minutesEditor.allSaved');
  const clock = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : `${lang}-FI`, {
      timeZone: 'Europe/Helsinki',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).format(new Date(iso));
  const itemStatus = (item: ItemState) =>
    item.status === 'saving'
      ? t('meetings:minutesEditor.saving')
      : item.status === 'unsaved'
        ? t('meetings:minutesEditor.unsaved')
        : item.status === 'failed'
          ? t('meetings:minutesEditor.failed')
          : item.status === 'conflict'
            ? t('meetings:minutesEditor.conflict')
            : item.savedAt
              ? t('meetings:minutesEditor.savedAt', { time: clock(item.savedAt) })
              : t('meetings:minutesEditor.unchanged');

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>{t('meetings:minutesEditor.lead')}</Paragraph>
      <Paragraph>
        <AppLink to={paths.meeting(lang, meeting.key)}>{t('meetings:forms.backToMeeting')}</AppLink>
      </Paragraph>
      <div role="status" aria-live="polite">
        <Paragraph>
          <strong>{overall}</strong>
        </Paragraph>
      </div>
      {meeting.items.map((agendaItem, index) => {
        const item = items[agendaItem.id]!;
        const headingId = `minutes-item-${agendaItem.id}`;
        const heading = `${agendaItem.number} § ${lang === 'sv' && agendaItem.titleSv ? agendaItem.titleSv : agendaItem.title}`;
        return (
          <Panel key={agendaItem.id} aria-labelledby={headingId}>
            <SectionHeading id={headingId}>{heading}</SectionHeading>
            {agendaItem.proposal ? (
              <Paragraph>
                {t('meetings:item.proposal')}:{' '}
                <span lang={lang === 'fi' ? undefined : 'fi'}>{agendaItem.proposal}</span>
              </Paragraph>
            ) : null}
            {item.status === 'conflict' ? (
              <ErrorNotice title={t('meetings:minutesEditor.conflictTitle')}>
                <Paragraph>{t('meetings:minutesEditor.conflictText')}</Paragraph>
                <Button variant="secondary" onClick={() => void reload(agendaItem.id)}>
                  {t('meetings:minutesEditor.reload')}
                </Button>
              </ErrorNotice>
            ) : null}
            <div>
              {fieldsOf(agendaItem, bilingual).map((field) => {
                const common = {
                  id: `minutes-${agendaItem.id}-${field}`,
                  label: `${t(`meetings:item.${field}`)} (${agendaItem.number} §)`,
                  value: item.draft[field],
                  onChange: (value: string) => change(agendaItem.id, field, value),
                  error: item.errors[field],
                  optionalText: t('editing:optional'),
                };
                return field === 'time' ? (
                  <div key={field} onBlur={() => void save(agendaItem.id)}>
                    <TextField {...common} hint={t('editing:hint.time')} />
                  </div>
                ) : (
                  <div key={field} onBlur={() => void save(agendaItem.id)}>
                    <TextArea {...common} lang={textLang(field, lang)} />
                  </div>
                );
              })}
            </div>
            <Paragraph>
              <span id={`minutes-${agendaItem.id}-status`}>{itemStatus(item)}</span>
            </Paragraph>
            <Toolbar>
              {index > 0 ? (
                <Button variant="secondaryNoBorder" onClick={() => focusItem(index - 1)}>
                  {t('meetings:minutesEditor.previous', { number: agendaItem.number - 1 })}
                </Button>
              ) : null}
              {index < meeting.items.length - 1 ? (
                <Button variant="secondaryNoBorder" onClick={() => focusItem(index + 1)}>
                  {t('meetings:minutesEditor.next', { number: agendaItem.number + 1 })}
                </Button>
              ) : null}
            </Toolbar>
          </Panel>
        );
      })}
      <Note title={t('meetings:minutesEditor.doneTitle')}>
        <AppLink to={paths.meeting(lang, meeting.key)}>{t('meetings:forms.backToMeeting')}</AppLink>
      </Note>
    </>
  );
}
