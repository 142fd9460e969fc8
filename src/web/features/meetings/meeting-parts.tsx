/**
 * What the meeting page and the published minutes share: the meeting's facts, the attendance as
 * member/deputy columns, the agenda with the minutes item by item, the decisions and action items,
 * and the documents to download. Content is shown as written (in Finnish, marked so where the page
 * is in another language); the interface words come from the locale files.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Attendance, DecisionRecord, MeetingDetail } from '../../../contracts/meetings.js';
import { STANDARD_TITLES } from '../../../domain/meetings.js';
import { ApiError, type ApiState } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { Badge, Fact, FactList, Panel, PlainList } from '../../components/layout.js';
import { AppLink, ExternalLink, PlainLink } from '../../components/links.js';
import { PageHeading, Paragraph, SectionHeading, WrittenText } from '../../components/typography.js';
import { clockTime, dayWithWeekday, dateTime, partialDate, timeRange } from '../../format.js';
import type { Language } from '../../i18n.js';
import {
  ACTION_STATUS_KEYS,
  CAPACITY_KEYS,
  GROUP_POSITION_SHORT_KEYS,
  keyOf,
  MINUTES_STATUS_KEYS,
} from '../../labels.js';
import { paths } from '../../paths.js';
import { PageState } from '../../shell/api-state.js';
import { usePageTitle } from '../../shell/page-title.js';

/** Text the data holds is Finnish; on a page in another language it is marked so. */
const dataLang = (lang: Language) => (lang === 'fi' ? undefined : 'fi');

/** The language the server writes documents in: Finnish or Swedish. */
export const documentLanguage = (lang: Language): 'fi' | 'sv' => (lang === 'sv' ? 'sv' : 'fi');

export function MinutesStatusBadge({ status }: { status: MeetingDetail['minutesStatus'] }) {
  const { t } = useTranslation('meetings');
  const tone =
    status === 'published' ? 'success' : status === 'approved' ? 'info' : status === 'checked' ? 'info' : 'neutral';
  return <Badge $tone={tone}>{t(MINUTES_STATUS_KEYS[status])}</Badge>;
}

/**
 * Group material is for the group: signed out it asks to sign in (and points to the published
 * minutes), someone else's group says so; otherwise as any page's data.
 */
export function GroupMaterialState<T>({
  state,
  lang,
  children,
}: {
  state: ApiState<T>;
  lang: Language;
  children: (data: T) => ReactNode;
}) {
  if (
    state.status === 'error' &&
    state.error instanceof ApiError &&
    (state.error.status === 401 || state.error.status === 403)
  ) {
    return <NoAccess lang={lang} signedOut={state.error.status === 401} />;
  }
  return <PageState state={state}>{children}</PageState>;
}

function NoAccess({ lang, signedOut }: { lang: Language; signedOut: boolean }) {
  const { t } = useTranslation(['meetings', 'common']);
  const title = signedOut ? t('meetings:access.signInTitle') : t('meetings:access.forbiddenTitle');
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>{signedOut ? t('meetings:access.signInText') : t('meetings:access.forbiddenText')}</Paragraph>
      <PlainList>
        {signedOut ? (
          <li>
            <AppLink to={`${paths.signIn(lang)}?next=${encodeURIComponent(window.location.pathname)}`}>
              {t('common:nav.signIn')}
            </AppLink>
          </li>
        ) : null}
        <li>
          <AppLink to={paths.publishedMinutesList(lang)}>{t('meetings:published.title')}</AppLink>
        </li>
      </PlainList>
    </>
  );
}

/** "Eeva-Riitta Pirhonen, pj, OKM" as the minutes write a person. */
function personLine(
  person: { name: string; organisation: string | null; position: Attendance['position'] },
  t: (key: string) => string,
): string {
  const position = person.position ? t(GROUP_POSITION_SHORT_KEYS[person.position]) : null;
  return [person.name, position, person.organisation].filter(Boolean).join(', ');
}

