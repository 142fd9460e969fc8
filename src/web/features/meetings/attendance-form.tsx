/**
 * Recording who was at a meeting: everyone on the group's roster on the meeting's date, member and
 * deputy side by side, with "present" and, for a deputy, "stood in for the member". Guests already
 * recorded stay as they are. The whole list is sent with the meeting's version; the server checks
 * that a deputy stands in only for their own absent member and answers with the reason at the row.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { GroupMember, SteeringGroupDetail } from '../../../contracts/meetings.js';
import type { RecordOf, Written } from '../../../contracts/records.js';
import type { UpdateInputOf } from '../../../contracts/write-inputs.js';
import { ApiError, fetchFresh, sendApi } from '../../api.js';
import { Note } from '../../components/feedback.js';
import { Button, CheckboxField } from '../../components/forms.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { PlainList } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { CAPACITY_KEYS } from '../../labels.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useSession } from '../../shell/session.js';
import { ConflictNotice } from '../editing/edit-support.js';
import { FailureNotice, useEditGate, useFieldForm } from '../editing/form-parts.js';
import { recordPath } from '../editing/record-form.js';

/** The meeting and an attendance row as the write API shows and takes them (contracts/records.ts). */
type MeetingRecord = Written<RecordOf<'meetings'>>;
type Row = RecordOf<'meetings'>['attendance'][number];
type Mark = { present: boolean; standingIn: boolean; actingChair: boolean };
const UNMARKED: Mark = { present: false, standingIn: false, actingChair: false };

/** The roster on the meeting's date, in the order the minutes list it. */
function rosterOf(group: SteeringGroupDetail): { person: GroupMember; memberOfSeat: GroupMember | null }[] {
  return [
    ...group.seats.flatMap((seat) => [
      ...(seat.member ? [{ person: seat.member, memberOfSeat: null }] : []),
      ...(seat.deputy ? [{ person: seat.deputy, memberOfSeat: seat.member }] : []),
    ]),
    ...group.secretaries.map((person) => ({ person, memberOfSeat: null })),
    ...group.permanentExperts.map((person) => ({ person, memberOfSeat: null })),
  ];
}

/** "Present: A, B; absent: C" for the conflict table. */
function summary(rows: Row[], t: (key: string, options?: Record<string, unknown>) => string): string {
  const present = rows.filter((r) => r.present).map((r) => r.name);
  const absent = rows.filter((r) => !r.present).map((r) => r.name);
  return t('meetings:attendanceForm.summary', { present: present.join(', ') || '–', absent: absent.join(', ') || '–' });
}

