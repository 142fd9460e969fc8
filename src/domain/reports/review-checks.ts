/**
 * The checks of an imported review that need more than one line: amounts in the text, figures
 * against what the text says, counts against the lists, dates against the cut-off, contacts across
 * themes, text repeated or copied. Each finding names its line (1-based, in the text as given).
 *
 * Pure, like the reading in review-import.ts, which calls checkReview once every theme is read.
 */
import type { LocalizedText } from '../errors.js';
import { formatEuros, parseFinnishAmount, type Cents } from '../money.js';
import { plainText } from './rich-text.js';
import type { Finding, FindingCode, Line, ParsedReview, ParsedTheme } from './review-import.js';

export const shorten = (text: string, max = 120) => {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

export function finding(
  code: FindingCode,
  severity: Finding['severity'],
  line: number,
  field: string,
  excerpt: string,
  message: LocalizedText,
): Finding {
  return { code, severity, line, field, excerpt: shorten(excerpt), message };
}

export function checkReview(review: ParsedReview, lines: Line[]): void {
  const cutOff = review.cutOffText ? parseDate(review.cutOffText) : null;
  for (const theme of review.themes) {
    const text = sectionLines(theme, lines);
    checkAmountsInText(theme, text);
    checkFiguresAgainstText(theme, text);
    checkCounts(theme, text);
    if (cutOff) checkDates(theme, text, cutOff);
    checkMinistry(theme);
    checkUnreachable(theme);
  }
  checkFormats(review);
  checkContactsAcrossThemes(review);
  checkRepeatedText(review, lines);
  for (const theme of review.themes) theme.findings.sort((a, b) => a.line - b.line);
}

type SectionLine = Line & { section: string };

/** The lines of sections 1–5 and 7 as written (hyperlink targets and blank lines left out). */
function sectionLines(theme: ParsedTheme, lines: Line[]): SectionLine[] {
  const out: SectionLine[] = [];
  for (const section of theme.sections)
    for (let n = section.startLine; n <= section.endLine; n++) {
      const line = lines[n - 1]!;
      if (!line.target && line.text.trim() !== '') out.push({ ...line, section: section.key });
    }
  for (const line of theme.projectLines) out.push({ ...line, section: 's7' });
  return out;
}

/** A date "1.11.2024" as a comparable number (20241101), or null. */
function parseDate(text: string): number | null {
  const match = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text);
  if (!match) return null;
  return Number(match[3]) * 10000 + Number(match[2]) * 100 + Number(match[1]);
}

