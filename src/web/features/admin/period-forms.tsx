/**
 * The managing authority's reporting periods in the browser (issue 17, item 1): opening a period
 * (key, names, kind, cut-off, deadline, the themes that report in review order), changing an open
 * one on the version it was read at, and closing or reopening it. The server checks every rule
 * again; its reasons are shown at the fields and in the summary above the form.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThemeSummary } from '../../../contracts/api.js';
import { formatFinnishDate, parseFinnishDate } from '../../../domain/calendar-date.js';
import { ApiError, sendApi, useApi } from '../../api.js';
import { Note } from '../../components/feedback.js';
import { Button, CheckboxField, FieldGroup, FormStack, Select, TextField } from '../../components/forms.js';
import { Toolbar } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { localizedText } from '../../components/localized.js';
import { Paragraph, SectionHeading } from '../../components/typography.js';
import { dateTime } from '../../format.js';
import type { Language } from '../../i18n.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { useSession } from '../../shell/session.js';
import { FailureNotice } from '../editing/form-parts.js';
import type { ReportingPeriod } from '../reports/report-model.js';

type Values = {
  key: string;
  kind: 'review' | 'description';
  titleFi: string;
  titleSv: string;
  cutOff: string;
  deadline: string;
  themes: string[];
};

/** Server field names ("title.fi", "themes.2") → the form's own. */
const FIELD_OF: Record<string, keyof Values> = {
  key: 'key',
  kind: 'kind',
  'title.fi': 'titleFi',
  'title.sv': 'titleSv',
  cutOff: 'cutOff',
  deadline: 'deadline',
  themes: 'themes',
};

function serverErrors(error: unknown, fallback: string) {
  if (!(error instanceof ApiError)) return { byField: {}, summary: [fallback] };
  const byField: Partial<Record<keyof Values, string>> = {};
  const summary = [error.problem?.detail ?? error.problem?.title ?? error.message];
  for (const e of error.problem?.errors ?? []) {
    const path = e.name.replace(/^body\./, '');
    const field = FIELD_OF[path] ?? FIELD_OF[path.split('.')[0] ?? ''];
    if (field) byField[field] ??= e.reason;
    summary.push(e.reason);
  }
  return { byField, summary };
}

function PeriodFields({
  values,
  setValues,
  errors,
  themes,
  creating,
  lang,
}: {
  values: Values;
  setValues: (values: Values) => void;
  errors: Partial<Record<keyof Values, string>>;
  themes: ThemeSummary[];
  creating: boolean;
  lang: Language;
}) {
  const { t } = useTranslation(['admin', 'editing', 'reports']);
  const prefix = useId();
  const id = (name: string) => `${prefix}-${name}`;
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  return (
    <>
      {creating ? (
        <>
          <TextField
            id={id('key')}
            label={t('admin:period.key')}
            hint={t('admin:period.keyHint')}
            value={values.key}
            onChange={(key) => set({ key })}
            error={errors.key}
          />
          <Select
            id={id('kind')}
            label={t('admin:period.kind')}
            value={values.kind}
            options={[
              { value: 'review', label: t('reports:kind.review') },
              { value: 'description', label: t('reports:kind.description') },
            ]}
            onChange={(kind) => set({ kind: kind === 'description' ? 'description' : 'review' })}
          />
        </>
      ) : null}
      <TextField
        id={id('titleFi')}
        label={t('admin:period.titleFi')}
        value={values.titleFi}
        onChange={(titleFi) => set({ titleFi })}
        error={errors.titleFi}
      />
      <TextField
        id={id('titleSv')}
        label={t('admin:period.titleSv')}
        value={values.titleSv}
        onChange={(titleSv) => set({ titleSv })}
        error={errors.titleSv}
        optionalText={t('editing:optional')}
      />
      <TextField
        id={id('cutOff')}
        label={t('admin:period.cutOff')}
        hint={t('editing:hint.date')}
        value={values.cutOff}
        onChange={(cutOff) => set({ cutOff })}
        error={errors.cutOff}
        optionalText={t('editing:optional')}
      />
      <TextField
        id={id('deadline')}
        label={t('admin:period.deadline')}
        hint={t('editing:hint.date')}
        value={values.deadline}
        onChange={(deadline) => set({ deadline })}
        error={errors.deadline}
        optionalText={t('editing:optional')}
      />
      <FieldGroup aria-describedby={errors.themes ? id('themes-error') : undefined}>
        <legend>{t('admin:period.themes')}</legend>
        {errors.themes ? (
          <Paragraph>
            <strong id={id('themes-error')}>{errors.themes}</strong>
          </Paragraph>
        ) : null}
        {themes.map((theme) => (
          <CheckboxField
            key={theme.slug}
            id={id(`theme-${theme.slug}`)}
            label={localizedText(theme.name, lang).text}
            checked={values.themes.includes(theme.slug)}
            onChange={(checked) =>
              set({
                // Kept in the themes' review order, whatever order they are ticked in.
                themes: themes
                  .map((th) => th.slug)
                  .filter((slug) => (slug === theme.slug ? checked : values.themes.includes(slug))),
              })
            }
          />
        ))}
      </FieldGroup>
    </>
  );
}

