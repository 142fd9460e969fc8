/**
 * One slide of the deck as a horizontal bar chart in SVG: full labels (wrapped, never cut), the
 * value written at each bar, a second bar with its own pattern where the slide has two numbers
 * (partners beside implementers), the unknowns and the counties with none written under the chart.
 * Self-contained (no fonts or links fetched), so it opens anywhere and renders to PNG as it is.
 */
import type { Deck, DeckSlide } from './deck.js';

const WIDTH = 960;
const LABEL_WIDTH = 430;
const BAR_AREA = WIDTH - LABEL_WIDTH - 90;
const LINE = 18;
const FONT = "'Source Sans 3', 'Source Sans Pro', Arial, sans-serif";
const BRAND = '#2a6ebb';
const SECOND = '#5f686d';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Wraps a label at about `width` characters, on spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function chartSvg(deck: Deck, slide: DeckSlide): string {
  const number = (value: number) =>
    new Intl.NumberFormat(deck.language === 'en' ? 'en-GB' : deck.language).format(value);
  const two = slide.secondLabel !== undefined;
  const max = Math.max(1, ...slide.rows.flatMap((row) => [row.value, row.second ?? 0]));
  const parts: string[] = [];
  let y = 40;
  parts.push(`<text x="24" y="${y}" font-size="24" font-weight="700">${escape(slide.title)}</text>`);
  for (const line of wrap(slide.summary, 90)) {
    y += 24;
    parts.push(`<text x="24" y="${y}" font-size="16">${escape(line)}</text>`);
  }
  y += 18;
  if (two) {
    parts.push(
      `<rect x="24" y="${y}" width="16" height="12" fill="${BRAND}"/><text x="46" y="${y + 11}" font-size="14">${escape(slide.valueLabel)}</text>`,
      `<rect x="220" y="${y}" width="16" height="12" fill="url(#second)"/><text x="242" y="${y + 11}" font-size="14">${escape(slide.secondLabel!)}</text>`,
    );
    y += 24;
  }
  let group: string | undefined;
  for (const row of slide.rows) {
    if (row.group && row.group !== group) {
      group = row.group;
      y += 8;
      parts.push(`<text x="24" y="${y + 14}" font-size="15" font-weight="700">${escape(group)}</text>`);
      y += LINE + 4;
    }
    const label = wrap(row.label, 52);
    const barHeight = two ? 12 : 18;
    const height = Math.max(label.length * LINE, two ? 30 : 22);
    label.forEach((line, index) =>
      parts.push(`<text x="24" y="${y + 14 + index * LINE}" font-size="14">${escape(line)}</text>`),
    );
    const bar = (value: number, top: number, fill: string) => {
      const width = Math.round((value / max) * BAR_AREA);
      parts.push(
        `<rect x="${LABEL_WIDTH}" y="${top}" width="${Math.max(width, 1)}" height="${barHeight}" fill="${fill}"/>`,
        `<text x="${LABEL_WIDTH + width + 6}" y="${top + barHeight - 2}" font-size="14" font-weight="700">${number(value)}</text>`,
      );
    };
    bar(row.value, y + 2, BRAND);
    if (two) bar(row.second ?? 0, y + 16, 'url(#second)');
    y += height + 8;
  }
  if (slide.rows.length === 0) {
    y += 8;
    parts.push(`<text x="24" y="${y + 14}" font-size="14">–</text>`);
    y += LINE + 8;
  }
  if (slide.none) {
    y += 8;
    parts.push(
      `<text x="24" y="${y + 14}" font-size="15" font-weight="700">${escape(slide.none.title)} (${number(slide.none.names.length)})</text>`,
    );
    y += LINE + 4;
    for (const line of wrap(slide.none.names.join(', '), 110)) {
      parts.push(`<text x="24" y="${y + 14}" font-size="14">${escape(line)}</text>`);
      y += LINE;
    }
  }
  if (slide.unknown) {
    y += 8;
    parts.push(`<text x="24" y="${y + 14}" font-size="14" font-style="italic">${escape(slide.unknown.text)}</text>`);
    y += LINE;
  }
  y += 16;
  parts.push(
    `<text x="24" y="${y + 14}" font-size="12" fill="#5f686d">${escape(`${deck.theme.name} · ${deck.service} · ${deck.euCoFunding}`)}</text>`,
  );
  if (slide.key === 'counties') {
    y += LINE;
    parts.push(`<text x="24" y="${y + 14}" font-size="12" fill="#5f686d">${escape(deck.attribution)}</text>`);
  }
  const height = y + 30;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="title desc" lang="${deck.language}">`,
    `<title id="title">${escape(slide.title)}</title>`,
    `<desc id="desc">${escape(slide.summary)}</desc>`,
    `<defs><pattern id="second" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${SECOND}" stroke-width="3"/></pattern></defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g font-family="${FONT}" fill="#212121">`,
    ...parts,
    '</g></svg>',
  ].join('\n');
}
