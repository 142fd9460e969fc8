/**
 * The secretary's forms for a meeting, on the shared editing machinery: a new meeting and its time
 * and place, a new topic on the agenda, an item's agenda text and minutes (discussion, decision,
 * time), and a new action item of an item. Changes go with the version read (409 shows what
 * changed); errors come back at their fields in the user's language.
 */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Paragraph } from '../../components/typography.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { CreateRecordForm } from '../editing/create-form.js';
import type { FieldSpec } from '../editing/edit-support.js';
import { RecordForm } from '../editing/record-form.js';
import type { FormFieldOf, SharedFieldOf } from '../../../contracts/write-inputs.js';

function useMeetingFields(): FieldSpec<SharedFieldOf<'meetings'>>[] {
  const { t } = useTranslation('meetings');
  return [
    { name: 'date', label: t('meetings:meeting.date'), kind: 'date', required: true },
    { name: 'startTime', label: t('meetings:forms.startTime'), kind: 'time' },
    { name: 'endTime', label: t('meetings:forms.endTime'), kind: 'time' },
    { name: 'room', label: t('meetings:forms.room'), kind: 'text' },
    { name: 'address', label: t('meetings:forms.address'), kind: 'text' },
    { name: 'online', label: t('meetings:forms.online'), kind: 'text' },
    { name: 'onlineUrl', label: t('meetings:forms.onlineUrl'), kind: 'text' },
  ];
}

export function NewMeetingPage() {
  const { key = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation('meetings');
  return (
    <CreateRecordForm
      collection="meetings"
      title={t('meetings:forms.newMeeting')}
      intro={<Paragraph>{t('meetings:forms.newMeetingLead')}</Paragraph>}
      fields={useMeetingFields()}
      fixed={{ steeringGroup: key }}
      submitLabel={t('meetings:forms.createMeeting')}
      back={{ to: paths.steeringGroup(lang, key), label: t('meetings:forms.backToGroup') }}
      onCreated={(data) => paths.meeting(lang, data.key)}
    />
  );
}

export function MeetingFormPage() {
  const { key = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation('meetings');
  const fields: FieldSpec<FormFieldOf<'meetings'>>[] = [
    ...useMeetingFields(),
    // Who receives the published minutes by e-mail (addresses) besides the group's accounts.
    {
      name: 'distribution',
      label: t('meetings:meeting.distribution'),
      kind: 'lines',
      hint: t('meetings:forms.distributionHint'),
    },
  ];
  return (
    <RecordForm
      collection="meetings"
      recordKey={key}
      fields={fields}
      title={(data) => t('meetings:forms.editMeetingTitle', { number: data.number })}
      backTo={() => ({ to: paths.meeting(lang, key), label: t('meetings:forms.backToMeeting') })}
    />
  );
}

/** What a topic says before the meeting; the minutes add time, discussion and decision. */
const agendaItemFields = (t: (key: string) => string): FieldSpec<FormFieldOf<'agenda-items'>>[] => [
  { name: 'title', label: t('meetings:forms.itemTitle'), kind: 'text', required: true },
  { name: 'titleSv', label: t('meetings:forms.itemTitleSv'), kind: 'text' },
  { name: 'presenter', label: t('meetings:item.presenter'), kind: 'text' },
  { name: 'background', label: t('meetings:item.background'), kind: 'textarea' },
  { name: 'proposal', label: t('meetings:item.proposal'), kind: 'textarea' },
  // Swedish content, as the Swedish title: the Swedish minutes show it instead of the Finnish text.
  { name: 'backgroundSv', label: t('meetings:item.backgroundSv'), kind: 'textarea' },
  { name: 'proposalSv', label: t('meetings:item.proposalSv'), kind: 'textarea' },
];

export function NewAgendaItemPage() {
  const { key = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation('meetings');
  const fields = agendaItemFields(t);
  return (
    <CreateRecordForm
      collection="agenda-items"
      title={t('meetings:forms.newItem')}
      intro={<Paragraph>{t('meetings:forms.newItemLead')}</Paragraph>}
      fields={fields}
      fixed={{ meeting: key }}
      submitLabel={t('meetings:forms.createItem')}
      back={{ to: paths.meeting(lang, key), label: t('meetings:forms.backToMeeting') }}
      onCreated={() => paths.meeting(lang, key)}
    />
  );
}

export function AgendaItemFormPage() {
  const { id = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation('meetings');
  const fields: FieldSpec<FormFieldOf<'agenda-items'>>[] = [
    ...agendaItemFields(t),
    { name: 'time', label: t('meetings:item.time'), kind: 'time' },
    { name: 'discussion', label: t('meetings:item.discussion'), kind: 'textarea' },
    { name: 'decision', label: t('meetings:item.decision'), kind: 'textarea' },
    { name: 'discussionSv', label: t('meetings:item.discussionSv'), kind: 'textarea' },
    { name: 'decisionSv', label: t('meetings:item.decisionSv'), kind: 'textarea' },
  ];
  return (
    <RecordForm
      collection="agenda-items"
      recordKey={id}
      fields={fields}
      title={(data) => t('meetings:forms.itemFormTitle', { number: data.number ?? '', title: data.title ?? '' })}
      intro={<Paragraph>{t('meetings:forms.itemFormLead')}</Paragraph>}
      backTo={(data) => ({ to: paths.meeting(lang, data.meeting), label: t('meetings:forms.backToMeeting') })}
    />
  );
}

export function NewActionItemPage() {
  const { key = '', item = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation('meetings');
  const fields: FieldSpec<FormFieldOf<'meeting-decisions'>>[] = [
    { name: 'text', label: t('meetings:records.text'), kind: 'textarea', required: true },
    { name: 'owner', label: t('meetings:records.owner'), kind: 'text' },
    { name: 'dueDate', label: t('meetings:records.due'), kind: 'date' },
  ];
  return (
    <CreateRecordForm
      collection="meeting-decisions"
      title={t('meetings:forms.newActionTitle', { number: Number(item) })}
      fields={fields}
      fixed={{ meeting: key, item: Number(item), kind: 'action' }}
      submitLabel={t('meetings:forms.createAction')}
      back={{ to: paths.meeting(lang, key), label: t('meetings:forms.backToMeeting') }}
      onCreated={() => paths.meeting(lang, key)}
    />
  );
}
