/**
 * Recording a theme's four figures as of a date. Figures are never overwritten: each save is a new
 * snapshot with its reason, based on the latest one the user saw; if someone recorded another since,
 * the server answers 409 and the form shows what changed, to reload or to record the user's figures
 * on top of the newer snapshot.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ThemeDetail } from '../../../contracts/api.js';
import { ApiError, fetchFresh, sendApi } from '../../api.js';
import { Button, FormStack } from '../../components/forms.js';
import { Panel } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { localizedText } from '../../components/localized.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useSession } from '../../shell/session.js';
import { ConflictNotice, HistoryTable, toInput, type FieldSpec, type HistoryEntry } from './edit-support.js';
import { FailureNotice, FieldInputs, hintFor, useEditGate, useFieldForm } from './form-parts.js';
import { helsinkiDate } from '../../../domain/helsinki-time.js';
import { readAmountInput } from '../../../domain/money.js';
import { storedAmount } from '../../format.js';

type Snapshot = ThemeDetail['financeHistory'][number];

const FIGURES = ['frame', 'reserved', 'committed', 'paid'] as const;

const snapshotData = (snapshot: Snapshot | undefined): Record<string, unknown> =>
  snapshot
    ? {
        asOf: snapshot.asOf,
        frame: snapshot.frame,
        reserved: snapshot.reserved,
        committed: snapshot.committed,
        paid: snapshot.paid,
      }
    : {};

export function FinanceFormPage() {
  const { slug = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(['editing', 'common', 'themes']);
  const { session, known } = useSession();
  const navigate = useNavigate();
  const [theme, setTheme] = useState<ThemeDetail | null>(null);
  const [base, setBase] = useState<Snapshot | undefined>(undefined);
  const [conflict, setConflict] = useState<{
    latest: Snapshot | undefined;
    theme: ThemeDetail;
    mine: Record<string, unknown>;
  } | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const name = theme ? (theme.shortName ?? localizedText(theme.name, lang).text) : '';
  usePageTitle(theme ? t('editing:finance.title', { name }) : t('editing:loading'));

  const fields: FieldSpec[] = [
    { name: 'asOf', label: t('editing:finance.asOf'), kind: 'date', required: true },
    { name: 'frame', label: t('common:figures.frame'), kind: 'money' },
    { name: 'reserved', label: t('common:figures.reserved'), kind: 'money' },
    { name: 'committed', label: t('common:figures.committed'), kind: 'money' },
    { name: 'paid', label: t('common:figures.paid'), kind: 'money' },
    { name: 'reason', label: t('editing:finance.reason'), kind: 'text', required: true },
    { name: 'note', label: t('editing:finance.note'), kind: 'textarea' },
  ];
  const form = useFieldForm(fields, lang);
  const { setValues, setFormError, noticeRef, focusNotice } = form;

  function start(detail: ThemeDetail) {
    const latest = detail.financeHistory[0];
    setTheme(detail);
    setBase(latest);
    setValues({
      asOf: helsinkiDate(new Date()),
      ...Object.fromEntries(FIGURES.map((figure) => [figure, toInput('money', latest?.[figure], lang)])),
      reason: '',
      note: '',
    });
  }

  useEffect(() => {
    if (!session) return;
    fetchFresh<ThemeDetail>(`/api/v1/themes/${encodeURIComponent(slug)}`, lang).then(start, (error: unknown) =>
      setLoadError(error instanceof Error ? error : new Error(String(error))),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, session]);

  async function save(basedOn: Snapshot | undefined, mine: Record<string, unknown>) {
    setBusy(true);
    try {
      await sendApi(
        'POST',
        `/api/v1/themes/${encodeURIComponent(slug)}/finance`,
        { ...mine, note: mine.note ?? null, basedOnSnapshot: basedOn?.id ?? null },
        { language: lang, csrfToken: session?.csrfToken },
      );
      void navigate(paths.theme(lang, slug), { state: { saved: true } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const fresh = await fetchFresh<ThemeDetail>(`/api/v1/themes/${encodeURIComponent(slug)}`, lang);
        setConflict({ latest: fresh.financeHistory[0], theme: fresh, mine });
        focusNotice();
      } else {
        form.showFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const mine = form.readValues();
    if (mine) void save(base, mine);
  }

  const gate = useEditGate({ known, signedIn: Boolean(session), loadError, loaded: Boolean(theme), lang });
  if (gate || !theme) return gate;

  const history: HistoryEntry[] = [...theme.financeHistory].reverse().map((snapshot, index, all) => ({
    at: snapshot.recordedAt,
    actor: snapshot.recordedBy,
    action: 'update',
    before: { ...snapshotData(all[index - 1]), reason: all[index - 1]?.reason },
    after: { ...snapshotData(snapshot), reason: snapshot.reason },
    reason: snapshot.reason,
  }));

  return (
    <>
      <PageHeading>{t('editing:finance.title', { name })}</PageHeading>
      <Paragraph>{t('editing:finance.lead')}</Paragraph>
      <Paragraph>
        <AppLink to={paths.theme(lang, slug)}>{t('editing:backToTheme')}</AppLink>
      </Paragraph>
      <div ref={noticeRef} tabIndex={-1}>
        <FailureNotice lines={form.formError} />
        {conflict ? (
          <ConflictNotice
            fields={fields.filter((field) => field.name !== 'reason' && field.name !== 'note')}
            base={snapshotData(base)}
            current={snapshotData(conflict.latest)}
            mine={conflict.mine}
            lang={lang}
            onReload={() => {
              start(conflict.theme);
              setConflict(null);
              setFormError(null);
            }}
            onReapply={() => {
              setTheme(conflict.theme);
              setBase(conflict.latest);
              setConflict(null);
              void save(conflict.latest, conflict.mine);
            }}
          />
        ) : null}
      </div>
      <form onSubmit={submit} noValidate aria-label={t('editing:finance.title', { name })}>
        <FormStack>
          <FieldInputs
            fields={fields}
            form={form}
            hint={(field) => {
              if (field.name === 'reason') return t('editing:finance.reasonHint');
              // What will be stored, read by the same rule the save uses, so a misread is seen before saving.
              const typed = form.values[field.name] ?? '';
              const amount = field.kind === 'money' && typed.trim() !== '' ? readAmountInput(typed) : null;
              if (amount?.ok) return t('editing:finance.willStore', { amount: storedAmount(amount, lang) });
              return hintFor(field, t);
            }}
          />
          <div>
            <Button type="submit" disabled={busy}>
              {t('editing:finance.save')}
            </Button>
          </div>
        </FormStack>
      </form>
      <Panel aria-labelledby="history-heading">
        <SectionHeading id="history-heading">{t('editing:history.heading')}</SectionHeading>
        <HistoryTable entries={history} fields={fields.filter((field) => field.name !== 'note')} lang={lang} />
      </Panel>
    </>
  );
}
