/**
 * The four figures of several themes as horizontal bars, built to the design tokens. The bars differ
 * in thickness as well as colour (frame the outline, reserved the thickest, paid the thinnest), and
 * the legend shows the same shapes, so no one has to tell them apart by colour. The chart is a
 * picture (role="img") with a summary; the table next to it carries the numbers.
 */
import { useId } from 'react';
import { styled } from 'styled-components';
import { colors, figureFills, spacing, typography } from './tokens.js';

export type ChartRow = {
  label: string;
  frame: number | null;
  reserved: number | null;
  committed: number | null;
  paid: number | null;
};

type Props = {
  title: string;
  summary: string;
  rows: ChartRow[];
  legend: { frame: string; reserved: string; committed: string; paid: string };
};

const Figure = styled.figure`
  margin: 0 0 ${spacing.m};
  background: ${colors.whiteBase};
  border: 1px solid ${colors.depthLight1};
  padding: ${spacing.s};
  figcaption {
    ${typography.bodySemiBold}
    margin-bottom: ${spacing.xs};
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
  }
`;

const Legend = styled.ul`
  display: flex;
  flex-wrap: wrap;
  gap: ${spacing.m};
  list-style: none;
  padding: 0;
  margin: ${spacing.xs} 0 0;
  ${typography.bodyTextSmall}
  li {
    display: flex;
    align-items: center;
    gap: ${spacing.xs};
  }
`;

const BAR = { frame: 22, reserved: 16, committed: 10, paid: 4 } as const;
const ROW_HEIGHT = 34;
const LABEL_WIDTH = 230;
const WIDTH = 900;

function Swatch({ kind }: { kind: keyof typeof BAR }) {
  return (
    <svg width="28" height="22" aria-hidden="true" focusable="false">
      <rect
        x="1"
        y={11 - BAR[kind] / 2}
        width="26"
        height={BAR[kind]}
        fill={figureFills[kind]}
        stroke={kind === 'frame' ? colors.blackBase : 'none'}
      />
    </svg>
  );
}

export function FigureChart({ title, summary, rows, legend }: Props) {
  const id = useId();
  const max = Math.max(1, ...rows.map((row) => Math.max(row.frame ?? 0, row.reserved ?? 0)));
  const scale = (value: number | null) => ((value ?? 0) / max) * (WIDTH - LABEL_WIDTH - 10);
  const height = rows.length * ROW_HEIGHT + 4;
  return (
    <Figure aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {rows.map((row, index) => {
          const middle = index * ROW_HEIGHT + ROW_HEIGHT / 2 + 2;
          return (
            <g key={row.label + index}>
              <text x={LABEL_WIDTH - 8} y={middle + 5} textAnchor="end" fontSize="14" fill={colors.blackBase}>
                {row.label.length > 32 ? `${row.label.slice(0, 31)}…` : row.label}
              </text>
              {(['frame', 'reserved', 'committed', 'paid'] as const).map((kind) => (
                <rect
                  key={kind}
                  x={LABEL_WIDTH}
                  y={middle - BAR[kind] / 2}
                  width={Math.max(0, scale(row[kind]))}
                  height={BAR[kind]}
                  fill={figureFills[kind]}
                  stroke={kind === 'frame' ? colors.blackBase : 'none'}
                />
              ))}
            </g>
          );
        })}
      </svg>
      <Legend>
        {(['frame', 'reserved', 'committed', 'paid'] as const).map((kind) => (
          <li key={kind}>
            <Swatch kind={kind} />
            {legend[kind]}
          </li>
        ))}
      </Legend>
    </Figure>
  );
}
