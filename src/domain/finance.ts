/**
 * The four money figures of a theme and the checks on them. Figures are integer euro cents, or null
 * when unknown (the seed does not state them, or "ei vielä").
 *
 *   a) frame      julkinen rahoituskehys
 *   b) reserved   varaukset
 *   c) committed  sidotut valtuudet
 *   d) paid       maksetut kustannukset
 *
 * Expected a ≥ b ≥ c ≥ d ≥ 0. Anything else is reported, never corrected: the intermediate body
 * keeps the figures and a human has to find out which one is wrong.
 */
import { formatEuros, type Cents, type Locale } from './money.js';

export type FinanceFigures = {
  frame: Cents | null;
  reserved: Cents | null;
  committed: Cents | null;
  paid: Cents | null;
};

type Figure = keyof FinanceFigures;

export type FinanceWarningCode =
  'negative' | 'reserved_exceeds_frame' | 'committed_exceeds_reserved' | 'paid_exceeds_committed' | 'missing';

export type FinanceWarning = {
  code: FinanceWarningCode;
  /** The figure that is missing, negative or too large. */
  field: Figure;
  /**
   * For the order codes: the figure it was compared with. This is the one above it unless that is
   * unknown, in which case the next known one further up (committed against frame when reserved is
   * null); the code still names the adjacent pair, so the message and this field say which one.
   */
  comparedWith?: Figure;
  message: Record<Locale, string>;
};

/** Top to bottom: each figure should be at most the ones above it. */
const ORDER: readonly Figure[] = ['frame', 'reserved', 'committed', 'paid'];

const ORDER_CODE: Record<Figure, FinanceWarningCode | null> = {
  frame: null,
  reserved: 'reserved_exceeds_frame',
  committed: 'committed_exceeds_reserved',
  paid: 'paid_exceeds_committed',
};

const NAMES: Record<Figure, Record<Locale, string>> = {
  frame: { fi: 'julkinen rahoituskehys', sv: 'offentlig finansieringsram', en: 'funding frame' },
  reserved: { fi: 'varaukset', sv: 'reserveringar', en: 'reservations' },
  committed: { fi: 'sidotut valtuudet', sv: 'bundna fullmakter', en: 'committed' },
  paid: { fi: 'maksetut kustannukset', sv: 'betalda kostnader', en: 'paid' },
};

