/**
 * Calls for proposals: where a call stands on a given day, which months it is open in, and the
 * checks on its dates, money and counts. One place for server and web, so the calls page and the
 * API never disagree, and a call of 2022 without a closing date is never "open" in 2026.
 */
import type { LocalizedText } from './errors.js';

/** A reduced-precision date as the first or last day it can mean ("2024-06" → 2024-06-01 / 2024-06-30). */
export function dateBound(value: string | null, end: boolean): string | null {
  if (!value) return null;
  if (/^\d{4}$/.test(value)) return end ? `${value}-12-31` : `${value}-01-01`;
  if (/^\d{4}-\d{2}$/.test(value)) {
    if (!end) return `${value}-01`;
    const [year, month] = value.split('-').map(Number) as [number, number];
    return `${value}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return value.slice(0, 10);
}

/**
 * - upcoming: opens after today;
 * - open: opened and closes today or later;
 * - closed: closed before today;
 * - closing_unknown: opened, but no closing date is recorded: not claimed to be open, since a call
 *   is open for weeks, not years;
 * - unknown: no opening date.
 */
export type CallStatus = 'upcoming' | 'open' | 'closed' | 'closing_unknown' | 'unknown';

export function callStatus(call: { opens: string | null; closes: string | null }, today: string): CallStatus {
  const opens = dateBound(call.opens, false);
  const closes = dateBound(call.closes, true);
  if (opens && opens > today) return 'upcoming';
  if (closes && closes < today) return 'closed';
  if (opens && closes) return 'open';
  if (opens) return 'closing_unknown';
  return 'unknown';
}

/**
 * Whether the call is open at some time between `first` and `last` (a calendar month). A call
 * without a closing date is shown only in the month it opens: nothing says it stayed open after.
 */
export function openDuring(
  call: { opens: string | null; closes: string | null },
  first: string,
  last: string,
): boolean {
  const opens = dateBound(call.opens, false);
  if (opens === null || opens > last) return false;
  const closes = dateBound(call.closes, true) ?? dateBound(call.opens, true)!;
  return closes >= first;
}

export type CallFigures = {
  opens: string | null;
  closes: string | null;
  budget: number | null;
  granted: number | null;
  applications: number | null;
  applicationEntities: number | null;
  eligibleEntities: number | null;
  fundedEntities: number | null;
};

export type CallCheck = 'granted_exceeds_budget' | 'funded_exceeds_eligible' | 'eligible_exceeds_received';

export type CallViolation = {
  field: keyof CallFigures;
  code: CallCheck | 'closes_before_opens';
  confirmable: boolean;
  message: LocalizedText;
};

/**
 * Closing before opening is impossible and refused. Granting more than the budget, funding more
 * entities than met the criteria, or more meeting the criteria than applied, can happen (a budget
 * raised later, counts of different units) but more often is a slip: they need a confirmation with
 * a reason. Received is counted in project entities where known, else in applications.
 */
export function checkCall(call: CallFigures): CallViolation[] {
  const violations: CallViolation[] = [];
  const opens = dateBound(call.opens, false);
  const closes = dateBound(call.closes, true);
  if (opens && closes && closes < opens) {
    violations.push({
      field: 'closes',
      code: 'closes_before_opens',
      confirmable: false,
      message: {
        fi: 'Haku ei voi päättyä ennen kuin se avautuu.',
        sv: 'Utlysningen kan inte stänga innan den öppnar.',
        en: 'A call cannot close before it opens.',
      },
    });
  }
  if (call.granted !== null && call.budget !== null && call.granted > call.budget) {
    violations.push({
      field: 'granted',
      code: 'granted_exceeds_budget',
      confirmable: true,
      message: {
        fi: 'Myönnetty summa on suurempi kuin haun rahoitus. Tarkista tai vahvista ja kerro syy.',
        sv: 'Det beviljade beloppet är större än utlysningens budget. Kontrollera eller bekräfta och ange orsaken.',
        en: 'More is granted than the call’s budget. Check it, or confirm and give the reason.',
      },
    });
  }
  if (call.fundedEntities !== null && call.eligibleEntities !== null && call.fundedEntities > call.eligibleEntities) {
    violations.push({
      field: 'fundedEntities',
      code: 'funded_exceeds_eligible',
      confirmable: true,
      message: {
        fi: 'Rahoitettuja on enemmän kuin kriteerit täyttäneitä. Tarkista tai vahvista ja kerro syy.',
        sv: 'Fler har finansierats än som uppfyllde kriterierna. Kontrollera eller bekräfta och ange orsaken.',
        en: 'More are funded than met the criteria. Check it, or confirm and give the reason.',
      },
    });
  }
  const received = call.applicationEntities ?? call.applications;
  if (call.eligibleEntities !== null && received !== null && call.eligibleEntities > received) {
    violations.push({
      field: 'eligibleEntities',
      code: 'eligible_exceeds_received',
      confirmable: true,
      message: {
        fi: 'Kriteerit täyttäneitä on enemmän kuin hakemuksia. Tarkista tai vahvista ja kerro syy.',
        sv: 'Fler uppfyllde kriterierna än det kom in ansökningar. Kontrollera eller bekräfta och ange orsaken.',
        en: 'More met the criteria than applied. Check it, or confirm and give the reason.',
      },
    });
  }
  return violations;
}
