/**
 * A labelled native <select>, styled to the design system's tokens: for choices among many options
 * (an organisation among a hundred), where the browser's own list is quicker to use with a keyboard
 * and a screen reader than a custom dropdown.
 */
import { useId } from 'react';
import { styled } from 'styled-components';
import { colors, focusRing, spacing, typography } from './tokens.js';
import type { Option } from './forms.js';

const Wrapper = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${spacing.xxs};
  margin-bottom: ${spacing.s};
  label {
    ${typography.bodySemiBoldSmall}
  }
  select {
    ${typography.bodyText}
    min-height: 40px;
    max-width: 100%;
    padding: 0 ${spacing.xs};
    border: 1px solid ${colors.depthDark3};
    border-radius: 2px;
    background: ${colors.whiteBase};
    color: ${colors.blackBase};
  }
  select:focus {
    outline: none;
    ${focusRing}
  }
`;

export function NativeSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <Wrapper>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}
