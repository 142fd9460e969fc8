/**
 * Reading an implementation review written from the Word template (seed 001 is one: the 2024 review
 * of all twelve themes, as extracted text) back into structure: themes, header fields, the four
 * figures, sections 1–5 as rich text, section 6 links and section 7 project codes; and checking it.
 * Every finding names the line it is on (1-based, in the text as given; for a .docx the text is
 * its paragraphs, one per line).
 *
 * Pure: knows nothing of the database. The import use case matches themes and project codes against
 * the system and adds what only the system can tell (figures that differ from the recorded ones).
 */
import { findPlaceholders, PLACEHOLDERS } from '../placeholders.js';
import { checkFinanceOrder, type FinanceFigures } from '../finance.js';
import type { LocalizedText } from '../errors.js';
import { formatEuros, parseFinnishAmount, type Cents } from '../money.js';
import { countCharacters, safeHref, type Block, type Inline, type RichText } from './rich-text.js';
import { checkReview, finding, shorten } from './review-checks.js';
import { REVIEW_TEMPLATE } from './templates.js';

export type FigureKey = keyof FinanceFigures;
export const FIGURE_KEYS: FigureKey[] = ['frame', 'reserved', 'committed', 'paid'];

/** Every kind of finding the import reports (test/domain/review-corpus.test.ts shows each on a document). */
export const FINDING_CODES = [
  'section_over_limit',
  'section_missing',
  'section_empty',
  'placeholder',
  'amount_unreadable',
  'amount_missing',
  'amount_unit',
  'amount_range',
  'amounts_identical',
  'figure_order',
  'email_malformed',
  'email_domain',
  'link_malformed',
  'link_without_address',
  'field_missing',
  'project_list_missing',
  'project_unknown',
  'project_not_listed',
  'figure_differs',
  'theme_unmatched',
  'header_field_content',
  'amount_vague',
  'amount_sum_text',
  'amount_rounded',
  'amount_format_mixed',
  'figure_text_mismatch',
  'count_mismatch',
  'project_after_cutoff',
  'calls_after_period',
  'contact_inconsistent',
  'contact_unreachable',
  'ministry_missing',
  'text_repeated',
  'text_copied',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Finding = {
  code: FindingCode;
  severity: 'error' | 'warning' | 'info';
  /** 1-based line in the imported text. */
  line: number;
  /** The section concerned ("s2"), a figure ("frame") or a header field ("contacts"). */
  field: string;
  /** The words found there, shortened. */
  excerpt: string;
  message: LocalizedText;
};

export type ParsedFigure = { text: string; line: number; cents: Cents | null; rounded: boolean };

export type ParsedSection = {
  key: string;
  headingLine: number;
  startLine: number;
  endLine: number;
  blocks: RichText;
  characters: number;
  limit: number | null;
};

export type ParsedTheme = {
  index: number;
  startLine: number;
  endLine: number;
  name: string;
  contactsText: string;
  ministryText: string;
  periodText: string | null;
  figures: Record<FigureKey, ParsedFigure | null>;
  frameByMinistry: { ministry: 'TEM' | 'OKM' | 'STM'; cents: Cents; line: number }[];
  sections: ParsedSection[];
  links: { url: string; title: string | null; line: number }[];
  projectCodes: { code: string; line: number }[];
  /** The lines of the contact and ministry fields, and of section 7, for the document's checks. */
  headerLines: Line[];
  ministryLines: Line[];
  projectLines: Line[];
  findings: Finding[];
};

/** What a theme description (seed 002) has in its header and a review has not. */
export type DescriptionHeader = {
  names: { fi: string; sv: string | null; en: string | null };
  /** "4.1.7" and its name, as written after "Erityistavoite". */
  specificObjective: { code: string; name: string } | null;
  intermediateBodyContact: string;
  coordinationContact: string;
  ministryContact: string;
  period: string | null;
  frameEstimate: ParsedFigure | null;
};

export type ParsedReview = {
  kind: 'review' | 'description';
  cutOffText: string | null;
  themes: (ParsedTheme & { description?: DescriptionHeader })[];
  lineCount: number;
};

/**
 * `target`: a hyperlink target the PDF extraction wrote at the end of a page (markHyperlinkTargets);
 * `item`: a list item whose bullet glyph the extraction lost (markLostBullets).
 */
export type Line = { n: number; text: string; target?: boolean; item?: boolean };

const THEME_START = /^\s*Valtakunnallinen teema\s*$/;
const CONTACTS_LABEL = /^\s*Yhteyshenkilöt\b/;
const MINISTRY_LABEL = /^\s*Vastuullinen hallinnonala/;
const PERIOD_LABEL = /^\s*Teeman toteutusaika\s*(.*)$/;
const FIGURES_LABEL = /^\s*Teeman \(EU\s*\+\s*valtio\)/;
const FIGURE_LINE =
  /^\s*([a-dA-D])\)\s*(julkinen rahoituskehys|varaukset|sidotut valtuudet|maksetut kustannukset)?\s*(.*?)\s*$/;
const FIGURE_LETTER: Record<string, FigureKey> = { a: 'frame', b: 'reserved', c: 'committed', d: 'paid' };

/** Headings in the order the template has them; 7) is recognised only after 6). */
const HEADINGS: { key: string; pattern: RegExp }[] = [
  { key: 's1', pattern: /^\s*1\)\s*Tiivis kuvaus/ },
  { key: 's2', pattern: /^\s*2\)\s*Kuvaus valtakunnallisen teeman konkreettisesta/ },
  { key: 's3', pattern: /^\s*3\)\s*Arvio valtakunnalliselle/ },
  { key: 's4', pattern: /^\s*4\)\s*Kuvaus tulevana vuonna/ },
  { key: 's5', pattern: /^\s*5\)\s*Kuvaus teeman yhteyksistä/ },
  { key: 's6', pattern: /^\s*6\)\s*Linkkejä/ },
  // Theme 5 of the 2024 review has the heading without its number.
  { key: 's7', pattern: /^\s*(?:7\)\s*\S|Valtakunnallisesta teemasta rahoitettujen hankkeiden lista)/ },
];

