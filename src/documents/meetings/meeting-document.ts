/**
 * The agenda (esityslista) and the minutes (pöytäkirja) of a meeting as a list of blocks, in the
 * shape of the group's own minutes (seed 000): heading, time and place, who was there in
 * member/deputy columns, the permanent experts, numbered items (§), the signatures of the chair and
 * the secretary, and the distribution. The HTML (and so the PDF) and the DOCX renderers draw the
 * same blocks, so the three files always say the same thing.
 */
import type { Attendance, DecisionRecord, MeetingContent, SteeringGroupDetail } from '../../contracts/meetings.js';
import {
  formatDate,
  formatMeetingTime,
  formatTime,
  STANDARD_TITLES,
  type DocumentLanguage,
} from '../../domain/meetings.js';

export type DocumentKind = 'agenda' | 'minutes';

export type Block =
  | { type: 'title'; kind: string; text: string }
  | { type: 'status'; text: string }
  | { type: 'facts'; rows: { label: string; value: string; link?: string | null }[] }
  | { type: 'heading'; text: string }
  | { type: 'people'; caption: string; headers: [string, string]; rows: [string, string][] }
  | { type: 'list'; caption: string | null; items: ListItem[] }
  | { type: 'item'; number: number; title: string; lang?: DocumentLanguage }
  | { type: 'field'; label: string; text: string; lang?: DocumentLanguage }
  | { type: 'signatures'; people: { name: string; role: string }[] };

/**
 * A list line: plain text in the document's language, or text with its own language (`lang`, set
 * only where it differs from the document's: Finnish text in Swedish minutes) and details after it
 * in the document's language ("(ansvarig: …; senast: …)").
 */
export type ListItem = string | { text: string; lang?: DocumentLanguage; after?: string };

/** Content in the document's language, if written; else the other language's, marked with its language. */
export function inLanguage(
  language: DocumentLanguage,
  fi: string | null | undefined,
  sv: string | null | undefined,
): { text: string; lang?: DocumentLanguage } | null {
  const own = language === 'sv' ? sv : fi;
  const other = language === 'sv' ? fi : sv;
  if (own) return { text: own };
  if (other) return { text: other, lang: language === 'sv' ? 'fi' : 'sv' };
  return null;
}

export type MeetingDocument = { title: string; language: DocumentLanguage; blocks: Block[] };

const LABELS = {
  fi: {
    minutes: 'Pöytäkirja',
    agenda: 'Esityslista',
    time: 'Aika',
    place: 'Paikka',
    present: 'Läsnä',
    invited: 'Kutsutut',
    members: 'Johtoryhmän jäsenet',
    deputies: 'Johtoryhmän varajäsenet',
    experts: 'Pysyvät asiantuntijat',
    secretary: 'Sihteeri',
    chair: 'Puheenjohtaja',
    absent: 'Poissa',
    guests: 'Muut osallistujat',
    presenter: 'Esittelijä',
    background: 'Tausta',
    proposal: 'Ehdotus',
    discussion: 'Keskustelu',
    decision: 'Päätös',
    clock: 'Kellonaika',
    actions: 'Toimenpiteet',
    openActions: 'Avoimet toimenpiteet',
    owner: 'vastuu',
    due: 'määräaika',
    noOpenActions: 'Ei avoimia toimenpiteitä.',
    distribution: 'Jakelu',
    diaryNumber: 'Diaarinumero (jäsenmuutokset)',
    defaultDistribution: ['Johtoryhmän jäsenet ja varajäsenet', 'Johtoryhmän pysyvät asiantuntijat'],
    hybrid: 'Hybridi',
    and: 'sekä',
    standingIn: (name: string) => `varajäsenenä jäsenen ${name} sijaan`,
    fromMeeting: (number: string) => `kokous ${number}`,
    draft: (status: string) => `Pöytäkirjaluonnos: ${status}. Pöytäkirja hyväksytään seuraavassa kokouksessa.`,
    checked: 'puheenjohtajan tarkastama',
    unchecked: 'tarkastamatta',
    approvedIn: (number: string) => `Pöytäkirja hyväksytty kokouksessa ${number}.`,
    positions: { chair: 'pj', vice_chair: 'vpj', secretary: 'sihteeri' },
  },
  sv: {
    minutes: 'Protokoll',
    agenda: 'Föredragningslista',
    time: 'Tid',
    place: 'Plats',
    present: 'Närvarande',
    invited: 'Kallade',
    members: 'Styrgruppens ledamöter',
    deputies: 'Styrgruppens ersättare',
    experts: 'Permanenta sakkunniga',
    secretary: 'Sekreterare',
    chair: 'Ordförande',
    absent: 'Frånvarande',
    guests: 'Övriga deltagare',
    presenter: 'Föredragande',
    background: 'Bakgrund',
    proposal: 'Förslag',
    discussion: 'Diskussion',
    decision: 'Beslut',
    clock: 'Klockslag',
    actions: 'Åtgärder',
    openActions: 'Öppna åtgärder',
    owner: 'ansvarig',
    due: 'senast',
    noOpenActions: 'Inga öppna åtgärder.',
    distribution: 'Sändlista',
    diaryNumber: 'Diarienummer (medlemsändringar)',
    defaultDistribution: ['Styrgruppens ledamöter och ersättare', 'Styrgruppens permanenta sakkunniga'],
    hybrid: 'Hybrid',
    and: 'samt',
    standingIn: (name: string) => `ersättare för ${name}`,
    fromMeeting: (number: string) => `möte ${number}`,
    draft: (status: string) => `Utkast till protokoll: ${status}. Protokollet godkänns vid nästa möte.`,
    checked: 'granskat av ordföranden',
    unchecked: 'inte granskat',
    approvedIn: (number: string) => `Protokollet godkänt vid möte ${number}.`,
    positions: { chair: 'ordf.', vice_chair: 'vice ordf.', secretary: 'sekreterare' },
  },
} as const;

