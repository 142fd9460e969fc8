/** The agenda and the minutes of a meeting as files (HTML, DOCX, PDF), and its calendar invitation. */
import type { Db } from '../../db/database.js';
import type { MeetingContent } from '../../contracts/meetings.js';
import { getSteeringGroup } from '../../db/repositories/meetings.js';
import { formatMeetingTime, type DocumentLanguage } from '../../domain/meetings.js';
import type { PdfRenderer } from '../pdf/pdf-pool.js';
import { buildInvitation } from './invitation-ics.js';
import { buildMeetingDocument, placeText, type DocumentKind } from './meeting-document.js';
import { renderMeetingHtml } from './render-html.js';

export type DocumentFormat = 'html' | 'docx' | 'pdf';
export type MeetingFile = { body: Buffer | string; contentType: string; filename: string };

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

const FILE_WORDS: Record<DocumentKind, Record<DocumentLanguage, string>> = {
  minutes: { fi: 'poytakirja', sv: 'protokoll' },
  agenda: { fi: 'esityslista', sv: 'foredragningslista' },
};

export async function renderMeetingFile(
  { db, pdf }: { db: Db; pdf: PdfRenderer },
  meeting: MeetingContent,
  kind: DocumentKind,
  format: DocumentFormat,
  language: DocumentLanguage,
): Promise<MeetingFile> {
  const group = await getSteeringGroup(db, meeting.steeringGroup, meeting.date);
  if (!group) throw new Error(`steering group ${meeting.steeringGroup} of meeting ${meeting.key} is missing`);
  const document = buildMeetingDocument(kind, meeting, group, language);
  const filename = `${meeting.key}-${FILE_WORDS[kind][language]}.${format}`;
  const html = () => renderMeetingHtml(document);
  // docx loads on first use: an idle server should not carry it (docs/performance.md).
  const body =
    format === 'html'
      ? html()
      : format === 'docx'
        ? await (await import('./render-docx.js')).renderMeetingDocx(document)
        : await pdf.render(html(), { title: document.title, language });
  return { body, contentType: CONTENT_TYPES[format], filename };
}

export function meetingInvitation(meeting: MeetingContent, now: Date, language: DocumentLanguage): MeetingFile | null {
  if (!meeting.startTime) return null;
  const groupName = (language === 'sv' ? meeting.steeringGroupName.sv : null) ?? meeting.steeringGroupName.fi;
  const agenda = meeting.items
    .map((item) => `${item.number} § ${language === 'sv' ? (item.titleSv ?? item.title) : item.title}`)
    .join('\n');
  const labels =
    language === 'sv'
      ? { hybrid: 'Hybrid', and: 'samt', meeting: 'Möte' }
      : { hybrid: 'Hybridi', and: 'sekä', meeting: 'Kokous' };
  const location = placeText(meeting.place, labels);
  const body = buildInvitation({
    uid: `${meeting.key}@teemaseuranta`,
    sequence: meeting.version - 1,
    stamp: now,
    summary: `${labels.meeting} ${meeting.number}: ${groupName}`,
    description: `${formatMeetingTime(meeting.date, meeting.startTime, meeting.endTime, language)}\n\n${agenda}${meeting.place.onlineUrl ? `\n\n${meeting.place.onlineUrl}` : ''}`,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    location: location === '–' ? null : location,
    url: meeting.place.onlineUrl,
  });
  return { body, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', filename: `${meeting.key}.ics` };
}
