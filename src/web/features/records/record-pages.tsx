/**
 * Editing projects and organisations in the browser (issue 17, item 2): the finance experts of a
 * theme (and the managing authority) change a project entity's names, codes, kind of project,
 * status and funding decision date, period, cost estimate, call and content area; any finance expert
 * keeps organisations (Y-tunnus with its check digit, type, home municipality). The write API checks
 * everything again and its reasons are shown at the fields and in the summary. The entity's funding
 * ministries with shares, sectors and partners have editors of their own (issue 20).
 */
import type { CreateFieldOf, FormFieldOf } from '../../../contracts/write-inputs.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { localizedText } from '../../components/localized.js';
import { Paragraph } from '../../components/typography.js';
import { ORGANISATION_TYPE_KEYS, PROJECT_TYPE_KEYS, STATUS_KEYS } from '../../labels.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import type { FieldSpec } from '../editing/edit-support.js';
import { RecordForm, recordPath, useRecordChannel } from '../editing/record-form.js';
import type { RecordOf } from '../../../contracts/records.js';
import { CreateRecordForm } from '../editing/create-form.js';
import { callKindOptions } from '../editing/record-forms.js';
import { ImplementersEditor } from './implementers-editor.js';
import { RegisterLookupPanel } from './register-lookup.js';

type Project = RecordOf<'projects'>;

const optionsOf = (keys: Record<string, string>, t: (key: string) => string, leave: string[] = []) =>
  Object.entries(keys)
    .filter(([value]) => !leave.includes(value))
    .map(([value, key]) => ({ value, label: t(key) }));

export function OrganisationFormPage() {
  const { key = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(['records', 'common', 'editing']);
  const fields: FieldSpec<FormFieldOf<'organisations'>>[] = [
    { name: 'name.fi', label: t('records:name.fi'), kind: 'text', required: true },
    { name: 'name.sv', label: t('records:name.sv'), kind: 'text' },
    {
      name: 'businessId',
      label: t('records:organisation.businessId'),
      kind: 'text',
      hint: t('records:organisation.businessIdHint'),
    },
    {
      name: 'type',
      label: t('records:organisation.type'),
      kind: 'select',
      options: optionsOf(ORGANISATION_TYPE_KEYS, t, ['unknown']),
    },
    {
      name: 'municipality',
      label: t('records:organisation.municipality'),
      kind: 'text',
      hint: t('records:organisation.municipalityHint'),
    },
  ];
  // Values taken from the register are saved by the server: the form is read again after that.
  const [revision, setRevision] = useState(0);
  return (
    <>
      <RecordForm
        key={revision}
        collection="organisations"
        recordKey={key}
        fields={fields}
        title={(data) => t('records:organisation.title', { name: localizedText(data.name, lang).text })}
        backTo={() => ({ to: paths.organisation(lang, key), label: t('records:organisation.back') })}
      />
      <RegisterLookupPanel organisationKey={key} onApplied={() => setRevision((n) => n + 1)} />
    </>
  );
}

export function ProjectFormPage() {
  const { key = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(['records', 'common', 'editing']);
  const fields: FieldSpec<FormFieldOf<'projects'>>[] = [
    { name: 'name.fi', label: t('records:name.fi'), kind: 'text', required: true },
    { name: 'name.sv', label: t('records:name.sv'), kind: 'text' },
    {
      name: 'groupCode',
      label: t('records:project.groupCode'),
      kind: 'text',
      hint: t('records:project.groupCodeHint'),
    },
    { name: 'type', label: t('records:project.type'), kind: 'select', options: optionsOf(PROJECT_TYPE_KEYS, t) },
    { name: 'status', label: t('records:project.status'), kind: 'select', options: optionsOf(STATUS_KEYS, t) },
    { name: 'decidedOn', label: t('records:project.decidedOn'), kind: 'date' },
    { name: 'periodStart', label: t('records:project.periodStart'), kind: 'partialDate' },
    { name: 'periodEnd', label: t('records:project.periodEnd'), kind: 'partialDate' },
    { name: 'costEstimate', label: t('records:project.costEstimate'), kind: 'money' },
    { name: 'website', label: t('records:project.website'), kind: 'text' },
    { name: 'call', label: t('records:project.call'), kind: 'text', hint: t('records:project.keyHint') },
    { name: 'contentArea', label: t('records:project.contentArea'), kind: 'text', hint: t('records:project.keyHint') },
  ];
  const channel = useRecordChannel<Project>();
  return (
    <>
      <RecordForm
        collection="projects"
        recordKey={key}
        channel={channel}
        fields={fields}
        title={(data) => t('records:project.title', { name: localizedText(data.name, lang).text })}
        backTo={() => ({ to: paths.project(lang, key), label: t('records:project.back') })}
        intro={<Paragraph>{t('records:project.lead')}</Paragraph>}
      />
      <ImplementersEditor resourcePath={recordPath('projects', key)} channel={channel} />
    </>
  );
}

/** A new call of a theme: its key, names and kind; its dates, money and counts on the call's own form. */
export function NewCallPage() {
  const { slug = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(['records', 'common', 'editing', 'calls']);
  const fields: FieldSpec<CreateFieldOf<'calls'>>[] = [
    { name: 'key', label: t('records:call.key'), kind: 'text', required: true, hint: t('records:call.keyHint') },
    { name: 'name.fi', label: t('records:name.fi'), kind: 'text', required: true },
    { name: 'name.sv', label: t('records:name.sv'), kind: 'text' },
    { name: 'kind', label: t('records:call.kind'), kind: 'select', options: callKindOptions(t) },
  ];
  return (
    <CreateRecordForm
      collection="calls"
      title={t('records:call.new')}
      fields={fields}
      fixed={{ theme: slug }}
      submitLabel={t('records:call.create')}
      back={{ to: paths.theme(lang, slug), label: t('editing:backToTheme') }}
      onCreated={(data) => paths.callForm(lang, String(data.key))}
    />
  );
}