type Labels = (typeof LABELS)[DocumentLanguage];

function person(
  p: { name: string; organisation: string | null; position: keyof Labels['positions'] | null },
  labels: Labels,
): string {
  // "Eeva-Riitta Pirhonen, pj, OKM", as the group's own minutes write it.
  return [p.name, p.position && p.position !== 'secretary' ? labels.positions[p.position] : null, p.organisation]
    .filter(Boolean)
    .join(', ');
}

export function placeText(place: MeetingContent['place'], labels: { hybrid: string; and: string }): string {
  const physical = [place.room, place.address].filter(Boolean).join(', ');
  const online = place.online ?? (place.onlineUrl ? 'Online' : null);
  if (physical && online) return `${labels.hybrid}: ${physical} ${labels.and} ${online}`;
  return physical || online || '–';
}

function actionLine(
  action: DecisionRecord,
  labels: Labels,
  withMeeting: boolean,
  language: DocumentLanguage,
): ListItem {
  const details = [
    action.owner ? `${labels.owner}: ${action.owner}` : null,
    action.dueDate ? `${labels.due}: ${formatDate(action.dueDate)}` : null,
    withMeeting ? labels.fromMeeting(action.meetingNumber) + (action.item ? ` § ${action.item}` : '') : null,
  ].filter(Boolean);
  const text = inLanguage(language, action.text, action.textSv) ?? { text: action.text };
  return { ...text, ...(details.length > 0 ? { after: ` (${details.join('; ')})` } : {}) };
}

/** Attendance in seat rows (member | deputy), then the others, as seed 000 lays it out. */
function attendanceBlocks(meeting: MeetingContent, labels: Labels): Block[] {
  const present = meeting.attendance.filter((a) => a.present);
  const text = (a: Attendance) => {
    const base = person(a, labels);
    return a.standingInFor ? `${base} (${labels.standingIn(a.standingInFor)})` : base;
  };
  const seats = new Map<number, [string, string]>();
  const unseated: string[] = [];
  for (const a of present.filter((p) => p.capacity === 'member' || p.capacity === 'deputy')) {
    if (a.seat === null) {
      unseated.push(text(a));
      continue;
    }
    const row = seats.get(a.seat) ?? ['', ''];
    row[a.capacity === 'member' ? 0 : 1] = text(a);
    seats.set(a.seat, row);
  }
  const rows = [
    ...[...seats.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row),
    ...unseated.map((name): [string, string] => [name, '']),
  ];
  const blocks: Block[] = [
    { type: 'people', caption: labels.present, headers: [labels.members, labels.deputies], rows },
  ];
  const secretaries = present.filter((a) => a.capacity === 'secretary');
  if (secretaries.length > 0) blocks.push({ type: 'list', caption: labels.secretary, items: secretaries.map(text) });
  const experts = present.filter((a) => a.capacity === 'permanent_expert');
  if (experts.length > 0) blocks.push({ type: 'list', caption: labels.experts, items: experts.map(text) });
  const guests = present.filter((a) => a.capacity === 'guest');
  if (guests.length > 0) blocks.push({ type: 'list', caption: labels.guests, items: guests.map(text) });
  const absent = meeting.attendance.filter((a) => !a.present);
  if (absent.length > 0) blocks.push({ type: 'list', caption: labels.absent, items: absent.map(text) });
  return blocks;
}

/** Who is invited to the agenda's meeting: the group as it stands on the meeting's date. */
function rosterBlocks(group: SteeringGroupDetail, labels: Labels): Block[] {
  const rows = group.seats.map((seat): [string, string] => [
    seat.member ? person(seat.member, labels) : '',
    seat.deputy ? person(seat.deputy, labels) : '',
  ]);
  const blocks: Block[] = [
    { type: 'people', caption: labels.invited, headers: [labels.members, labels.deputies], rows },
  ];
  if (group.secretaries.length > 0)
    blocks.push({ type: 'list', caption: labels.secretary, items: group.secretaries.map((m) => person(m, labels)) });
  if (group.permanentExperts.length > 0)
    blocks.push({ type: 'list', caption: labels.experts, items: group.permanentExperts.map((m) => person(m, labels)) });
  return blocks;
}

