/**
 * The review as a Word document (docx package): Word's own heading styles (the navigation pane and
 * LibreOffice's navigator show them), a real table-of-contents field with its entries and their page
 * numbers written out (worked out by docx's page layout, `docx/layout`), so it reads right before
 * anyone updates it; "sivu X / Y" in the footer (PAGE and NUMPAGES fields); the document's language
 * (fi-FI or sv-FI) on the styles and on every run, Finnish text in a Swedish review marked fi-FI.
 *
 * Tables have fixed column widths that fit their content (an amount at 9 pt fits its column whole,
 * its spaces are non-breaking), the header row repeats on each page and no row splits across pages.
 * The font is Arial: Word's page layout and LibreOffice's (Liberation Sans, the same widths) agree.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import type { Inline, RichText } from '../../domain/reports/rich-text.js';
import { finnishDate } from '../../domain/reports/templates.js';
import { REVIEW_LABELS, type ReviewLanguage } from './review-labels.js';
import {
  amountText,
  contactLine,
  FIGURE_KEYS,
  totalAmount,
  totalsNote,
  type ReviewEntity,
  type ReviewModel,
  type ReviewTheme,
  type Text,
} from './review-model.js';

/** A4 with 2 cm margins: the text is 17 cm = 9638 twips wide. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

type Lang = { value: string };
/** English appears only in a description's third name. */
const wordLang = (lang: ReviewLanguage | 'en'): Lang => ({
  value: lang === 'en' ? 'en-GB' : REVIEW_LABELS[lang].wordTag,
});

class Writer {
  private listInstance = 0;
  readonly lang: Lang;
  constructor(readonly model: ReviewModel) {
    this.lang = wordLang(model.language);
  }

  run(
    text: string,
    options: { bold?: boolean; size?: number; lang?: ReviewLanguage | 'en'; style?: string } = {},
  ): TextRun {
    return new TextRun({
      text,
      // Bold only when asked: an explicit "not bold" would override the heading styles' bold.
      ...(options.bold ? { bold: true } : {}),
      ...(options.size ? { size: options.size } : {}),
      ...(options.style ? { style: options.style } : {}),
      language: options.lang ? wordLang(options.lang) : this.lang,
    });
  }

  textRun(text: Text, options: { bold?: boolean } = {}): TextRun {
    return this.run(text.text, { ...options, lang: text.lang });
  }

  link(href: string, text: string, lang?: ReviewLanguage): ExternalHyperlink {
    return new ExternalHyperlink({
      link: href,
      children: [this.run(text, { style: 'Hyperlink', ...(lang ? { lang } : {}) })],
    });
  }

  para(
    children: ParagraphChild[] | string,
    options: { indent?: number; after?: number; before?: number; keepNext?: boolean } = {},
  ) {
    return new Paragraph({
      children: typeof children === 'string' ? [this.run(children)] : children,
      ...(options.indent ? { indent: { left: options.indent } } : {}),
      spacing: { after: options.after ?? 60, ...(options.before ? { before: options.before } : {}) },
      ...(options.keepNext ? { keepNext: true } : {}),
    });
  }

  inlines(content: Inline[], lang: ReviewLanguage): ParagraphChild[] {
    return content.map((piece) =>
      piece.type === 'link' ? this.link(piece.href, piece.text, lang) : this.run(piece.text, { lang }),
    );
  }

  /** The reports' own text: Finnish, marked so in a Swedish review. */
  rich(blocks: RichText): Paragraph[] {
    if (blocks.length === 0) return [this.para('–')];
    return blocks.flatMap((block) => {
      if (block.type === 'paragraph') return [this.para(this.inlines(block.content, 'fi'), { after: 120 })];
      const instance = ++this.listInstance;
      return block.items.map((item) =>
        block.ordered
          ? new Paragraph({
              children: this.inlines(item, 'fi'),
              numbering: { reference: 'ordered', level: 0, instance },
            })
          : new Paragraph({ children: this.inlines(item, 'fi'), bullet: { level: 0 } }),
      );
    });
  }

  cell(
    text: string | ParagraphChild[],
    width: number,
    options: { bold?: boolean; right?: boolean; columnSpan?: number } = {},
  ) {
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
      margins: { left: 80, right: 80, top: 30, bottom: 30 },
      children: [
        new Paragraph({
          alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: typeof text === 'string' ? [this.run(text, { bold: options.bold ?? false, size: 18 })] : text,
        }),
      ],
    });
  }

  table(columnWidths: number[], rows: TableRow[]): Table {
    return new Table({
      width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths,
      layout: TableLayoutType.FIXED,
      rows,
    });
  }

  heading(level: 1 | 2 | 3, children: ParagraphChild[], pageBreakBefore = false) {
    return new Paragraph({
      heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
      pageBreakBefore,
      keepNext: true,
      children,
    });
  }
}