/** An amount written in the text: digits, an optional scale, a currency (or a scale without one). */
const AMOUNT_IN_TEXT =
  /(?<vague>(?:\bn\.|\bnoin|~|\bca\.?|\barviolta)\s*)?(?<amount>\d{1,3}(?:[ \u00a0.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(?<scale>milj\.?|miljoonaa|M(?=\s*€))?\s*(?<currency>€|euroa|eur\b|e\b)?(?<sum>\s*\+\s*\d)?/g;

function amountsIn(text: string) {
  const found: { raw: string; cents: Cents | null; vague: boolean; sum: boolean; currency: boolean; at: number }[] = [];
  for (const match of text.matchAll(AMOUNT_IN_TEXT)) {
    const { vague, amount, scale, currency, sum } = match.groups!;
    if (!scale && !currency) continue; // a plain number is no amount
    const raw = match[0].replace(/\s*\+\s*\d$/, '').trim();
    const parsed = parseFinnishAmount(`${amount} ${scale ?? ''} ${currency ?? ''}`.trim());
    found.push({
      raw,
      cents: parsed.ok ? parsed.value.cents : null,
      vague: Boolean(vague),
      sum: Boolean(sum),
      currency: Boolean(currency),
      at: match.index,
    });
  }
  return found;
}

/** Amounts in sections 1–5 and 7 are read as the figures are, and the same things reported. */
function checkAmountsInText(theme: ParsedTheme, text: SectionLine[]) {
  for (const line of text) {
    for (const amount of amountsIn(line.text)) {
      if (amount.vague)
        theme.findings.push(
          finding('amount_vague', 'info', line.n, line.section, amount.raw, {
            fi: `Summa "${amount.raw}" on likimääräinen.`,
            sv: `Beloppet "${amount.raw}" är ungefärligt.`,
            en: `The amount "${amount.raw}" is approximate.`,
          }),
        );
      if (amount.sum)
        theme.findings.push(
          finding('amount_sum_text', 'info', line.n, line.section, line.text, {
            fi: `Summa on kirjoitettu yhteenlaskuna ("${shorten(line.text, 60)}").`,
            sv: `Beloppet är skrivet som en summa av delar ("${shorten(line.text, 60)}").`,
            en: `An amount is written as a sum of parts ("${shorten(line.text, 60)}").`,
          }),
        );
      if (!amount.currency)
        theme.findings.push(
          finding('amount_unit', 'warning', line.n, line.section, amount.raw, {
            fi: `Summasta "${amount.raw}" puuttuu valuutta.`,
            sv: `Valutan saknas i "${amount.raw}".`,
            en: `"${amount.raw}" has no currency.`,
          }),
        );
    }
  }
}

/** How a figure is written: "M€", "milj. €", "1 000 000 €", "1.000.000 €", "1000000 €"; and which euro sign. */
function formatOf(text: string): string {
  const number = /milj|M\s*€|\bM\b/i.test(text)
    ? 'millions'
    : /\d\.\d{3}/.test(text)
      ? 'dots'
      : /\d \d{3}/.test(text)
        ? 'spaces'
        : 'plain';
  const currency = /€/.test(text) ? '€' : /euroa/i.test(text) ? 'euroa' : /\de\b|\se\b/i.test(text) ? 'e' : '';
  return `${number} ${currency}`.trim();
}

/** The document's figures in more than one format: each figure written unlike most is pointed out. */
function checkFormats(review: ParsedReview) {
  const figures = review.themes.flatMap((theme) =>
    Object.entries(theme.figures).flatMap(([key, figure]) =>
      figure && figure.cents !== null && figure.cents !== 0
        ? [{ theme, key, figure, format: formatOf(figure.text) }]
        : [],
    ),
  );
  const counts = new Map<string, number>();
  for (const { format } of figures) counts.set(format, (counts.get(format) ?? 0) + 1);
  if (counts.size < 2) return;
  const [usual] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  for (const { theme, key, figure, format } of figures) {
    if (format === usual) continue;
    theme.findings.push(
      finding('amount_format_mixed', 'info', figure.line, key, figure.text, {
        fi: `"${figure.text}" on kirjoitettu eri muodossa kuin asiakirjan muut luvut (yleisin muoto: ${usual}).`,
        sv: `"${figure.text}" är skrivet i ett annat format än dokumentets övriga siffror (vanligast: ${usual}).`,
        en: `"${figure.text}" is written unlike the document's other figures (most are: ${usual}).`,
      }),
    );
  }
}

const mismatch = (theme: ParsedTheme, line: number, field: string, excerpt: string, message: LocalizedText) =>
  theme.findings.push(finding('figure_text_mismatch', 'warning', line, field, excerpt, message));

/**
 * The figures against each other and against the text: the frame's split by ministry must add up to
 * the frame; a frame, a leftover ("käytettävissä", "jäljellä") or a share ("50 prosenttia on
 * sidottu") stated in the text must follow from the four figures.
 */
function checkFiguresAgainstText(theme: ParsedTheme, text: SectionLine[]) {
  const { frame, reserved, committed, paid } = theme.figures;
  const frameCents = frame?.cents ?? null;
  if (frameCents !== null && theme.frameByMinistry.length > 0) {
    const sum = theme.frameByMinistry.reduce((total, split) => total + split.cents, 0);
    if (sum !== frameCents)
      mismatch(theme, frame!.line, 'frame', frame!.text, {
        fi: `Hallinnonalojen osuudet ovat yhteensä ${formatEuros(sum)}, kehys ${formatEuros(frameCents)}.`,
        sv: `Förvaltningsområdenas andelar är sammanlagt ${formatEuros(sum, 'sv')}, ramen ${formatEuros(frameCents, 'sv')}.`,
        en: `The ministries' shares add up to ${formatEuros(sum, 'en')}, the frame is ${formatEuros(frameCents, 'en')}.`,
      });
  }
  if (frameCents === null || frameCents === 0) return;
  const leftovers = [reserved, committed]
    .map((figure) => (figure?.cents === null || figure === null ? null : frameCents - figure.cents))
    .filter((cents): cents is number => cents !== null);
  for (const line of text) {
    if (line.section === 's7') continue;
    const amounts = amountsIn(line.text).filter((a) => a.cents !== null && a.currency);
    const leftover = /käytettävissä|jäljellä|vapaana|käyttämättä/i.test(line.text);
    if (/rahoituskehy|\bkehys/i.test(line.text) && !leftover) {
      const stated = amounts.find((a) => a.cents! >= 100_000_00);
      if (stated && stated.cents !== frameCents && /kehys\w*\s+(?:on\s+)?(?:yhteensä\s+)?\S*\s*\d/i.test(line.text))
        mismatch(theme, line.n, line.section, stated.raw, {
          fi: `Tekstin rahoituskehys ${stated.raw} eroaa luvusta a) ${formatEuros(frameCents)}.`,
          sv: `Ramen i texten, ${stated.raw}, skiljer sig från siffran a) ${formatEuros(frameCents, 'sv')}.`,
          en: `The frame in the text, ${stated.raw}, differs from figure a) ${formatEuros(frameCents, 'en')}.`,
        });
    }
    if (leftover && /kehyk|kehys/i.test(line.text) && leftovers.length > 0) {
      for (const stated of amounts)
        if (!leftovers.includes(stated.cents!) && !stated.vague)
          mismatch(theme, line.n, line.section, stated.raw, {
            fi: `Tekstin mukaan käytettävissä on ${stated.raw}, mutta lukujen mukaan kehyksestä on jäljellä ${leftovers.map((c) => formatEuros(c)).join(' tai ')}.`,
            sv: `Enligt texten återstår ${stated.raw}, men enligt siffrorna återstår ${leftovers.map((c) => formatEuros(c, 'sv')).join(' eller ')} av ramen.`,
            en: `The text says ${stated.raw} is left, but by the figures ${leftovers.map((c) => formatEuros(c, 'en')).join(' or ')} of the frame is left.`,
          });
    }
    for (const share of line.text.matchAll(/(\d{1,3}(?:,\d+)?)\s*(?:%|prosenttia)/g)) {
      const figure = /sidottu|sidotut|sitoutu/i.test(line.text)
        ? committed
        : /maksettu|maksetut/i.test(line.text)
          ? paid
          : /varattu|varaukset|varauks/i.test(line.text)
            ? reserved
            : null;
      if (!figure || figure.cents === null || !/kehyk|kehys/i.test(line.text)) continue;
      const actual = (figure.cents / frameCents) * 100;
      const stated = Number(share[1]!.replace(',', '.'));
      if (Math.abs(actual - stated) > 1)
        mismatch(theme, line.n, line.section, share[0], {
          fi: `Tekstin osuus ${share[0]} ei vastaa lukuja (${actual.toFixed(0)} % kehyksestä).`,
          sv: `Andelen ${share[0]} i texten stämmer inte med siffrorna (${actual.toFixed(0)} % av ramen).`,
          en: `The share ${share[0]} in the text does not follow from the figures (${actual.toFixed(0)} % of the frame).`,
        });
    }
  }
}

const NUMBER_WORDS = [
  'nolla',
  'yksi',
  'kaksi',
  'kolme',
  'neljä',
  'viisi',
  'kuusi',
  'seitsemän',
  'kahdeksan',
  'yhdeksän',
  'kymmenen',
  'yksitoista',
  'kaksitoista',
];

const CODE = /(?<![\w-])(?:R-\d{4,6}|S\d{5}|\d{6})(?![\w-])/g;

/**
 * "Teemassa on rahoitettu kolme hanketta" against the entities section 7 lists: a line's group code
 * (R-…) is its entity, else its first project code. "Koordinaatiohankkeen lisäksi" adds the
 * coordination project. Reported only when the number stated is neither the entities nor the codes.
 */
function checkCounts(theme: ParsedTheme, text: SectionLine[]) {
  const entities = new Set<string>();
  const codes = new Set<string>();
  for (const line of theme.projectLines) {
    const found = [...line.text.matchAll(CODE)].map((m) => m[0]);
    if (found.length === 0) continue;
    found.forEach((code) => codes.add(code));
    entities.add(found.find((code) => code.startsWith('R-')) ?? found[0]!);
  }
  if (entities.size === 0) return;
  const pattern = new RegExp(
    `(?:rahoitettu|rahoitettuja|hankkeita on)\\s+(?:\\S+\\s+){0,3}?(${NUMBER_WORDS.join('|')}|\\d{1,2})\\s*(hanketta|hankkeita|hanke)?(?![\\wåäö])`,
    'i',
  );
  for (const line of text) {
    if (line.section !== 's1' && line.section !== 's2') continue;
    const match = pattern.exec(line.text);
    if (!match || (!match[2] && !/hankkeita on/i.test(match[0]))) continue;
    const word = match[1]!.toLowerCase();
    const besides = /lisäksi/i.test(line.text.slice(0, match.index + match[0].length)) ? 1 : 0;
    const stated = (NUMBER_WORDS.includes(word) ? NUMBER_WORDS.indexOf(word) : Number(word)) + besides;
    if (stated !== entities.size && stated !== codes.size)
      theme.findings.push(
        finding('count_mismatch', 'warning', line.n, line.section, match[0], {
          fi: `Tekstin mukaan hankkeita on ${stated}, mutta hankelistassa (osio 7) on ${entities.size}.`,
          sv: `Enligt texten finns ${stated} projekt, men projektförteckningen (avsnitt 7) har ${entities.size}.`,
          en: `The text says there are ${stated} projects, but the project list (section 7) has ${entities.size}.`,
        }),
      );
  }
}

/**
 * Projects in section 7 that start (their first date) after the cut-off, and a theme whose period
 * ends before the cut-off but whose section 4 plans calls.
 */
function checkDates(theme: ParsedTheme, text: SectionLine[], cutOff: number) {
  for (const line of theme.projectLines) {
    if (!/(?:R-\d{4,6}|S\d{5}|\d{6})\b/.test(line.text)) continue;
    const start = parseDate(line.text);
    if (start !== null && start > cutOff)
      theme.findings.push(
        finding('project_after_cutoff', 'warning', line.n, 's7', line.text, {
          fi: `Hanke alkaa vasta katsauksen rajapäivän jälkeen (${/\d{1,2}\.\d{1,2}\.\d{4}/.exec(line.text)![0]}).`,
          sv: `Projektet börjar först efter översiktens brytdag (${/\d{1,2}\.\d{1,2}\.\d{4}/.exec(line.text)![0]}).`,
          en: `The project starts only after the review's cut-off (${/\d{1,2}\.\d{1,2}\.\d{4}/.exec(line.text)![0]}).`,
        }),
      );
  }
  for (const line of text) {
    const decided =
      /(?:päätös|päätetty|rahoituspäätö\w*|käynnistyy|käynnistyi|alkoi|alkaa)\D{0,20}(\d{1,2}\.\d{1,2}\.\d{4})/i.exec(
        line.text,
      );
    if (line.section !== 's7' && decided && parseDate(decided[1]!)! > cutOff && !/tulevana|suunnitel/i.test(line.text))
      if (line.section !== 's4')
        theme.findings.push(
          finding('project_after_cutoff', 'warning', line.n, line.section, decided[0], {
            fi: `Teksti kertoo tapahtuneena asian, jonka päivä on rajapäivän jälkeen (${decided[1]}).`,
            sv: `Texten beskriver som skett något som är daterat efter brytdagen (${decided[1]}).`,
            en: `The text reports as done something dated after the cut-off (${decided[1]}).`,
          }),
        );
  }
  const years = [...(theme.periodText ?? '').matchAll(/\b(20\d{2})\b/g)].map((m) => Number(m[1]));
  const end = years.at(-1);
  if (end !== undefined && end * 10000 + 1231 < cutOff) {
    const plans = text.find(
      (line) => line.section === 's4' && /\b(?:haku|haun|hakuja|hankehaku\w*|hakukierros)\b/i.test(line.text),
    );
    if (plans)
      theme.findings.push(
        finding('calls_after_period', 'warning', plans.n, 's4', plans.text, {
          fi: `Teeman toteutusaika päättyi ${end}, mutta osio 4 suunnittelee uusia hakuja.`,
          sv: `Temats genomförandetid slutade ${end}, men avsnitt 4 planerar nya utlysningar.`,
          en: `The theme's period ended in ${end}, yet section 4 plans new calls.`,
        }),
      );
  }
}

const MINISTRY = /ministeriö|ministeriet|ministry|\b(?:TEM|OKM|STM|VM|SM|YM|MMM|LVM|UM|OM|PLM)\b/i;

function checkMinistry(theme: ParsedTheme) {
  if (theme.ministryText === '' || MINISTRY.test(theme.ministryText)) return;
  const line = theme.ministryLines.find((l) => l.text.trim() !== '');
  theme.findings.push(
    finding('ministry_missing', 'error', line?.n ?? theme.startLine, 'ministryContact', theme.ministryText, {
      fi: 'Ministeriön yhteystiedoissa ei ole nimetty ministeriötä.',
      sv: 'Ministeriets kontaktuppgifter nämner inget ministerium.',
      en: 'The ministry contact names no ministry.',
    }),
  );
}

const EMAIL = /[\w.+-]+(?:\s*\(at\)\s*|@)[\w-]+(?:\.[\w-]+)+/gi;
const PHONE = /(?:\+358|\b0)[\d ()-]{6,16}\d/g;
const NAME =
  /(?<![\w\u00c0-\u017f-])[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)? [A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?(?![\wåäöÅÄÖ])/;

/** The header's contact lines joined where an address or a name wraps. */
function joinedHeader(theme: ParsedTheme): Line[] {
  const joined: Line[] = [];
  for (const line of theme.headerLines) {
    const text = line.text.trim();
    if (text === '') continue;
    const previous = joined.at(-1);
    if (previous && /[@.,-]$|\(at\)$/.test(previous.text))
      previous.text += /[@.-]$/.test(previous.text) ? text : ` ${text}`;
    else joined.push({ n: line.n, text });
  }
  return joined;
}

/** Words that make a capitalised pair an organisation rather than a person. */
const NOT_A_PERSON =
  /ministeriö|ELY|keskus|yliopisto|\bry\b|\boy\b|hanke|työelämä|verkko|koordinaatio|yhteyshenkilö|rahoittaja|vastuuhenkilö/iu;

/**
 * Each person named in a contact field up to the next person: with neither an e-mail address nor a
 * phone number in that stretch, they cannot be reached.
 */
function checkUnreachable(theme: ParsedTheme) {
  const lines = theme.headerLines.filter((line) => line.text.trim() !== '');
  const text = lines.map((line) => line.text.trim()).join(' ');
  const lineAt = (offset: number) => {
    let at = 0;
    for (const line of lines) {
      at += line.text.trim().length + 1;
      if (offset < at) return line.n;
    }
    return lines.at(-1)?.n ?? theme.startLine;
  };
  const names = [...text.matchAll(new RegExp(NAME.source, 'g'))].filter((m) => !NOT_A_PERSON.test(m[0]));
  const reach = [...text.matchAll(EMAIL), ...text.matchAll(PHONE)].map((m) => m.index);
  names.forEach((name, i) => {
    const end = names[i + 1]?.index ?? text.length;
    if (reach.some((at) => at >= name.index && at < end)) return;
    theme.findings.push(
      finding('contact_unreachable', 'warning', lineAt(name.index), 'contacts', text.slice(name.index, end), {
        fi: `Yhteyshenkilölle ${name[0]} ei ole annettu sähköpostiosoitetta eikä puhelinnumeroa.`,
        sv: `Kontaktpersonen ${name[0]} saknar både e-postadress och telefonnummer.`,
        en: `The contact ${name[0]} has neither an e-mail address nor a phone number.`,
      }),
    );
  });
}

const digits = (phone: string) => phone.replace(/\D/g, '').replace(/^358/, '0');

/** The same person (the e-mail's name part) with different addresses or phone numbers across themes. */
function checkContactsAcrossThemes(review: ParsedReview) {
  type Seen = { theme: ParsedTheme; line: number; email: string; phone: string | null };
  const people = new Map<string, Seen[]>();
  for (const theme of review.themes)
    for (const line of joinedHeader(theme)) {
      const emails = [...line.text.matchAll(EMAIL)];
      emails.forEach((match, i) => {
        const email = match[0].replace(/\s*\(at\)\s*/i, '@').toLowerCase();
        const until = emails[i + 1]?.index ?? line.text.length;
        const phone = [...line.text.slice(match.index, until).matchAll(PHONE)][0]?.[0] ?? null;
        const person = email.split('@')[0]!;
        if (!person.includes('.')) return; // a shared address ("kirjaamo@") is no person
        const seen = people.get(person) ?? [];
        seen.push({ theme, line: line.n, email, phone: phone && digits(phone) });
        people.set(person, seen);
      });
    }
  for (const [person, seen] of people) {
    const first = seen[0]!;
    for (const other of seen.slice(1)) {
      const emailDiffers = other.email !== first.email;
      const phoneDiffers = other.phone !== null && first.phone !== null && other.phone !== first.phone;
      if (!emailDiffers && !phoneDiffers) continue;
      const what = emailDiffers ? `${first.email} / ${other.email}` : `${first.phone} / ${other.phone}`;
      other.theme.findings.push(
        finding('contact_inconsistent', 'warning', other.line, 'contacts', what, {
          fi: `Sama henkilö (${person}) on annettu eri ${emailDiffers ? 'sähköpostiosoitteella' : 'puhelinnumerolla'} kuin rivillä ${first.line}: ${what}.`,
          sv: `Samma person (${person}) har en annan ${emailDiffers ? 'e-postadress' : 'telefonnummer'} än på rad ${first.line}: ${what}.`,
          en: `The same person (${person}) has a different ${emailDiffers ? 'e-mail address' : 'phone number'} than on line ${first.line}: ${what}.`,
        }),
      );
    }
  }
}

/** The line where the last occurrence of a sentence starts in a section (lines joined as read). */
function lineOf(section: ParsedTheme['sections'][number], sentence: string, lines: Line[]): number {
  let joined = '';
  const starts: { at: number; n: number }[] = [];
  for (let n = section.startLine; n <= section.endLine; n++) {
    const text = lines[n - 1]!.text.replace(/\s+/g, ' ').trim();
    if (text === '' || lines[n - 1]!.target) continue;
    starts.push({ at: joined.length, n });
    joined += `${text} `;
  }
  const at = joined.lastIndexOf(sentence.replace(/\s+/g, ' ').slice(0, 30));
  return at < 0 ? section.startLine : starts.filter((s) => s.at <= at).at(-1)!.n;
}

/** Sentences of 60 characters or more that occur twice in a theme, or in two themes. */
function checkRepeatedText(review: ParsedReview, lines: Line[]) {
  const seen = new Map<string, { theme: ParsedTheme; section: string }>();
  const key = (sentence: string) => sentence.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const theme of review.themes)
    for (const section of theme.sections)
      for (const sentence of plainText(section.blocks).split(/(?<=[.!?])\s+|\n/)) {
        if (sentence.length < 60) continue;
        const earlier = seen.get(key(sentence));
        if (!earlier) {
          seen.set(key(sentence), { theme, section: section.key });
          continue;
        }
        const line = lineOf(section, sentence, lines);
        const within = earlier.theme === theme;
        theme.findings.push(
          finding(within ? 'text_repeated' : 'text_copied', 'warning', line, section.key, sentence, {
            fi: within
              ? `Sama virke on jo osiossa ${earlier.section.slice(1)}.`
              : `Sama virke on teeman "${shorten(earlier.theme.name, 50)}" osiossa ${earlier.section.slice(1)}.`,
            sv: within
              ? `Samma mening finns redan i avsnitt ${earlier.section.slice(1)}.`
              : `Samma mening finns i avsnitt ${earlier.section.slice(1)} av temat "${shorten(earlier.theme.name, 50)}".`,
            en: within
              ? `The same sentence is already in section ${earlier.section.slice(1)}.`
              : `The same sentence is in section ${earlier.section.slice(1)} of the theme "${shorten(earlier.theme.name, 50)}".`,
          }),
        );
      }
}
