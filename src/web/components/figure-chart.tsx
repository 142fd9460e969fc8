/**
 * The four figures of several themes as horizontal bars, built to the design tokens in HTML (not a
 * picture), so that it reflows at 320 px, its words are text a screen reader reads and a browser
 * translates, and each name is a link. Each theme has four bars in the same order (frame, reserved,
 * committed, paid), each a different fill and thickness, with its value at its end; an axis in
 * millions of euros with grid lines gives the scale. A short name shows the full name on hover and
 * on keyboard focus (a tooltip that Escape closes, WCAG 1.4.13). The table under the chart carries
 * the same numbers.
 */
import { useEffect, useId, useState } from 'react';
import { styled } from 'styled-components';
import { AppLink } from './links.js';
import { VisuallyHidden } from './layout.js';
import { colors, figureFills, shadows, smallScreen, spacing, typography } from './tokens.js';

export type ChartRow = {
  /** The short name shown beside the bars ("TYKE"). */
  label: string;
  /** The full name, shown on hover and focus when it differs from the label. */
  fullName: string;
  lang?: string | undefined;
  href?: string;
  frame: number | null;
  reserved: number | null;
  committed: number | null;
  paid: number | null;
};

type Figure = 'frame' | 'reserved' | 'committed' | 'paid';
const FIGURES: readonly Figure[] = ['frame', 'reserved', 'committed', 'paid'];

type Props = {
  title: string;
  summary: string;
  rows: ChartRow[];
  legend: Record<Figure, string>;
  /** A value as the bar's end says it ("13,6 M€"). */
  format: (cents: number) => string;
  /** The axis' unit and its tick labels ("M€"; 5 → "5"). */
  axisLabel: string;
  formatTick: (millions: number) => string;
  unknown: string;
};

const BAR: Record<Figure, number> = { frame: 14, reserved: 12, committed: 9, paid: 6 };
/** Room at the right of the bar area for the value after the longest bar. */
const VALUE_ROOM = '6.5rem';

const Frame = styled.figure`
  margin: 0 0 ${spacing.m};
  background: ${colors.whiteBase};
  border: 1px solid ${colors.depthLight1};
  padding: ${spacing.s};
  figcaption {
    ${typography.bodySemiBold}
  }
`;

const Summary = styled.p`
  ${typography.bodyTextSmall}
  margin: ${spacing.xxs} 0 ${spacing.s};
`;

const Legend = styled.ul`
  display: flex;
  flex-wrap: wrap;
  gap: ${spacing.xs} ${spacing.m};
  list-style: none;
  padding: 0;
  margin: 0 0 ${spacing.s};
  ${typography.bodyTextSmall}
  li {
    display: inline-flex;
    align-items: center;
    gap: ${spacing.xxs};
  }
`;

const Swatch = styled.span<{ $figure: Figure }>`
  display: inline-block;
  flex: none;
  width: 1.5rem;
  height: ${({ $figure }) => BAR[$figure]}px;
  background: ${({ $figure }) => figureFills[$figure]};
  border: 1px solid ${({ $figure }) => ($figure === 'frame' ? colors.blackBase : figureFills[$figure])};
`;

const Rows = styled.ul`
  list-style: none;
  padding: 0;
  margin: 0;
`;

const Row = styled.li`
  display: grid;
  grid-template-columns: minmax(6rem, 12rem) 1fr;
  gap: ${spacing.s};
  align-items: center;
  padding: ${spacing.xxs} 0;
  border-bottom: 1px solid ${colors.depthLight2};
  ${smallScreen} {
    grid-template-columns: 1fr;
    gap: ${spacing.xxs};
  }
`;

const Name = styled.div`
  position: relative;
  ${typography.bodyTextSmall}
  overflow-wrap: anywhere;
  hyphens: auto;
`;

const Tip = styled.span`
  position: absolute;
  z-index: 2;
  left: 0;
  top: 100%;
  width: max-content;
  max-width: min(24rem, 80vw);
  margin-top: ${spacing.xxs};
  padding: ${spacing.xxs} ${spacing.xs};
  background: ${colors.blackBase};
  color: ${colors.whiteBase};
  box-shadow: ${shadows.menuShadow};
  ${typography.bodyTextSmall}
`;

/** The bars' area: grid lines behind, room at the right for the last value. */
const Plot = styled.div`
  position: relative;
  margin-right: ${VALUE_ROOM};
`;

const Grid = styled.span<{ $at: number }>`
  position: absolute;
  top: 0;
  bottom: 0;
  left: ${({ $at }) => $at}%;
  border-left: 1px dashed ${colors.depthLight1};
`;