/** Words of the template's headings (both spellings of "suunnitelluista"): a line of only these continues a heading. */
const HEADING_WORDS = new Set(
  `tiivis kuvaus valtakunnallisen teeman sisällöstä ja teemassa rahoitettujen hankkeiden lukumäärä max merkkiä
  konkreettisesta toiminnasta mennessä arvio valtakunnalliselle teemalle asetettujen tavoitteiden saavuttamisesta
  tarkastelujaksolla kumulatiivisesti toiminnan käynnistymisestä tulevana vuonna toteutettavasta suunnitteluista
  suunnitelluista painotuksista esim hakuihin liittyen yhteyksistä alueelliseen toimintaan toteutuneet toimenpiteet yhteistyö`.split(
    /\s+/,
  ),
);

/** Lines the PDF extraction adds (page footers, hyperlink targets of the template footer). */
const ARTEFACT_LINES = [
  /^mailto:/i,
  /^https?:\/\/www\.(verkkosivu|yyo)\.fi\/?$/i,
  /^PL 32$/,
  /^00230 Valtioneuvosto$/,
  /^Käyntiosoite:/,
  /^Puh\. 0295 16001$/,
  /^kirjaamo\.tem@gov\.fi \|/,
  /^\d{1,3}$/,
];

/** Domains the themes' people use; an address one letter off one of these is most likely mistyped. */
const KNOWN_DOMAINS = [
  'gov.fi',
  'ely-keskus.fi',
  'thl.fi',
  'oph.fi',
  'stm.fi',
  'tem.fi',
  'okm.fi',
  'ttl.fi',
  'kela.fi',
  'sos-lapsikyla.fi',
];

/** A whole line that is only a web or mailto address, as the PDF extraction writes a link's target. */
const TARGET_LINE = /^ ?(?:https?:\/\/|mailto:)\S+$/i;
const PAGE_NUMBER = /^\s*\d{1,3}\s*$/;
/** The first line of a page in text extracted from the PDF starts with one space. */
const PAGE_START = /^ \S/;

/**
 * Text extracted from the PDF writes the targets of a page's hyperlinks after the page's text: an
 * empty line, then one address per linked line (no trailing space, unlike the text lines), then the
 * next page (a line starting with one space, or the page number, or the end). Those lines are not
 * text of the section they fall in; they are marked so that sections leave them out (and do not
 * count them) and section 6 can pair link titles with their addresses. A .docx has none.
 */
export function markHyperlinkTargets(lines: Line[]): void {
  let i = 0;
  while (i < lines.length) {
    const previous = lines[i - 1];
    if (!TARGET_LINE.test(lines[i]!.text) || (previous !== undefined && previous.text !== '')) {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && TARGET_LINE.test(lines[end]!.text)) end++;
    let after = end;
    while (after < lines.length && isBlank(lines[after]!.text)) after++;
    const next = lines[after];
    const pageEnds =
      next === undefined || PAGE_START.test(next.text) || PAGE_NUMBER.test(next.text) || THEME_START.test(next.text);
    if (pageEnds) for (let k = i; k < end; k++) lines[k]!.target = true;
    i = end;
  }
}

/**
 * The PDF extraction drops the bullet glyph and leaves the one space after it, which is also how a
 * page's first line starts. A line starting with one space is a list item when a blank line or
 * another such item comes before it and what comes before is not the end of a page (page number,
 * footer, hyperlink targets); a page that starts in mid-paragraph follows its text line directly.
 */
export function markLostBullets(lines: Line[]): void {
  for (const [i, line] of lines.entries()) {
    if (!PAGE_START.test(line.text) || line.target || THEME_START.test(line.text)) continue;
    let j = i - 1;
    while (j >= 0 && isBlank(lines[j]!.text)) j--;
    const previous = lines[j];
    if (!previous) continue;
    const pageEnd = previous.target || PAGE_NUMBER.test(previous.text) || isArtefact(previous.text);
    if (!pageEnd && (j < i - 1 || previous.item)) line.item = true;
  }
}

const isBlank = (text: string) => text.trim() === '';
const isArtefact = (text: string) => ARTEFACT_LINES.some((pattern) => pattern.test(text.trim()));

/** The text as numbered lines, hyperlink targets and lost bullets marked. */
export function readLines(text: string): Line[] {
  const lines: Line[] = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, index) => ({ n: index + 1, text: line.replace(/\u00a0/g, ' ') }));
  markHyperlinkTargets(lines);
  markLostBullets(lines);
  return lines;
}

/**
 * `linePerParagraph`: each line is a paragraph or list item of its own, as in a .docx; text from a
 * PDF wraps paragraphs over lines, which are joined back.
 */
export type ReadOptions = { linePerParagraph?: boolean };

export function parseReviewText(text: string, options: ReadOptions = {}): ParsedReview {
  const lines = readLines(text);
  const starts = lines.filter((line) => THEME_START.test(line.text)).map((line) => line.n);
  const cutOff = /Katsaus\s+(\d{1,2}\.\d{1,2}\.\d{4})\s+mennessä/.exec(
    lines
      .slice(0, 40)
      .map((l) => l.text)
      .join(' '),
  );
  const themes = starts.map((start, index) => {
    const end = (starts[index + 1] ?? lines.length + 1) - 1;
    return parseTheme(lines.slice(start - 1, end), index, options);
  });
  const review: ParsedReview = { kind: 'review', cutOffText: cutOff?.[1] ?? null, themes, lineCount: lines.length };
  checkReview(review, lines);
  return review;
}

