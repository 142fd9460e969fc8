/**
 * "Hae YTJ:stä" on the organisation form (issue 20): look the organisation up in the register by its
 * Y-tunnus or by name, see what the register says next to what is stored and where each stored value
 * came from, and choose per field what to take. Nothing is taken without a choice: only fields that
 * are empty here are ticked to begin with. The server asks the register again and stores the chosen
 * values with their source and date.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterCompanyOut, RegisterLookup, RegisterStatus } from '../../../contracts/organisation-register.js';
import type { RecordOf } from '../../../contracts/records.js';
import {
  compareWithRegister,
  type FieldComparison,
  type RegisterCompany,
  type RegisterField,
} from '../../../domain/organisation-register.js';
import { ApiError, fetchFresh, sendApi, useApi } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { ErrorNotice, Note } from '../../components/feedback.js';
import { Button, CheckboxField, FormStack, TextField } from '../../components/forms.js';
import { Panel } from '../../components/layout.js';
import { Paragraph, SectionHeading } from '../../components/typography.js';
import { keyOf, ORGANISATION_TYPE_KEYS } from '../../labels.js';
import { useLanguage } from '../../shell/language.js';
import { useSession } from '../../shell/session.js';

type OrganisationRecord = RecordOf<'organisations'>;
type Written = { data: OrganisationRecord; version: number };

const FIELD_LABELS: Record<RegisterField, string> = {
  'name.fi': 'records:name.fi',
  'name.sv': 'records:register.parallelName',
  businessId: 'records:organisation.businessId',
  type: 'records:organisation.type',
  municipality: 'records:organisation.municipality',
};

const problemText = (error: unknown) =>
  error instanceof ApiError
    ? (error.problem?.errors?.map((e) => e.reason).join(' ') ?? error.problem?.detail ?? error.message)
    : String(error);

export function RegisterLookupPanel({
  organisationKey,
  onApplied,
}: {
  organisationKey: string;
  onApplied: () => void;
}) {
  const lang = useLanguage();
  const { t } = useTranslation(['records', 'common']);
  const status = useApi<RegisterStatus>('/api/v1/organisation-register', lang);
  const { session } = useSession();
  const [record, setRecord] = useState<Written | null>(null);
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<RegisterLookup | null>(null);
  const [chosen, setChosen] = useState<RegisterCompanyOut | null>(null);
  const [ticked, setTicked] = useState<Set<RegisterField>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/v1/organisations/${encodeURIComponent(organisationKey)}`;

  const load = useCallback(async () => {
    const written = await fetchFresh<Written>(`${path}/record`, lang);
    setRecord(written);
    return written;
  }, [path, lang]);
  useEffect(() => {
    let live = true;
    fetchFresh<Written>(`${path}/record`, lang).then(
      (written) => {
        if (!live) return;
        setRecord(written);
        setText((current) => current || written.data.businessId || written.data.name.fi);
      },
      () => live && setRecord(null),
    );
    return () => {
      live = false;
    };
  }, [path, lang]);

  const choose = (company: RegisterCompanyOut, stored: OrganisationRecord) => {
    setChosen(company);
    const comparison = compareWithRegister(stored, company as RegisterCompany);
    setTicked(new Set(comparison.filter((c) => c.state === 'fill').map((c) => c.field)));
  };

  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (!record) return;
    setBusy(true);
    setError(null);
    setDone(null);
    setAnswer(null);
    setChosen(null);
    const value = text.trim();
    const param = /^\d{7}-\d$/.test(value) || /^\d+-?\d*$/.test(value) ? 'businessId' : 'name';
    try {
      const found = await fetchFresh<RegisterLookup>(
        `/api/v1/organisation-register/companies?${param}=${encodeURIComponent(value)}`,
        lang,
      );
      setAnswer(found);
      if (found.companies.length === 1) choose(found.companies[0]!, record.data);
    } catch (caught) {
      setError(problemText(caught));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!record || !chosen || ticked.size === 0) return;
    setBusy(true);
    setError(null);
    try {
      await sendApi(
        'POST',
        `${path}/register-values`,
        { businessId: chosen.businessId, fields: [...ticked] },
        { language: lang, csrfToken: session?.csrfToken, ifMatch: record.version },
      );
      const written = await load();
      setDone(t('records:register.applied', { count: ticked.size }));
      choose(chosen, written.data);
      onApplied();
    } catch (caught) {
      setError(problemText(caught));
    } finally {
      setBusy(false);
    }
  };

  if (status.status !== 'ok') return null;
  if (!status.data.enabled)
    return (
      <Panel aria-labelledby="register-lookup">
        <SectionHeading id="register-lookup">{t('records:register.heading')}</SectionHeading>
        <Paragraph>{t('records:register.off')}</Paragraph>
      </Panel>
    );

  const dateOf = (instant: string) =>
    new Intl.DateTimeFormat(lang, { timeZone: 'Europe/Helsinki', dateStyle: 'short' }).format(new Date(instant));
  const shown = (field: RegisterField, value: string | null) => {
    if (value === null) return t('records:register.empty');
    if (field === 'type') return t(keyOf(ORGANISATION_TYPE_KEYS, value) ?? 'common:organisationType.unknown');
    return value;
  };
  const sourceOf = (field: RegisterField) => {
    const source = record?.data.sources[field];
    if (!source) return t('records:register.sourceUnknown');
    return source.source === 'register'
      ? t('records:register.sourceRegister', { date: dateOf(source.at) })
      : t('records:register.sourcePerson', { date: dateOf(source.at) });
  };
  const comparison: FieldComparison[] =
    record && chosen ? compareWithRegister(record.data, chosen as RegisterCompany) : [];

  return (
    <Panel aria-labelledby="register-lookup">
      <SectionHeading id="register-lookup">{t('records:register.heading')}</SectionHeading>
      <Paragraph>{t('records:register.lead')}</Paragraph>
      <form onSubmit={(event) => void search(event)} noValidate>
        <FormStack>
          <TextField
            id="register-query"
            label={t('records:register.query')}
            hint={t('records:register.queryHint')}
            value={text}
            onChange={setText}
          />
          <div>
            <Button type="submit" disabled={busy || text.trim().length < 2}>
              {t('records:register.search')}
            </Button>
          </div>
        </FormStack>
      </form>
      <div role="status" aria-live="polite">
        {done ? <Note>{done}</Note> : null}
        {answer && answer.companies.length === 0 ? (
          <Note>{t('records:register.notFound', { query: text.trim() })}</Note>
        ) : null}
      </div>
      <div role="alert">{error ? <ErrorNotice title={t('records:register.failed')}>{error}</ErrorNotice> : null}</div>
      {answer && answer.companies.length > 1 ? (
        <DataTable caption={t('records:register.candidates', { count: answer.companies.length })}>
          <thead>
            <tr>
              <ColumnHeader>{t('records:register.name')}</ColumnHeader>
              <ColumnHeader>{t('records:organisation.businessId')}</ColumnHeader>
              <ColumnHeader>{t('records:register.choose')}</ColumnHeader>
            </tr>
          </thead>
          <tbody>
            {answer.companies.map((company) => (
              <tr key={company.businessId}>
                <RowHeader>{company.name ?? company.businessId}</RowHeader>
                <Cell>{company.businessId}</Cell>
                <Cell>
                  <Button variant="secondary" onClick={() => record && choose(company, record.data)}>
                    {t('records:register.chooseThis', { name: company.name ?? company.businessId })}
                  </Button>
                </Cell>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {chosen && answer ? (
        <>
          <Paragraph>
            {t('records:register.said', {
              name: chosen.name ?? chosen.businessId,
              businessId: chosen.businessId,
              date: dateOf(answer.at),
            })}{' '}
            {chosen.companyForm
              ? t('records:register.form', { form: chosen.companyForm.name[lang] || chosen.companyForm.name.fi })
              : null}{' '}
            {chosen.businessLine
              ? t('records:register.line', {
                  line: chosen.businessLine.name[lang] || chosen.businessLine.name.fi,
                  code: chosen.businessLine.code,
                })
              : null}
          </Paragraph>
          <DataTable caption={t('records:register.compare', { name: chosen.name ?? chosen.businessId })}>
            <thead>
              <tr>
                <ColumnHeader>{t('records:register.field')}</ColumnHeader>
                <ColumnHeader>{t('records:register.stored')}</ColumnHeader>
                <ColumnHeader>{t('records:register.registerSays')}</ColumnHeader>
                <ColumnHeader>{t('records:register.take')}</ColumnHeader>
              </tr>
            </thead>
            <tbody>
              {comparison.map((row) => (
                <tr key={row.field}>
                  <RowHeader>{t(FIELD_LABELS[row.field])}</RowHeader>
                  <Cell>
                    {shown(row.field, row.stored)}
                    <br />
                    <small>{sourceOf(row.field)}</small>
                  </Cell>
                  <Cell>
                    {shown(row.field, row.register)}
                    {row.state === 'decide' ||
                    (row.field === 'type' && row.register && !chosen.suggestedType?.certain) ? (
                      <>
                        <br />
                        <small>{t('records:register.suggestion')}</small>
                      </>
                    ) : null}
                  </Cell>
                  <Cell>
                    {row.state === 'same' ? (
                      t('records:register.same')
                    ) : row.state === 'absent' ? (
                      t('records:register.none')
                    ) : (
                      <CheckboxField
                        id={`register-take-${row.field}`}
                        label={t(row.state === 'conflict' ? 'records:register.replace' : 'records:register.fill', {
                          field: t(FIELD_LABELS[row.field]),
                        })}
                        checked={ticked.has(row.field)}
                        onChange={(checked) =>
                          setTicked((current) => {
                            const next = new Set(current);
                            if (checked) next.add(row.field);
                            else next.delete(row.field);
                            return next;
                          })
                        }
                      />
                    )}
                  </Cell>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Button onClick={() => void apply()} disabled={busy || ticked.size === 0}>
            {t('records:register.apply', { count: ticked.size })}
          </Button>
        </>
      ) : null}
    </Panel>
  );
}
