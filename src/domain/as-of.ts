/**
 * Projects as of a date: "the projects of the 2024 review" are those whose funding decision was made
 * by its cut-off (31.10.2024); those decided later belong to the next review, and a project's status
 * as of a date is the last dated change by then.
 *
 * Decision dates may be known only to the month or the year ("Marraskuussa 2024 rahoituspäätökset
 * tehty": "2024-11"). An entity counts unless its decision is known to come after the cut-off: as ISO
 * text, "2024-11" sorts after "2024-10-31" and "2024-10" before it. An unknown date (null) counts,
 * since the review that lists it is the source.
 */

/** Was the entity decided by the cut-off (or is nothing known that says otherwise)? */
export function decidedBy(decidedOn: string | null, cutOff: string | null): boolean {
  if (cutOff === null || decidedOn === null) return true;
  return decidedOn <= cutOff;
}

/** The status as of a date: the latest dated change on or before it, else the status held now. */
export function statusAsOf<S extends string>(
  current: S | null,
  history: readonly { status: S; from: string }[],
  asOf: string | null,
): S | null {
  if (asOf === null) return current;
  const known = history.filter((change) => change.from <= asOf).sort((a, b) => a.from.localeCompare(b.from));
  return known.at(-1)?.status ?? current;
}
