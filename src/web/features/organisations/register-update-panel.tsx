/**
 * The managing authority updates every organisation from the register (YTJ) at once: empty fields
 * are filled, and the differences are listed with a link to each organisation's form, where a person
 * decides. Shown only when the register is in use.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterStatus, RegisterUpdateReportOut } from '../../../contracts/organisation-register.js';
import { ApiError, sendApi, useApi } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { ErrorNotice, Note } from '../../components/feedback.js';
import { Button } from '../../components/forms.js';
import { Panel } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { Paragraph, SectionHeading } from '../../components/typography.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { mayAnywhere, useSession } from '../../shell/session.js';

export function RegisterUpdatePanel() {
  const lang = useLanguage();
  const { t } = useTranslation(['organisations', 'records']);
  const { session } = useSession();
  const status = useApi<RegisterStatus>('/api/v1/organisation-register', lang);
  const [report, setReport] = useState<RegisterUpdateReportOut | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!mayAnywhere(session, 'organisation.register_update') || status.status !== 'ok' || !status.data.enabled)
    return null;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await sendApi<RegisterUpdateReportOut>(
        'POST',
        '/api/v1/admin/organisation-register/update',
        {},
        {
          language: lang,
          csrfToken: session?.csrfToken,
        },
      );
      setReport(answer.data);
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.problem?.detail ?? caught.message) : String(caught));
    } finally {
      setBusy(false);
    }
  };
  const fieldLabel = (field: string) =>
    t(
      {
        'name.fi': 'records:name.fi',
        'name.sv': 'records:register.parallelName',
        businessId: 'records:organisation.businessId',
        type: 'records:organisation.type',
        municipality: 'records:organisation.municipality',
      }[field] ?? field,
    );

  return (
    <Panel aria-labelledby="register-update">
      <SectionHeading id="register-update">{t('organisations:bulk.heading')}</SectionHeading>
      <Paragraph>{t('organisations:bulk.lead')}</Paragraph>
      <Button onClick={() => void run()} disabled={busy}>
        {t('organisations:bulk.run')}
      </Button>
      <div role="alert">{error ? <ErrorNotice title={t('organisations:bulk.failed')}>{error}</ErrorNotice> : null}</div>
      <div role="status" aria-live="polite">
        {report ? (
          <Note>
            {t('organisations:bulk.result', {
              checked: report.checked,
              filled: report.filled.length,
              conflicts: report.conflicts.length,
            })}
          </Note>
        ) : null}
      </div>
      {report && report.filled.length > 0 ? (
        <DataTable caption={t('organisations:bulk.filledCaption')}>
          <thead>
            <tr>
              <ColumnHeader>{t('organisations:bulk.organisation')}</ColumnHeader>
              <ColumnHeader>{t('organisations:bulk.field')}</ColumnHeader>
              <ColumnHeader>{t('organisations:bulk.value')}</ColumnHeader>
            </tr>
          </thead>
          <tbody>
            {report.filled.map((fill) => (
              <tr key={`${fill.organisation}-${fill.field}`}>
                <RowHeader>
                  <AppLink to={paths.organisation(lang, fill.organisation)}>{fill.name}</AppLink>
                </RowHeader>
                <Cell>{fieldLabel(fill.field)}</Cell>
                <Cell>{fill.value}</Cell>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {report && report.conflicts.length > 0 ? (
        <DataTable caption={t('organisations:bulk.conflictsCaption')}>
          <thead>
            <tr>
              <ColumnHeader>{t('organisations:bulk.organisation')}</ColumnHeader>
              <ColumnHeader>{t('organisations:bulk.field')}</ColumnHeader>
              <ColumnHeader>{t('organisations:bulk.stored')}</ColumnHeader>
              <ColumnHeader>{t('organisations:bulk.register')}</ColumnHeader>
            </tr>
          </thead>
          <tbody>
            {report.conflicts.map((conflict) => (
              <tr key={`${conflict.organisation}-${conflict.field}`}>
                <RowHeader>
                  <AppLink to={paths.organisationForm(lang, conflict.organisation)}>{conflict.name}</AppLink>
                </RowHeader>
                <Cell>{fieldLabel(conflict.field)}</Cell>
                <Cell>{conflict.stored ?? t('records:register.empty')}</Cell>
                <Cell>{conflict.register}</Cell>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </Panel>
  );
}
