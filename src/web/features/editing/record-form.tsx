/**
 * One form for every record of the write API: reads the record with its version, sends only the
 * fields the user changed with If-Match, shows errors at their fields, turns a 409 into what changed
 * meanwhile (reload, or re-apply the user's changes on the newer version), and lists the history.
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, fetchFresh, sendApi } from '../../api.js';
import { Loading, Note } from '../../components/feedback.js';
import { Button, FormStack } from '../../components/forms.js';
import { Panel, Toolbar } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useSession } from '../../shell/session.js';
import {
  ConflictNotice,
  HistoryTable,
  nest,
  same,
  toInput,
  valueAt,
  type FieldSpec,
  type HistoryEntry,
} from './edit-support.js';
import { useEditGate, FailureNotice, FieldInputs, useFieldForm } from './form-parts.js';
import type { RecordCollection, RecordOf, Written as WrittenRecord } from '../../../contracts/records.js';
import type { FormFieldOf, WritableCollection } from '../../../contracts/write-inputs.js';

type AnyRecord = Record<string, unknown>;

/** A collection whose records the write API answers and updates. */
type EditableRecord = WritableCollection & RecordCollection;

/** Where the write API keeps a record: /api/v1/{collection}/{key or id}. */
export const recordPath = (collection: EditableRecord, key: string | number) =>
  `/api/v1/${collection}/${encodeURIComponent(String(key))}`;

type Props<C extends EditableRecord> = {
  /** The write API's collection; with `recordKey`, the form reads and writes `recordPath`. */
  collection: C;
  /** The record's key, or its id where it has no key. */
  recordKey: string | number;
  /** Fields the record has and its update takes (contracts/records.ts, write-inputs.ts). */
  fields: FieldSpec<FormFieldOf<C>>[];
  title: (data: RecordOf<C>) => string;
  /** Where "back" leads, from the record. */
  backTo: (data: RecordOf<C>) => { to: string; label: string };
  intro?: ReactNode;
  /** Shared with other editors of the same record on the page (see `RecordChannel`). */
  channel?: RecordChannel<RecordOf<C>>;
  /** Archiving the record (DELETE), where the resource allows it: where to go afterwards. */
  archive?: { label: string; confirm: string; done: (data: RecordOf<C>) => string };
};

/**
 * Two editors of one record on one page (a project's form and its implementers) each write a new
 * version: each tells the others what it wrote, so the next save of either is based on the version
 * the server now has rather than failing as stale.
 */
export type RecordChannel<T> = {
  publish: (written: WrittenRecord<T>) => void;
  /** Returns the unsubscribe. */
  subscribe: (listener: (written: WrittenRecord<T>) => void) => () => void;
};