export function AttendanceFormPage() {
  const { key = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(['meetings', 'editing', 'common']);
  const { session, known } = useSession();
  const [record, setRecord] = useState<MeetingRecord | null>(null);
  const [group, setGroup] = useState<SteeringGroupDetail | null>(null);
  const [marks, setMarks] = useState<Record<number, Mark>>({});
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [chairErrors, setChairErrors] = useState<Record<number, string>>({});
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState<{ current: MeetingRecord; mine: Row[] } | null>(null);
  const form = useFieldForm([], lang);
  // Taken out of the form: React treats an object read with a ref inside as a ref, not readable while drawing.
  const { noticeRef } = form;
  const title = record ? t('meetings:attendanceForm.title', { number: record.data.number }) : t('editing:loading');
  usePageTitle(title);

  function fill(next: MeetingRecord) {
    setRecord(next);
    setMarks(
      Object.fromEntries(
        next.data.attendance
          .filter((row) => row.memberId !== null)
          .map((row) => [
            row.memberId!,
            { present: row.present, standingIn: row.standingInFor !== null, actingChair: row.actingChair === true },
          ]),
      ),
    );
  }

  useEffect(() => {
    if (!session) return;
    const fail = (error: unknown) => setLoadError(error instanceof Error ? error : new Error(String(error)));
    fetchFresh<MeetingRecord>(`${recordPath('meetings', key)}/record`, lang)
      .then((meeting) => {
        fill(meeting);
        return fetchFresh<SteeringGroupDetail>(
          `/api/v1/steering-groups/${encodeURIComponent(meeting.data.steeringGroup)}?at=${meeting.data.date}`,
          lang,
        ).then(setGroup);
      }, fail)
      .catch(fail);
    // Only when the meeting or the user changes: a language switch keeps what is being marked.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, session]);

  const gate = useEditGate({ known, signedIn: Boolean(session), loadError, loaded: Boolean(record && group), lang });
  if (gate || !record || !group) return gate;

  const roster = rosterOf(group);
  const guests = record.data.attendance.filter((row) => row.memberId === null);

  /** The whole list to send: the roster as marked, then the guests as they were. */
  function rows(): Row[] {
    return [
      ...roster.map(({ person, memberOfSeat }) => {
        const mark = marks[person.id] ?? UNMARKED;
        return {
          memberId: person.id,
          name: person.name,
          organisation: person.organisation,
          capacity: person.capacity,
          present: mark.present,
          standingInFor: mark.standingIn && memberOfSeat ? memberOfSeat.id : null,
          actingChair: mark.actingChair,
        };
      }),
      ...guests,
    ];
  }

  async function save(base: MeetingRecord, mine: Row[]) {
    setBusy(true);
    setSaved(false);
    setRowErrors({});
    setChairErrors({});
    try {
      const attendance = mine.map((row) =>
        row.memberId === null
          ? { name: row.name, organisation: row.organisation, present: row.present }
          : {
              memberId: row.memberId,
              present: row.present,
              ...(row.standingInFor !== null ? { standingInFor: row.standingInFor } : {}),
              ...(row.actingChair ? { actingChair: true } : {}),
            },
      );
      const written = await sendApi<MeetingRecord>(
        'PATCH',
        recordPath('meetings', key),
        { attendance } satisfies UpdateInputOf<'meetings'>,
        { language: lang, csrfToken: session?.csrfToken, ifMatch: base.version },
      );
      fill(written.data);
      setConflict(null);
      form.setFormError(null);
      setSaved(true);
      form.focusNotice();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.problem?.current) {
        setConflict({
          current: {
            data: error.problem.current as MeetingRecord['data'],
            version: error.problem.currentVersion ?? base.version,
          },
          mine,
        });
        form.focusNotice();
        return;
      }
      // Reasons about one row ("attendance.3.standingInFor") go to that person; the rest to the notice.
      const byRow: Record<number, string> = {};
      const byChair: Record<number, string> = {};
      const other: string[] = [];
      if (error instanceof ApiError) {
        for (const problem of error.problem?.errors ?? []) {
          const match = /^(?:body\.)?attendance\.(\d+)\.(\w+)/.exec(problem.name);
          const row = match ? mine[Number(match[1])] : undefined;
          if (row?.memberId != null && match?.[2] === 'actingChair') byChair[row.memberId] ??= problem.reason;
          else if (row?.memberId != null) byRow[row.memberId] ??= problem.reason;
          else other.push(problem.reason);
        }
      }
      setChairErrors(byChair);
      const firstChair = Object.keys(byChair)[0];
      if (Object.keys(byRow).length === 0 && firstChair) {
        form.setFormError([
          error instanceof ApiError ? (error.problem?.title ?? error.message) : String(error),
          ...other,
        ]);
        document.getElementById(`acting-chair-${firstChair}`)?.focus();
        return;
      }
      if (Object.keys(byRow).length === 0) {
        form.showFailure(error);
        return;
      }
      setRowErrors(byRow);
      form.setFormError([
        error instanceof ApiError ? (error.problem?.title ?? error.message) : String(error),
        ...other,
      ]);
      const first = roster.find(({ person }) => byRow[person.id]);
      if (first)
        document.getElementById(`${first.memberOfSeat ? 'standing-in' : 'attendance'}-${first.person.id}`)?.focus();
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(record!, rows());
  }

  const mark = (id: number, change: Partial<Mark>) =>
    setMarks((current) => ({
      ...current,
      [id]: { ...(current[id] ?? UNMARKED), ...change },
    }));
  const dataLang = lang === 'fi' ? undefined : 'fi';

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>{t('meetings:attendanceForm.lead')}</Paragraph>
      <Paragraph>
        <AppLink to={paths.meeting(lang, key)}>{t('meetings:forms.backToMeeting')}</AppLink>
      </Paragraph>
      <div ref={noticeRef} tabIndex={-1}>
        {saved ? <Note title={t('editing:saved.title')}>{t('editing:saved.text')}</Note> : null}
        <FailureNotice lines={form.formError} />
        {conflict ? (
          <ConflictNotice
            fields={[{ name: 'attendance', label: t('meetings:attendance.heading'), kind: 'text' }]}
            base={{ attendance: summary(record.data.attendance, t) }}
            current={{ attendance: summary(conflict.current.data.attendance, t) }}
            mine={{ attendance: summary(conflict.mine, t) }}
            lang={lang}
            onReload={() => {
              fill(conflict.current);
              setConflict(null);
              form.setFormError(null);
            }}
            onReapply={() => {
              const next = conflict.current;
              setRecord(next);
              void save(next, conflict.mine);
            }}
          />
        ) : null}
      </div>
      <form onSubmit={submit} noValidate aria-label={title}>
        <DataTable caption={t('meetings:attendanceForm.caption')}>
          <thead>
            <tr>
              <ColumnHeader>{t('meetings:attendance.name')}</ColumnHeader>
              <ColumnHeader>{t('meetings:attendance.capacity')}</ColumnHeader>
              <ColumnHeader>{t('meetings:attendance.presence')}</ColumnHeader>
              <ColumnHeader>{t('meetings:attendanceForm.standingIn')}</ColumnHeader>
              <ColumnHeader>{t('meetings:attendanceForm.actingChair')}</ColumnHeader>
            </tr>
          </thead>
          <tbody>
            {roster.map(({ person, memberOfSeat }) => (
              <tr key={person.id}>
                <RowHeader lang={dataLang}>
                  {person.name}
                  {person.organisation ? `, ${person.organisation}` : ''}
                </RowHeader>
                <Cell>{t(CAPACITY_KEYS[person.capacity])}</Cell>
                <Cell>
                  <CheckboxField
                    id={`attendance-${person.id}`}
                    label={t('meetings:attendanceForm.presentLabel', { name: person.name })}
                    checked={marks[person.id]?.present ?? false}
                    onChange={(present) => mark(person.id, { present })}
                    error={memberOfSeat ? undefined : rowErrors[person.id]}
                  />
                </Cell>
                <Cell>
                  {person.capacity === 'deputy' && memberOfSeat ? (
                    <CheckboxField
                      id={`standing-in-${person.id}`}
                      label={t('meetings:attendanceForm.standingInLabel', { name: memberOfSeat.name })}
                      checked={marks[person.id]?.standingIn ?? false}
                      onChange={(standingIn) => mark(person.id, { standingIn })}
                      error={rowErrors[person.id]}
                    />
                  ) : (
                    '–'
                  )}
                </Cell>
                <Cell>
                  {person.capacity !== 'secretary' &&
                  person.position !== 'chair' &&
                  person.position !== 'vice_chair' ? (
                    <CheckboxField
                      id={`acting-chair-${person.id}`}
                      label={t('meetings:attendanceForm.actingChairLabel', { name: person.name })}
                      checked={marks[person.id]?.actingChair ?? false}
                      onChange={(actingChair) => mark(person.id, { actingChair })}
                      error={chairErrors[person.id]}
                    />
                  ) : (
                    '–'
                  )}
                </Cell>
              </tr>
            ))}
          </tbody>
        </DataTable>
        {guests.length > 0 ? (
          <>
            <SectionHeading level={2}>{t('meetings:attendanceForm.guests')}</SectionHeading>
            <PlainList>
              {guests.map((guest, index) => (
                <li key={index} lang={dataLang}>
                  {guest.name}
                  {guest.organisation ? `, ${guest.organisation}` : ''}
                </li>
              ))}
            </PlainList>
          </>
        ) : null}
        <Button type="submit" disabled={busy}>
          {t('editing:save')}
        </Button>
      </form>
    </>
  );
}
