/** Layout pieces built to the design tokens: sections, fact lists, figure cards, badges. */
import type { ReactNode } from 'react';
import { VisuallyHidden as SuomifiVisuallyHidden } from 'suomifi-ui-components';
import { styled } from 'styled-components';
import { colors, radiuses, shadows, smallScreen, spacing, typography } from './tokens.js';

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <SuomifiVisuallyHidden>{children}</SuomifiVisuallyHidden>;
}

/** A white panel as the design system draws content areas. */
export const Panel = styled.section`
  background: ${colors.whiteBase};
  border: 1px solid ${colors.depthLight1};
  border-radius: ${radiuses.basic};
  padding: ${spacing.m} ${spacing.l};
  margin-bottom: ${spacing.l};
  ${smallScreen} {
    padding: ${spacing.s};
  }
  > h2:first-child {
    margin-top: 0;
  }
`;

/** Label–value pairs (<dl>), two columns on wide screens. */
export const FactList = styled.dl`
  display: grid;
  /* minmax(0, …): a long address or number in a value wraps instead of widening the page. */
  grid-template-columns: minmax(160px, max-content) minmax(0, 1fr);
  gap: ${spacing.xs} ${spacing.m};
  margin: 0 0 ${spacing.m};
  dt {
    ${typography.bodySemiBoldSmall}
  }
  dd {
    margin: 0;
    ${typography.bodyTextSmall}
  }
  ${smallScreen} {
    grid-template-columns: minmax(0, 1fr);
    dd {
      margin-bottom: ${spacing.xs};
    }
  }
`;

export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Figure cards in a row. A list, so that screen readers say how many there are. */
export const StatList = styled.ul`
  list-style: none;
  padding: 0;
  margin: 0 0 ${spacing.m};
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(210px, 1fr));
  gap: ${spacing.s};
`;

const StatItem = styled.li`
  background: ${colors.whiteBase};
  border: 1px solid ${colors.depthLight1};
  border-top: 4px solid ${colors.highlightBase};
  border-radius: ${radiuses.basic};
  box-shadow: ${shadows.panelShadow};
  padding: ${spacing.s};
  ${typography.bodyTextSmall}
`;

const StatLabel = styled.span`
  display: block;
  ${typography.bodySemiBoldSmall}
`;

const StatValue = styled.span`
  display: block;
  ${typography.heading3}
  margin: ${spacing.xxs} 0;
`;

export function Stat({ label, value, detail }: { label: ReactNode; value: ReactNode; detail?: ReactNode }) {
  return (
    <StatItem>
      <StatLabel>{label}</StatLabel>
      <StatValue>{value}</StatValue>
      {detail ? <span>{detail}</span> : null}
    </StatItem>
  );
}

/** A short status word in a frame: the word carries the meaning, the colour only repeats it. */
export const Badge = styled.span<{ $tone?: 'neutral' | 'success' | 'warning' | 'info' }>`
  display: inline-block;
  ${typography.bodySemiBoldSmall}
  padding: 0 ${spacing.insetM};
  border-radius: ${radiuses.basic};
  border: 1px solid
    ${({ $tone }) =>
      $tone === 'success'
        ? colors.successDark1
        : $tone === 'warning'
          ? colors.warningBase
          : $tone === 'info'
            ? colors.highlightBase
            : colors.depthDark1};
  background: ${({ $tone }) =>
    $tone === 'success'
      ? colors.successSecondary
      : $tone === 'warning'
        ? colors.warningLight1
        : $tone === 'info'
          ? colors.highlightLight3
          : colors.depthLight3};
  color: ${colors.blackBase};
  white-space: nowrap;
`;

export const PlainList = styled.ul`
  margin: 0 0 ${spacing.m};
  padding-left: ${spacing.l};
  li {
    margin-bottom: ${spacing.xxs};
  }
`;

export const Columns = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(320px, 100%), 1fr));
  gap: ${spacing.l};
`;

export const Toolbar = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${spacing.s};
  align-items: center;
  margin: ${spacing.s} 0 ${spacing.m};
`;

export const UnstyledList = styled.ul`
  list-style: none;
  padding: 0;
  margin: 0 0 ${spacing.m};
`;

/**
 * A call's funnel: each step narrower than the one before, so the shape says "fewer at each step";
 * the words and numbers in each step carry the meaning.
 */
export const Funnel = styled.ol`
  list-style: none;
  padding: 0;
  margin: 0 0 ${spacing.s};
  li {
    background: ${colors.highlightLight3};
    border-left: 4px solid ${colors.highlightBase};
    padding: ${spacing.xxs} ${spacing.s};
    margin-bottom: ${spacing.xxs};
    ${typography.bodyTextSmall}
    min-width: 260px;
  }
  li:nth-child(1) {
    width: 100%;
  }
  li:nth-child(2) {
    width: 88%;
  }
  li:nth-child(3) {
    width: 76%;
  }
  li:nth-child(4) {
    width: 64%;
  }
  li:nth-child(5) {
    width: 52%;
  }
  ${smallScreen} {
    li {
      width: 100% !important;
    }
  }
`;
