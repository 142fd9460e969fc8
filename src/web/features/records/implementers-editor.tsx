/**
 * A project entity's implementers: one row per project with its own code, the implementing
 * organisation (its key), the role (main, sub, or not stated where no source says) and its cost
 * estimate. Saved as a whole (the write API replaces the members) on the entity's version; the
 * server's reasons (exactly one main implementer, a repeated code, an unknown organisation) are
 * shown at the row and in the summary. The main form of the entity shares the record through a
 * `RecordChannel`: saving the implementers moves the entity's version (the change is the entity's,
 * one entry in its audit trail with the members before and after), and the main form's next save is
 * based on that version, and the other way round.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fetchFresh, sendApi } from '../../api.js';
import { Note } from '../../components/feedback.js';
import { Button, FieldGroup, FormStack, Select, TextField } from '../../components/forms.js';
import { Panel, Toolbar } from '../../components/layout.js';
import { SectionHeading } from '../../components/typography.js';
import { readAmountInput } from '../../../domain/money.js';
import { useLanguage } from '../../shell/language.js';
import { useSession } from '../../shell/session.js';
import { toInput } from '../editing/edit-support.js';
import { FailureNotice } from '../editing/form-parts.js';
import type { RecordChannel } from '../editing/record-form.js';

type Member = {
  code: string | null;
  implementer: string;
  role: 'main' | 'sub' | 'not_stated';
  costEstimate: number | null;
};
type Row = { code: string; implementer: string; role: Member['role']; costEstimate: string };
type Written = { data: { projects: Member[] }; version: number };

export function ImplementersEditor<T extends { projects: Member[] }>({
  resourcePath,
  channel,
}: {
  resourcePath: string;
  channel?: RecordChannel<T>;
}) {
  const lang = useLanguage();
  const { t } = useTranslation(['records', 'editing', 'common']);
  const { session } = useSession();
  const [version, setVersion] = useState<number | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const fill = useCallback(
    (written: Written) => {
      setVersion(written.version);
      setRows(
        written.data.projects.map((member) => ({
          code: member.code ?? '',
          implementer: member.implementer,
          role: member.role,
          costEstimate: toInput('money', member.costEstimate, lang),
        })),
      );
    },
    [lang],
  );

  // The main form wrote a newer version: the members are as they were, the version is not.
  useEffect(
    () =>
      channel?.subscribe((latest) => {
        if (version !== null && latest.version > version) setVersion(latest.version);
      }),
    [channel, version],
  );

  useEffect(() => {
    if (!session) return;
    fetchFresh<Written>(`${resourcePath}/record`, lang).then(fill, () => setVersion(null));
    // Only when the record or the user changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resourcePath, session]);

  if (!session || version === null) return null;

  const change = (index: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const members = rows.map((row, index) => {
      const amount = row.costEstimate.trim() === '' ? null : readAmountInput(row.costEstimate);
      if (amount && !amount.ok) found[`projects.${index}.costEstimate`] = t('editing:invalid.money');
      if (row.implementer.trim() === '') found[`projects.${index}.implementer`] = t('editing:invalid.required');
      return {
        code: row.code.trim() || null,
        implementer: row.implementer.trim(),
        role: row.role,
        costEstimate: amount?.ok ? amount.cents : null,
      };
    });
    setErrors(found);
    setSaved(false);
    if (Object.keys(found).length > 0) {
      setSummary([t('editing:fixFields', { count: Object.keys(found).length })]);
      return;
    }
    setBusy(true);
    try {
      const written = await sendApi<Written & { data: T }>(
        'PATCH',
        resourcePath,
        { projects: members },
        { language: lang, csrfToken: session?.csrfToken, ifMatch: version ?? undefined },
      );
      fill(written.data);
      channel?.publish(written.data);
      setSummary(null);
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError) {
        const byField: Record<string, string> = {};
        for (const e of error.problem?.errors ?? []) byField[e.name.replace(/^body\./, '')] ??= e.reason;
        setErrors(byField);
        setSummary([
          error.problem?.detail ?? error.problem?.title ?? error.message,
          ...(error.problem?.errors ?? []).map((e) => e.reason),
        ]);
      } else setSummary([t('common:error.text')]);
    } finally {
      setBusy(false);
    }
  }

  const roleOptions = [
    { value: 'main', label: t('common:role.main') },
    { value: 'sub', label: t('common:role.sub') },
    { value: 'not_stated', label: t('common:role.not_stated') },
  ];
  return (
    <Panel aria-labelledby="implementers-heading">
      <SectionHeading id="implementers-heading">{t('records:implementers.heading')}</SectionHeading>
      <div aria-live="polite">
        {saved ? <Note title={t('editing:saved.title')}>{t('editing:saved.text')}</Note> : null}
        <FailureNotice lines={summary} />
      </div>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('records:implementers.heading')}>
        <FormStack>
          {rows.map((row, index) => (
            <FieldGroup key={index}>
              <legend>{t('records:implementers.row', { number: index + 1 })}</legend>
              <TextField
                id={`member-${index}-code`}
                label={t('records:implementers.code')}
                value={row.code}
                onChange={(code) => change(index, { code })}
                error={errors[`projects.${index}.code`]}
                optionalText={t('editing:optional')}
              />
              <TextField
                id={`member-${index}-implementer`}
                label={t('records:implementers.implementer')}
                hint={t('records:implementers.implementerHint')}
                value={row.implementer}
                onChange={(implementer) => change(index, { implementer })}
                error={errors[`projects.${index}.implementer`]}
              />
              <Select
                id={`member-${index}-role`}
                label={t('records:implementers.role')}
                value={row.role}
                options={roleOptions}
                onChange={(role) => change(index, { role: (role ?? 'main') as Row['role'] })}
              />
              <TextField
                id={`member-${index}-cost`}
                label={t('records:implementers.costEstimate')}
                value={row.costEstimate}
                onChange={(costEstimate) => change(index, { costEstimate })}
                error={errors[`projects.${index}.costEstimate`]}
                optionalText={t('editing:optional')}
                inputMode="decimal"
              />
              <Toolbar>
                <Button
                  variant="secondary"
                  onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                  disabled={rows.length <= 1}
                >
                  {t('records:implementers.remove', { number: index + 1 })}
                </Button>
              </Toolbar>
            </FieldGroup>
          ))}
          <Toolbar>
            <Button
              variant="secondary"
              onClick={() =>
                setRows((current) => [...current, { code: '', implementer: '', role: 'sub', costEstimate: '' }])
              }
            >
              {t('records:implementers.add')}
            </Button>
            <Button type="submit" disabled={busy}>
              {t('records:implementers.save')}
            </Button>
          </Toolbar>
        </FormStack>
      </form>
    </Panel>
  );
}