/** Joins wrapped lines of a header field; a line ending in "-" continues the word on the next. */
export function joinWrapped(lines: Line[]): string {
  let joined = '';
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') continue;
    if (joined === '') joined = text;
    else if (/[A-Za-zÅÄÖåäö]-$/.test(joined)) joined += text;
    else joined += ` ${text}`;
  }
  return joined;
}

function parseTheme(block: Line[], index: number, options: ReadOptions): ParsedTheme {
  const findings: Finding[] = [];
  const first = block[0]!.n;
  const last = block.at(-1)!.n;
  const find = (pattern: RegExp, from = 0) => {
    const at = block.findIndex((line, i) => i >= from && pattern.test(line.text));
    return at < 0 ? null : at;
  };

  // Section headings in template order, each searched after the previous one.
  const headingAt: { key: string; at: number }[] = [];
  let from = 1;
  for (const heading of HEADINGS) {
    const at = find(heading.pattern, from);
    if (at === null) continue;
    headingAt.push({ key: heading.key, at });
    from = at + 1;
  }
  const headerEnd = headingAt[0]?.at ?? block.length;

  const contactsAt = find(CONTACTS_LABEL);
  const ministryAt = find(MINISTRY_LABEL);
  const periodAt = find(PERIOD_LABEL);
  const figuresAt = find(FIGURES_LABEL);
  const nameEnd = contactsAt ?? headerEnd;
  const name = joinWrapped(block.slice(1, nameEnd));
  if (name === '') findings.push(finding('field_missing', 'error', first, 'name', block[0]!.text, MISSING.name));

  // Label lines end with ")" or "yhteystiedot"; what follows them is the field's value.
  const labelEnd = (at: number | null, pattern: RegExp) => {
    if (at === null) return null;
    let i = at;
    while (i < block.length - 1 && !pattern.test(block[i]!.text)) i++;
    return i + 1;
  };
  const contactsFrom = labelEnd(contactsAt, /vastuuhenkilö\)\s*$/);
  const ministryFrom = labelEnd(ministryAt, /yhteystiedot\s*$/);
  const header = (from: number | null, to: number) =>
    from === null ? [] : block.slice(from, to).filter((line) => !line.target);
  const contactLines = header(contactsFrom, ministryAt ?? periodAt ?? headerEnd);
  const ministryLines = header(ministryFrom, periodAt ?? figuresAt ?? headerEnd);
  const contactsText = joinWrapped(contactLines);
  const ministryText = joinWrapped(ministryLines);
  if (contactsText === '')
    findings.push(finding('field_missing', 'error', block[contactsAt ?? 0]!.n, 'contacts', '', MISSING.contacts));
  if (ministryText === '')
    findings.push(
      finding('field_missing', 'error', block[ministryAt ?? 0]!.n, 'ministryContact', '', MISSING.ministryContact),
    );
  const periodMatch = periodAt === null ? null : PERIOD_LABEL.exec(block[periodAt]!.text);
  const periodText = periodMatch?.[1]?.trim() || null;
  if (!periodText)
    findings.push(
      finding('field_missing', 'error', block[periodAt ?? 0]!.n, 'period', block[periodAt ?? 0]!.text, MISSING.period),
    );

  checkContactLines([...contactLines, ...ministryLines], findings);
  // A web address where the ministry's contact should be (theme 12 of 2024): reported, and kept as a
  // link of the theme (after section 6's) so that nothing the source links to is lost.
  const headerLinks: ParsedTheme['links'] = [];
  for (const match of ministryText.matchAll(/https?:\/\/\S+/g)) {
    const href = safeHref(match[0].replace(/[.,;)]+$/, ''));
    const at = ministryLines.find((line) => /https?:\/\//.test(line.text)) ?? block[ministryAt ?? 0]!;
    findings.push(
      finding('header_field_content', 'warning', at.n, 'ministryContact', match[0], {
        fi: `Ministeriön yhteystietojen kentässä on verkko-osoite (${shorten(match[0], 60)}), ei ministeriötä ja vastuuhenkilöä.`,
        sv: `Fältet för ministeriets kontaktuppgifter innehåller en webbadress (${shorten(match[0], 60)}), inte ministeriet och ansvarspersonen.`,
        en: `The ministry contact field holds a web address (${shorten(match[0], 60)}), not the ministry and its contact.`,
      }),
    );
    if (href) headerLinks.push({ url: href, title: null, line: at.n });
  }

  const { figures, frameByMinistry } = parseFigures(
    figuresAt === null ? [] : block.slice(figuresAt + 1, headerEnd),
    block[figuresAt ?? 0]!.n,
    findings,
  );

  const sections: ParsedSection[] = [];
  const links: ParsedTheme['links'] = [];
  const projectCodes: ParsedTheme['projectCodes'] = [];
  const projectLines: Line[] = [];
  for (const [i, { key, at }] of headingAt.entries()) {
    const next = headingAt[i + 1]?.at ?? block.length;
    const headingLines = [block[at]!];
    let bodyFrom = at + 1;
    // A heading wraps over lines made only of the template's heading words.
    if (key !== 's6' && key !== 's7') {
      while (bodyFrom < next && (isBlank(block[bodyFrom]!.text) || isHeadingContinuation(block[bodyFrom]!.text))) {
        if (!isBlank(block[bodyFrom]!.text)) headingLines.push(block[bodyFrom]!);
        bodyFrom++;
        if (headingLines.some((line) => /merkkiä\)/.test(line.text))) break;
      }
    }
    const body = block.slice(bodyFrom, next);
    checkPlaceholders(body, key, findings);
    const content = body.filter((line) => !line.target && !isBlank(line.text) && !isArtefact(line.text));
    if (key === 's6') {
      links.push(...parseLinks(content, targetsAfter(block, at), findings));
      continue;
    }
    if (key === 's7') {
      projectLines.push(...content);
      const heading = block[at]!.text;
      for (const line of content) {
        for (const match of line.text.matchAll(/(?<![\w-])(R-\d{4,6}|S\d{5}|\d{6})(?![\w-])/g)) {
          if (!projectCodes.some((c) => c.code === match[1])) projectCodes.push({ code: match[1]!, line: line.n });
        }
      }
      if (projectCodes.length === 0) {
        findings.push(
          finding('project_list_missing', 'warning', block[at]!.n, 's7', heading, {
            fi: /liittee/i.test(heading)
              ? 'Hankelista on annettu erillisenä liitteenä tai ilman hankekoodeja: hankkeita ei voi tunnistaa koodista.'
              : 'Hankelistassa ei ole yhtään hankekoodia.',
            sv: 'Projektförteckningen saknar projektkoder (den har getts som separat bilaga eller utan koder).',
            en: 'The project list has no project codes (it was given as a separate annex or without codes).',
          }),
        );
      }
      continue;
    }
    const blocks = toRichText(content, options);
    const definition = REVIEW_TEMPLATE.sections.find((section) => section.key === key)!;
    const characters = countCharacters(blocks);
    sections.push({
      key,
      headingLine: block[at]!.n,
      startLine: content[0]?.n ?? block[at]!.n,
      endLine: content.at(-1)?.n ?? block[at]!.n,
      blocks,
      characters,
      limit: definition.limit,
    });
    if (blocks.length === 0) {
      findings.push(
        finding('section_empty', 'error', block[at]!.n, key, block[at]!.text, {
          fi: 'Osio on tyhjä.',
          sv: 'Avsnittet är tomt.',
          en: 'The section is empty.',
        }),
      );
    } else if (definition.limit !== null && characters > definition.limit) {
      findings.push(
        finding('section_over_limit', 'error', block[at]!.n, key, block[at]!.text, {
          fi: `Osio ${definition.number} on ${characters} merkkiä, enimmäismäärä on ${definition.limit} (${characters - definition.limit} liikaa; rivit ${content[0]!.n}–${content.at(-1)!.n}).`,
          sv: `Avsnitt ${definition.number} har ${characters} tecken, högst ${definition.limit} är tillåtet (${characters - definition.limit} för många; rader ${content[0]!.n}–${content.at(-1)!.n}).`,
          en: `Section ${definition.number} has ${characters} characters, the limit is ${definition.limit} (${characters - definition.limit} over; lines ${content[0]!.n}–${content.at(-1)!.n}).`,
        }),
      );
    }
  }
  for (const heading of HEADINGS) {
    if (!headingAt.some((h) => h.key === heading.key)) {
      findings.push(
        finding('section_missing', 'error', last, heading.key, '', {
          fi: `Osio ${heading.key.slice(1)} puuttuu (otsikkoa ei löytynyt).`,
          sv: `Avsnitt ${heading.key.slice(1)} saknas (rubriken hittades inte).`,
          en: `Section ${heading.key.slice(1)} is missing (its heading was not found).`,
        }),
      );
    }
  }
  checkPlaceholders(block.slice(0, headerEnd), 'header', findings);
  links.push(...headerLinks.filter((h) => !links.some((l) => l.url === h.url)));
  findings.sort((a, b) => a.line - b.line);
  return {
    index,
    startLine: first,
    endLine: last,
    name,
    contactsText,
    ministryText,
    periodText,
    figures,
    frameByMinistry,
    sections,
    links,
    projectCodes,
    headerLines: [...contactLines, ...ministryLines],
    ministryLines,
    projectLines,
    findings,
  };
}