/** What the browser refuses before asking: the rest the server says. */
function localErrors(values: Values, creating: boolean, t: (key: string) => string) {
  const errors: Partial<Record<keyof Values, string>> = {};
  if (creating && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.key.trim())) errors.key = t('admin:period.keyInvalid');
  if (values.titleFi.trim() === '') errors.titleFi = t('editing:invalid.required');
  for (const name of ['cutOff', 'deadline'] as const)
    if (values[name].trim() !== '' && parseFinnishDate(values[name]) === null) errors[name] = t('editing:invalid.date');
  if (values.themes.length === 0) errors.themes = t('admin:period.themesNeeded');
  return errors;
}

const body = (values: Values) => ({
  title: { fi: values.titleFi.trim(), sv: values.titleSv.trim() || null },
  // Typed as people write them (15.1.2027) or ISO; sent as ISO (validate() has refused the rest).
  cutOff: parseFinnishDate(values.cutOff) ?? (values.cutOff.trim() || null),
  deadline: parseFinnishDate(values.deadline) ?? (values.deadline.trim() || null),
  themes: values.themes,
});

export function OpenPeriodForm({ onOpened }: { onOpened: () => void }) {
  const lang = useLanguage();
  const { t } = useTranslation(['admin', 'editing', 'common']);
  const { session } = useSession();
  const themes = useApi<{ items: ThemeSummary[] }>('/api/v1/themes', lang);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>({
    key: '',
    kind: 'review',
    titleFi: '',
    titleSv: '',
    cutOff: '',
    deadline: '',
    themes: [],
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [summary, setSummary] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const all = themes.data?.items ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = localErrors(values, true, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setSummary([t('editing:fixFields', { count: Object.keys(found).length }), ...Object.values(found)]);
      return;
    }
    setBusy(true);
    try {
      await sendApi(
        'POST',
        '/api/v1/reporting-periods',
        { key: values.key.trim(), kind: values.kind, ...body(values) },
        { language: lang, csrfToken: session?.csrfToken },
      );
      setSummary(null);
      setOpen(false);
      onOpened();
    } catch (error) {
      const { byField, summary: lines } = serverErrors(error, t('common:error.text'));
      setErrors(byField);
      setSummary(lines);
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <Toolbar>
        <Button
          onClick={() => {
            setValues((v) => ({ ...v, themes: all.map((theme) => theme.slug) }));
            setOpen(true);
          }}
        >
          {t('admin:period.openNew')}
        </Button>
      </Toolbar>
    );
  }
  return (
    <section aria-labelledby="open-period-heading">
      <SectionHeading id="open-period-heading">{t('admin:period.openNew')}</SectionHeading>
      <div aria-live="polite">
        <FailureNotice lines={summary} />
      </div>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('admin:period.openNew')}>
        <FormStack>
          <PeriodFields values={values} setValues={setValues} errors={errors} themes={all} creating lang={lang} />
          <Toolbar>
            <Button type="submit" disabled={busy}>
              {t('admin:period.open')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('admin:cancel')}
            </Button>
          </Toolbar>
        </FormStack>
      </form>
    </section>
  );
}

