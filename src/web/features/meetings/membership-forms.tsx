/**
 * The secretary's membership forms, on the shared editing machinery: appoint a member, a personal
 * deputy of a seat or a permanent expert (with the decision's diary number), and change a
 * membership: end it (validTo, the diary number of the change), or link the seat to an account that
 * has a role in the group (the chair's account checks the minutes). Replacing a member is ending
 * the membership and appointing the successor to the same seat: both stay in the history.
 */
import type { CreateFieldOf, FormFieldOf } from '../../../contracts/write-inputs.js';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Paragraph } from '../../components/typography.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { CreateRecordForm } from '../editing/create-form.js';
import type { FieldSpec } from '../editing/edit-support.js';
import { RecordForm } from '../editing/record-form.js';

const CAPACITIES = ['member', 'deputy', 'permanent_expert'] as const;
type Capacity = (typeof CAPACITIES)[number];

export function NewMemberPage() {
  const { key = '' } = useParams();
  const [query] = useSearchParams();
  const lang = useLanguage();
  const { t } = useTranslation('meetings');
  const capacity: Capacity = CAPACITIES.find((c) => c === query.get('capacity')) ?? 'member';
  const seat = Number(query.get('seat')) || null;
  const fields: FieldSpec<CreateFieldOf<'steering-group-members'>>[] = [
    ...(capacity === 'permanent_expert' || seat !== null
      ? []
      : [{ name: 'seat' as const, label: t('meetings:membership.seat'), kind: 'count' as const, required: true }]),
    { name: 'name', label: t('meetings:attendance.name'), kind: 'text', required: true },
    { name: 'organisation', label: t('meetings:attendance.organisation'), kind: 'text' },
    { name: 'validFrom', label: t('meetings:membership.validFrom'), kind: 'date' },
    { name: 'decisionReference', label: t('meetings:membership.decisionReference'), kind: 'text' },
  ];
  return (
    <CreateRecordForm
      collection="steering-group-members"
      title={t(`meetings:membership.new.${capacity}`, { seat: seat ?? '' })}
      intro={<Paragraph>{t('meetings:membership.newLead')}</Paragraph>}
      fields={fields}
      fixed={{ steeringGroup: key, capacity, ...(seat !== null ? { seat } : {}) }}
      submitLabel={t('meetings:membership.appoint')}
      back={{ to: paths.steeringGroup(lang, key), label: t('meetings:forms.backToGroup') }}
      onCreated={() => paths.steeringGroup(lang, key)}
    />
  );
}

export function MemberFormPage() {
  const { id = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation('meetings');
  const fields: FieldSpec<FormFieldOf<'steering-group-members'>>[] = [
    { name: 'organisation', label: t('meetings:attendance.organisation'), kind: 'text' },
    { name: 'validFrom', label: t('meetings:membership.validFrom'), kind: 'date' },
    { name: 'validTo', label: t('meetings:membership.validTo'), kind: 'date' },
    { name: 'decisionReference', label: t('meetings:membership.decisionReference'), kind: 'text' },
    { name: 'user', label: t('meetings:membership.user'), kind: 'text' },
  ];
  return (
    <RecordForm
      collection="steering-group-members"
      recordKey={id}
      fields={fields}
      title={(data) => t('meetings:membership.editTitle', { name: String(data.name) })}
      intro={<Paragraph>{t('meetings:membership.editLead')}</Paragraph>}
      backTo={(data) => ({
        to: paths.steeringGroup(lang, String(data.steeringGroup)),
        label: t('meetings:forms.backToGroup'),
      })}
    />
  );
}