function isHeadingContinuation(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/\(max\.?\s*\d+\s*merkkiä\)\.?/g, ' max merkkiä ')
    .replace(/\d{1,2}\.\d{1,2}\.\d{4}/g, ' ')
    .split(/[^a-zåäö]+/)
    .filter(Boolean);
  return words.length > 0 && words.every((word) => HEADING_WORDS.has(word));
}

const MISSING: Record<'name' | 'contacts' | 'ministryContact' | 'period', LocalizedText> = {
  name: { fi: 'Teeman nimi puuttuu.', sv: 'Temats namn saknas.', en: "The theme's name is missing." },
  contacts: { fi: 'Yhteyshenkilöt puuttuvat.', sv: 'Kontaktpersoner saknas.', en: 'The contacts are missing.' },
  ministryContact: {
    fi: 'Ministeriön vastuuhenkilö puuttuu.',
    sv: 'Ministeriets ansvarsperson saknas.',
    en: "The ministry's contact is missing.",
  },
  period: {
    fi: 'Teeman toteutusaika puuttuu.',
    sv: 'Temats genomförandetid saknas.',
    en: "The theme's period is missing.",
  },
};

const FIGURE_NAMES: Record<FigureKey, LocalizedText> = {
  frame: { fi: 'a) julkinen rahoituskehys', sv: 'a) offentlig finansieringsram', en: 'a) funding frame' },
  reserved: { fi: 'b) varaukset', sv: 'b) reserveringar', en: 'b) reservations' },
  committed: { fi: 'c) sidotut valtuudet', sv: 'c) bundna fullmakter', en: 'c) committed' },
  paid: { fi: 'd) maksetut kustannukset', sv: 'd) betalda kostnader', en: 'd) paid' },
};

/** Below this a theme's figure is implausibly small (a unit lost), above it implausibly large. */
const SMALLEST_PLAUSIBLE: Cents = 1_000_00;
const LARGEST_PLAUSIBLE: Cents = 500_000_000_00;

