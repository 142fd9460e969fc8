/**
 * The deck as a PowerPoint file (pptxgenjs): a title slide with the service's and the EU
 * co-funding wording, then one slide per chart: its title and summary, the chart (a native bar chart
 * with its values shown, so it stays editable) and the same numbers as a table beside it, the
 * unknowns as a number, and the wording at the foot of every slide.
 */
import pptxModule from 'pptxgenjs';
import type { Deck } from './deck.js';

type Pptx = typeof import('pptxgenjs').default;
type Slide = import('pptxgenjs').default.Slide;
type TableRow = import('pptxgenjs').default.TableRow;
// The package's types describe a CommonJS default export; under ESM the class is the default itself.
const PptxGenJS = ((pptxModule as unknown as { default?: Pptx }).default ?? pptxModule) as unknown as Pptx;

const BRAND = '2A6EBB';
const SECOND = '5F686D';

export async function renderPptx(deck: Deck): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE'; // 13.33 × 7.5 in
  pptx.title = deck.theme.name;
  pptx.company = deck.service;
  const lang = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[deck.language];
  const number = (value: number) =>
    new Intl.NumberFormat(deck.language === 'en' ? 'en-GB' : deck.language).format(value);
  const footer = (slide: Slide) => {
    slide.addText(`${deck.service} · ${deck.euCoFunding}`, {
      x: 0.5,
      y: 6.95,
      w: 12.3,
      h: 0.35,
      fontSize: 10,
      color: SECOND,
    });
  };

  const title = pptx.addSlide();
  title.addText(deck.theme.name, { lang, x: 0.5, y: 2.0, w: 12.3, h: 1.4, fontSize: 32, bold: true, color: '212121' });
  title.addText(deck.service, { lang, x: 0.5, y: 3.6, w: 12.3, h: 0.6, fontSize: 18 });
  title.addText(deck.euCoFunding, { lang, x: 0.5, y: 4.3, w: 12.3, h: 0.6, fontSize: 18, bold: true, color: BRAND });

  for (const content of deck.slides) {
    const slide = pptx.addSlide();
    slide.addText(content.title, { lang, x: 0.5, y: 0.3, w: 12.3, h: 0.7, fontSize: 26, bold: true });
    slide.addText(content.summary, { lang, x: 0.5, y: 1.0, w: 12.3, h: 0.6, fontSize: 15 });
    const two = content.secondLabel !== undefined;
    if (content.rows.length > 0) {
      const labels = content.rows.map((row) => (row.group ? `${row.label}` : row.label));
      const series = [{ name: content.valueLabel, labels, values: content.rows.map((row) => row.value) }];
      if (two) series.push({ name: content.secondLabel!, labels, values: content.rows.map((row) => row.second ?? 0) });
      slide.addChart(pptx.ChartType.bar, series, {
        x: 0.5,
        y: 1.7,
        w: 7.6,
        h: 4.9,
        barDir: 'bar',
        catAxisOrientation: 'minMax',
        showValue: true,
        dataLabelFormatCode: '0',
        chartColors: two ? [BRAND, SECOND] : [BRAND],
        showLegend: two,
        legendPos: 'b',
        catAxisLabelFontSize: 10,
        valAxisHidden: true,
        valGridLine: { style: 'none' },
      });
    }
    const header = [content.valueLabel, ...(two ? [content.secondLabel!] : [])];
    const rows: TableRow[] = [
      [{ text: '' }, ...header.map((text) => ({ text, options: { bold: true, align: 'right' as const } }))],
      ...content.rows.map((row) => [
        { text: row.label },
        { text: number(row.value), options: { align: 'right' as const } },
        ...(two ? [{ text: number(row.second ?? 0), options: { align: 'right' as const } }] : []),
      ]),
    ];
    slide.addTable(rows, {
      x: 8.3,
      y: 1.7,
      w: 4.5,
      fontSize: content.rows.length > 12 ? 8 : 10,
      colW: two ? [2.7, 0.9, 0.9] : [3.5, 1.0],
      border: { type: 'solid', pt: 0.5, color: 'BFBFBF' },
      autoPage: false,
    });
    const notes = [
      ...(content.none
        ? [`${content.none.title} (${number(content.none.names.length)}): ${content.none.names.join(', ')}`]
        : []),
      ...(content.unknown ? [content.unknown.text] : []),
      ...(content.key === 'counties' ? [deck.attribution] : []),
    ];
    if (notes.length > 0)
      slide.addText(notes.join('\n'), { lang, x: 0.5, y: 6.2, w: 12.3, h: 0.7, fontSize: 10, italic: true });
    footer(slide);
  }
  const output = await pptx.write({ outputType: 'nodebuffer' });
  return Buffer.from(output as ArrayBuffer);
}