/** The meeting's facts; on the public page the meetings they name are not linked (they are the group's). */
export function MeetingFacts({
  meeting,
  lang,
  linkMeetings = true,
}: {
  meeting: MeetingDetail;
  lang: Language;
  linkMeetings?: boolean;
}) {
  const { t } = useTranslation(['meetings', 'common']);
  const time = timeRange(meeting.startTime, meeting.endTime, lang);
  const place = [meeting.place.room, meeting.place.address].filter(Boolean).join(', ');
  return (
    <Panel aria-labelledby="meeting-facts">
      <SectionHeading id="meeting-facts">{t('meetings:meeting.facts')}</SectionHeading>
      <FactList>
        <Fact label={t('meetings:meeting.number')}>{meeting.number}</Fact>
        <Fact label={t('meetings:meeting.date')}>{dayWithWeekday(meeting.date, lang)}</Fact>
        <Fact label={t('meetings:meeting.time')}>{time ?? t('common:notKnown')}</Fact>
        <Fact label={t('meetings:meeting.place')}>
          {place ? <span lang={dataLang(lang)}>{place}</span> : t('meetings:meeting.noPlace')}
        </Fact>
        <Fact label={t('meetings:meeting.online')}>
          {meeting.place.onlineUrl ? (
            <ExternalLink href={meeting.place.onlineUrl} newWindowLabel={t('common:newWindow')}>
              {meeting.place.online ?? meeting.place.onlineUrl}
            </ExternalLink>
          ) : (
            (meeting.place.online ?? t('meetings:meeting.noOnline'))
          )}
        </Fact>
        {meeting.openedAt || meeting.closedAt ? (
          <Fact label={t('meetings:meeting.openedClosed')}>
            {t('meetings:meeting.openedClosedValue', {
              opened: meeting.openedAt ? clockTime(meeting.openedAt, lang) : '–',
              closed: meeting.closedAt ? clockTime(meeting.closedAt, lang) : '–',
            })}
          </Fact>
        ) : null}
        {meeting.attendance.length > 0 ? (
          <>
            <Fact label={t('meetings:meeting.chairedBy')}>
              {meeting.chairedBy ? (
                <>
                  <span lang={dataLang(lang)}>{meeting.chairedBy.name}</span>
                  {meeting.chairedBy.as === 'chair'
                    ? ''
                    : ` (${t(`meetings:meeting.chairedAs.${meeting.chairedBy.as}`)})`}
                </>
              ) : (
                t('meetings:meeting.nobodyChaired')
              )}
            </Fact>
            <Fact label={t('meetings:meeting.quorum')}>
              {t(meeting.quorum.reached ? 'meetings:meeting.quorumReached' : 'meetings:meeting.quorumMissing', {
                represented: meeting.quorum.represented,
                seats: meeting.quorum.seats,
                needed: meeting.quorum.needed,
              })}
            </Fact>
          </>
        ) : null}
        <Fact label={t('meetings:meeting.minutesStatus')}>
          <MinutesStatusBadge status={meeting.minutesStatus} />
        </Fact>
        {meeting.minutesCheckedAt ? (
          <Fact label={t('meetings:meeting.checked')}>
            {t('meetings:meeting.checkedValue', {
              who: meeting.minutesCheckedBy ?? '',
              at: dateTime(meeting.minutesCheckedAt, lang),
            })}
          </Fact>
        ) : null}
        {meeting.approvedInMeetingNumber ? (
          <Fact label={t('meetings:meeting.approvedIn')}>
            {meeting.approvedInMeeting && linkMeetings ? (
              <AppLink to={paths.meeting(lang, meeting.approvedInMeeting)}>{meeting.approvedInMeetingNumber}</AppLink>
            ) : (
              meeting.approvedInMeetingNumber
            )}
          </Fact>
        ) : null}
        {meeting.minutesPublishedAt ? (
          <Fact label={t('meetings:meeting.publishedAt')}>{dateTime(meeting.minutesPublishedAt, lang)}</Fact>
        ) : null}
        {meeting.previousMinutes ? (
          <Fact label={t('meetings:meeting.previousMinutes')}>{meeting.previousMinutes}</Fact>
        ) : null}
      </FactList>
    </Panel>
  );
}