function signatories(
  meeting: MeetingContent,
  group: SteeringGroupDetail,
  labels: Labels,
): { name: string; role: string }[] {
  if (meeting.signatories.length > 0) {
    // Seed 000 signs secretary first, then chair.
    const order = { secretary: 0, chair: 1, vice_chair: 1 } as Record<string, number>;
    return [...meeting.signatories]
      .sort((a, b) => (order[a.position ?? ''] ?? 2) - (order[b.position ?? ''] ?? 2))
      .map((s) => ({ name: s.name, role: s.position === 'secretary' ? labels.secretary : labels.chair }));
  }
  const present = meeting.attendance.filter((a) => a.present);
  const chair =
    present.find((a) => a.position === 'chair' && a.capacity === 'member') ??
    present.find((a) => a.position === 'vice_chair') ??
    present.find((a) => a.position === 'chair') ??
    group.chair;
  const secretary = present.find((a) => a.capacity === 'secretary') ?? group.secretaries[0] ?? null;
  return [
    ...(secretary ? [{ name: secretary.name, role: labels.secretary }] : []),
    ...(chair ? [{ name: chair.name, role: labels.chair }] : []),
  ];
}

export function buildMeetingDocument(
  kind: DocumentKind,
  meeting: MeetingContent,
  group: SteeringGroupDetail,
  language: DocumentLanguage,
): MeetingDocument {
  const labels = LABELS[language];
  const groupName = (language === 'sv' ? meeting.steeringGroupName.sv : null) ?? meeting.steeringGroupName.fi;
  const heading = `${meeting.number}: ${groupName}`;
  const blocks: Block[] = [{ type: 'title', kind: kind === 'minutes' ? labels.minutes : labels.agenda, text: heading }];

  if (kind === 'minutes' && (meeting.minutesStatus === 'draft' || meeting.minutesStatus === 'checked')) {
    blocks.push({
      type: 'status',
      text: labels.draft(meeting.minutesStatus === 'checked' ? labels.checked : labels.unchecked),
    });
  }
  blocks.push({
    type: 'facts',
    rows: [
      { label: labels.time, value: formatMeetingTime(meeting.date, meeting.startTime, meeting.endTime, language) },
      // The link to join is for the participants, on the agenda; minutes are a record that travels
      // further (published ones to everyone) and name the channel only.
      {
        label: labels.place,
        value: placeText(meeting.place, labels),
        link: kind === 'agenda' ? meeting.place.onlineUrl : null,
      },
    ],
  });
  blocks.push(...(kind === 'minutes' ? attendanceBlocks(meeting, labels) : rosterBlocks(group, labels)));

  // Each part in the document's language where it is written so, else in Finnish marked as Finnish.
  const field = (label: string, fi: string | null, sv: string | null) => {
    const text = inLanguage(language, fi, sv);
    if (text) blocks.push({ type: 'field', label, ...text });
  };
  for (const item of meeting.items) {
    const standard = item.kind === 'topic' ? null : STANDARD_TITLES[item.kind];
    const title =
      language === 'sv' ? (item.titleSv ?? (standard && item.title === standard.fi ? standard.sv : null)) : item.title;
    blocks.push(
      title === null
        ? { type: 'item', number: item.number, title: item.title, lang: 'fi' }
        : { type: 'item', number: item.number, title },
    );
    if (item.presenter) blocks.push({ type: 'field', label: labels.presenter, text: item.presenter });
    field(labels.background, item.background, item.backgroundSv);
    field(labels.proposal, item.proposal, item.proposalSv);
    if (item.kind === 'action_review') {
      const open = kind === 'agenda' ? meeting.openActions.filter((a) => a.status === 'open') : meeting.openActions;
      blocks.push(
        open.length > 0
          ? {
              type: 'list',
              caption: labels.openActions,
              items: open.map((a) => actionLine(a, labels, true, language)),
            }
          : { type: 'field', label: labels.openActions, text: labels.noOpenActions },
      );
    }
    if (kind === 'agenda') continue;
    if (item.time) blocks.push({ type: 'field', label: labels.clock, text: formatTime(item.time) });
    field(labels.discussion, item.discussion, item.discussionSv);
    field(labels.decision, item.decision, item.decisionSv);
    for (const record of item.records.filter((r) => r.kind === 'decision' && r.text !== item.decision))
      field(labels.decision, record.text, record.textSv);
    const actions = item.records.filter((r) => r.kind === 'action');
    if (actions.length > 0)
      blocks.push({
        type: 'list',
        caption: labels.actions,
        items: actions.map((a) => actionLine(a, labels, false, language)),
      });
  }

  if (kind === 'minutes') {
    blocks.push({ type: 'signatures', people: signatories(meeting, group, labels) });
    if (meeting.approvedInMeetingNumber)
      blocks.push({ type: 'status', text: labels.approvedIn(meeting.approvedInMeetingNumber) });
  }
  blocks.push({
    type: 'list',
    caption: labels.distribution,
    items: meeting.distribution.length > 0 ? meeting.distribution : [...labels.defaultDistribution],
  });
  if (group.diaryNumber) blocks.push({ type: 'field', label: labels.diaryNumber, text: group.diaryNumber });
  return { title: `${kind === 'minutes' ? labels.minutes : labels.agenda} ${heading}`, language, blocks };
}