/** An open period's settings, its closing and reopening, and the way to the review import. */
export function PeriodSettings({ period, onChanged }: { period: ReportingPeriod; onChanged: () => void }) {
  const lang = useLanguage();
  const { t } = useTranslation(['admin', 'editing', 'common']);
  const { session } = useSession();
  const themes = useApi<{ items: ThemeSummary[] }>('/api/v1/themes', lang);
  const name = localizedText(period.title, lang).text;
  const start = (): Values => ({
    key: period.key,
    kind: period.kind,
    titleFi: period.title.fi,
    titleSv: period.title.sv ?? '',
    cutOff: period.cutOff ? formatFinnishDate(period.cutOff) : '',
    deadline: period.deadline ? formatFinnishDate(period.deadline) : '',
    themes: period.themes.map((theme) => theme.slug),
  });
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Values>(start);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [summary, setSummary] = useState<string[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The themes of the period first, in its order, then the others in review order.
  const inPeriod = period.themes.map((theme) => theme.slug);
  const all = [...(themes.data?.items ?? [])].sort(
    (a, b) =>
      (inPeriod.includes(a.slug) ? inPeriod.indexOf(a.slug) : 1000) -
      (inPeriod.includes(b.slug) ? inPeriod.indexOf(b.slug) : 1000),
  );

  async function run(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    setDone(null);
    try {
      await action();
      setSummary(null);
      setErrors({});
      setDone(message);
      onChanged();
      return true;
    } catch (error) {
      const { byField, summary: lines } = serverErrors(error, t('common:error.text'));
      setErrors(byField);
      setSummary(lines);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = localErrors(values, false, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setSummary([t('editing:fixFields', { count: Object.keys(found).length }), ...Object.values(found)]);
      return;
    }
    const ok = await run(
      () =>
        sendApi('PATCH', `/api/v1/reporting-periods/${encodeURIComponent(period.key)}`, body(values), {
          language: lang,
          csrfToken: session?.csrfToken,
          ifMatch: period.version,
        }),
      t('admin:period.saved', { name }),
    );
    if (ok) setEditing(false);
  }

  const step = (which: 'close' | 'reopen') =>
    run(
      () =>
        sendApi(
          'POST',
          `/api/v1/reporting-periods/${encodeURIComponent(period.key)}/${which}`,
          {},
          {
            language: lang,
            csrfToken: session?.csrfToken,
            ifMatch: period.version,
          },
        ),
      t(which === 'close' ? 'admin:period.closedNow' : 'admin:period.reopenedNow', { name }),
    );

  return (
    <section aria-labelledby={`settings-${period.key}`}>
      <SectionHeading level={3} id={`settings-${period.key}`}>
        {t('admin:period.settings')}
      </SectionHeading>
      <div role="status" aria-live="polite">
        {done ? <Note>{done}</Note> : null}
      </div>
      <div aria-live="polite">
        <FailureNotice lines={summary} />
      </div>
      {period.closedAt ? (
        <Paragraph>{t('admin:period.closedAt', { at: dateTime(period.closedAt, lang) })}</Paragraph>
      ) : null}
      {editing ? (
        <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('admin:period.edit', { name })}>
          <FormStack>
            <PeriodFields
              values={values}
              setValues={setValues}
              errors={errors}
              themes={all}
              creating={false}
              lang={lang}
            />
            <Toolbar>
              <Button type="submit" disabled={busy}>
                {t('admin:period.save')}
              </Button>
              <Button variant="secondary" onClick={() => setEditing(false)}>
                {t('admin:cancel')}
              </Button>
            </Toolbar>
          </FormStack>
        </form>
      ) : (
        <Toolbar>
          {period.closedAt ? null : (
            <Button
              variant="secondary"
              onClick={() => {
                setValues(start());
                setErrors({});
                setSummary(null);
                setEditing(true);
              }}
            >
              {t('admin:period.edit', { name })}
            </Button>
          )}
          <Button variant="secondary" disabled={busy} onClick={() => void step(period.closedAt ? 'reopen' : 'close')}>
            {t(period.closedAt ? 'admin:period.reopen' : 'admin:period.close', { name })}
          </Button>
        </Toolbar>
      )}
      {period.closedAt ? null : (
        <Paragraph>
          <AppLink to={paths.reviewImport(lang, period.key)}>{t('admin:import.open', { name })}</AppLink>
        </Paragraph>
      )}
    </section>
  );
}
