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

/**
 * A short status word: the word carries the meaning, a coloured dot before it only repeats it. No
 * frame, fill or rounded corners, so that it is not taken for a button.
 */
export const Badge = styled.span<{ $tone?: 'neutral' | 'success' | 'warning' | 'info' }>`
  display: inline-flex;
  align-items: baseline;
  gap: 0.35em;
  ${typography.bodySemiBoldSmall}
  color: ${colors.blackBase};
  white-space: nowrap;
  &::before {
    content: '';
    flex: none;
    width: 0.6em;
    height: 0.6em;
    border-radius: 50%;
    background: ${({ $tone }) =>
      $tone === 'success'
        ? colors.successBase
        : $tone === 'warning'
          ? colors.warningBase
          : $tone === 'info'
            ? colors.highlightBase
            : colors.depthDark1};
  }
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
