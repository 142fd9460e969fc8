/**
 * Where a contact person's data is held besides the contact itself: the personal-data vault, the
 * headers of approved reports (frozen at approval, so they do not follow the contact when it changes
 * or is erased), the compiled reviews built from those headers, and the reminder outbox. One place
 * finds them, so the right-of-access answer and the erasure name the same copies.
 */
import type { Db } from '../database.js';
import type { ReportHeader } from '../../contracts/reports.js';

export type Person = { contactId: number; themeId: number; pseudonym: string | null };

type Identifiers = { names: Set<string>; emails: Set<string>; phones: Set<string> };

export type PersonCopies = {
  /** Approved reports whose frozen header names the person. */
  reportHeaders: { reportId: number; period: string; theme: string; themeId: number; header: ReportHeader }[];
  /** Reminders addressed to the person. */
  outbox: { id: number; period: string | null; subject: string; createdAt: string; sentAt: string | null }[];
};

const norm = (value: string | null | undefined) => (value ?? '').trim().toLowerCase();

/** Every name, e-mail address and phone number the person has had here (the contact and its revisions). */
async function identifiersOf(db: Db, person: Person): Promise<Identifiers> {
  const contact = await db
    .selectFrom('contacts')
    .select(['name', 'email', 'phone'])
    .where('id', '=', person.contactId)
    .executeTakeFirstOrThrow();
  const revisions = person.pseudonym
    ? await db
        .selectFrom('personal_data')
        .select(['name', 'email', 'phone'])
        .where('person_id', '=', person.pseudonym)
        .execute()
    : [];
  const all = [contact, ...revisions];
  const set = (values: (string | null)[]) => new Set(values.map(norm).filter((v) => v.length > 0));
  return {
    names: set(all.map((r) => r.name)),
    emails: set(all.map((r) => r.email)),
    phones: set(all.map((r) => r.phone)),
  };
}

/** A header contact that is this person: by e-mail or phone anywhere, by name within the person's theme. */
export function namesPerson(
  contact: { name: string; email: string | null; phone: string | null },
  ids: Identifiers,
  sameTheme: boolean,
): boolean {
  return (
    ids.emails.has(norm(contact.email)) ||
    ids.phones.has(norm(contact.phone)) ||
    (sameTheme && ids.names.has(norm(contact.name)))
  );
}

export async function findPersonCopies(db: Db, person: Person): Promise<PersonCopies & { ids: Identifiers }> {
  const ids = await identifiersOf(db, person);
  const reports = await db
    .selectFrom('theme_reports as r')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('themes as t', 't.id', 'r.theme_id')
    .select(['r.id', 'r.header', 'r.theme_id', 'p.key as period', 't.slug'])
    .where('r.header', 'is not', null)
    .execute();
  const reportHeaders = reports.flatMap((row) => {
    const header = JSON.parse(row.header!) as ReportHeader;
    const sameTheme = Number(row.theme_id) === person.themeId;
    const named = [...header.contacts, ...header.ministryContacts].some((c) => namesPerson(c, ids, sameTheme));
    return named
      ? [{ reportId: Number(row.id), period: row.period, theme: row.slug, themeId: Number(row.theme_id), header }]
      : [];
  });
  const emails = [...ids.emails];
  const outbox =
    emails.length === 0
      ? []
      : await db
          .selectFrom('outbox as o')
          .leftJoin('reporting_periods as p', 'p.id', 'o.period_id')
          .select(['o.id', 'o.recipient', 'o.subject', 'o.created_at', 'o.sent_at', 'p.key as period'])
          .execute();
  return {
    ids,
    reportHeaders,
    outbox: outbox
      .filter((row) => ids.emails.has(norm(row.recipient)))
      .map((row) => ({
        id: Number(row.id),
        period: row.period ?? null,
        subject: row.subject,
        createdAt: String(row.created_at),
        sentAt: row.sent_at === null ? null : String(row.sent_at),
      })),
  };
}

/**
 * Erases the person from every copy: each frozen header keeps the contact's role (and ministry) under
 * the erased name and pseudonym, without e-mail, phone or title; the person's reminders are purged.
 * The compiled reviews are built from the headers on every request, so they follow at once.
 */
export async function eraseCopies(db: Db, person: Person, erasedName: string): Promise<PersonCopies> {
  const copies = await findPersonCopies(db, person);
  const label = person.pseudonym ? `${erasedName} (${person.pseudonym.slice(0, 8)})` : erasedName;
  for (const copy of copies.reportHeaders) {
    const inTheme = copy.themeId === person.themeId;
    const redact = (contacts: ReportHeader['contacts']) =>
      contacts.map((c) =>
        namesPerson(c, copies.ids, inTheme) ? { ...c, name: label, title: null, email: null, phone: null } : c,
      );
    const header: ReportHeader = {
      ...copy.header,
      contacts: redact(copy.header.contacts),
      ministryContacts: redact(copy.header.ministryContacts),
    };
    await db
      .updateTable('theme_reports')
      .set({ header: JSON.stringify(header) })
      .where('id', '=', copy.reportId)
      .execute();
  }
  if (copies.outbox.length > 0)
    await db
      .deleteFrom('outbox')
      .where(
        'id',
        'in',
        copies.outbox.map((m) => m.id),
      )
      .execute();
  return copies;
}