/**
 * The figures come in two layouts: "a) julkinen rahoituskehys 14 000 000 e" on one line, or the four
 * labels first and the four values after them (with or without "a)"). A value without a letter
 * belongs to the first figure still without one.
 */
function parseFigures(lines: Line[], labelLine: number, findings: Finding[]) {
  const figures: Record<FigureKey, ParsedFigure | null> = { frame: null, reserved: null, committed: null, paid: null };
  const frameByMinistry: ParsedTheme['frameByMinistry'] = [];
  const values: { key: FigureKey | null; text: string; line: number }[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '' || line.target || isArtefact(text)) continue;
    const match = FIGURE_LINE.exec(text);
    if (match) {
      const key = FIGURE_LETTER[match[1]!.toLowerCase()]!;
      if (match[3]) values.push({ key, text: match[3], line: line.n });
      if (match[1] !== match[1]!.toLowerCase()) {
        findings.push(
          finding('amount_unit', 'info', line.n, key, text, {
            fi: `Kohta kirjoitettu isolla kirjaimella "${match[1]})".`,
            sv: `Punkten skriven med versal "${match[1]})".`,
            en: `The item letter is upper case "${match[1]})".`,
          }),
        );
      }
      continue;
    }
    if (/\d/.test(text) || /ei vielä/i.test(text)) values.push({ key: null, text, line: line.n });
  }
  for (const value of values) {
    const key = value.key ?? FIGURE_KEYS.find((k) => figures[k] === null && !values.some((v) => v.key === k));
    if (!key || figures[key]) continue;
    figures[key] = readFigure(key, value.text, value.line, findings, frameByMinistry);
  }
  for (const key of FIGURE_KEYS) {
    if (figures[key] === null) {
      findings.push(
        finding('amount_missing', 'error', labelLine, key, '', {
          fi: `Luku ${FIGURE_NAMES[key].fi} puuttuu.`,
          sv: `Siffran ${FIGURE_NAMES[key].sv} saknas.`,
          en: `The figure ${FIGURE_NAMES[key].en} is missing.`,
        }),
      );
    }
  }
  const cents = Object.fromEntries(FIGURE_KEYS.map((key) => [key, figures[key]?.cents ?? null])) as FinanceFigures;
  for (const warning of checkFinanceOrder(cents)) {
    if (warning.code === 'missing') continue;
    const at = figures[warning.field];
    findings.push(
      finding('figure_order', 'error', at?.line ?? labelLine, warning.field, at?.text ?? '', warning.message),
    );
  }
  const [, reserved, committed, paid] = FIGURE_KEYS.map((key) => figures[key]);
  if (reserved?.cents && reserved.cents === committed?.cents && committed.cents === paid?.cents) {
    findings.push(
      finding(
        'amounts_identical',
        'warning',
        reserved.line,
        'reserved',
        `${reserved.text} / ${committed.text} / ${paid!.text}`,
        {
          fi: `Varaukset, sidotut valtuudet ja maksetut kustannukset ovat kaikki ${formatEuros(reserved.cents)}: tuskin oikein.`,
          sv: `Reserveringar, bundna fullmakter och betalda kostnader är alla ${formatEuros(reserved.cents, 'sv')}: knappast rätt.`,
          en: `Reservations, committed and paid are all ${formatEuros(reserved.cents, 'en')}: hardly right.`,
        },
      ),
    );
  }
  return { figures, frameByMinistry };
}

