/** Form controls from the design system, with the few props the pages need. */
import { useState, type ReactNode } from 'react';
import {
  Button as SuomifiButton,
  Checkbox,
  DateInput,
  Dropdown,
  DropdownItem,
  SearchInput,
  StatusText,
  TextInput,
  Textarea,
} from 'suomifi-ui-components';
import { styled } from 'styled-components';
import { colors, smallScreen, spacing } from './tokens.js';

export type Option = { value: string; label: string; lang?: string | undefined };

/** The "no filter" choice; the design system's dropdown needs a value for every item. */
export const ANY = '*';

type SelectProps = {
  label: string;
  value: string | null;
  options: Option[];
  /** Label of the first item, which removes the filter (its value is ANY). */
  anyLabel?: string;
  onChange: (value: string | null) => void;
  hint?: string;
  id?: string;
};

export function Select({ label, value, options, anyLabel, onChange, hint, id }: SelectProps) {
  const items = anyLabel ? [{ value: ANY, label: anyLabel }, ...options] : options;
  return (
    <Dropdown
      id={id}
      labelText={label}
      hintText={hint}
      value={value ?? (anyLabel ? ANY : null)}
      onChange={(next: string) => onChange(next === ANY ? null : next)}
      fullWidth
    >
      {items.map((option) => (
        <DropdownItem key={option.value} value={option.value} lang={option.lang}>
          {option.label}
        </DropdownItem>
      ))}
    </Dropdown>
  );
}

type SearchFieldProps = {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  clearLabel: string;
  searchLabel: string;
  id?: string;
};

/** Free-text search that applies on Enter or the search button, not on every key press. */
export function SearchField({ label, value, onSearch, clearLabel, searchLabel, id }: SearchFieldProps) {
  const [text, setText] = useState(value);
  // A new value from outside (the address changed) replaces what was typed; adjusted while drawing,
  // as React advises for state that follows a prop, rather than one render late in an effect.
  const [outside, setOutside] = useState(value);
  if (outside !== value) {
    setOutside(value);
    setText(value);
  }
  return (
    <SearchInput
      id={id}
      labelText={label}
      clearButtonLabel={clearLabel}
      searchButtonLabel={searchLabel}
      value={text}
      onChange={(next) => {
        setText(next);
        if (next === '' && value !== '') onSearch('');
      }}
      onSearch={(next) => onSearch(next.trim())}
      fullWidth
    />
  );
}

export function Button({
  children,
  onClick,
  variant = 'default',
  disabled,
  type = 'button',
}: {
  children: ReactNode;
  onClick?: () => void;
  variant?: 'default' | 'secondary' | 'secondaryNoBorder';
  disabled?: boolean;
  /** "submit" sends the form it is in (Enter in a field does the same). */
  type?: 'button' | 'submit';
}) {
  return (
    <SuomifiButton variant={variant} onClick={onClick} disabled={disabled} type={type}>
      {children}
    </SuomifiButton>
  );
}

type TextFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field and tied to it, with the field marked invalid. */
  error?: string | null | undefined;
  hint?: string | undefined;
  type?: 'text' | 'password' | 'email';
  inputMode?: 'numeric' | 'decimal' | 'text';
  autoComplete?: string;
  optionalText?: string | undefined;
  lang?: string | undefined;
};

/**
 * A date typed as people write it ("15.1.2027") or chosen from the design system's date picker;
 * the page reads the text (domain/calendar-date.ts parseFinnishDate), so both ways give the same.
 */
export function DateField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  optionalText,
  language,
}: Omit<TextFieldProps, 'type' | 'inputMode' | 'autoComplete' | 'lang'> & { language: 'fi' | 'sv' | 'en' }) {
  return (
    <DateInput
      id={id}
      name={id}
      labelText={label}
      hintText={hint}
      value={value}
      onChange={({ value: next }) => onChange(next)}
      status={error ? 'error' : 'default'}
      statusText={error ?? undefined}
      optionalText={optionalText}
      datePickerEnabled
      language={language}
      smallScreen={typeof window !== 'undefined' && window.innerWidth < 600}
    />
  );
}

