/**
 * Recording a theme's four figures as of a date. Figures are never overwritten: each save is a new
 * entry with its reason, based on the last one the user saw (financeHead); if someone recorded
 * another since, the server answers 409 and the form shows what changed, to reload or to record the
 * user's figures on top of the newer entry.
 *
 * What the form does so that a slip does not become the public figures:
 * - each amount is read by the domain's one rule and shown as it will be stored before saving;
 *   pre-filled rounded amounts keep their "≈" (and so their precision) when saved back;
 * - the as-of date is not pre-filled: the user chooses it (the server refuses future dates);
 * - order breaks and large changes come back from the server as checks to confirm with a reason;
 * - a date that already has an entry offers to correct that entry instead;
 * - any entry that still counts can be corrected or withdrawn from the history.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ThemeDetail } from '../../../contracts/api.js';
import type { FinanceSnapshotInput, FinanceWithdrawalInput } from '../../../contracts/finance-inputs.js';
import { isFinanceCheck } from '../../../domain/finance.js';
import { ApiError, fetchFresh, sendApi } from '../../api.js';
import { Button, FormStack, TextArea } from '../../components/forms.js';
import { ErrorNotice, Note } from '../../components/feedback.js';
import { Panel, Toolbar } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { localizedText } from '../../components/localized.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { partialDate, storedAmount } from '../../format.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useSession } from '../../shell/session.js';
import { ConflictNotice, type FieldSpec } from './edit-support.js';
import { FailureNotice, FieldInputs, hintFor, useEditGate, useFieldForm } from './form-parts.js';
import { formatAmountInput, readAmountInput } from '../../../domain/money.js';
import { FIGURES, FinanceHistory, type FinanceEntry } from '../themes/finance-history.js';

type Check = { field: string; code: string; reason: string };

/**
 * What the user typed, read by each field's kind (amounts to cents, the date to ISO): the entry
 * the form sends, before what the page adds (the entry it is based on, a correction, confirmations).
 */
type Typed = Partial<Omit<FinanceSnapshotInput, 'basedOnSnapshot' | 'confirm'>>;

