/**
 * The parts every editing page has: the state of a form of typed fields (values, errors at the
 * fields, the notice at the top and where focus goes), the gate shown before a form can open
 * (signed out, failed to load, loading), the notice listing why a save failed, and the fields
 * themselves drawn from their specs.
 */
import { useRef, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../contracts/api.js';
import { ApiError } from '../../api.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { DateField, FieldError, Select, TextArea, TextField } from '../../components/forms.js';
import { AppLink } from '../../components/links.js';
import { PageHeading, Paragraph } from '../../components/typography.js';
import type { Language } from '../../i18n.js';
import { paths } from '../../paths.js';
import { fieldErrors, fromInput, type FieldSpec } from './edit-support.js';

export type FieldValues = Record<string, string>;

export type FieldForm = {
  values: FieldValues;
  setValues: Dispatch<SetStateAction<FieldValues>>;
  errors: Record<string, string>;
  formError: string[] | null;
  setFormError: (lines: string[] | null) => void;
  noticeRef: React.RefObject<HTMLDivElement | null>;
  /** Moves focus to the notice after React has drawn it, so a screen reader reads it out. */
  focusNotice: () => void;
  /** The typed values read; null, with the reasons shown at their fields, when something is unreadable. */
  readValues: () => Record<string, unknown> | null;
  /** Shows a failed save: the server's reasons at their fields, the rest in the notice. */
  showFailure: (error: unknown) => void;
};

export function useFieldForm(fields: FieldSpec[], lang: Language): FieldForm {
  const { t } = useTranslation(['editing', 'common']);
  const [values, setValues] = useState<FieldValues>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string[] | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const focusNotice = () => setTimeout(() => noticeRef.current?.focus(), 0);
  const focusField = (name: string) => document.getElementById(`field-${name}`)?.focus();

  function readValues(): Record<string, unknown> | null {
    const parsed: Record<string, unknown> = {};
    const found: Record<string, string> = {};
    for (const field of fields) {
      const result = fromInput(field.kind, values[field.name] ?? '', lang, field.required);
      if (result.ok) parsed[field.name] = result.value;
      else found[field.name] = t(result.error);
    }
    setErrors(found);
    const first = fields.find((field) => found[field.name]);
    if (first) {
      setFormError([t('editing:fixFields', { count: Object.keys(found).length })]);
      focusField(first.name);
      return null;
    }
    setFormError(null);
    return parsed;
  }

  function showFailure(error: unknown) {
    if (!(error instanceof ApiError)) {
      setFormError([t('common:error.text')]);
      focusNotice();
      return;
    }
    const { byField, other } = fieldErrors(
      error.problem as Problem | null,
      fields.map((f) => f.name),
    );
    setErrors(byField);
    // The summary names every refused field with its reason, as the fields themselves do.
    const atFields = fields.filter((field) => byField[field.name]).map((f) => `${f.label}: ${byField[f.name]}`);
    setFormError([error.problem?.detail ?? error.problem?.title ?? error.message, ...atFields, ...other]);
    const first = fields.find((field) => byField[field.name]);
    if (first) focusField(first.name);
    else focusNotice();
  }

  return { values, setValues, errors, formError, setFormError, noticeRef, focusNotice, readValues, showFailure };
}

/**
 * What stands in for a form until it can open: a way to sign in, the reason it failed to load, or
 * a loading note. Null once the form can be drawn. (A hook, not a component: the page returns it
 * in place of itself.)
 */
export function useEditGate({
  known,
  signedIn,
  loadError,
  loaded,
  lang,
}: {
  known: boolean;
  signedIn: boolean;
  loadError: Error | null;
  loaded: boolean;
  lang: Language;
}): ReactNode {
  const { t } = useTranslation(['editing', 'common']);
  if (known && !signedIn) {
    return (
      <>
        <PageHeading>{t('editing:signInNeeded.title')}</PageHeading>
        <Paragraph>{t('editing:signInNeeded.text')}</Paragraph>
        <Paragraph>
          <AppLink to={`${paths.signIn(lang)}?next=${encodeURIComponent(window.location.pathname)}`}>
            {t('common:nav.signIn')}
          </AppLink>
        </Paragraph>
      </>
    );
  }
  if (loadError) {
    return (
      <>
        <PageHeading>{t('common:error.title')}</PageHeading>
        <ErrorNotice title={t('editing:loadFailed')}>{loadError.message}</ErrorNotice>
      </>
    );
  }
  if (!loaded) return <Loading text={t('common:loading')} />;
  return null;
}

/** Why a save failed, one line each. */
export function FailureNotice({ lines }: { lines: string[] | null }) {
  const { t } = useTranslation('editing');
  if (!lines) return null;
  return (
    <ErrorNotice title={t('editing:notSaved')}>
      {lines.map((line) => (
        <span key={line}>
          {line}
          <br />
        </span>
      ))}
    </ErrorNotice>
  );
}

/** How to type a field of this kind ("1 234,56", "31.10.2024", …); none for free text. */
export function hintFor(field: FieldSpec, t: (key: string) => string): string | undefined {
  switch (field.kind) {
    case 'money':
      return t('editing:hint.money');
    case 'date':
      return t('editing:hint.date');
    case 'partialDate':
      return t('editing:hint.partialDate');
    case 'time':
      return t('editing:hint.time');
    case 'lines':
      return t('editing:hint.lines');
    default:
      return undefined;
  }
}

/** The form's fields, each with its error, hint (by kind unless `hint` says otherwise) and keyboard. */
export function FieldInputs({
  fields,
  form,
  hint,
}: {
  fields: FieldSpec[];
  form: Pick<FieldForm, 'values' | 'setValues' | 'errors'>;
  hint?: (field: FieldSpec) => string | undefined;
}) {
  const { t, i18n } = useTranslation('editing');
  const language = (['fi', 'sv', 'en'].includes(i18n.language) ? i18n.language : 'fi') as 'fi' | 'sv' | 'en';
  const { values, setValues, errors } = form;
  return fields.map((field) => {
    const common = {
      id: `field-${field.name}`,
      label: field.label,
      value: values[field.name] ?? '',
      onChange: (value: string) => setValues((v) => ({ ...v, [field.name]: value })),
      error: errors[field.name],
      hint: hint ? hint(field) : (field.hint ?? hintFor(field, t)),
      optionalText: field.required ? undefined : t('editing:optional'),
    };
    if (field.kind === 'textarea' || field.kind === 'lines') return <TextArea key={field.name} {...common} />;
    if (field.kind === 'select') {
      return (
        <div key={field.name}>
          <Select
            id={common.id}
            label={field.required ? field.label : `${field.label} (${t('editing:optional')})`}
            hint={common.hint}
            value={common.value === '' ? null : common.value}
            options={field.options ?? []}
            anyLabel={field.required ? undefined : t('editing:empty')}
            onChange={(value) => common.onChange(value ?? '')}
          />
          {common.error ? <FieldError id={`${common.id}-error`}>{common.error}</FieldError> : null}
        </div>
      );
    }
    if (field.kind === 'date') return <DateField key={field.name} {...common} language={language} />;
    const inputMode =
      field.kind === 'count' ? 'numeric' : field.kind === 'money' || field.kind === 'number' ? 'decimal' : undefined;
    return <TextField key={field.name} {...common} inputMode={inputMode} />;
  });
}
