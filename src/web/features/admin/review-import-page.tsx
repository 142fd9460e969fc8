/**
 * The review import in the browser (issue 17, item 1): the managing authority chooses last year's
 * review (text or .docx); the server reads it and answers with the preview (themes matched, sections
 * with their lengths, figures, project codes) and the findings per theme, writing nothing; the
 * managing authority chooses the themes and whether they come in as drafts or as approved, and only
 * then commits: the same file, checked by the digest the preview gave.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { z } from 'zod';
import type { ImportPreview, ZImportResult } from '../../../contracts/reports.js';
import { ApiError, sendApi } from '../../api.js';
import { ErrorNotice, Note } from '../../components/feedback.js';
import { Button, CheckboxField, FieldGroup, FormStack, Select } from '../../components/forms.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { Badge, Panel, PlainList, Toolbar } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { euros, integer } from '../../format.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { mayAnywhere, useSession } from '../../shell/session.js';
import { useEditGate } from '../editing/form-parts.js';
import { uploadOf } from '../reports/import-check-report.js';

type ImportResult = z.infer<typeof ZImportResult>;
type Upload = Awaited<ReturnType<typeof uploadOf>>;

const TONE = { error: 'warning', warning: 'info', info: 'neutral' } as const;

const problemText = (error: unknown, fallback: string) =>
  error instanceof ApiError
    ? [
        error.problem?.detail ?? error.problem?.title ?? error.message,
        ...(error.problem?.errors ?? []).map((e) => e.reason),
      ]
        .filter((line, index, all) => all.indexOf(line) === index)
        .join(' ')
    : fallback;

export function ReviewImportPage() {
  const { period = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(['admin', 'reports', 'common', 'editing']);
  const { session, known } = useSession();
  usePageTitle(t('admin:import.title', { period }));
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [state, setState] = useState<'draft' | 'approved'>('draft');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/v1/reporting-periods/${encodeURIComponent(period)}/imports`;

  const gate = useEditGate({ known, signedIn: !!session, loadError: null, loaded: true, lang });
  if (gate) return gate;
  if (!mayAnywhere(session, 'review.manage')) {
    return (
      <>
        <PageHeading>{t('admin:import.title', { period })}</PageHeading>
        <Paragraph>{t('admin:notAllowed')}</Paragraph>
      </>
    );
  }

  async function read() {
    if (!file) {
      setError(t('admin:import.chooseFile'));
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const body = await uploadOf(file);
      const { data } = await sendApi<ImportPreview>('POST', `${base}/preview`, body, {
        language: lang,
        csrfToken: session?.csrfToken,
      });
      setUpload(body);
      setPreview(data);
      setChosen(data.themes.flatMap((theme) => (theme.matchedTheme ? [theme.matchedTheme] : [])));
    } catch (failure) {
      setPreview(null);
      setError(problemText(failure, t('common:error.text')));
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!upload || !preview) return;
    setBusy(true);
    setError(null);
    try {
      const { data } = await sendApi<ImportResult>(
        'POST',
        `${base}/confirm`,
        { ...upload, digest: preview.digest, themes: chosen, state },
        { language: lang, csrfToken: session?.csrfToken },
      );
      setResult(data);
    } catch (failure) {
      setError(problemText(failure, t('common:error.text')));
    } finally {
      setBusy(false);
    }
  }

  const findings = preview?.themes.reduce((sum, theme) => sum + theme.findings.length, 0) ?? 0;
  return (
    <>
      <PageHeading>{t('admin:import.title', { period })}</PageHeading>
      <Paragraph>{t('admin:import.lead')}</Paragraph>
      <Paragraph>
        <AppLink to={paths.reports(lang)}>{t('admin:import.back')}</AppLink>
      </Paragraph>
      <div aria-live="polite">
        {error ? <ErrorNotice title={t('admin:import.failed')}>{error}</ErrorNotice> : null}
        {result ? (
          <Note title={t('admin:import.done', { count: result.imported.length })}>
            {result.imported.map((item) => item.theme).join(', ')}
          </Note>
        ) : null}
      </div>
      <Panel aria-labelledby="import-file-heading">
        <SectionHeading id="import-file-heading">{t('admin:import.step1')}</SectionHeading>
        <label htmlFor={inputId}>{t('reports:checkReport.file')}</label>{' '}
        <input
          id={inputId}
          type="file"
          accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setPreview(null);
            setResult(null);
          }}
        />
        <Toolbar>
          <Button onClick={() => void read()} disabled={busy}>
            {t('admin:import.preview')}
          </Button>
        </Toolbar>
      </Panel>
      {preview ? (
        <Panel aria-labelledby="import-preview-heading">
          <SectionHeading id="import-preview-heading">{t('admin:import.step2')}</SectionHeading>
          <Paragraph>
            {t('admin:import.summary', {
              lines: integer(preview.lineCount, lang),
              themes: preview.themes.length,
              findings,
            })}
          </Paragraph>
          <DataTable caption={t('admin:import.caption')}>
            <thead>
              <tr>
                <ColumnHeader>{t('admin:import.theme')}</ColumnHeader>
                <ColumnHeader>{t('admin:import.matched')}</ColumnHeader>
                <ColumnHeader numeric>{t('admin:import.sections')}</ColumnHeader>
                <ColumnHeader numeric>{t('admin:import.frame')}</ColumnHeader>
                <ColumnHeader numeric>{t('admin:import.projects')}</ColumnHeader>
                <ColumnHeader numeric>{t('admin:import.findings')}</ColumnHeader>
              </tr>
            </thead>
            <tbody>
              {preview.themes.map((theme) => (
                <tr key={theme.index}>
                  <RowHeader>{theme.name}</RowHeader>
                  <Cell>{theme.matchedTheme ?? t('admin:import.notMatched')}</Cell>
                  <Cell numeric>{integer(theme.sections.length, lang)}</Cell>
                  <Cell numeric>{theme.figures.frame === null ? '–' : euros(theme.figures.frame, lang)}</Cell>
                  <Cell numeric>{integer(theme.projects.length, lang)}</Cell>
                  <Cell numeric>{integer(theme.findings.length, lang)}</Cell>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {preview.themes
            .filter((theme) => theme.findings.length > 0)
            .map((theme) => (
              <section key={theme.index} aria-labelledby={`findings-${theme.index}`}>
                <SectionHeading level={3} id={`findings-${theme.index}`}>
                  {t('admin:import.findingsOf', { theme: theme.name })}
                </SectionHeading>
                <PlainList>
                  {theme.findings.map((finding, index) => (
                    <li key={index}>
                      <Badge $tone={TONE[finding.severity]}>{t(`admin:import.severity.${finding.severity}`)}</Badge>{' '}
                      {t('admin:import.line', { line: finding.line })}: {finding.message}
                    </li>
                  ))}
                </PlainList>
              </section>
            ))}
          <SectionHeading level={3} id="import-commit-heading">
            {t('admin:import.step3')}
          </SectionHeading>
          <FormStack>
            <FieldGroup>
              <legend>{t('admin:import.chooseThemes')}</legend>
              {preview.themes
                .flatMap((theme) => (theme.matchedTheme ? [{ name: theme.name, slug: theme.matchedTheme }] : []))
                .map((theme) => (
                  <CheckboxField
                    key={theme.slug}
                    id={`import-theme-${theme.slug}`}
                    label={theme.name}
                    checked={chosen.includes(theme.slug)}
                    onChange={(checked) =>
                      setChosen((current) =>
                        checked ? [...current, theme.slug] : current.filter((slug) => slug !== theme.slug),
                      )
                    }
                  />
                ))}
            </FieldGroup>
            <Select
              id="import-state"
              label={t('admin:import.state')}
              value={state}
              options={[
                { value: 'draft', label: t('admin:import.asDraft') },
                { value: 'approved', label: t('admin:import.asApproved') },
              ]}
              onChange={(value) => setState(value === 'approved' ? 'approved' : 'draft')}
            />
            <Toolbar>
              <Button onClick={() => void commit()} disabled={busy || chosen.length === 0 || result !== null}>
                {t('admin:import.commit', { count: chosen.length })}
              </Button>
            </Toolbar>
          </FormStack>
        </Panel>
      ) : null}
    </>
  );
}
