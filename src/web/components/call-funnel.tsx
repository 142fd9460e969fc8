/**
 * A call's funnel drawn to scale: each step's bar is as long as its number is of the first step's
 * (the money from the budget, the counts from the applications), so the shape is the numbers'. A
 * step whose number is unknown gets no bar, and when the first step is unknown nothing in its part
 * is drawn and the funnel says why. The words and numbers carry the meaning; the bars repeat it.
 */
import { styled } from 'styled-components';
import { colors, spacing, typography } from './tokens.js';

export type FunnelStep = { label: string; text: string; value: number | null };

const Part = styled.ol`
  list-style: none;
  padding: 0;
  margin: 0 0 ${spacing.s};
  li {
    margin-bottom: ${spacing.xs};
    ${typography.bodyTextSmall}
  }
`;

const Track = styled.span`
  display: block;
  height: 12px;
  margin-top: 2px;
  background: ${colors.depthLight3};
`;

const Bar = styled.span<{ $width: number }>`
  display: block;
  height: 100%;
  width: ${({ $width }) => $width}%;
  min-width: ${({ $width }) => ($width > 0 ? '2px' : '0')};
  background: ${colors.highlightBase};
`;

const Note = styled.p`
  ${typography.bodyTextSmall}
  font-style: italic;
  margin: 0 0 ${spacing.xs};
`;

/** The width of each step's bar in per cent of the first step, or null when it cannot be drawn. */
export function funnelWidths(steps: readonly FunnelStep[]): (number | null)[] {
  const first = steps[0]?.value;
  return steps.map((step) =>
    first === null || first === undefined || first <= 0 || step.value === null
      ? null
      : Math.min(100, (step.value / first) * 100),
  );
}

export function CallFunnel({
  label,
  parts,
  notDrawn,
}: {
  label: string;
  /** Parts drawn each to its own scale (money, counts). */
  parts: FunnelStep[][];
  /** "The bars are not drawn: the budget is not known." */
  notDrawn: (firstStep: string) => string;
}) {
  return (
    <div role="group" aria-label={label}>
      {parts.map((steps) => {
        const widths = funnelWidths(steps);
        const drawn = widths[0] !== null;
        return (
          <div key={steps[0]?.label}>
            <Part>
              {steps.map((step, index) => (
                <li key={step.label}>
                  <span>{step.label}</span> <strong>{step.text}</strong>
                  {widths[index] !== null ? (
                    <Track aria-hidden="true">
                      <Bar $width={widths[index]!} />
                    </Track>
                  ) : null}
                </li>
              ))}
            </Part>
            {!drawn && steps[0] ? <Note>{notDrawn(steps[0].label)}</Note> : null}
          </div>
        );
      })}
    </div>
  );
}