export function readFigure(
  key: FigureKey,
  raw: string,
  line: number,
  findings: Finding[],
  splits: ParsedTheme['frameByMinistry'],
  names: Record<FigureKey, LocalizedText> = FIGURE_NAMES,
): ParsedFigure {
  // "n. 10 €", "noin 2 milj. €": the amount is read, and reported as only approximate.
  const vague = /^(?:n\.|noin|~|ca\.?|arviolta)\s*/i.exec(raw);
  if (vague)
    findings.push(
      finding('amount_vague', 'warning', line, key, raw, {
        fi: `${names[key].fi}: "${raw}" on likimääräinen; anna tarkka summa.`,
        sv: `${names[key].sv}: "${raw}" är ungefärligt; ange det exakta beloppet.`,
        en: `${names[key].en}: "${raw}" is approximate; give the exact amount.`,
      }),
    );
  // "13 M€+10 M€": read as the sum, and reported, since the total is what the figure must say.
  if (/\d\s*(?:€|e|euroa|M€|milj\.?\s*€?)?\s*\+\s*\d/i.test(raw))
    findings.push(
      finding('amount_sum_text', 'warning', line, key, raw, {
        fi: `${names[key].fi}: "${raw}" on kirjoitettu yhteenlaskuna; anna kokonaissumma.`,
        sv: `${names[key].sv}: "${raw}" är skrivet som en summa av delar; ange totalbeloppet.`,
        en: `${names[key].en}: "${raw}" is written as a sum of parts; give the total.`,
      }),
    );
  const plain = vague ? raw.slice(vague[0].length) : raw;
  // "14 M €, josta TEM 6 milj. €, OKM 3 milj. € ja STM 5 milj. €": the total, then the split.
  const [totalText = plain, splitText] = plain.split(/,\s*josta\s+/i);
  if (key === 'frame' && splitText) {
    for (const match of splitText.matchAll(
      /\b(TEM|OKM|STM)\s+([\d ,.]+\s*(?:milj\.?|M|miljoonaa)?\s*(?:€|e|euroa)?)/g,
    )) {
      const parsed = parseFinnishAmount(match[2]!);
      if (parsed.ok) splits.push({ ministry: match[1] as 'TEM' | 'OKM' | 'STM', cents: parsed.value.cents, line });
    }
  }
  const parsed = parseFinnishAmount(totalText);
  if (!parsed.ok) {
    if (parsed.reason === 'not_yet') {
      findings.push(
        finding('amount_missing', 'warning', line, key, raw, {
          fi: `${names[key].fi}: "${raw}" – lukua ei ole annettu.`,
          sv: `${names[key].sv}: "${raw}" – siffran har inte angetts.`,
          en: `${names[key].en}: "${raw}" – no figure given.`,
        }),
      );
    } else if (/\$|USD|SEK|\bmk\b|markkaa|dollari/i.test(raw)) {
      findings.push(
        finding('amount_unit', 'error', line, key, raw, {
          fi: `${names[key].fi}: "${raw}" ei ole euroina.`,
          sv: `${names[key].sv}: "${raw}" är inte i euro.`,
          en: `${names[key].en}: "${raw}" is not in euros.`,
        }),
      );
    } else {
      findings.push(
        finding('amount_unreadable', 'error', line, key, raw, {
          fi: `${names[key].fi}: summaa "${raw}" ei voi lukea.`,
          sv: `${names[key].sv}: beloppet "${raw}" kan inte läsas.`,
          en: `${names[key].en}: the amount "${raw}" cannot be read.`,
        }),
      );
    }
    // "Ei vielä" (not yet) in words is 0 € so far, as the dataset holds it (issue 15); a bare dash
    // says nothing and stays unknown.
    const zeroSoFar = parsed.reason === 'not_yet' && /\p{L}/u.test(raw);
    return { text: raw, line, cents: zeroSoFar ? 0 : null, rounded: false };
  }
  const { cents, rounded } = parsed.value;
  if (rounded)
    findings.push(
      finding('amount_rounded', 'info', line, key, raw, {
        fi: `${names[key].fi}: "${raw}" on annettu vain pyöristettynä; järjestelmä pitää tarkan summan.`,
        sv: `${names[key].sv}: "${raw}" anges bara avrundat; systemet håller det exakta beloppet.`,
        en: `${names[key].en}: "${raw}" is given only rounded; the system holds the exact amount.`,
      }),
    );
  const withoutRemark = totalText.replace(/\([^)]*\)\s*$/, '').trim();
  if (!/(€|\beur\b|\beuroa?\b|\be\b)\s*$/i.test(withoutRemark)) {
    findings.push(
      finding('amount_unit', 'warning', line, key, raw, {
        fi: `${names[key].fi}: summasta "${raw}" puuttuu valuutta.`,
        sv: `${names[key].sv}: valutan saknas i "${raw}".`,
        en: `${names[key].en}: "${raw}" has no currency.`,
      }),
    );
  } else if (/\d\s*e\s*$/i.test(withoutRemark)) {
    findings.push(
      finding('amount_unit', 'info', line, key, raw, {
        fi: `${names[key].fi}: euro on kirjoitettu "e" (${raw}).`,
        sv: `${names[key].sv}: euro skrivet "e" (${raw}).`,
        en: `${names[key].en}: the euro is written "e" (${raw}).`,
      }),
    );
  }
  if (cents !== 0 && (cents < SMALLEST_PLAUSIBLE || cents > LARGEST_PLAUSIBLE)) {
    findings.push(
      finding('amount_range', 'error', line, key, raw, {
        fi: `${names[key].fi}: ${formatEuros(cents)} ei ole uskottava teeman summa (yksikkö väärin?).`,
        sv: `${names[key].sv}: ${formatEuros(cents, 'sv')} är inte ett trovärdigt belopp för ett tema (fel enhet?).`,
        en: `${names[key].en}: ${formatEuros(cents, 'en')} is not a plausible amount for a theme (wrong unit?).`,
      }),
    );
  }
  return { text: raw, line, cents, rounded };
}

