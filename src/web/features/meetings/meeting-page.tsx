/**
 * A meeting for its group: number, time and place, the state of the minutes and the step the
 * workflow waits for, attendance, the agenda with the minutes item by item, decisions and action
 * items, and the documents. The group's secretary gets the links to write each part.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { MeetingDetail } from '../../../contracts/meetings.js';
import { useApi } from '../../api.js';
import { Panel, Toolbar } from '../../components/layout.js';
import { AppLink, Breadcrumbs } from '../../components/links.js';
import { localizedText } from '../../components/localized.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import type { Language } from '../../i18n.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import {
  AgendaItemView,
  AttendanceTables,
  DocumentLinks,
  GroupMaterialState,
  MeetingFacts,
  RecordsTable,
  SignatoriesAndDistribution,
} from './meeting-parts.js';
import { MinutesActions } from './minutes-actions.js';

export function MeetingPage() {
  const { key = '' } = useParams();
  const lang = useLanguage();
  const state = useApi<MeetingDetail>(`/api/v1/meetings/${encodeURIComponent(key)}`, lang);
  // A workflow step answers with the meeting as it now is: shown at once, and kept on the page
  // (not replaced by a spinner, which would lose the step's notice) while the page reads it again.
  const [changed, setChanged] = useState<MeetingDetail | null>(null);
  const mine = changed?.key === key ? changed : null;
  const meeting = state.status === 'ok' ? (mine && mine.version > state.data.version ? mine : state.data) : mine;
  if (meeting) return <MeetingView meeting={meeting} lang={lang} onChanged={setChanged} />;
  return (
    <GroupMaterialState state={state} lang={lang}>
      {() => null}
    </GroupMaterialState>
  );
}

function MeetingView({
  meeting,
  lang,
  onChanged,
}: {
  meeting: MeetingDetail;
  lang: Language;
  onChanged: (meeting: MeetingDetail) => void;
}) {
  const { t } = useTranslation(['meetings', 'common']);
  const group = localizedText(meeting.steeringGroupName, lang);
  const title = t('meetings:meeting.title', { number: meeting.number });
  usePageTitle(title);
  // What the server says this person may do with the meeting now (its capabilities).
  const editable = meeting.capabilities.includes('edit');
  const records = meeting.items.flatMap((item) => item.records);

  return (
    <>
      <Breadcrumbs
        label={t('common:breadcrumbs')}
        items={[
          { to: paths.steeringGroups(lang), label: t('meetings:groups.title') },
          { to: paths.steeringGroup(lang, meeting.steeringGroup), label: group.text },
          { label: title },
        ]}
      />
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <AppLink
          to={paths.steeringGroup(lang, meeting.steeringGroup)}
          lang={group.lang === lang ? undefined : group.lang}
        >
          {group.text}
        </AppLink>
      </Paragraph>
      <MeetingFacts meeting={meeting} lang={lang} />
      {editable ? (
        <Toolbar>
          <AppLink to={paths.meetingForm(lang, meeting.key)}>{t('meetings:forms.editMeeting')}</AppLink>
        </Toolbar>
      ) : null}
      <MinutesActions meeting={meeting} lang={lang} onChanged={onChanged} />

      <Panel aria-labelledby="meeting-attendance">
        <SectionHeading id="meeting-attendance">{t('meetings:attendance.heading')}</SectionHeading>
        {editable ? (
          <Toolbar>
            <AppLink to={paths.attendanceForm(lang, meeting.key)}>{t('meetings:forms.recordAttendance')}</AppLink>
          </Toolbar>
        ) : null}
        <AttendanceTables attendance={meeting.attendance} lang={lang} />
      </Panel>

      <Panel aria-labelledby="meeting-items">
        <SectionHeading id="meeting-items">{t('meetings:meeting.items')}</SectionHeading>
        {editable ? (
          <Toolbar>
            <AppLink to={paths.minutesEditor(lang, meeting.key)}>{t('meetings:minutesEditor.open')}</AppLink>
            <AppLink to={paths.newAgendaItem(lang, meeting.key)}>{t('meetings:forms.newItem')}</AppLink>
          </Toolbar>
        ) : null}
        {meeting.items.map((item) => (
          <AgendaItemView
            key={item.id}
            item={item}
            lang={lang}
            tools={
              editable ? (
                <Toolbar>
                  <AppLink
                    to={paths.agendaItemForm(lang, item.id)}
                    aria-label={t('meetings:forms.writeItemNamed', { number: item.number })}
                  >
                    {t('meetings:forms.writeItem')}
                  </AppLink>
                  <AppLink
                    to={paths.newActionItem(lang, meeting.key, item.number)}
                    aria-label={t('meetings:forms.newActionNamed', { number: item.number })}
                  >
                    {t('meetings:forms.newAction')}
                  </AppLink>
                </Toolbar>
              ) : null
            }
          />
        ))}
        <SignatoriesAndDistribution meeting={meeting} lang={lang} />
      </Panel>

      <Panel aria-labelledby="meeting-records">
        <SectionHeading id="meeting-records">{t('meetings:records.heading')}</SectionHeading>
        {records.length === 0 ? (
          <Paragraph>{t('meetings:records.none')}</Paragraph>
        ) : (
          <RecordsTable
            records={records}
            caption={t('meetings:records.caption', { number: meeting.number })}
            lang={lang}
          />
        )}
        {meeting.openActions.length > 0 ? (
          <RecordsTable records={meeting.openActions} caption={t('meetings:records.carried')} lang={lang} showMeeting />
        ) : null}
      </Panel>

      <DocumentLinks meeting={meeting} lang={lang} />
    </>
  );
}
