/**
 * The audit trail for the managing authority (issue 17, item 1): filtered by who, what (the action
 * and the kind of record), which record and when (Helsinki days), newest first, a page at a time,
 * with what changed; the same filters download the trail as CSV. The server writes each download
 * into the trail before sending it (Information Management Act §17).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../contracts/audit.js';
import { query, useApi } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { Button, FilterGrid, TextField } from '../../components/forms.js';
import { Toolbar } from '../../components/layout.js';
import { PlainLink } from '../../components/links.js';
import { PageHeading, Paragraph, SmallText } from '../../components/typography.js';
import { dateTime } from '../../format.js';
import { PageState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { mayAnywhere, useSession } from '../../shell/session.js';
import { useEditGate } from '../editing/form-parts.js';

const FILTERS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const EMPTY: Filters = { actor: '', action: '', entityType: '', entityId: '', from: '', to: '' };
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** What changed, in one line: the fields whose value differs between before and after. */
function changedFields(entry: AuditEntry): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  if (typeof before !== 'object' || typeof after !== 'object') return '';
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names.filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name])).join(', ');
}

export function AuditPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['admin', 'common', 'editing']);
  usePageTitle(t('admin:audit.title'));
  const { session, known } = useSession();
  const allowed = mayAnywhere(session, 'audit.read');
  const [typed, setTyped] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [pages, setPages] = useState<number[]>([]);
  const [errors, setErrors] = useState<Partial<Filters>>({});
  const before = pages.at(-1);
  const search = query({ ...applied, before, limit: 50 });
  const entries = useApi<{ items: AuditEntry[]; next: number | null }>(
    allowed ? `/api/v1/admin/audit/entries${search}` : null,
    lang,
  );
  const gate = useEditGate({ known, signedIn: !!session, loadError: null, loaded: true, lang });
  if (gate) return gate;
  if (!allowed) {
    return (
      <>
        <PageHeading>{t('admin:audit.title')}</PageHeading>
        <Paragraph>{t('admin:notAllowed')}</Paragraph>
      </>
    );
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Filters> = {};
    for (const name of ['from', 'to'] as const)
      if (typed[name].trim() !== '' && !DATE.test(typed[name].trim())) found[name] = t('editing:invalid.date');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`audit-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setApplied(Object.fromEntries(FILTERS.map((name) => [name, typed[name].trim()])) as Filters);
    setPages([]);
  }

  const csv = `/api/v1/admin/audit.csv${query(applied)}`;
  return (
    <>
      <PageHeading>{t('admin:audit.title')}</PageHeading>
      <Paragraph>{t('admin:audit.lead')}</Paragraph>
      <form onSubmit={apply} noValidate aria-label={t('admin:audit.filters')}>
        <FilterGrid>
          {FILTERS.map((name) => (
            <TextField
              key={name}
              id={`audit-${name}`}
              label={t(`admin:audit.filter.${name}`)}
              hint={t(`admin:audit.hint.${name}`)}
              value={typed[name]}
              onChange={(value) => setTyped((current) => ({ ...current, [name]: value }))}
              error={errors[name]}
            />
          ))}
        </FilterGrid>
        <Toolbar>
          <Button type="submit">{t('admin:audit.apply')}</Button>
          <Button
            variant="secondary"
            onClick={() => {
              setTyped(EMPTY);
              setApplied(EMPTY);
              setPages([]);
              setErrors({});
            }}
          >
            {t('admin:audit.clear')}
          </Button>
        </Toolbar>
      </form>
      <Paragraph>
        <PlainLink href={csv}>{t('admin:audit.csv')}</PlainLink> {t('admin:audit.csvNote')}
      </Paragraph>
      <PageState state={entries}>
        {({ items, next }) => (
          <>
            {items.length === 0 ? (
              <Paragraph>{t('admin:audit.none')}</Paragraph>
            ) : (
              <DataTable caption={t('admin:audit.caption')}>
                <thead>
                  <tr>
                    <ColumnHeader>{t('admin:audit.when')}</ColumnHeader>
                    <ColumnHeader>{t('admin:audit.who')}</ColumnHeader>
                    <ColumnHeader>{t('admin:audit.what')}</ColumnHeader>
                    <ColumnHeader>{t('admin:audit.record')}</ColumnHeader>
                    <ColumnHeader>{t('admin:audit.changed')}</ColumnHeader>
                  </tr>
                </thead>
                <tbody>
                  {items.map((entry) => (
                    <tr key={entry.id}>
                      <RowHeader>{dateTime(entry.at, lang)}</RowHeader>
                      <Cell>
                        {/* The name people know; the username beside it is what the filter finds. */}
                        {entry.actorName}
                        {entry.actorName !== entry.actor ? <SmallText>{entry.actor}</SmallText> : null}
                      </Cell>
                      <Cell>{entry.action}</Cell>
                      <Cell>
                        {entry.entityType} {entry.entityId}
                      </Cell>
                      <Cell>{[changedFields(entry), entry.reason].filter(Boolean).join(' · ') || '–'}</Cell>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )}
            <Toolbar>
              {pages.length > 0 ? (
                <Button variant="secondary" onClick={() => setPages((current) => current.slice(0, -1))}>
                  {t('admin:audit.newer')}
                </Button>
              ) : null}
              {next !== null ? (
                <Button variant="secondary" onClick={() => setPages((current) => [...current, next])}>
                  {t('admin:audit.older')}
                </Button>
              ) : null}
            </Toolbar>
          </>
        )}
      </PageState>
    </>
  );
}
