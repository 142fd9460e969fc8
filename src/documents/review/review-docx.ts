/**
 * The review as a Word document (docx package): real heading styles (Word's navigation pane and
 * LibreOffice's navigator show them), a summary table with a repeating header row, lists and
 * hyperlinks. No fields (a table-of-contents field makes Word ask to update it on opening): the
 * contents are a plain list of the themes.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { formatEuros } from '../../domain/money.js';
import type { Inline, RichText } from '../../domain/reports/rich-text.js';
import { finnishDate } from '../../domain/reports/templates.js';
import {
  contactLine,
  FIGURE_KEYS,
  FIGURE_LABELS,
  projectLines,
  type ReviewModel,
  type ReviewTheme,
} from './review-model.js';

const euros = (cents: number | null | undefined) => (cents === null || cents === undefined ? '–' : formatEuros(cents));

function inlineRuns(content: Inline[]): ParagraphChild[] {
  return content.map((piece) =>
    piece.type === 'link'
      ? new ExternalHyperlink({ link: piece.href, children: [new TextRun({ text: piece.text, style: 'Hyperlink' })] })
      : new TextRun(piece.text),
  );
}

let listInstance = 0;

function richParagraphs(blocks: RichText): Paragraph[] {
  if (blocks.length === 0) return [new Paragraph('–')];
  return blocks.flatMap((block) => {
    if (block.type === 'paragraph')
      return [new Paragraph({ children: inlineRuns(block.content), spacing: { after: 120 } })];
    const instance = ++listInstance;
    return block.items.map((item) =>
      block.ordered
        ? new Paragraph({ children: inlineRuns(item), numbering: { reference: 'ordered', level: 0, instance } })
        : new Paragraph({ children: inlineRuns(item), bullet: { level: 0 } }),
    );
  });
}

const cell = (text: string, options: { bold?: boolean; right?: boolean; width?: number } = {}) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.bold ?? false })],
      }),
    ],
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
  });

function summaryTable(model: ReviewModel): Table {
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell('Teema', { bold: true, width: 32 }),
      ...FIGURE_KEYS.map((k) => cell(FIGURE_LABELS[k], { bold: true, right: true, width: 17 })),
    ],
  });
  const rows = model.themes.map(
    (t) =>
      new TableRow({
        children: [
          cell(`${t.number}. ${t.name}`),
          ...FIGURE_KEYS.map((k) => cell(euros(t.header.figures?.[k]), { right: true })),
        ],
      }),
  );
  const total = new TableRow({
    children: [
      cell('Yhteensä', { bold: true }),
      ...FIGURE_KEYS.map((k) => cell(euros(model.totals[k]), { bold: true, right: true })),
    ],
  });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows, total] });
}

function themeChildren(theme: ReviewTheme): (Paragraph | Table)[] {
  const h = theme.header;
  const label = (text: string) =>
    new Paragraph({ children: [new TextRun({ text, bold: true })], spacing: { before: 120 } });
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(`${theme.number}. ${theme.name}`)],
    }),
    label('Yhteyshenkilöt (koordinaatio tms. hankkeen yhteyshenkilö ja rahoittajan vastuuhenkilö)'),
    ...(h.contacts.length ? h.contacts.map((c) => new Paragraph(contactLine(c))) : [new Paragraph('–')]),
    label('Vastuullinen hallinnonala ja ministeriön vastuuhenkilön yhteystiedot'),
    new Paragraph(h.ministries.join(', ') || '–'),
    ...h.ministryContacts.map((c) => new Paragraph(contactLine(c))),
    label('Teeman toteutusaika'),
    new Paragraph(h.period.text ?? ([h.period.start, h.period.end].filter(Boolean).join(' – ') || '–')),
    label(`Teeman (EU + valtio) rahoitus${h.figures ? ` ${finnishDate(h.figures.asOf)}` : ''}`),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: FIGURE_KEYS.map(
        (k) =>
          new TableRow({
            children: [cell(FIGURE_LABELS[k], { width: 60 }), cell(euros(h.figures?.[k]), { right: true, width: 40 })],
          }),
      ),
    }),
  ];
  for (const section of theme.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [new TextRun(`${section.number}) ${section.title}`)],
      }),
      ...richParagraphs(section.blocks),
    );
  }
  if (theme.linksTitle) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(theme.linksTitle)] }));
    if (theme.links.length === 0) children.push(new Paragraph('–'));
    for (const link of theme.links) {
      children.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [
            new ExternalHyperlink({
              link: link.url,
              children: [new TextRun({ text: link.title ?? link.url, style: 'Hyperlink' })],
            }),
          ],
        }),
      );
    }
  }
  if (theme.projectsTitle) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(theme.projectsTitle)] }));
    for (const group of theme.projects) {
      if (group.title || group.contentArea)
        children.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_3,
            children: [new TextRun(group.title ?? group.contentArea!.name.fi)],
          }),
        );
      for (const entity of group.entities) {
        const { head, rows } = projectLines(entity);
        children.push(new Paragraph({ children: [new TextRun({ text: head, bold: true })], spacing: { before: 80 } }));
        for (const row of rows) children.push(new Paragraph({ text: row, indent: { left: 400 } }));
      }
    }
  }
  return children;
}

export async function renderReviewDocx(model: ReviewModel): Promise<Buffer> {
  const doc = new Document({
    creator: 'Teemaseuranta',
    title: model.title,
    description: model.subtitle,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        children: [
          new Paragraph({
            children: [new TextRun({ text: 'UUDISTUVA JA OSAAVA SUOMI 2021–2027', bold: true })],
            spacing: { before: 3000 },
          }),
          new Paragraph('EU:N ALUE- JA RAKENNEPOLITIIKAN OHJELMA'),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
          new Paragraph(model.subtitle),
          ...(model.missing.length ? [new Paragraph(`Hyväksymättä (ei mukana): ${model.missing.join('; ')}`)] : []),
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            pageBreakBefore: true,
            children: [new TextRun('Sisällys')],
          }),
          new Paragraph({
            text: 'Yhteenveto teemojen rahoituksesta',
            numbering: { reference: 'ordered', level: 0, instance: 0 },
          }),
          ...model.themes.map(
            (t) => new Paragraph({ text: t.name, numbering: { reference: 'ordered', level: 0, instance: 0 } }),
          ),
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            pageBreakBefore: true,
            children: [new TextRun('Yhteenveto teemojen rahoituksesta')],
          }),
          new Paragraph(`Teemojen rahoitus (EU + valtio)${model.cutOff ? ` ${finnishDate(model.cutOff)}` : ''}`),
          summaryTable(model),
          ...model.themes.flatMap(themeChildren),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