/** Theme name 30 %, four amounts: "1 055 410,40 €" at 9 pt is about 1 250 twips. */
const SUMMARY_COLUMNS = (() => {
  const amount = 1640;
  return [TEXT_WIDTH - 4 * amount, amount, amount, amount, amount];
})();

function summaryTable(w: Writer): Table {
  const { model } = w;
  const { labels } = model;
  const [first, ...amounts] = SUMMARY_COLUMNS as [number, ...number[]];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      w.cell(labels.theme, first, { bold: true }),
      ...FIGURE_KEYS.map((k, i) => w.cell(labels.figures[k], amounts[i]!, { bold: true, right: true })),
    ],
  });
  const rows = model.themes.map(
    (t) =>
      new TableRow({
        cantSplit: true,
        children: [
          w.cell(
            [
              w.run(`${t.number}. `, { size: 18 }),
              new TextRun({ text: t.name.text, size: 18, language: wordLang(t.name.lang) }),
            ],
            first,
          ),
          ...FIGURE_KEYS.map((k, i) => w.cell(amountText(t.figures?.[k], labels), amounts[i]!, { right: true })),
        ],
      }),
  );
  const total = new TableRow({
    cantSplit: true,
    children: [
      w.cell(labels.total, first, { bold: true }),
      ...FIGURE_KEYS.map((k, i) =>
        w.cell(amountText(totalAmount(model.totals[k]), labels), amounts[i]!, { bold: true, right: true }),
      ),
    ],
  });
  return w.table(SUMMARY_COLUMNS, [header, ...rows, total]);
}

function entityParagraphs(w: Writer, entity: ReviewEntity): Paragraph[] {
  const { labels } = w.model;
  const head: ParagraphChild[] = [
    ...(entity.code ? [w.run(`${entity.code} `, { bold: true })] : []),
    w.textRun(entity.name, { bold: true }),
    ...(entity.period ? [w.run(` ${entity.period}`, { bold: true })] : []),
  ];
  const rows: ParagraphChild[][] =
    entity.kind === 'group'
      ? entity.implementers.map((p) => [
          w.run([p.code, p.implementer].filter(Boolean).join(' ') + (p.main ? ` (${labels.main})` : '')),
        ])
      : entity.implementers.map((p) => [
          w.run(`${labels.implementer} ${p.implementer}${entity.coordination ? ` (${labels.coordination})` : ''}`),
        ]);
  if (entity.kind === 'group' && entity.coordination) rows.push([w.run(labels.coordination)]);
  if (entity.costEstimate) rows.push([w.run(`${labels.costEstimate} ${amountText(entity.costEstimate, labels)}`)]);
  if (entity.website) rows.push([w.run(`${labels.website} `), w.link(entity.website, entity.website)]);
  return [
    w.para(head, { before: 100, after: 20, keepNext: rows.length > 0 }),
    ...rows.map((children, i) => w.para(children, { indent: 400, after: 20, keepNext: i < rows.length - 1 })),
  ];
}

/** Seed 002's header: the theme, the objective, the names in fi/sv/en, then label and value per row. */
function descriptionChildren(w: Writer, theme: ReviewTheme): (Paragraph | Table)[] {
  const d = theme.description!;
  const labels = w.model.labels.description;
  const [first, ...others] = d.names;
  const rows = d.fields.map(
    (f) =>
      new TableRow({
        cantSplit: true,
        children: [
          w.cell(labels[f.key], 3100, { bold: true }),
          w.cell(f.value === null ? labels.notGiven : [w.run(f.value, { size: 18, lang: 'fi' })], TEXT_WIDTH - 3100),
        ],
      }),
  );
  return [
    new Paragraph({
      pageBreakBefore: true,
      keepNext: true,
      spacing: { after: 60 },
      children: [w.run(labels.theme, { bold: true })],
    }),
    ...(d.objective
      ? [
          w.para(
            [
              w.run(`${labels.objective} ET ${d.objective.code}.`),
              ...(d.objective.name ? [w.run(` ${d.objective.name}`, { lang: 'fi' })] : []),
            ],
            { keepNext: true },
          ),
        ]
      : []),
    w.heading(1, [first ? w.run(first.text, { lang: first.lang }) : w.textRun(theme.name)]),
    ...others.map((n) =>
      w.para([w.run(n.text, { bold: true, size: 24, lang: n.lang })], { after: 120, keepNext: true }),
    ),
    w.table([3100, TEXT_WIDTH - 3100], rows),
    ...theme.sections.flatMap((section) => [
      w.heading(2, [w.run(`${section.number}) ${section.title}`)]),
      ...w.rich(section.blocks),
    ]),
  ];
}

