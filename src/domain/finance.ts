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
