/**
 * A theme's own records in the browser (issue 17): its contacts (finance experts and coordinators of
 * the theme, and the managing authority), content areas and links (the coordinator). Each is created,
 * edited on its version (a 409 shows what changed meanwhile) and archived through the write API,
 * which checks everything again: its reasons are shown at the fields and in the summary, and a
 * refused write changes nothing.
 */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { SharedFieldOf } from '../../../contracts/write-inputs.js';
import { localizedText } from '../../components/localized.js';
import { Paragraph } from '../../components/typography.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { CreateRecordForm } from '../editing/create-form.js';
import type { FieldSpec } from '../editing/edit-support.js';
import { RecordForm } from '../editing/record-form.js';

type T = (key: string) => string;

function contactFields(t: T): FieldSpec<SharedFieldOf<'contacts'>>[] {
  return [
    { name: 'name', label: t('records:contact.name'), kind: 'text', required: true },
    {
      name: 'role',
      label: t('records:contact.role'),
      kind: 'select',
      required: true,
      options: (['coordination', 'financier', 'ministry'] as const).map((value) => ({
        value,
        label: t(`themes:contactRole.${value}`),
      })),
    },
    { name: 'title', label: t('records:contact.jobTitle'), kind: 'text' },
    { name: 'organisation', label: t('records:contact.organisation'), kind: 'text' },
    {
      name: 'ministry',
      label: t('records:contact.ministry'),
      kind: 'select',
      options: (['TEM', 'OKM', 'STM'] as const).map((value) => ({ value, label: t(`common:ministry.${value}`) })),
    },
    { name: 'email', label: t('records:contact.email'), kind: 'text' },
    { name: 'phone', label: t('records:contact.phone'), kind: 'text', hint: t('records:contact.phoneHint') },
    { name: 'validFrom', label: t('records:contact.validFrom'), kind: 'partialDate' },
    { name: 'validTo', label: t('records:contact.validTo'), kind: 'partialDate' },
    {
      name: 'absence',
      label: t('records:contact.absence'),
      kind: 'select',
      options: [{ value: 'on_leave', label: t('records:contact.onLeave') }],
    },
  ];
}

const areaFields = (t: T): FieldSpec<SharedFieldOf<'content-areas'>>[] => [
  { name: 'name.fi', label: t('records:name.fi'), kind: 'text', required: true },
  { name: 'name.sv', label: t('records:name.sv'), kind: 'text' },
  { name: 'name.en', label: t('records:name.en'), kind: 'text' },
];

const linkFields = (t: T): FieldSpec<SharedFieldOf<'theme-links'>>[] => [
  {
    name: 'url',
    label: t('records:themeLink.url'),
    kind: 'text',
    required: true,
    hint: t('records:themeLink.urlHint'),
  },
  { name: 'title', label: t('records:themeLink.text'), kind: 'text' },
];

const NAMESPACES = ['records', 'editing', 'themes', 'common'];

export function NewContactPage() {
  const { slug = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(NAMESPACES);
  return (
    <CreateRecordForm
      collection="contacts"
      title={t('records:contact.new')}
      intro={<Paragraph>{t('records:contact.lead')}</Paragraph>}
      fields={contactFields(t)}
      fixed={{ theme: slug }}
      submitLabel={t('records:contact.create')}
      back={{ to: paths.theme(lang, slug), label: t('editing:backToTheme') }}
      onCreated={() => paths.theme(lang, slug)}
    />
  );
}

export function ContactFormPage() {
  const { id = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(NAMESPACES);
  return (
    <RecordForm
      collection="contacts"
      recordKey={id}
      fields={contactFields(t)}
      intro={<Paragraph>{t('records:contact.lead')}</Paragraph>}
      title={(data) => t('records:contact.edit', { name: data.name })}
      backTo={(data) => ({ to: paths.theme(lang, data.theme ?? ''), label: t('editing:backToTheme') })}
      archive={{
        label: t('records:contact.archive'),
        confirm: t('records:contact.archiveConfirm'),
        done: (data) => paths.theme(lang, data.theme ?? ''),
      }}
    />
  );
}

export function NewContentAreaPage() {
  const { slug = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(NAMESPACES);
  return (
    <CreateRecordForm
      collection="content-areas"
      title={t('records:contentArea.new')}
      fields={[
        {
          name: 'key',
          label: t('records:contentArea.key'),
          kind: 'text',
          required: true,
          hint: t('records:call.keyHint'),
        },
        ...areaFields(t),
      ]}
      fixed={{ theme: slug }}
      submitLabel={t('records:contentArea.create')}
      back={{ to: paths.theme(lang, slug), label: t('editing:backToTheme') }}
      onCreated={() => paths.theme(lang, slug)}
    />
  );
}

export function ContentAreaFormPage() {
  const { id = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(NAMESPACES);
  return (
    <RecordForm
      collection="content-areas"
      recordKey={id}
      fields={areaFields(t)}
      title={(data) => t('records:contentArea.title', { name: localizedText(data.name, lang).text })}
      backTo={(data) => ({ to: paths.theme(lang, data.theme ?? ''), label: t('editing:backToTheme') })}
      archive={{
        label: t('records:contentArea.archive'),
        confirm: t('records:contentArea.archiveConfirm'),
        done: (data) => paths.theme(lang, data.theme ?? ''),
      }}
    />
  );
}

export function NewThemeLinkPage() {
  const { slug = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(NAMESPACES);
  return (
    <CreateRecordForm
      collection="theme-links"
      title={t('records:themeLink.new')}
      fields={linkFields(t)}
      fixed={{ theme: slug }}
      submitLabel={t('records:themeLink.create')}
      back={{ to: paths.theme(lang, slug), label: t('editing:backToTheme') }}
      onCreated={() => paths.theme(lang, slug)}
    />
  );
}

export function ThemeLinkFormPage() {
  const { id = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(NAMESPACES);
  return (
    <RecordForm
      collection="theme-links"
      recordKey={id}
      fields={linkFields(t)}
      title={(data) => t('records:themeLink.title', { name: data.title ?? data.url })}
      backTo={(data) => ({ to: paths.theme(lang, data.theme ?? ''), label: t('editing:backToTheme') })}
      archive={{
        label: t('records:themeLink.archive'),
        confirm: t('records:themeLink.archiveConfirm'),
        done: (data) => paths.theme(lang, data.theme ?? ''),
      }}
    />
  );
}
