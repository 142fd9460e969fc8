/**
 * Reading a theme description (teemakuvaus) written from its template (seed 002 is one) into
 * structure: the specific objective, the theme's name in Finnish, Swedish and English, the three
 * contact fields, the period, the frame estimate (with its split by ministry when the parts follow
 * the ministries named) and sections 1–8 as rich text; with the checks that apply to it.
 *
 * It gives the same shape as a review (one theme, the frame estimate as figure a)) plus the
 * description's own header, so the import use case treats both alike.
 */
import type { LocalizedText } from '../errors.js';
import { finding } from './review-checks.js';
import {
  checkContactLines,
  checkPlaceholders,
  joinLines,
  joinWrapped,
  readFigure,
  readLines,
  toRichText,
  type DescriptionHeader,
  type FigureKey,
  type Finding,
  type Line,
  type ParsedReview,
  type ParsedSection,
  type ParsedTheme,
  type ReadOptions,
} from './review-import.js';
import { countCharacters } from './rich-text.js';
import { DESCRIPTION_TEMPLATE } from './templates.js';

const OBJECTIVE = /^\s*Erityistavoite\s+(?:ET\s*)?(\d(?:\.\d+)+)\.?\s*(.*)$/i;
const LABELS = {
  intermediateBody: /^\s*Välittävän toimielimen yhteyshenkilö\(?t?\)?\s*(.*)$/i,
  coordination: /^\s*Koordinaatiohankkeen yhteyshenkilö\(?t?\)?\s*(.*)$/i,
  ministry: /^\s*Ministeriön\/ministeriöiden vastuuhenkilö\(?t?\)?\s*(.*)$/i,
  period: /^\s*Toteutusaika\s*(.*)$/i,
  frame: /^\s*Rahoituskehysarvio\s*(?:\(EU\s*\+\s*valtio\))?\s*(.*)$/i,
};
const HEADING = /^\s*([1-8])\)\s*(.*)$/;

/** A description has the frame estimate and its own first section; a review has neither. */
export function isDescriptionText(text: string): boolean {
  return /^\s*Rahoituskehysarvio/m.test(text) && /^\s*1\)\s*Yhteys EU:n strategioihin/m.test(text);
}

const letters = (text: string) => text.toLowerCase().replace(/[^a-zåäö0-9]+/g, '');

const ESTIMATE_NAMES: Record<FigureKey, LocalizedText> = {
  frame: { fi: 'Rahoituskehysarvio', sv: 'Uppskattad finansieringsram', en: 'Frame estimate' },
  reserved: { fi: 'Varaukset', sv: 'Reserveringar', en: 'Reservations' },
  committed: { fi: 'Sidotut valtuudet', sv: 'Bundna fullmakter', en: 'Committed' },
  paid: { fi: 'Maksetut kustannukset', sv: 'Betalda kostnader', en: 'Paid' },
};