/** The page's channel between its editors of one record. */
export function useRecordChannel<T>(): RecordChannel<T> {
  const [channel] = useState<RecordChannel<T>>(() => {
    const listeners = new Set<(written: WrittenRecord<T>) => void>();
    return {
      publish: (written) => listeners.forEach((listener) => listener(written)),
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  });
  return channel;
}

type Conflict<T> = { current: T; version: number; mine: AnyRecord };

/** The record, its fields and what the form sends take their types from the collection's contracts. */
export function RecordForm<C extends EditableRecord>({
  collection,
  recordKey,
  fields,
  title,
  backTo,
  intro,
  channel,
  archive,
}: Props<C>) {
  type T = RecordOf<C>;
  type Written = WrittenRecord<T>;
  const resourcePath = recordPath(collection, recordKey);
  const lang = useLanguage();
  const { t } = useTranslation(['editing', 'common']);
  const { session, known } = useSession();
  const [record, setRecord] = useState<Written | null>(null);
  const [loadError, setLoadError] = useState<ApiError | Error | null>(null);
  const form = useFieldForm(fields, lang);
  const { setValues, setFormError, noticeRef, focusNotice } = form;
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const navigate = useNavigate();
  usePageTitle(record ? title(record.data) : t('editing:loading'));

  const fill = useCallback(
    (written: Written) => {
      setRecord(written);
      setValues(
        Object.fromEntries(
          fields.map((field) => [field.name, toInput(field.kind, valueAt(written.data, field.name), lang)]),
        ),
      );
    },
    [fields, lang, setValues],
  );

  const loadHistory = useCallback(() => {
    fetchFresh<{ items: HistoryEntry[] }>(`${resourcePath}/history`, lang).then(
      (answer) => setHistory(answer.items),
      () => setHistory([]),
    );
  }, [resourcePath, lang]);

  // Another editor of the record wrote a newer version: it becomes the base of the next save, and
  // the fields the user has not touched show what is now stored.
  useEffect(
    () =>
      channel?.subscribe((latest) => {
        if (!record || latest.version <= record.version) return;
        setRecord(latest);
        setValues((typed) =>
          Object.fromEntries(
            fields.map((field) => {
              const before = toInput(field.kind, valueAt(record.data, field.name), lang);
              const mine = typed[field.name] ?? '';
              return [field.name, mine === before ? toInput(field.kind, valueAt(latest.data, field.name), lang) : mine];
            }),
          ),
        );
        loadHistory();
      }),
    [channel, record, fields, lang, setValues, loadHistory],
  );

  useEffect(() => {
    if (!session) return;
    fetchFresh<Written>(`${resourcePath}/record`, lang).then(fill, (error: unknown) =>
      setLoadError(error instanceof Error ? error : new Error(String(error))),
    );
    loadHistory();
    // Only when the record or the user changes: a language switch keeps what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resourcePath, session]);

  async function save(base: Written, mine: Record<string, unknown>) {
    const stored: AnyRecord = base.data;
    const changes = Object.fromEntries(Object.entries(mine).filter(([name]) => !same(mine[name], stored[name])));
    setBusy(true);
    setSaved(false);
    try {
      const written = await sendApi<Written>('PATCH', resourcePath, changes, {
        language: lang,
        csrfToken: session?.csrfToken,
        ifMatch: base.version,
      });
      fill(written.data);
      channel?.publish(written.data);
      setConflict(null);
      setFormError(null);
      setSaved(true);
      loadHistory();
      focusNotice();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.problem?.current) {
        setConflict({
          // A 409 carries the record as now stored, in the same shape as the answer of a write.
          current: error.problem.current as T,
          version: error.problem.currentVersion ?? base.version,
          mine,
        });
        focusNotice();
      } else {
        form.showFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  /** Archives the record on the version shown; a refusal (still referenced, stale) changes nothing. */
  async function archiveNow(base: Written) {
    if (!archive) return;
    setBusy(true);
    setSaved(false);
    try {
      await sendApi('DELETE', resourcePath, undefined, {
        language: lang,
        csrfToken: session?.csrfToken,
        ifMatch: base.version,
      });
      void navigate(archive.done(base.data));
    } catch (error) {
      setConfirmArchive(false);
      form.showFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!record) return;
    const mine = form.readValues();
    if (mine) void save(record, nest(mine, record.data));
  }

  const gate = useEditGate({ known, signedIn: Boolean(session), loadError, loaded: Boolean(record), lang });
  if (gate || !record) return gate;

  const back = backTo(record.data);
  return (
    <>
      <PageHeading>{title(record.data)}</PageHeading>
      {intro}
      <Paragraph>
        <AppLink to={back.to}>{back.label}</AppLink>
      </Paragraph>
      <div ref={noticeRef} tabIndex={-1}>
        {saved ? <Note title={t('editing:saved.title')}>{t('editing:saved.text')}</Note> : null}
        <FailureNotice lines={form.formError} />
        {conflict ? (
          <ConflictNotice
            fields={fields}
            base={record.data}
            current={conflict.current}
            mine={conflict.mine}
            lang={lang}
            onReload={() => {
              fill({ data: conflict.current, version: conflict.version });
              setConflict(null);
              setFormError(null);
              loadHistory();
            }}
            onReapply={() => {
              const next = { data: conflict.current, version: conflict.version };
              setRecord(next);
              // Only the fields the user changed are sent again, on top of the newer version.
              const before: AnyRecord = record.data;
              const changedByMe = Object.fromEntries(
                Object.entries(conflict.mine).filter(([name]) => !same(conflict.mine[name], before[name])),
              );
              void save(next, { ...conflict.current, ...changedByMe });
            }}
          />
        ) : null}
      </div>
      <form onSubmit={submit} noValidate aria-label={title(record.data)}>
        <FormStack>
          <FieldInputs fields={fields} form={form} />
          <div>
            <Button type="submit" disabled={busy}>
              {t('editing:save')}
            </Button>
          </div>
        </FormStack>
      </form>
      {archive ? (
        <Panel aria-labelledby="archive-heading">
          <SectionHeading id="archive-heading">{archive.label}</SectionHeading>
          {confirmArchive ? (
            <>
              <Paragraph>{archive.confirm}</Paragraph>
              <Toolbar>
                <Button variant="secondary" disabled={busy} onClick={() => void archiveNow(record)}>
                  {t('editing:archive.confirm')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirmArchive(false)}>
                  {t('editing:archive.cancel')}
                </Button>
              </Toolbar>
            </>
          ) : (
            <Button variant="secondary" disabled={busy} onClick={() => setConfirmArchive(true)}>
              {archive.label}
            </Button>
          )}
        </Panel>
      ) : null}
      <Panel aria-labelledby="history-heading">
        <SectionHeading id="history-heading">{t('editing:history.heading')}</SectionHeading>
        {history ? (
          <HistoryTable entries={history} fields={fields} lang={lang} />
        ) : (
          <Loading text={t('common:loading')} />
        )}
      </Panel>
    </>
  );
}

/** The hint under a field of a kind that has a format to follow. */