// English needs the verb to agree with the figure's name ("reservations exceed", "paid exceeds");
// the Finnish sentence only ever has a plural subject and the Swedish verb does not inflect.
const EN_EXCEEDS: Record<Figure, string> = {
  frame: 'exceeds',
  reserved: 'exceed',
  committed: 'exceeds',
  paid: 'exceeds',
};
// "exceed the funding frame" but "exceeds committed": only the frame reads as a noun with an article.
const EN_OBJECT: Record<Figure, string> = {
  frame: 'the funding frame',
  reserved: 'reservations',
  committed: 'committed',
  paid: 'paid',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function missingMessage(field: Figure): Record<Locale, string> {
  return {
    fi: `Luku puuttuu: ${NAMES[field].fi}.`,
    sv: `Uppgift saknas: ${NAMES[field].sv}.`,
    en: `Figure missing: ${NAMES[field].en}.`,
  };
}

function negativeMessage(field: Figure, cents: Cents): Record<Locale, string> {
  return {
    fi: `Luku on negatiivinen: ${NAMES[field].fi} ${formatEuros(cents, 'fi')}.`,
    sv: `Negativt belopp: ${NAMES[field].sv} ${formatEuros(cents, 'sv')}.`,
    en: `Negative amount: ${NAMES[field].en} ${formatEuros(cents, 'en')}.`,
  };
}

function exceedsMessage(field: Figure, cents: Cents, above: Figure, aboveCents: Cents): Record<Locale, string> {
  // Only reserved, committed and paid are ever the subject, and all three are plural in Finnish.
  return {
    fi: `${capitalise(NAMES[field].fi)} (${formatEuros(cents, 'fi')}) ovat suuremmat kuin ${NAMES[above].fi} (${formatEuros(aboveCents, 'fi')}).`,
    sv: `${capitalise(NAMES[field].sv)} (${formatEuros(cents, 'sv')}) överstiger ${NAMES[above].sv} (${formatEuros(aboveCents, 'sv')}).`,
    en: `${capitalise(NAMES[field].en)} (${formatEuros(cents, 'en')}) ${EN_EXCEEDS[field]} ${EN_OBJECT[above]} (${formatEuros(aboveCents, 'en')}).`,
  };
}

/**
 * Every way the figures break a ≥ b ≥ c ≥ d ≥ 0, in figure order (frame first). Each figure is
 * compared only with the nearest known figure above it, so one figure out of place gives one order
 * warning, not one per figure above it. Unknown figures are reported as missing, since the review
 * header needs all four.
 */
export function checkFinanceOrder(f: FinanceFigures): FinanceWarning[] {
  const warnings: FinanceWarning[] = [];
  let above: { field: Figure; cents: Cents } | null = null;
  for (const field of ORDER) {
    const cents = f[field];
    if (cents === null) {
      warnings.push({ code: 'missing', field, message: missingMessage(field) });
      continue;
    }
    if (cents < 0) warnings.push({ code: 'negative', field, message: negativeMessage(field, cents) });
    const code = ORDER_CODE[field];
    if (code !== null && above !== null && cents > above.cents) {
      warnings.push({
        code,
        field,
        comparedWith: above.field,
        message: exceedsMessage(field, cents, above.field, above.cents),
      });
    }
    above = { field, cents };
  }
  return warnings;
}

export type Utilisation = {
  /** b / a */
  reservedOfFrame: number | null;
  /** c / a */
  committedOfFrame: number | null;
  /** d / c */
  paidOfCommitted: number | null;
  /** a − b in cents; negative when more is reserved than the frame allows. */
  leftToReserve: Cents | null;
};

function ratio(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return part / whole;
}

/** Ratios are plain numbers (0.73 is 73 %) and may exceed 1 when the figures are out of order. */
export function computeUtilisation(f: FinanceFigures): Utilisation {
  return {
    reservedOfFrame: ratio(f.reserved, f.frame),
    committedOfFrame: ratio(f.committed, f.frame),
    paidOfCommitted: ratio(f.paid, f.committed),
    leftToReserve: f.frame === null || f.reserved === null ? null : f.frame - f.reserved,
  };
}

/**
 * One ministry's part of a total ("OKM's share of the authority used was 73 %"), as a plain number;
 * null when either is unknown or the total is 0.
 */
export function ministryShare(partCents: Cents | null, totalCents: Cents | null): number | null {
  return ratio(partCents, totalCents);
}

// ---------------------------------------------------------------------------------------------
// Entering the figures: what a person must confirm, which dates are possible, what is current.

/** The programme began on 1 January 2021; no figures can be as of an earlier date. */
export const PROGRAMME_START = '2021-01-01';

/**
 * A change against the previous entry this large (in either direction) is more often a typing
 * slip than a fact: over half of the previous amount, or over a million euros.
 */
export const LARGE_CHANGE = { ratio: 0.5, cents: 100_000_000 } as const;

/** Checks an entry may break only when someone confirms it with a reason. */
export const FINANCE_CHECKS = [
  'reserved_exceeds_frame',
  'committed_exceeds_reserved',
  'paid_exceeds_committed',
  'large_change',
] as const;
export type FinanceCheck = (typeof FINANCE_CHECKS)[number];
export const isFinanceCheck = (code: string): code is FinanceCheck =>
  (FINANCE_CHECKS as readonly string[]).includes(code);

export type FinanceViolation = {
  field: Figure | 'asOf';
  code: FinanceCheck | 'date_in_future' | 'date_before_programme' | 'date_invalid' | 'same_date';
  /** True when a confirmation with a reason lets the entry through. */
  confirmable: boolean;
  message: Record<Locale, string>;
};

const dateFi = (iso: string) => `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`;

/** A real calendar day (2024-02-30 is not). */
export function isCalendarDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === iso;
}

/**
 * The as-of date: a real day, not before the programme and not after Helsinki's today (figures
 * cannot be known of a day that has not come: a date of 9999-12-31 would pin a theme's figures).
 */
export function checkAsOf(asOf: string, today: string): FinanceViolation | null {
  if (!isCalendarDate(asOf)) {
    return {
      field: 'asOf',
      code: 'date_invalid',
      confirmable: false,
      message: {
        fi: 'Päivämäärää ei ole olemassa.',
        sv: 'Datumet finns inte.',
        en: 'The date does not exist.',
      },
    };
  }
  if (asOf > today) {
    return {
      field: 'asOf',
      code: 'date_in_future',
      confirmable: false,
      message: {
        fi: `Tilannepäivä ei voi olla tulevaisuudessa (tänään on ${dateFi(today)}).`,
        sv: `Datumet kan inte ligga i framtiden (i dag är det ${dateFi(today)}).`,
        en: `The as-of date cannot be in the future (today is ${today}).`,
      },
    };
  }
  if (asOf < PROGRAMME_START) {
    return {
      field: 'asOf',
      code: 'date_before_programme',
      confirmable: false,
      message: {
        fi: 'Tilannepäivä ei voi olla ennen ohjelmakauden alkua 1.1.2021.',
        sv: 'Datumet kan inte ligga före programperiodens början 1.1.2021.',
        en: 'The as-of date cannot be before the programme began on 1 January 2021.',
      },
    };
  }
  return null;
}