export function parseDescriptionText(text: string, options: ReadOptions = {}): ParsedReview {
  const lines = readLines(text);
  const findings: Finding[] = [];
  const at = (pattern: RegExp, from = 0) => {
    const i = lines.findIndex((line, index) => index >= from && pattern.test(line.text));
    return i < 0 ? null : i;
  };

  // Sections: each heading in order, wrapped over the lines that continue the template's title.
  const headings: { key: string; at: number; bodyFrom: number }[] = [];
  let from = 0;
  for (const section of DESCRIPTION_TEMPLATE.sections) {
    const i = lines.findIndex(
      (line, index) => index >= from && HEADING.exec(line.text)?.[1] === String(section.number),
    );
    if (i < 0) continue;
    // Letters only: a word the layout broke with a hyphen ("kohden-" / "nettu") is one word of the title.
    const title = letters(section.title.fi);
    let heading = [lines[i]!];
    let next = i + 1;
    // The extraction puts blank lines between a heading's wrapped lines too.
    for (;;) {
      let j = next;
      while (j < lines.length && lines[j]!.text.trim() === '') j++;
      if (j >= lines.length) break;
      const joined = letters(joinWrapped([...heading, lines[j]!]).replace(/^\s*\d\)\s*/, ''));
      if (!title.startsWith(joined)) break;
      heading = [...heading, lines[j]!];
      next = j + 1;
    }
    headings.push({ key: section.key, at: i, bodyFrom: next });
    from = next;
  }
  const headerEnd = headings[0]?.at ?? lines.length;
  const header = lines.slice(0, headerEnd);

  // The header: specific objective, then the names (blocks split by blank lines), then the labels.
  const objectiveAt = at(OBJECTIVE);
  const objective = objectiveAt === null ? null : OBJECTIVE.exec(lines[objectiveAt]!.text)!;
  const labelAt = (pattern: RegExp) => {
    const i = header.findIndex((line) => pattern.test(line.text));
    return i < 0 ? null : i;
  };
  const labelIndexes = Object.values(LABELS)
    .map(labelAt)
    .filter((i): i is number => i !== null);
  const firstLabel = Math.min(headerEnd, ...labelIndexes);
  const nameBlocks: Line[][] = [[]];
  for (const line of header.slice((objectiveAt ?? 0) + 1, firstLabel)) {
    if (line.text.trim() === '') {
      if (nameBlocks.at(-1)!.length > 0) nameBlocks.push([]);
    } else nameBlocks.at(-1)!.push(line);
  }
  const names = nameBlocks
    .filter((block) => block.length > 0)
    .map((block) => block.map((line) => line.text.trim()).reduce(joinLines, ''));
  const field = (pattern: RegExp) => {
    const i = labelAt(pattern);
    if (i === null) return { text: '', lines: [] as Line[], line: null as number | null };
    const end = Math.min(headerEnd, ...labelIndexes.filter((j) => j > i));
    const first = { ...header[i]!, text: pattern.exec(header[i]!.text)![1]! };
    const fieldLines = [first, ...header.slice(i + 1, end)].filter((line) => line.text.trim() !== '');
    return { text: joinWrapped(fieldLines), lines: fieldLines, line: header[i]!.n };
  };
  const intermediateBody = field(LABELS.intermediateBody);
  const coordination = field(LABELS.coordination);
  const ministry = field(LABELS.ministry);
  const period = field(LABELS.period);
  const frame = field(LABELS.frame);

  const missing = (name: string, line: number, message: LocalizedText) =>
    findings.push(finding('field_missing', 'error', line, name, '', message));
  if (!names[0])
    missing('name', 1, { fi: 'Teeman nimi puuttuu.', sv: 'Temats namn saknas.', en: "The theme's name is missing." });
  if (!names[1] || !names[2])
    missing('name', nameBlocks.flat()[0]?.n ?? 1, {
      fi: 'Teeman nimi puuttuu ruotsiksi tai englanniksi.',
      sv: 'Temats namn saknas på svenska eller engelska.',
      en: "The theme's name is missing in Swedish or English.",
    });
  if (!objective)
    missing('specificObjective', 1, {
      fi: 'Erityistavoite puuttuu.',
      sv: 'Det specifika målet saknas.',
      en: 'The specific objective is missing.',
    });
  if (!period.text)
    missing('period', period.line ?? 1, {
      fi: 'Toteutusaika puuttuu.',
      sv: 'Genomförandetiden saknas.',
      en: 'The period is missing.',
    });

  const contactLines = [...intermediateBody.lines, ...coordination.lines, ...ministry.lines];
  checkPlaceholders(contactLines, 'contacts', findings);
  checkContactLines(contactLines, findings);

  // "13 M€+10 M€" after "STM: …" and "OKM: …": the parts are the ministries' frames, in that order.
  const frameByMinistry: ParsedTheme['frameByMinistry'] = [];
  let estimate = null;
  if (frame.text && frame.line !== null) {
    estimate = readFigure('frame', frame.text, frame.line, findings, frameByMinistry, ESTIMATE_NAMES);
    const named = [...ministry.text.matchAll(/\b(TEM|OKM|STM)\s*:/g)].map((m) => m[1] as 'TEM' | 'OKM' | 'STM');
    const parts = frame.text.split('+').map((part) => readFigure('frame', part.trim(), frame.line!, [], []));
    if (parts.length > 1 && parts.length === named.length && parts.every((p) => p.cents !== null))
      parts.forEach((part, i) => frameByMinistry.push({ ministry: named[i]!, cents: part.cents!, line: frame.line! }));
  } else
    missing('frame', headerEnd, {
      fi: 'Rahoituskehysarvio puuttuu.',
      sv: 'Den uppskattade finansieringsramen saknas.',
      en: 'The frame estimate is missing.',
    });

  const sections: ParsedSection[] = [];
  for (const [i, heading] of headings.entries()) {
    const end = headings[i + 1]?.at ?? lines.length;
    const body = lines.slice(heading.bodyFrom, end);
    checkPlaceholders(body, heading.key, findings);
    const content = body.filter((line) => !line.target && line.text.trim() !== '');
    const blocks = toRichText(content, options);
    sections.push({
      key: heading.key,
      headingLine: lines[heading.at]!.n,
      startLine: content[0]?.n ?? lines[heading.at]!.n,
      endLine: content.at(-1)?.n ?? lines[heading.at]!.n,
      blocks,
      characters: countCharacters(blocks),
      limit: null,
    });
    if (blocks.length === 0)
      findings.push(
        finding('section_empty', 'error', lines[heading.at]!.n, heading.key, lines[heading.at]!.text, {
          fi: 'Osio on tyhjä.',
          sv: 'Avsnittet är tomt.',
          en: 'The section is empty.',
        }),
      );
  }
  for (const section of DESCRIPTION_TEMPLATE.sections)
    if (!headings.some((h) => h.key === section.key))
      findings.push(
        finding('section_missing', 'error', lines.length, section.key, '', {
          fi: `Osio ${section.number} puuttuu (otsikkoa ei löytynyt).`,
          sv: `Avsnitt ${section.number} saknas (rubriken hittades inte).`,
          en: `Section ${section.number} is missing (its heading was not found).`,
        }),
      );

  const description: DescriptionHeader = {
    names: { fi: names[0] ?? '', sv: names[1] ?? null, en: names[2] ?? null },
    specificObjective: objective ? { code: objective[1]!, name: objective[2]!.trim() } : null,
    intermediateBodyContact: intermediateBody.text,
    coordinationContact: coordination.text,
    ministryContact: ministry.text,
    period: period.text || null,
    frameEstimate: estimate,
  };
  findings.sort((a, b) => a.line - b.line);
  return {
    kind: 'description',
    cutOffText: null,
    lineCount: lines.length,
    themes: [
      {
        index: 0,
        startLine: 1,
        endLine: lines.length,
        name: description.names.fi,
        contactsText: [intermediateBody.text, coordination.text].filter(Boolean).join(' '),
        ministryText: ministry.text,
        periodText: description.period,
        figures: { frame: estimate, reserved: null, committed: null, paid: null },
        frameByMinistry,
        sections,
        links: [],
        projectCodes: [],
        headerLines: contactLines,
        ministryLines: ministry.lines,
        projectLines: [],
        findings,
        description,
      },
    ],
  };
}
