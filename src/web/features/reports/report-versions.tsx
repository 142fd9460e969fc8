/** Every saved version of a report, and any two of them compared section by section. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fetchFresh } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { Button, FilterGrid, Select } from '../../components/forms.js';
import { Panel, PlainList } from '../../components/layout.js';
import { Paragraph, SectionHeading, TextChanges } from '../../components/typography.js';
import { dateTime } from '../../format.js';
import type { Language } from '../../i18n.js';
import { keyOf, REPORT_ACTION_KEYS, REPORT_STATE_KEYS } from '../../labels.js';
import { sectionTitle, type Report, type ReportDiff, type ReportVersions } from './report-model.js';

export function ReportVersionsPanel({ report, lang }: { report: Report; lang: Language }) {
  const { t } = useTranslation(['reports', 'common']);
  const [versions, setVersions] = useState<ReportVersions['items'] | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [diff, setDiff] = useState<ReportDiff | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchFresh<ReportVersions>(`/api/v1/reports/${report.id}/versions`, lang).then(
      (answer) => {
        setVersions(answer.items);
        const last = answer.items.at(-1)?.version;
        const before = answer.items.at(-2)?.version;
        setTo(last ? String(last) : null);
        setFrom(before ? String(before) : last ? String(last) : null);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [report.id, report.version, lang]);

  async function compare() {
    if (!from || !to) return;
    setError(null);
    try {
      setDiff(
        await fetchFresh<ReportDiff>(
          `/api/v1/reports/${report.id}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
          lang,
        ),
      );
    } catch (failure) {
      setDiff(null);
      setError(failure instanceof ApiError ? (failure.problem?.detail ?? failure.message) : String(failure));
    }
  }

  const name = (key: string) => {
    const section = report.template.find((s) => s.key === key);
    return section ? `${section.number}. ${sectionTitle(section, lang, report.period.cutOff)}` : key;
  };
  const options = (versions ?? []).map((v) => ({
    value: String(v.version),
    label: t('reports:versions.option', {
      version: v.version,
      action: t(keyOf(REPORT_ACTION_KEYS, v.action) ?? REPORT_ACTION_KEYS.other),
      when: dateTime(v.savedAt, lang),
    }),
  }));

  return (
    <Panel aria-labelledby="report-versions">
      <SectionHeading id="report-versions">{t('reports:versions.heading')}</SectionHeading>
      {error ? <ErrorNotice title={t('common:error.text')}>{error}</ErrorNotice> : null}
      {versions === null ? (
        error ? null : (
          <Loading text={t('common:loading')} />
        )
      ) : (
        <>
          <DataTable caption={t('reports:versions.caption')}>
            <thead>
              <tr>
                <ColumnHeader numeric>{t('reports:versions.version')}</ColumnHeader>
                <ColumnHeader>{t('reports:versions.action')}</ColumnHeader>
                <ColumnHeader>{t('reports:versions.state')}</ColumnHeader>
                <ColumnHeader>{t('reports:versions.when')}</ColumnHeader>
                <ColumnHeader>{t('reports:versions.who')}</ColumnHeader>
              </tr>
            </thead>
            <tbody>
              {[...versions].reverse().map((v) => (
                <tr key={v.version}>
                  <RowHeader numeric>{v.version}</RowHeader>
                  <Cell>{t(keyOf(REPORT_ACTION_KEYS, v.action) ?? REPORT_ACTION_KEYS.other)}</Cell>
                  <Cell>{t(keyOf(REPORT_STATE_KEYS, v.state) ?? 'common:notKnown')}</Cell>
                  <Cell>{dateTime(v.savedAt, lang)}</Cell>
                  <Cell>{v.savedBy}</Cell>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <SectionHeading level={3} id="report-compare">
            {t('reports:versions.compareHeading')}
          </SectionHeading>
          <FilterGrid role="group" aria-labelledby="report-compare">
            <Select
              id="compare-from"
              label={t('reports:versions.from')}
              value={from}
              options={options}
              onChange={setFrom}
            />
            <Select id="compare-to" label={t('reports:versions.to')} value={to} options={options} onChange={setTo} />
            <div>
              <Button onClick={() => void compare()} disabled={!from || !to}>
                {t('reports:versions.compare')}
              </Button>
            </div>
          </FilterGrid>
          {diff ? <DiffView diff={diff} name={name} /> : null}
        </>
      )}
    </Panel>
  );
}

function DiffView({ diff, name }: { diff: ReportDiff; name: (key: string) => string }) {
  const { t } = useTranslation(['reports']);
  const changed = diff.sections.filter((s) => s.changed);
  const unchanged = diff.sections.filter((s) => !s.changed);
  return (
    <section aria-labelledby="report-diff" aria-live="polite">
      <SectionHeading level={3} id="report-diff">
        {t('reports:versions.diffHeading', { from: diff.from, to: diff.to })}
      </SectionHeading>
      {changed.length === 0 &&
      diff.links.added.length === 0 &&
      diff.links.removed.length === 0 &&
      !diff.projectOrderChanged ? (
        <Paragraph>{t('reports:versions.noChanges')}</Paragraph>
      ) : null}
      {changed.map((section) => (
        <div key={section.key}>
          <SectionHeading level={4}>{name(section.key)}</SectionHeading>
          <TextChanges
            parts={section.parts}
            added={t('reports:versions.added')}
            removed={t('reports:versions.removed')}
          />
        </div>
      ))}
      {diff.links.added.length > 0 || diff.links.removed.length > 0 ? (
        <>
          <SectionHeading level={4}>{name('s6')}</SectionHeading>
          <PlainList>
            {diff.links.added.map((url) => (
              <li key={`+${url}`}>{t('reports:versions.linkAdded', { url })}</li>
            ))}
            {diff.links.removed.map((url) => (
              <li key={`-${url}`}>{t('reports:versions.linkRemoved', { url })}</li>
            ))}
          </PlainList>
        </>
      ) : null}
      {diff.projectOrderChanged ? <Paragraph>{t('reports:versions.projectOrderChanged')}</Paragraph> : null}
      {unchanged.length > 0 ? (
        <Paragraph>
          {t('reports:versions.unchanged', { sections: unchanged.map((s) => name(s.key).split('.')[0]).join(', ') })}
        </Paragraph>
      ) : null}
    </section>
  );
}