export function checkContactLines(lines: Line[], findings: Finding[]) {
  // Wrapped addresses ("ilona.korhonen@ely-" + "keskus.fi") are joined before they are checked;
  // each finding names the line its address starts on.
  const joined: { text: string; starts: { at: number; line: number }[] }[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') continue;
    const previous = joined.at(-1);
    if (previous && /[@.-]$|\(at\)$/.test(previous.text)) {
      previous.starts.push({ at: previous.text.length, line: line.n });
      previous.text += text;
    } else joined.push({ text, starts: [{ at: 0, line: line.n }] });
  }
  for (const { text, starts } of joined) {
    for (const match of text.matchAll(/[\w.+-]+(?:\s*\(at\)\s*|@)[\w-]+(?:\.[\w-]+)*/gi)) {
      const address = match[0];
      const line = starts.filter((s) => s.at <= match.index).at(-1)!.line;
      if (/\(at\)/i.test(address)) {
        findings.push(
          finding('email_malformed', 'warning', line, 'contacts', address, {
            fi: `Sähköpostiosoite "${address}" on kirjoitettu (at)-muodossa.`,
            sv: `E-postadressen "${address}" är skriven med (at).`,
            en: `The e-mail address "${address}" is written with (at).`,
          }),
        );
        continue;
      }
      if (!/^[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$/i.test(address) || /\.\.|^\.|\.@/.test(address)) {
        findings.push(
          finding('email_malformed', 'error', line, 'contacts', address, {
            fi: `Sähköpostiosoite "${address}" on virheellinen.`,
            sv: `E-postadressen "${address}" är felaktig.`,
            en: `The e-mail address "${address}" is malformed.`,
          }),
        );
        continue;
      }
      const domain = address.split('@')[1]!.toLowerCase();
      const near = KNOWN_DOMAINS.includes(domain)
        ? undefined
        : KNOWN_DOMAINS.find((known) => editDistance(known, domain) === 1);
      if (near) {
        findings.push(
          finding('email_domain', 'error', line, 'contacts', address, {
            fi: `Sähköpostiosoitteen "${address}" verkkotunnus on todennäköisesti kirjoitettu väärin (${near}?).`,
            sv: `Domänen i "${address}" är sannolikt felstavad (${near}?).`,
            en: `The domain of "${address}" is probably mistyped (${near}?).`,
          }),
        );
      }
    }
  }
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

export function checkPlaceholders(lines: Line[], field: string, findings: Finding[]) {
  for (const line of lines)
    for (const what of findPlaceholders(line.text))
      findings.push(
        finding('placeholder', 'warning', line.n, field, line.text, {
          fi: `Mallipohjan paikkamerkki "${what}" on jäänyt tekstiin.`,
          sv: `Mallens platshållare "${what}" har blivit kvar i texten.`,
          en: `The template placeholder "${what}" was left in.`,
        }),
      );
}

/** The first run of hyperlink targets after line `at` of the theme, unless a page ends before it. */
function targetsAfter(block: Line[], at: number): string[] {
  let i = at + 1;
  while (i < block.length && !block[i]!.target) {
    if (PAGE_NUMBER.test(block[i]!.text)) return [];
    i++;
  }
  const urls: string[] = [];
  for (; i < block.length && block[i]!.target; i++) urls.push(block[i]!.text.trim());
  return urls;
}

/** An address compared without its scheme, "www." and trailing slash ("www.yyo.fi" is http://www.yyo.fi/). */
const sameAddress = (a: string, b: string) => {
  const bare = (url: string) =>
    url
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/+$/, '');
  return bare(a) === bare(b);
};

/** A list item: a bullet character, or (in text from the PDF, where the glyph is lost) one leading space. */
const isItemStart = (text: string) => BULLET.test(text) || PAGE_START.test(text);

/**
 * Section 6 line by line: each link is a line (or a list item wrapped over lines) with an address, or
 * a linked title whose address the PDF wrote among the page's hyperlink targets. Titles are paired
 * with those targets in order when their numbers agree (targets of the footer's template links and of
 * addresses written out in the text left out); a sentence or a lead-in ("…hankkeita:") is no title.
 */
function parseLinks(lines: Line[], targets: string[], findings: Finding[]) {
  const links: ParsedTheme['links'] = [];
  const entries: (Line & { item: boolean })[] = [];
  for (const line of lines) {
    const previous = entries.at(-1);
    const text = line.text.trim();
    // An address broken over two lines ("…/sosiaalisten-" + "innovaatioiden-…") is joined first.
    if (previous && /^(https?:\/\/|www\.)\S*[-/]$/.test(previous.text) && /^\S+$/.test(text)) {
      previous.text += text;
      continue;
    }
    const url = /(?:https?:\/\/|www\.)/i.test(text);
    if (previous?.item && !isItemStart(line.text) && !url && !/\.$/.test(previous.text)) {
      previous.text += ` ${text}`;
      continue;
    }
    entries.push({ n: line.n, text: text.replace(BULLET, ''), item: isItemStart(line.text) });
  }
  const written = entries.flatMap((e) => [...e.text.matchAll(/(?:https?:\/\/|www\.)[^\s<>"]+/gi)].map((m) => m[0]));
  const candidates = [
    ...new Set(
      targets.filter(
        (t) =>
          /^https?:/i.test(t) &&
          !PLACEHOLDERS.some((p) => p.pattern.test(t)) &&
          !written.some((w) => sameAddress(w.replace(/[.,;)]+$/, ''), t)),
      ),
    ),
  ];
  const titles = entries.filter((e) => !/(?:https?:\/\/|www\.|mailto:)/i.test(e.text) && !/[.:]$/.test(e.text));
  const paired = new Map(candidates.length === titles.length ? titles.map((t, i) => [t, candidates[i]!]) : []);
  for (const line of entries) {
    const target = paired.get(line);
    if (target) {
      links.push({ url: safeHref(target)!, title: line.text, line: line.n });
      continue;
    }
    // A .docx's hyperlink: its text is the title.
    const marked = [...line.text.matchAll(MARKED_LINK)];
    if (marked.length > 0) {
      for (const [, title, address] of marked) {
        const href = safeHref(address!);
        if (href) links.push({ url: href, title: title === address ? null : title!, line: line.n });
      }
      continue;
    }
    const urls = [...line.text.matchAll(/(?:https?:\/\/|www\.)[^\s<>"]+/gi)].map((m) => m[0].replace(/[.,;)]+$/, ''));
    if (urls.length === 0) {
      findings.push(
        finding('link_without_address', 'warning', line.n, 's6', line.text, {
          fi: `Linkkiosiossa on rivi ilman verkko-osoitetta: "${shorten(line.text, 80)}".`,
          sv: `Länkavsnittet har en rad utan webbadress: "${shorten(line.text, 80)}".`,
          en: `The links section has a line with no web address: "${shorten(line.text, 80)}".`,
        }),
      );
      continue;
    }
    const title =
      line.text
        .replace(/(?:https?:\/\/|www\.)[^\s<>"]+/gi, '')
        .replace(/[\s:–-]+$/, '')
        .trim() || null;
    for (const raw of urls) {
      // The target the PDF holds for an address written without its scheme is its exact form.
      const exact = targets.find((t) => /^https?:/i.test(t) && sameAddress(t, raw));
      const href = safeHref(exact ?? (raw.startsWith('www.') ? `https://${raw}` : raw));
      if (!href || !/^https?:\/\/[^/]+\.[a-z]{2,}/i.test(href)) {
        findings.push(
          finding('link_malformed', 'error', line.n, 's6', raw, {
            fi: `Linkki "${raw}" ei ole kelvollinen verkko-osoite.`,
            sv: `Länken "${raw}" är ingen giltig webbadress.`,
            en: `The link "${raw}" is not a valid web address.`,
          }),
        );
        continue;
      }
      if (raw.startsWith('www.')) {
        findings.push(
          finding('link_malformed', 'info', line.n, 's6', raw, {
            fi: `Linkistä "${raw}" puuttuu https://.`,
            sv: `Länken "${raw}" saknar https://.`,
            en: `The link "${raw}" lacks https://.`,
          }),
        );
      }
      links.push({ url: href, title, line: line.n });
    }
  }
  return links;
}

const BULLET = /^\s*(?:[\uf0b7\u2022\u25cf\u25aa\u2013*]|-(?=\S|\s))\s*/;
/** "Kuvio 1: …", "Taulukko 2 …": a figure's or table's caption, a paragraph of its own. */
const CAPTION = /^\s*(?:Kuvio|Kuva|Taulukko|Figur|Tabell|Figure|Table)\s+\d+\b/;
/** "1) …" or "1. …": an item of a numbered list. */
const NUMBERED = /^\s*(\d{1,2})[.)]\s+(?=\S)/;

/**
 * Wrapped lines back into paragraphs and lists. A line that is clearly shorter than the text around
 * it and ends a sentence ends its paragraph; a bullet (or a lost one, `item`) starts an item of a
 * bulleted list, "1)" or "1." an item of a numbered list that goes on while the numbers do.
 */
export function toRichText(lines: Line[], options: ReadOptions = {}): RichText {
  const blocks: RichText = [];
  let paragraph: string[] = [];
  let items: string[][] = [];
  let ordered = false;
  let number = 0;
  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', content: inline(paragraph) });
    paragraph = [];
  };
  const flushList = () => {
    if (items.length > 0) blocks.push({ type: 'list', ordered, items: items.map(inline) });
    items = [];
  };
  const startItem = (text: string, numbered: boolean) => {
    flushParagraph();
    if (items.length > 0 && ordered !== numbered) flushList();
    ordered = numbered;
    items.push([text]);
  };
  const width = Math.max(60, ...lines.map((line) => line.text.trimEnd().length)) - 15;
  let caption = false;
  for (const line of lines) {
    const text = line.text.trim();
    // A caption stands alone: it ends the paragraph before it, and the text after it starts anew
    // unless the caption's own sentence goes on (a line starting in lower case).
    if (CAPTION.test(line.text)) {
      flushParagraph();
      flushList();
      paragraph.push(text);
      caption = true;
      continue;
    }
    if (caption) {
      caption = /^[a-zåäö(]/.test(text);
      if (caption) {
        paragraph.push(text);
        continue;
      }
      flushParagraph();
    }
    const numbered = NUMBERED.exec(line.text);
    const next = numbered ? Number(numbered[1]) : 0;
    if (numbered && (next === 1 || (ordered && items.length > 0 && next === number + 1))) {
      number = next;
      startItem(text.replace(NUMBERED, ''), true);
      continue;
    }
    if (line.item || (BULLET.test(line.text) && !/^-\d/.test(text))) {
      startItem(text.replace(BULLET, ''), false);
      continue;
    }
    if (options.linePerParagraph) {
      flushList();
      paragraph.push(text);
      flushParagraph();
      continue;
    }
    if (items.length > 0) {
      const current = items.at(-1)!;
      const previous = current.at(-1) ?? '';
      // An item goes on over lines that continue its sentence; a capital after an unfinished item
      // starts the paragraph after the list (the list's last item often has no full stop).
      const continues = /^[a-zåäö(0-9]/.test(text) || /[,–-]$/.test(previous) || previous.length > width;
      if ((!/[.!?:]$/.test(previous) && continues) || previous.length > width) {
        current.push(text);
        continue;
      }
      flushList();
    }
    paragraph.push(text);
    if (/[.!?:]["”)]?$/.test(text) && line.text.trimEnd().length < width) flushParagraph();
  }
  flushParagraph();
  flushList();
  return blocks;
}

/**
 * Two wrapped lines joined. A line ending in a hyphen after a small letter, with the next starting
 * with one, is a word hyphenated by the layout ("kehittämi-" + "nen"): the hyphen goes, unless the
 * same vowel meets there (Finnish writes "tasa-arvo") or the next word is "ja", "tai", "sekä" or
 * "eli" ("sosiaali- ja terveyspalvelut", where the hyphen stands for the common part).
 */
export function joinLines(text: string, part: string): string {
  if (text === '') return part;
  const hyphen = /([a-zåäö])-$/.exec(text);
  if (!hyphen || !/^[a-zåäö]/.test(part)) return `${text} ${part}`;
  if (/^(?:ja|tai|sekä|eli)\b/.test(part)) return `${text} ${part}`;
  const sameVowel = /[aeiouyåäö]/.test(hyphen[1]!) && part[0] === hyphen[1];
  return sameVowel ? text + part : text.slice(0, -1) + part;
}

/** A link as a .docx gives it (documents/docx-text.ts): `[text](address)`. */
const MARKED_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|mailto:)[^)\s]+)\)/g;

function inline(parts: string[]): Inline[] {
  const text = parts.reduce(joinLines, '').replace(/\s+/g, ' ').trim();
  const pieces: Inline[] = [];
  let at = 0;
  for (const match of text.matchAll(MARKED_LINK)) {
    const href = safeHref(match[2]!);
    if (!href) continue;
    if (match.index > at) pieces.push({ type: 'text', text: text.slice(at, match.index) });
    pieces.push({ type: 'link', href, text: match[1]! });
    at = match.index + match[0].length;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ type: 'text', text: text.slice(at) });
  return pieces;
}

export type { Block };