function largeChangeMessage(field: Figure, before: Cents, after: Cents): Record<Locale, string> {
  return {
    fi: `Suuri muutos edelliseen kirjaukseen: ${NAMES[field].fi} ${formatEuros(before, 'fi')} → ${formatEuros(after, 'fi')}. Vahvista ja kerro syy.`,
    sv: `Stor förändring mot föregående uppgift: ${NAMES[field].sv} ${formatEuros(before, 'sv')} → ${formatEuros(after, 'sv')}. Bekräfta och ange orsaken.`,
    en: `Large change from the previous entry: ${NAMES[field].en} ${formatEuros(before, 'en')} → ${formatEuros(after, 'en')}. Confirm and give the reason.`,
  };
}

/** Over half of the previous amount or over a million euros, either way; unknowns compare with nothing. */
export function isLargeChange(before: Cents | null, after: Cents | null): boolean {
  if (before === null || after === null) return false;
  const change = Math.abs(after - before);
  return change > LARGE_CHANGE.cents || (before > 0 && change > before * LARGE_CHANGE.ratio);
}

/**
 * What an entry must have confirmed before it is saved: each break of frame ≥ reserved ≥ committed
 * ≥ paid (checkFinanceOrder's, not the missing ones: unknown is allowed) and each figure that moved
 * a lot against the previous current entry. In figure order.
 */
export function checksToConfirm(next: FinanceFigures, previous: FinanceFigures | null): FinanceViolation[] {
  const violations: FinanceViolation[] = [];
  for (const warning of checkFinanceOrder(next)) {
    if (warning.code === 'missing' || warning.code === 'negative') continue;
    violations.push({
      field: warning.field,
      code: warning.code,
      confirmable: true,
      message: withConfirm(warning.message),
    });
  }
  if (previous) {
    for (const field of ORDER) {
      const before = previous[field];
      const after = next[field];
      if (isLargeChange(before, after)) {
        violations.push({
          field,
          code: 'large_change',
          confirmable: true,
          message: largeChangeMessage(field, before!, after!),
        });
      }
    }
  }
  return violations;
}

const withConfirm = (message: Record<Locale, string>): Record<Locale, string> => ({
  fi: `${message.fi} Tarkista luku tai vahvista se ja kerro syy.`,
  sv: `${message.sv} Kontrollera beloppet eller bekräfta det och ange orsaken.`,
  en: `${message.en} Check the figure, or confirm it and give the reason.`,
});

/** A second entry for a date that already has one: the first should be corrected instead. */
export function sameDateViolation(asOf: string): FinanceViolation {
  return {
    field: 'asOf',
    code: 'same_date',
    confirmable: false,
    message: {
      fi: `Päivälle ${dateFi(asOf)} on jo kirjattu luvut. Korjaa aiempi kirjaus (se säilyy historiassa) tai valitse toinen päivä.`,
      sv: `För ${dateFi(asOf)} finns redan uppgifter. Korrigera den tidigare uppgiften (den finns kvar i historiken) eller välj ett annat datum.`,
      en: `Figures as of ${asOf} are already recorded. Correct that entry (it stays in the history) or choose another date.`,
    },
  };
}

export type LedgerEntry = {
  id: number;
  asOf: string;
  kind: 'entry' | 'correction' | 'withdrawal';
  supersedes: number | null;
};

/**
 * The entry whose figures are the theme's figures (as of `cutOff`, when given): the latest-dated
 * entry that nothing supersedes and that is not a withdrawal; ties by the later recorded. Not
 * simply the latest-dated entry: a withdrawn or corrected one no longer counts.
 */
export function currentEntry<E extends LedgerEntry>(entries: readonly E[], cutOff: string | null = null): E | null {
  const superseded = new Set(entries.map((entry) => entry.supersedes).filter((id) => id !== null));
  let best: E | null = null;
  for (const entry of entries) {
    if (entry.kind === 'withdrawal' || superseded.has(entry.id)) continue;
    if (cutOff !== null && entry.asOf > cutOff) continue;
    if (!best || entry.asOf > best.asOf || (entry.asOf === best.asOf && entry.id > best.id)) best = entry;
  }
  return best;
}

export type FigureTotal = {
  cents: Cents;
  /** How many of the summed figures are unknown: the total is then a lower bound, and says so. */
  unknown: number;
  /** True when any summed figure is rounded or approximate. */
  approximate: boolean;
};

/**
 * Totals over themes: unknown figures are counted, not silently summed as 0; rounded or
 * approximate parts make the total approximate.
 */
export function sumFigures(
  list: readonly { figures: FinanceFigures; inexact: Partial<Record<Figure, boolean>> }[],
): Record<Figure, FigureTotal> {
  const totals = Object.fromEntries(
    ORDER.map((field) => [field, { cents: 0, unknown: 0, approximate: false }]),
  ) as Record<Figure, FigureTotal>;
  for (const { figures, inexact } of list) {
    for (const field of ORDER) {
      const value = figures[field];
      if (value === null) totals[field].unknown += 1;
      else totals[field].cents += value;
      if (inexact[field]) totals[field].approximate = true;
    }
  }
  return totals;
}