/** A labelled text field whose error message sits at the field and is announced when it appears. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  inputMode,
  autoComplete,
  optionalText,
  lang,
}: TextFieldProps) {
  return (
    <TextInput
      id={id}
      name={id}
      labelText={label}
      hintText={hint}
      type={type}
      inputMode={inputMode}
      autoComplete={autoComplete}
      value={value}
      onChange={(next) => onChange(String(next ?? ''))}
      status={error ? 'error' : 'default'}
      statusText={error ?? undefined}
      aria-invalid={error ? true : undefined}
      optionalText={optionalText}
      lang={lang}
      fullWidth
    />
  );
}

type TextAreaProps = Omit<TextFieldProps, 'type' | 'inputMode' | 'autoComplete'> & {
  /**
   * The design system's live counter ("1234/2000", marked when over, announced to screen readers
   * after a pause in typing). It counts `value.length`, UTF-16 code units, as the server does.
   */
  counter?: { limit: number; remaining: (amount: number) => string; exceeded: (amount: number) => string } | undefined;
  /** Ids of text that describes the field besides its hint and error (e.g. comments on it). */
  describedBy?: string | undefined;
  rows?: number;
};

export function TextArea({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  optionalText,
  counter,
  describedBy,
  rows,
  lang,
}: TextAreaProps) {
  const counterProps = counter
    ? {
        characterLimit: counter.limit,
        ariaCharactersRemainingText: counter.remaining,
        ariaCharactersExceededText: counter.exceeded,
      }
    : {};
  return (
    <Textarea
      id={id}
      name={id}
      labelText={label}
      hintText={hint}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      status={error ? 'error' : 'default'}
      statusText={error ?? undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      optionalText={optionalText}
      rows={rows}
      lang={lang}
      fullWidth
      {...counterProps}
    />
  );
}

/** A labelled checkbox, with an error at it when there is one. */
export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  error,
  hint,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  return (
    <Checkbox
      id={id}
      name={id}
      checked={checked}
      onClick={({ checkboxState }) => onChange(checkboxState)}
      status={error ? 'error' : 'default'}
      statusText={error}
      hintText={hint}
    >
      {label}
    </Checkbox>
  );
}

/** Fields one under another with room between them. */
export const FormStack = styled.div`
  display: grid;
  gap: ${spacing.m};
  max-width: 640px;
  margin-bottom: ${spacing.l};
`;

/** Filters side by side on wide screens, one under another on narrow ones. */
export const FilterGrid = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
  gap: ${spacing.m};
  align-items: end;
  padding: ${spacing.m};
  margin-bottom: ${spacing.m};
  background: ${colors.whiteBase};
  border: 1px solid ${colors.depthLight1};
  ${smallScreen} {
    grid-template-columns: 1fr;
  }
`;

export const WideCell = styled.div`
  grid-column: 1 / -1;
`;

/** Fields that belong together (one link's address and title), under a legend. */
export const FieldGroup = styled.fieldset`
  display: grid;
  gap: ${spacing.s};
  max-width: 640px;
  /* A fieldset is as wide as its widest content by default (min-inline-size: min-content): a select
     of long organisation names made the page 213 px too wide at 320 px. */
  min-width: 0;
  grid-template-columns: minmax(0, 1fr);
  margin: 0 0 ${spacing.m};
  padding: ${spacing.s} ${spacing.m};
  border: 1px solid ${colors.depthLight1};
  legend {
    font-weight: 600;
    padding: 0 ${spacing.xxs};
  }
`;

/** An error shown at a control that draws none of its own (a dropdown); read out when it appears. */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <StatusText id={id} status="error" aria-live="assertive">
      {children}
    </StatusText>
  );
}