const Track = styled.div`
  position: relative;
  display: flex;
  align-items: center;
  min-height: 16px;
`;

const Bar = styled.span<{ $figure: Figure; $width: number }>`
  display: inline-block;
  box-sizing: border-box;
  width: ${({ $width }) => $width}%;
  min-width: ${({ $width }) => ($width > 0 ? '2px' : '0')};
  height: ${({ $figure }) => BAR[$figure]}px;
  background: ${({ $figure }) => figureFills[$figure]};
  border: ${({ $figure }) => ($figure === 'frame' ? `1px solid ${colors.blackBase}` : '0')};
`;

const Value = styled.span`
  position: absolute;
  left: calc(var(--end) + 4px);
  white-space: nowrap;
  font-size: 13px;
  line-height: 1;
  font-variant-numeric: tabular-nums;
`;

const Axis = styled.div`
  display: grid;
  grid-template-columns: minmax(6rem, 12rem) 1fr;
  gap: ${spacing.s};
  margin-top: ${spacing.xxs};
  font-size: 13px;
  ${smallScreen} {
    grid-template-columns: 1fr;
  }
`;

const Ticks = styled.div`
  position: relative;
  height: 1.5em;
  margin-right: ${VALUE_ROOM};
  border-top: 1px solid ${colors.blackBase};
  span {
    position: absolute;
    top: 2px;
    transform: translateX(-50%);
    white-space: nowrap;
  }
`;

/** A round step for about four ticks: 1, 2 or 5 times a power of ten (in millions). */
export function niceTicks(maxMillions: number): number[] {
  if (!(maxMillions > 0)) return [0, 1];
  const rough = maxMillions / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const ticks: number[] = [];
  for (let tick = 0; tick < maxMillions + step - 1e-9; tick += step) ticks.push(Math.round(tick * 1e6) / 1e6);
  return ticks;
}

/**
 * A short name with its full name on hover and focus (a tooltip, which Escape hides again); the
 * link is described by the full name for screen readers. A name that is already in full is text.
 */
function ChartName({ row }: { row: ChartRow }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', close);
    return () => document.removeEventListener('keydown', close);
  }, [open]);
  if (row.fullName === row.label || !row.href)
    return (
      <Name>
        <span lang={row.lang}>{row.fullName}</span>
      </Name>
    );
  return (
    <Name
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
    >
      <AppLink to={row.href} aria-describedby={id}>
        {row.label}
      </AppLink>
      <Tip id={id} role="tooltip" hidden={!open} lang={row.lang}>
        {row.fullName}
      </Tip>
    </Name>
  );
}

export function FigureChart({ title, summary, rows, legend, format, axisLabel, formatTick, unknown }: Props) {
  const id = useId();
  const max = Math.max(0, ...rows.flatMap((row) => FIGURES.map((figure) => row[figure] ?? 0)));
  const ticks = niceTicks(max / 100_000_000);
  const top = ticks.at(-1)! * 100_000_000;
  const at = (cents: number) => (top > 0 ? (cents / top) * 100 : 0);
  return (
    <Frame aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <Summary>{summary}</Summary>
      <Legend>
        {FIGURES.map((figure) => (
          <li key={figure}>
            <Swatch $figure={figure} aria-hidden="true" />
            {legend[figure]}
          </li>
        ))}
      </Legend>
      <Rows>
        {rows.map((row, index) => (
          <Row key={`${row.label}-${index}`}>
            <ChartName row={row} />
            <Plot>
              {ticks.slice(1).map((tick) => (
                <Grid key={tick} $at={at(tick * 100_000_000)} aria-hidden="true" />
              ))}
              {FIGURES.map((figure) => {
                const value = row[figure];
                const width = value === null ? 0 : at(value);
                return (
                  <Track key={figure}>
                    <Bar $figure={figure} $width={width} aria-hidden="true" />
                    <Value style={{ ['--end' as string]: `${width}%` }}>
                      <VisuallyHidden>{`${legend[figure]}: `}</VisuallyHidden>
                      {value === null ? unknown : format(value)}
                    </Value>
                  </Track>
                );
              })}
            </Plot>
          </Row>
        ))}
      </Rows>
      <Axis aria-hidden="true">
        <span>{axisLabel}</span>
        <Ticks>
          {ticks.map((tick) => (
            <span key={tick} style={{ left: `${at(tick * 100_000_000)}%` }}>
              {formatTick(tick)}
            </span>
          ))}
        </Ticks>
      </Axis>
    </Frame>
  );
}
