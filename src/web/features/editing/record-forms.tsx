/** The record forms: a call's dates, money and counts (finance experts) and activity figures (coordinators). */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { localizedText } from '../../components/localized.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import type { FormFieldOf } from '../../../contracts/write-inputs.js';
import type { FieldSpec } from './edit-support.js';
import { RecordForm } from './record-form.js';
import { CALL_KIND_KEYS } from '../../labels.js';

/** A call's kinds as the form offers them. */
export const callKindOptions = (t: (key: string) => string) =>
  Object.entries(CALL_KIND_KEYS).map(([value, key]) => ({ value, label: t(key) }));

export function CallFormPage() {
  const { key = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(['editing', 'themes', 'records', 'calls']);
  const fields: FieldSpec<FormFieldOf<'calls'>>[] = [
    { name: 'name.fi', label: t('records:name.fi'), kind: 'text', required: true },
    { name: 'name.sv', label: t('records:name.sv'), kind: 'text' },
    { name: 'kind', label: t('records:call.kind'), kind: 'select', options: callKindOptions(t) },
    { name: 'opens', label: t('editing:call.opens'), kind: 'partialDate' },
    { name: 'closes', label: t('editing:call.closes'), kind: 'partialDate' },
    { name: 'budget', label: t('themes:calls.budget'), kind: 'money' },
    { name: 'applications', label: t('editing:call.applications'), kind: 'count' },
    { name: 'applicationEntities', label: t('editing:call.applicationEntities'), kind: 'count' },
    { name: 'eligibleEntities', label: t('themes:calls.eligible'), kind: 'count' },
    { name: 'fundedEntities', label: t('themes:calls.funded'), kind: 'count' },
    { name: 'granted', label: t('themes:calls.granted'), kind: 'money' },
    { name: 'leftOver', label: t('editing:call.leftOver'), kind: 'money' },
    { name: 'note', label: t('editing:call.note'), kind: 'textarea' },
  ];
  return (
    <RecordForm
      collection="calls"
      recordKey={key}
      fields={fields}
      title={(data) => t('editing:call.title', { name: localizedText(data.name, lang).text })}
      backTo={(data) => ({ to: paths.theme(lang, data.theme ?? ''), label: t('editing:backToTheme') })}
    />
  );
}

export function ActivityFigureFormPage() {
  const { id = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(['editing', 'themes']);
  const fields: FieldSpec<FormFieldOf<'activity-figures'>>[] = [
    { name: 'value', label: t('themes:activity.value'), kind: 'number', required: true },
    { name: 'unit', label: t('editing:activity.unit'), kind: 'text' },
  ];
  return (
    <RecordForm
      collection="activity-figures"
      recordKey={id}
      fields={fields}
      title={(data) => t('editing:activity.title', { name: localizedText(data.label, lang).text })}
      backTo={(data) => ({ to: paths.theme(lang, data.theme ?? ''), label: t('editing:backToTheme') })}
    />
  );
}