/** One person in the attendance table: who, present or not, and whom a deputy stood in for. */
function AttendeeCell({ person, lang }: { person: Attendance | undefined; lang: Language }) {
  const { t } = useTranslation('meetings');
  if (!person) return <Cell>{t('meetings:attendance.noDeputy')}</Cell>;
  return (
    <Cell>
      <span lang={dataLang(lang)}>{personLine(person, t)}</span>
      <br />
      {person.present ? t('meetings:attendance.present') : t('meetings:attendance.absent')}
      {person.standingInFor ? (
        <>
          {' – '}
          {t('meetings:attendance.standingInFor', { name: person.standingInFor })}
        </>
      ) : null}
    </Cell>
  );
}

/**
 * Attendance as the minutes list it: members and their deputies side by side, one row a seat,
 * then everyone else (permanent experts, the secretary, guests).
 */
export function AttendanceTables({ attendance, lang }: { attendance: Attendance[]; lang: Language }) {
  const { t } = useTranslation('meetings');
  if (attendance.length === 0) return <Paragraph>{t('meetings:attendance.none')}</Paragraph>;
  const seats = new Map<number, { member?: Attendance; deputy?: Attendance }>();
  const others: Attendance[] = [];
  const unpaired: Attendance[] = [];
  for (const person of attendance) {
    if ((person.capacity === 'member' || person.capacity === 'deputy') && person.seat !== null) {
      const seat = seats.get(person.seat) ?? {};
      seat[person.capacity] = person;
      seats.set(person.seat, seat);
    } else if (person.capacity === 'member' || person.capacity === 'deputy') unpaired.push(person);
    else others.push(person);
  }
  const rows = [
    ...[...seats.entries()].sort(([a], [b]) => a - b).map(([, seat]) => seat),
    ...unpaired.map((p) => (p.capacity === 'member' ? { member: p } : { deputy: p })),
  ];
  const presentCount = attendance.filter((a) => a.present).length;
  return (
    <>
      <Paragraph>{t('meetings:attendance.summary', { count: presentCount })}</Paragraph>
      {rows.length > 0 ? (
        <DataTable caption={t('meetings:attendance.seatsCaption')}>
          <thead>
            <tr>
              <ColumnHeader>{t('meetings:attendance.member')}</ColumnHeader>
              <ColumnHeader>{t('meetings:attendance.deputy')}</ColumnHeader>
            </tr>
          </thead>
          <tbody>
            {rows.map((seat, index) => (
              <tr key={index}>
                {seat.member ? (
                  <RowHeader>
                    <span lang={dataLang(lang)}>{personLine(seat.member, t)}</span>
                    <br />
                    <span style={{ fontWeight: 'normal' }}>
                      {seat.member.present ? t('meetings:attendance.present') : t('meetings:attendance.absent')}
                    </span>
                  </RowHeader>
                ) : (
                  <RowHeader>{t('meetings:attendance.noMember')}</RowHeader>
                )}
                <AttendeeCell person={seat.deputy} lang={lang} />
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {others.length > 0 ? (
        <DataTable caption={t('meetings:attendance.othersCaption')}>
          <thead>
            <tr>
              <ColumnHeader>{t('meetings:attendance.name')}</ColumnHeader>
              <ColumnHeader>{t('meetings:attendance.capacity')}</ColumnHeader>
              <ColumnHeader>{t('meetings:attendance.organisation')}</ColumnHeader>
              <ColumnHeader>{t('meetings:attendance.presence')}</ColumnHeader>
            </tr>
          </thead>
          <tbody>
            {others.map((person, index) => (
              <tr key={index}>
                <RowHeader lang={dataLang(lang)}>{person.name}</RowHeader>
                <Cell>{t(CAPACITY_KEYS[person.capacity])}</Cell>
                <Cell lang={dataLang(lang)}>{person.organisation ?? ''}</Cell>
                <Cell>{person.present ? t('meetings:attendance.present') : t('meetings:attendance.absent')}</Cell>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </>
  );
}

/** An item's title in the page's language where the data has one (standard items have Swedish titles). */
export function itemTitle(
  item: Pick<AgendaItem, 'title' | 'titleSv' | 'kind'>,
  lang: Language,
): { text: string; lang: string | undefined } {
  if (lang === 'sv' && item.titleSv) return { text: item.titleSv, lang: undefined };
  // Standard items kept under their standard Finnish title have the standard Swedish one (as the documents do).
  if (lang === 'sv' && item.kind !== 'topic' && STANDARD_TITLES[item.kind].fi === item.title)
    return { text: STANDARD_TITLES[item.kind].sv, lang: undefined };
  return { text: item.title, lang: dataLang(lang) };
}

/** One agenda item: what the agenda says (background, proposal) and what the minutes say (discussion, decision). */
export function AgendaItemView({ item, lang, tools }: { item: AgendaItem; lang: Language; tools?: ReactNode }) {
  const { t } = useTranslation('meetings');
  const title = itemTitle(item, lang);
  // In Swedish the Swedish text where the secretary wrote one; else the Finnish, marked so.
  const text = (label: string, value: string | null, valueSv: string | null = null) => {
    const sv = lang === 'sv' && valueSv;
    const shown = sv ? valueSv : (value ?? valueSv);
    if (!shown) return null;
    const written = sv || (!value && valueSv) ? (lang === 'sv' ? undefined : 'sv') : dataLang(lang);
    return (
      <Fact label={label}>
        <WrittenText lang={written}>{shown}</WrittenText>
      </Fact>
    );
  };
  const empty =
    !item.background &&
    !item.proposal &&
    !item.discussion &&
    !item.decision &&
    !item.backgroundSv &&
    !item.proposalSv &&
    !item.discussionSv &&
    !item.decisionSv &&
    !item.presenter &&
    !item.time &&
    item.records.length === 0;
  return (
    <article aria-labelledby={`item-${item.id}`}>
      <SectionHeading level={3} id={`item-${item.id}`}>
        {t('meetings:item.number', { number: item.number })} <span lang={title.lang}>{title.text}</span>
      </SectionHeading>
      <FactList>
        {item.presenter ? (
          <Fact label={t('meetings:item.presenter')}>
            <span lang={dataLang(lang)}>{item.presenter}</span>
          </Fact>
        ) : null}
        {item.time ? <Fact label={t('meetings:item.time')}>{clockTime(item.time, lang)}</Fact> : null}
        {text(t('meetings:item.background'), item.background, item.backgroundSv)}
        {text(t('meetings:item.proposal'), item.proposal, item.proposalSv)}
        {text(t('meetings:item.discussion'), item.discussion, item.discussionSv)}
        {text(t('meetings:item.decision'), item.decision, item.decisionSv)}
        {item.records.length > 0 ? (
          <Fact label={t('meetings:item.records')}>
            <PlainList>
              {item.records.map((record) => (
                <li key={record.id}>
                  <RecordLine record={record} lang={lang} />
                </li>
              ))}
            </PlainList>
          </Fact>
        ) : null}
      </FactList>
      {empty ? <Paragraph>{t('meetings:item.nothingYet')}</Paragraph> : null}
      {tools}
    </article>
  );
}

/** "Toimenpide: … (vastuu: Iida Partanen; määräaika: 31.10.2026; avoin)" */
function RecordLine({ record, lang }: { record: DecisionRecord; lang: Language }) {
  const { t } = useTranslation('meetings');
  const details = [
    record.owner ? t('meetings:records.ownerValue', { owner: record.owner }) : null,
    record.dueDate ? t('meetings:records.dueValue', { date: partialDate(record.dueDate, lang) }) : null,
    record.status ? t(ACTION_STATUS_KEYS[record.status]) : null,
  ].filter(Boolean);
  return (
    <>
      {record.kind === 'action' ? t('meetings:records.action') : t('meetings:records.decision')}:{' '}
      <span lang={dataLang(lang)}>{record.text}</span>
      {details.length > 0 ? ` (${details.join('; ')})` : null}
    </>
  );
}

/** Decisions and action items in a table: of this meeting's items, or the open ones of a group. */
export function RecordsTable({
  records,
  caption,
  lang,
  showMeeting,
}: {
  records: DecisionRecord[];
  caption: string;
  lang: Language;
  showMeeting?: boolean;
}) {
  const { t } = useTranslation(['meetings', 'common']);
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <ColumnHeader>{t('meetings:records.text')}</ColumnHeader>
          <ColumnHeader>{t('meetings:records.kind')}</ColumnHeader>
          <ColumnHeader>{showMeeting ? t('meetings:records.meetingItem') : t('meetings:records.item')}</ColumnHeader>
          <ColumnHeader>{t('meetings:records.owner')}</ColumnHeader>
          <ColumnHeader>{t('meetings:records.due')}</ColumnHeader>
          <ColumnHeader>{t('meetings:records.status')}</ColumnHeader>
        </tr>
      </thead>
      <tbody>
        {records.map((record) => {
          const item = record.item === null ? '' : t('meetings:item.number', { number: record.item });
          return (
            <tr key={record.id}>
              <RowHeader lang={dataLang(lang)}>{record.text}</RowHeader>
              <Cell>{record.kind === 'action' ? t('meetings:records.action') : t('meetings:records.decision')}</Cell>
              <Cell>
                {showMeeting ? (
                  <>
                    <AppLink to={paths.meeting(lang, record.meeting)}>{record.meetingNumber}</AppLink> {item}
                  </>
                ) : (
                  item
                )}
              </Cell>
              <Cell lang={record.owner ? dataLang(lang) : undefined}>
                {record.owner ?? t('meetings:records.noOwner')}
              </Cell>
              <Cell>{record.dueDate ? partialDate(record.dueDate, lang) : t('meetings:records.noDue')}</Cell>
              <Cell>{record.status ? t(keyOf(ACTION_STATUS_KEYS, record.status) ?? 'common:notKnown') : '–'}</Cell>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}

/** The agenda and minutes as files, and the invitation; the public gets the published minutes only. */
export function DocumentLinks({
  meeting,
  lang,
  publicOnly,
}: {
  meeting: MeetingDetail;
  lang: Language;
  publicOnly?: boolean;
}) {
  const { t } = useTranslation('meetings');
  const docLang = documentLanguage(lang);
  const base = `/api/v1/meetings/${encodeURIComponent(meeting.key)}`;
  const links = [
    ...(publicOnly
      ? []
      : [
          { href: `${base}/agenda/docx?lang=${docLang}`, label: t('meetings:documents.agendaDocx') },
          { href: `${base}/agenda/pdf?lang=${docLang}`, label: t('meetings:documents.agendaPdf') },
        ]),
    { href: `${base}/minutes/docx?lang=${docLang}`, label: t('meetings:documents.minutesDocx') },
    { href: `${base}/minutes/pdf?lang=${docLang}`, label: t('meetings:documents.minutesPdf') },
    ...(publicOnly || !meeting.startTime
      ? []
      : [{ href: `${base}/invitation.ics?lang=${docLang}`, label: t('meetings:documents.invitation') }]),
  ];
  return (
    <Panel aria-labelledby="meeting-documents">
      <SectionHeading id="meeting-documents">{t('meetings:documents.heading')}</SectionHeading>
      {lang === 'en' ? <Paragraph>{t('meetings:documents.inFinnish')}</Paragraph> : null}
      {meeting.minutesStatus === 'draft' || meeting.minutesStatus === 'checked' ? (
        <Paragraph>{t('meetings:documents.draftNote')}</Paragraph>
      ) : null}
      <PlainList>
        {links.map((link) => (
          <li key={link.href}>
            <PlainLink href={link.href}>{link.label}</PlainLink>
          </li>
        ))}
      </PlainList>
    </Panel>
  );
}

/** Who signs the minutes and who receives them. */
export function SignatoriesAndDistribution({ meeting, lang }: { meeting: MeetingDetail; lang: Language }) {
  const { t } = useTranslation('meetings');
  if (meeting.signatories.length === 0 && meeting.distribution.length === 0) return null;
  return (
    <FactList>
      {meeting.signatories.length > 0 ? (
        <Fact label={t('meetings:meeting.signatories')}>
          <span lang={dataLang(lang)}>{meeting.signatories.map((s) => personLine(s, t)).join('; ')}</span>
        </Fact>
      ) : null}
      {meeting.distribution.length > 0 ? (
        <Fact label={t('meetings:meeting.distribution')}>
          <span lang={dataLang(lang)}>{meeting.distribution.join('; ')}</span>
        </Fact>
      ) : null}
    </FactList>
  );
}