const snapshotData = (snapshot: FinanceEntry | undefined): Typed =>
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
  const [conflict, setConflict] = useState<{ theme: ThemeDetail; mine: Typed } | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  /** The entry being corrected, when the user chose to correct one. */
  const [corrects, setCorrects] = useState<FinanceEntry | null>(null);
  /** Checks the server asks the user to confirm, with the body they were raised for. */
  const [toConfirm, setToConfirm] = useState<{ checks: Check[]; mine: Typed } | null>(null);
  const [confirmReason, setConfirmReason] = useState('');
  const [confirmError, setConfirmError] = useState<string | undefined>(undefined);
  /** An entry already recorded for the chosen date: offer to correct it. */
  const [sameDate, setSameDate] = useState<{ entry: FinanceEntry; mine: Typed } | null>(null);
  const [withdrawing, setWithdrawing] = useState<FinanceEntry | null>(null);
  const [withdrawReason, setWithdrawReason] = useState('');
  const name = theme ? (theme.shortName ?? localizedText(theme.name, lang).text) : '';
  usePageTitle(theme ? t('editing:finance.title', { name }) : t('editing:loading'));

  const fields: FieldSpec<keyof Typed>[] = [
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

  /** The form filled from an entry: its figures with their precision kept; the date only when correcting. */
  function fillFrom(entry: FinanceEntry | undefined, asOf: string) {
    setValues({
      asOf,
      ...Object.fromEntries(
        FIGURES.map((figure) => [
          figure,
          entry?.[figure] === null || entry?.[figure] === undefined
            ? ''
            : formatAmountInput(entry[figure], lang, entry.precision[figure], entry.asWritten[figure]),
        ]),
      ),
      reason: '',
      note: '',
    });
  }

  function start(detail: ThemeDetail) {
    setTheme(detail);
    setCorrects(null);
    setToConfirm(null);
    setSameDate(null);
    // The date is left empty on purpose: a pre-filled "today" made accidental entries easy.
    fillFrom(
      detail.financeHistory.find((entry) => entry.current),
      '',
    );
  }

  const reload = () =>
    fetchFresh<ThemeDetail>(`/api/v1/themes/${encodeURIComponent(slug)}`, lang).then(start, (error: unknown) =>
      setLoadError(error instanceof Error ? error : new Error(String(error))),
    );

  useEffect(() => {
    if (!session) return;
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, session]);

  /** The typed figures with how exactly each is known and the words kept ("ei vielä"). */
  function withPrecision(mine: Typed): Typed {
    const precision: NonNullable<Typed['precision']> = {};
    const asWritten: NonNullable<Typed['asWritten']> = {};
    for (const figure of FIGURES) {
      const amount = readAmountInput(form.values[figure] ?? '');
      if (!amount.ok) continue;
      precision[figure] = amount.precision;
      if (amount.asWritten !== null) asWritten[figure] = amount.asWritten;
    }
    return { ...mine, precision, asWritten };
  }

  async function save(basedOn: ThemeDetail, mine: Typed, confirm?: FinanceSnapshotInput['confirm']) {
    setBusy(true);
    try {
      await sendApi(
        'POST',
        `/api/v1/themes/${encodeURIComponent(slug)}/finance`,
        {
          ...mine,
          note: mine.note ?? null,
          basedOnSnapshot: basedOn.financeHead,
          ...(confirm ? { confirm } : {}),
        } satisfies Typed & Pick<FinanceSnapshotInput, 'basedOnSnapshot' | 'confirm'>,
        { language: lang, csrfToken: session?.csrfToken },
      );
      void navigate(paths.theme(lang, slug), { state: { saved: true } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const fresh = await fetchFresh<ThemeDetail>(`/api/v1/themes/${encodeURIComponent(slug)}`, lang);
        setConflict({ theme: fresh, mine });
        focusNotice();
      } else if (error instanceof ApiError && error.status === 422) {
        const errors = error.problem?.errors ?? [];
        const confirmable = errors.filter((e) => e.confirmable);
        const taken = errors.find((e) => e.code === 'same_date');
        const existing = basedOn.financeHistory.find(
          (entry) => entry.asOf === mine.asOf && entry.kind !== 'withdrawal' && entry.supersededBy === null,
        );
        if (taken && existing) {
          setSameDate({ entry: existing, mine });
          focusNotice();
        } else if (confirmable.length > 0 && confirmable.length === errors.length) {
          setToConfirm({
            checks: confirmable.map((e) => ({ field: e.name, code: e.code ?? '', reason: e.reason })),
            mine,
          });
          focusNotice();
        } else {
          form.showFailure(error);
        }
      } else {
        form.showFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setToConfirm(null);
    setSameDate(null);
    // Each field read by its kind (fields above, named by the input's own keys), so the values have
    // the input's types.
    const mine = form.readValues() as Typed | null;
    if (mine && theme) void save(theme, { ...withPrecision(mine), ...(corrects ? { corrects: corrects.id } : {}) });
  }

  function confirmAndSave() {
    if (!toConfirm || !theme) return;
    if (confirmReason.trim() === '') {
      setConfirmError(t('editing:invalid.required'));
      document.getElementById('field-confirmReason')?.focus();
      return;
    }
    setConfirmError(undefined);
    void save(theme, toConfirm.mine, {
      checks: [...new Set(toConfirm.checks.map((check) => check.code).filter(isFinanceCheck))],
      reason: confirmReason.trim(),
    });
  }

  async function withdraw() {
    if (!withdrawing || !theme) return;
    if (withdrawReason.trim() === '') {
      setFormError([t('editing:finance.withdrawReasonNeeded')]);
      focusNotice();
      return;
    }
    setBusy(true);
    try {
      await sendApi(
        'POST',
        `/api/v1/themes/${encodeURIComponent(slug)}/finance/${withdrawing.id}/withdrawal`,
        { reason: withdrawReason.trim(), basedOnSnapshot: theme.financeHead } satisfies FinanceWithdrawalInput,
        { language: lang, csrfToken: session?.csrfToken },
      );
      setWithdrawing(null);
      setWithdrawReason('');
      await reload();
    } catch (error) {
      form.showFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const gate = useEditGate({ known, signedIn: Boolean(session), loadError, loaded: Boolean(theme), lang });
  if (gate || !theme) return gate;

  const latest = theme.financeHistory.find((entry) => entry.id === theme.financeHead);

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
            base={snapshotData(latest)}
            current={snapshotData(conflict.theme.financeHistory.find((e) => e.id === conflict.theme.financeHead))}
            mine={conflict.mine}
            lang={lang}
            onReload={() => {
              start(conflict.theme);
              setConflict(null);
              setFormError(null);
            }}
            onReapply={() => {
              setTheme(conflict.theme);
              setConflict(null);
              void save(conflict.theme, conflict.mine);
            }}
          />
        ) : null}
        {sameDate ? (
          <section aria-labelledby="same-date-heading" role="alert">
            <ErrorNotice title={<span id="same-date-heading">{t('editing:finance.sameDate.title')}</span>}>
              {t('editing:finance.sameDate.text', { date: partialDate(sameDate.entry.asOf, lang) })}
            </ErrorNotice>
            <Toolbar>
              <Button
                onClick={() => {
                  setCorrects(sameDate.entry);
                  const mine = { ...sameDate.mine, corrects: sameDate.entry.id };
                  setSameDate(null);
                  void save(theme, mine);
                }}
              >
                {t('editing:finance.sameDate.correct')}
              </Button>
              <Button variant="secondary" onClick={() => setSameDate(null)}>
                {t('editing:finance.sameDate.cancel')}
              </Button>
            </Toolbar>
          </section>
        ) : null}
        {toConfirm ? (
          <section aria-labelledby="confirm-heading" role="alert">
            <ErrorNotice title={<span id="confirm-heading">{t('editing:finance.confirm.title')}</span>}>
              {toConfirm.checks.map((check) => (
                <span key={check.code + check.field}>
                  {check.reason}
                  <br />
                </span>
              ))}
            </ErrorNotice>
            <TextArea
              id="field-confirmReason"
              label={t('editing:finance.confirm.reason')}
              hint={t('editing:finance.confirm.reasonHint')}
              value={confirmReason}
              onChange={setConfirmReason}
              error={confirmError}
            />
            <Toolbar>
              <Button onClick={confirmAndSave} disabled={busy}>
                {t('editing:finance.confirm.save')}
              </Button>
              <Button variant="secondary" onClick={() => setToConfirm(null)}>
                {t('editing:finance.confirm.cancel')}
              </Button>
            </Toolbar>
          </section>
        ) : null}
      </div>
      {corrects ? (
        <Note title={t('editing:finance.correcting.title', { date: partialDate(corrects.asOf, lang) })}>
          {t('editing:finance.correcting.text')}{' '}
          <Button variant="secondary" onClick={() => start(theme)}>
            {t('editing:finance.correcting.cancel')}
          </Button>
        </Note>
      ) : null}
      <form onSubmit={submit} noValidate aria-label={t('editing:finance.title', { name })}>
        <FormStack>
          <FieldInputs
            fields={fields}
            form={form}
            hint={(field) => {
              if (field.name === 'reason') return t('editing:finance.reasonHint');
              if (field.name === 'asOf') return t('editing:finance.asOfHint');
              // What will be stored, read by the same rule the save uses, so a misread is seen before saving.
              const typed = form.values[field.name] ?? '';
              const amount = field.kind === 'money' && typed.trim() !== '' ? readAmountInput(typed) : null;
              if (amount?.ok) return t('editing:finance.willStore', { amount: storedAmount(amount, lang) });
              return hintFor(field, t);
            }}
          />
          <div>
            <Button type="submit" disabled={busy}>
              {corrects ? t('editing:finance.saveCorrection') : t('editing:finance.save')}
            </Button>
          </div>
        </FormStack>
      </form>
      <Panel aria-labelledby="history-heading">
        <SectionHeading id="history-heading">{t('editing:history.heading')}</SectionHeading>
        {withdrawing ? (
          <section aria-labelledby="withdraw-heading">
            <SectionHeading level={3} id="withdraw-heading">
              {t('editing:finance.withdraw.title', { date: partialDate(withdrawing.asOf, lang) })}
            </SectionHeading>
            <TextArea
              id="field-withdrawReason"
              label={t('editing:finance.withdraw.reason')}
              value={withdrawReason}
              onChange={setWithdrawReason}
            />
            <Toolbar>
              <Button onClick={() => void withdraw()} disabled={busy}>
                {t('editing:finance.withdraw.save')}
              </Button>
              <Button variant="secondary" onClick={() => setWithdrawing(null)}>
                {t('editing:finance.confirm.cancel')}
              </Button>
            </Toolbar>
          </section>
        ) : null}
        <FinanceHistory
          entries={theme.financeHistory}
          lang={lang}
          actions={(entry) => (
            <Toolbar>
              <Button
                variant="secondary"
                onClick={() => {
                  setCorrects(entry);
                  fillFrom(entry, entry.asOf);
                  document.getElementById('field-frame')?.focus();
                }}
              >
                {t('editing:finance.correct', { date: partialDate(entry.asOf, lang) })}
              </Button>
              <Button variant="secondary" onClick={() => setWithdrawing(entry)}>
                {t('editing:finance.withdraw.open', { date: partialDate(entry.asOf, lang) })}
              </Button>
            </Toolbar>
          )}
        />
      </Panel>
    </>
  );
}