function themeChildren(w: Writer, theme: ReviewTheme): (Paragraph | Table)[] {
  if (theme.description) return descriptionChildren(w, theme);
  const { labels } = w.model;
  const h = theme.header;
  const label = (text: string) => w.para([w.run(text, { bold: true })], { before: 120, keepNext: true });
  const contact = (c: (typeof h.contacts)[number]) => w.para(contactLine(c));
  const figureRows = FIGURE_KEYS.flatMap((k) => {
    const row = new TableRow({
      cantSplit: true,
      children: [
        w.cell(labels.figures[k], 5638),
        w.cell(amountText(theme.figures?.[k], labels), 4000, { right: true }),
      ],
    });
    if (k !== 'frame' || theme.frameByMinistry.length === 0) return [row];
    const split = theme.frameByMinistry.map((s) => `${s.ministry} ${amountText(s.amount, labels)}`).join(', ');
    return [
      row,
      new TableRow({ cantSplit: true, children: [w.cell(`${labels.ofWhich} ${split}`, 9638, { columnSpan: 2 })] }),
    ];
  });
  const children: (Paragraph | Table)[] = [
    w.heading(1, [w.run(`${theme.number}. `), w.textRun(theme.name)], true),
    label(labels.contacts),
    ...(h.contacts.length ? h.contacts.map(contact) : [w.para('–')]),
    label(labels.ministry),
    w.para(h.ministries.join(', ') || '–'),
    ...h.ministryContacts.map(contact),
    label(labels.themePeriod),
    w.para(theme.period),
    label(`${labels.funding}${theme.asOf ? ` ${finnishDate(theme.asOf)}` : ''}`),
    w.table([5638, 4000], figureRows),
  ];
  for (const section of theme.sections)
    children.push(w.heading(2, [w.run(`${section.number}) ${section.title}`)]), ...w.rich(section.blocks));
  if (theme.linksTitle) {
    children.push(w.heading(2, [w.run(theme.linksTitle)]));
    if (theme.links.length === 0) children.push(w.para('–'));
    for (const link of theme.links)
      children.push(
        new Paragraph({
          bullet: { level: 0 },
          children:
            link.title && link.title !== link.url
              ? [w.link(link.url, link.title, 'fi'), w.run(' – '), w.link(link.url, link.url)]
              : [w.link(link.url, link.url)],
        }),
      );
  }
  if (theme.projectsTitle) {
    children.push(w.heading(2, [w.run(theme.projectsTitle)]));
    for (const group of theme.projects) {
      if (group.title) children.push(w.heading(3, [w.textRun(group.title)]));
      for (const entity of group.entities) children.push(...entityParagraphs(w, entity));
    }
  }
  return children;
}

export async function renderReviewDocx(model: ReviewModel): Promise<Buffer> {
  const w = new Writer(model);
  const { labels } = model;
  const heading = (size: number) => ({
    run: { font: 'Arial', size, bold: true, color: '1A1A1A', language: w.lang },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
  });
  const doc = new Document({
    creator: 'Teemaseuranta',
    title: model.title,
    description: model.subtitle,
    pageNumbers: estimatePageNumbers,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 21, language: w.lang } },
        title: { run: { font: 'Arial', size: 44, bold: true, language: w.lang } },
        heading1: heading(30),
        heading2: heading(24),
        heading3: heading(22),
      },
    },
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
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    children: [`${labels.pageWord} `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                    size: 18,
                    language: w.lang,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          w.para([w.run(labels.programme, { bold: true })], { before: 3000 }),
          w.para(labels.programmeSub),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [w.run(model.title)] }),
          w.para(model.subtitle),
          ...(model.missing.length ? [w.para(`${labels.notApproved}: ${model.missing.join('; ')}`)] : []),
          new Paragraph({
            pageBreakBefore: true,
            spacing: { after: 200 },
            children: [w.run(labels.contents, { bold: true, size: 30 })],
          }),
          new TableOfContents(labels.contents, { hyperlink: true, headingStyleRange: '1-1' }),
          // A description is a plan: no summary of a cut-off's figures.
          ...(model.kind === 'description'
            ? []
            : [
                w.heading(1, [w.run(labels.summary)], true),
                w.para(`${labels.summaryCaption}${model.cutOff ? ` ${finnishDate(model.cutOff)}` : ''}`, {
                  keepNext: true,
                }),
                summaryTable(w),
                w.para([w.run(totalsNote(model), { size: 18 })], { before: 80 }),
              ]),
          ...model.themes.flatMap((theme) => themeChildren(w, theme)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
