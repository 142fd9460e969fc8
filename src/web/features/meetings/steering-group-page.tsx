/**
 * A steering group for its members and secretary: the themes it steers, chair, vice-chair and
 * secretary, members paired with their deputies, permanent experts, term and diary number; its
 * meetings, upcoming and past; and the action items still open.
 */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ThemeSummary } from '../../../contracts/api.js';
import type { DecisionRecord, GroupMember, MeetingSummary, SteeringGroupDetail } from '../../../contracts/meetings.js';
import { useApi } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { Fact, FactList, Panel, PlainList, Toolbar } from '../../components/layout.js';
import { AppLink, Breadcrumbs } from '../../components/links.js';
import { Localized, localizedText } from '../../components/localized.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { dayWithWeekday, partialDate, timeRange } from '../../format.js';
import type { Language } from '../../i18n.js';
import { GROUP_POSITION_KEYS } from '../../labels.js';
import { paths } from '../../paths.js';
import { SectionState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { mayInGroup, useSession } from '../../shell/session.js';
import { GroupMaterialState, MinutesStatusBadge, RecordsTable } from './meeting-parts.js';
import { helsinkiDate } from '../../../domain/helsinki-time.js';

const today = () => helsinkiDate(new Date());

export function SteeringGroupPage() {
  const { key = '' } = useParams();
  const lang = useLanguage();
  const state = useApi<SteeringGroupDetail>(`/api/v1/steering-groups/${encodeURIComponent(key)}`, lang);
  return (
    <GroupMaterialState state={state} lang={lang}>
      {(group) => <GroupView group={group} lang={lang} />}
    </GroupMaterialState>
  );
}

/** "Eeva-Riitta Pirhonen (OKM)" */
const person = (member: GroupMember | null | undefined) =>
  member ? (member.organisation ? `${member.name} (${member.organisation})` : member.name) : null;

function GroupView({ group, lang }: { group: SteeringGroupDetail; lang: Language }) {
  const { t } = useTranslation(['meetings', 'common']);
  const { session } = useSession();
  const name = localizedText(group.name, lang);
  usePageTitle(name.text);
  const themes = useApi<{ items: ThemeSummary[] }>('/api/v1/themes', lang);
  const base = `/api/v1/steering-groups/${encodeURIComponent(group.key)}`;
  const meetings = useApi<{ items: MeetingSummary[] }>(`${base}/meetings`, lang);
  const actions = useApi<{ items: DecisionRecord[] }>(`${base}/action-items?status=open`, lang);
  // Membership and meetings are two capabilities (steering_group.edit, meeting.edit), both the secretary's today.
  const membershipEditor = mayInGroup(session, group.key, 'steering_group.edit');
  const meetingEditor = mayInGroup(session, group.key, 'meeting.edit');
  const dataLang = lang === 'fi' ? undefined : 'fi';
  const notKnown = t('common:notKnown');
  const term =
    group.term.start || group.term.end
      ? `${group.term.start ? partialDate(group.term.start, lang) : ''} – ${group.term.end ? partialDate(group.term.end, lang) : ''}`.trim()
      : notKnown;

  return (
    <>
      <Breadcrumbs
        label={t('common:breadcrumbs')}
        items={[{ to: paths.steeringGroups(lang), label: t('meetings:groups.title') }, { label: name.text }]}
      />
      <PageHeading lang={name.lang === lang ? undefined : name.lang}>{name.text}</PageHeading>

      <Panel aria-labelledby="group-facts">
        <SectionHeading id="group-facts">{t('meetings:group.facts')}</SectionHeading>
        <FactList>
          <Fact label={t('meetings:group.themes')}>
            {group.themes.length === 0
              ? notKnown
              : group.themes.map((slug, index) => {
                  const theme = themes.data?.items.find((item) => item.slug === slug);
                  return (
                    <span key={slug}>
                      {index > 0 ? ', ' : null}
                      <AppLink to={paths.theme(lang, slug)}>
                        {theme ? <Localized value={theme.name} language={lang} /> : slug}
                      </AppLink>
                    </span>
                  );
                })}
          </Fact>
          <Fact label={t(GROUP_POSITION_KEYS.chair)}>
            <span lang={dataLang}>{person(group.chair) ?? notKnown}</span>
          </Fact>
          <Fact label={t(GROUP_POSITION_KEYS.vice_chair)}>
            <span lang={dataLang}>{person(group.viceChair) ?? notKnown}</span>
          </Fact>
          <Fact label={t(GROUP_POSITION_KEYS.secretary)}>
            <span lang={dataLang}>{group.secretaries.map(person).join(', ') || notKnown}</span>
          </Fact>
          <Fact label={t('meetings:group.term')}>{term}</Fact>
          <Fact label={t('meetings:group.diaryNumber')}>{group.diaryNumber ?? notKnown}</Fact>
          <Fact label={t('meetings:group.asOf')}>{partialDate(group.at, lang)}</Fact>
        </FactList>
        {group.diaryNumber ? (
          <Paragraph>{t('meetings:group.diaryNote', { number: group.diaryNumber })}</Paragraph>
        ) : null}
      </Panel>

      <Panel aria-labelledby="group-members">
        <SectionHeading id="group-members">{t('meetings:group.members')}</SectionHeading>
        {group.seats.length === 0 ? (
          <Paragraph>{t('meetings:group.noMembers')}</Paragraph>
        ) : (
          <DataTable caption={t('meetings:group.seatsCaption', { count: group.seats.length })}>
            <thead>
              <tr>
                <ColumnHeader>{t('meetings:attendance.member')}</ColumnHeader>
                <ColumnHeader>{t('meetings:attendance.organisation')}</ColumnHeader>
                <ColumnHeader>{t('meetings:attendance.deputy')}</ColumnHeader>
                <ColumnHeader>{t('meetings:group.deputyOrganisation')}</ColumnHeader>
                {membershipEditor ? <ColumnHeader>{t('meetings:membership.changes')}</ColumnHeader> : null}
              </tr>
            </thead>
            <tbody>
              {group.seats.map((seat) => (
                <tr key={seat.seat}>
                  <RowHeader lang={dataLang}>
                    {seat.member?.name ?? t('meetings:attendance.noMember')}
                    {seat.member?.position ? <> ({t(GROUP_POSITION_KEYS[seat.member.position])})</> : null}
                  </RowHeader>
                  <Cell lang={dataLang}>{seat.member?.organisation ?? ''}</Cell>
                  <Cell lang={dataLang}>
                    {seat.deputy?.name ?? t('meetings:attendance.noDeputy')}
                    {seat.deputy?.position ? <> ({t(GROUP_POSITION_KEYS[seat.deputy.position])})</> : null}
                  </Cell>
                  <Cell lang={dataLang}>{seat.deputy?.organisation ?? ''}</Cell>
                  {membershipEditor ? (
                    <Cell>
                      <PlainList>
                        {seat.member ? (
                          <li>
                            <AppLink to={paths.memberForm(lang, seat.member.id)}>
                              {t('meetings:membership.editNamed', { name: seat.member.name })}
                            </AppLink>
                          </li>
                        ) : (
                          <li>
                            <AppLink to={paths.newMember(lang, group.key, 'member', seat.seat)}>
                              {t('meetings:membership.appointMember', { seat: seat.seat })}
                            </AppLink>
                          </li>
                        )}
                        {seat.deputy ? (
                          <li>
                            <AppLink to={paths.memberForm(lang, seat.deputy.id)}>
                              {t('meetings:membership.editNamed', { name: seat.deputy.name })}
                            </AppLink>
                          </li>
                        ) : (
                          <li>
                            <AppLink to={paths.newMember(lang, group.key, 'deputy', seat.seat)}>
                              {t('meetings:membership.appointDeputy', { seat: seat.seat })}
                            </AppLink>
                          </li>
                        )}
                      </PlainList>
                    </Cell>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <SectionHeading level={3}>{t('meetings:group.permanentExperts')}</SectionHeading>
        {group.permanentExperts.length === 0 ? (
          <Paragraph>{t('meetings:group.noExperts')}</Paragraph>
        ) : (
          <PlainList>
            {group.permanentExperts.map((expert) => (
              <li key={expert.id} lang={dataLang}>
                {person(expert)}
                {membershipEditor ? (
                  <>
                    {' '}
                    <AppLink to={paths.memberForm(lang, expert.id)}>
                      {t('meetings:membership.editNamed', { name: expert.name })}
                    </AppLink>
                  </>
                ) : null}
              </li>
            ))}
          </PlainList>
        )}
        {membershipEditor ? (
          <Toolbar>
            <AppLink to={paths.newMember(lang, group.key, 'member')}>{t('meetings:membership.new.member')}</AppLink>
            <AppLink to={paths.newMember(lang, group.key, 'permanent_expert')}>
              {t('meetings:membership.new.permanent_expert')}
            </AppLink>
          </Toolbar>
        ) : null}
      </Panel>

      <Panel aria-labelledby="group-meetings">
        <SectionHeading id="group-meetings">{t('meetings:group.meetings')}</SectionHeading>
        {meetingEditor ? (
          <Toolbar>
            <AppLink to={paths.newMeeting(lang, group.key)}>{t('meetings:forms.newMeeting')}</AppLink>
          </Toolbar>
        ) : null}
        <SectionState state={meetings}>
          {({ items }) => {
            const upcoming = items.filter((m) => m.date >= today()).reverse();
            const past = items.filter((m) => m.date < today());
            return (
              <>
                <MeetingTable
                  meetings={upcoming}
                  caption={t('meetings:group.upcoming')}
                  empty={t('meetings:group.noUpcoming')}
                  lang={lang}
                />
                <MeetingTable
                  meetings={past}
                  caption={t('meetings:group.past')}
                  empty={t('meetings:group.noPast')}
                  lang={lang}
                />
              </>
            );
          }}
        </SectionState>
      </Panel>

      <Panel aria-labelledby="group-actions">
        <SectionHeading id="group-actions">{t('meetings:group.openActions')}</SectionHeading>
        <SectionState state={actions}>
          {({ items }) =>
            items.length === 0 ? (
              <Paragraph>{t('meetings:group.noOpenActions')}</Paragraph>
            ) : (
              <RecordsTable
                records={items}
                caption={t('meetings:group.openActionsCaption', { count: items.length })}
                lang={lang}
                showMeeting
              />
            )
          }
        </SectionState>
      </Panel>
    </>
  );
}

function MeetingTable({
  meetings,
  caption,
  empty,
  lang,
}: {
  meetings: MeetingSummary[];
  caption: string;
  empty: string;
  lang: Language;
}) {
  const { t } = useTranslation('meetings');
  if (meetings.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <ColumnHeader>{t('meetings:meeting.number')}</ColumnHeader>
          <ColumnHeader>{t('meetings:meeting.date')}</ColumnHeader>
          <ColumnHeader>{t('meetings:meeting.time')}</ColumnHeader>
          <ColumnHeader>{t('meetings:meeting.minutesStatus')}</ColumnHeader>
        </tr>
      </thead>
      <tbody>
        {meetings.map((meeting) => (
          <tr key={meeting.key}>
            <RowHeader>
              <AppLink to={paths.meeting(lang, meeting.key)}>
                {t('meetings:meeting.linkLabel', { number: meeting.number })}
              </AppLink>
            </RowHeader>
            <Cell>{dayWithWeekday(meeting.date, lang)}</Cell>
            <Cell>{timeRange(meeting.startTime, meeting.endTime, lang) ?? ''}</Cell>
            <Cell>
              <MinutesStatusBadge status={meeting.minutesStatus} />
            </Cell>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
