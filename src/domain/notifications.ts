/**
 * The e-mail the service sends: which kinds there are (each a person may turn off), what each says
 * in Finnish, Swedish and English, and how delivery is retried. Pure; the use cases that change a
 * report or minutes put the message in the outbox in the same transaction, and the delivery worker
 * (server/modules/notifications) sends it.
 */
import type { LocalizedText } from './errors.js';
import type { Locale } from './money.js';

export const NOTIFICATION_KINDS = [
  'report_submitted',
  'report_returned',
  'report_approved',
  'minutes_to_check',
  'minutes_returned',
  'minutes_published',
  'reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What each kind is, as the settings page names it. */
export const NOTIFICATION_KIND_NAMES: Record<NotificationKind, LocalizedText> = {
  report_submitted: {
    fi: 'Raportti lähetetty hyväksyttäväksi',
    sv: 'Rapport inskickad för godkännande',
    en: 'Report submitted for approval',
  },
  report_returned: { fi: 'Raportti palautettu korjattavaksi', sv: 'Rapport återsänd', en: 'Report returned' },
  report_approved: { fi: 'Raportti hyväksytty', sv: 'Rapport godkänd', en: 'Report approved' },
  minutes_to_check: {
    fi: 'Pöytäkirja tarkastettavana',
    sv: 'Protokoll att granska',
    en: 'Minutes ready to check',
  },
  minutes_returned: { fi: 'Pöytäkirja palautettu', sv: 'Protokoll återsänt', en: 'Minutes returned' },
  minutes_published: { fi: 'Pöytäkirja julkaistu', sv: 'Protokoll publicerat', en: 'Minutes published' },
  reminder: { fi: 'Muistutukset määräajoista', sv: 'Påminnelser om tidsfrister', en: 'Deadline reminders' },
};

export const isLocale = (value: unknown): value is Locale => value === 'fi' || value === 'sv' || value === 'en';

/** A message as the outbox holds it: one recipient, one language. */
export type Message = { subject: string; body: string };

/** Where in the web application a thing is done, below the language root (`/fi`, `/sv`, `/en`). */
export const links = {
  report: (period: string, slug: string) => `/reports/${encodeURIComponent(period)}/${encodeURIComponent(slug)}`,
  meeting: (key: string) => `/meetings/${encodeURIComponent(key)}`,
  tasks: () => '/tasks',
};

type ReportFacts = { theme: LocalizedText; period: LocalizedText };
type MinutesFacts = { group: LocalizedText; meeting: string; date: string };

const name = (text: LocalizedText, language: Locale) => text[language] || text.fi;
const FOOTER: LocalizedText = {
  fi: 'Tämä viesti on Teemaseurannasta. Voit valita vastaanottamasi viestit omista asetuksistasi.',
  sv: 'Detta meddelande kommer från Teemaseuranta. Du kan välja vilka meddelanden du får i dina inställningar.',
  en: 'This message is from Teemaseuranta. You can choose which messages you receive in your settings.',
};

function compose(language: Locale, subject: LocalizedText, lines: (LocalizedText | string | null)[]): Message {
  const body = lines
    .filter((line): line is LocalizedText | string => line !== null)
    .map((line) => (typeof line === 'string' ? line : name(line, language)))
    .join('\n\n');
  return { subject: name(subject, language), body };
}

export function reportSubmitted(language: Locale, f: ReportFacts): Message {
  const theme = name(f.theme, language);
  return compose(
    language,
    {
      fi: `Hyväksyttävänä: ${theme}, ${f.period.fi}`,
      sv: `Att godkänna: ${theme}, ${f.period.sv || f.period.fi}`,
      en: `Waiting for approval: ${theme}, ${f.period.en || f.period.fi}`,
    },
    [
      {
        fi: `Teeman "${theme}" raportti on lähetetty ministeriön hyväksyttäväksi.`,
        sv: `Rapporten för temat "${theme}" har skickats in till ministeriet för godkännande.`,
        en: `The report of the theme "${theme}" has been submitted to the ministry for approval.`,
      },
    ],
  );
}

export function reportReturned(
  language: Locale,
  f: ReportFacts & { comments: { section: string; body: string }[] },
): Message {
  const theme = name(f.theme, language);
  const heading: LocalizedText = { fi: 'Kommentit:', sv: 'Kommentarer:', en: 'Comments:' };
  const section: LocalizedText = { fi: 'osio', sv: 'avsnitt', en: 'section' };
  return compose(
    language,
    {
      fi: `Palautettu korjattavaksi: ${theme}, ${f.period.fi}`,
      sv: `Återsänd för rättelse: ${theme}, ${f.period.sv || f.period.fi}`,
      en: `Returned for changes: ${theme}, ${f.period.en || f.period.fi}`,
    },
    [
      {
        fi: `Ministeriö palautti teeman "${theme}" raportin korjattavaksi.`,
        sv: `Ministeriet återsände rapporten för temat "${theme}" för rättelse.`,
        en: `The ministry returned the report of the theme "${theme}" for changes.`,
      },
      [
        name(heading, language),
        ...f.comments.map(
          (c) => `- ${c.section === 'header' ? c.section : `${name(section, language)} ${c.section}`}: ${c.body}`,
        ),
      ].join('\n'),
    ],
  );
}

export function reportApproved(language: Locale, f: ReportFacts): Message {
  const theme = name(f.theme, language);
  return compose(
    language,
    {
      fi: `Hyväksytty: ${theme}, ${f.period.fi}`,
      sv: `Godkänd: ${theme}, ${f.period.sv || f.period.fi}`,
      en: `Approved: ${theme}, ${f.period.en || f.period.fi}`,
    },
    [
      {
        fi: `Teeman "${theme}" raportti on hyväksytty.`,
        sv: `Rapporten för temat "${theme}" har godkänts.`,
        en: `The report of the theme "${theme}" has been approved.`,
      },
    ],
  );
}

export function minutesToCheck(language: Locale, f: MinutesFacts): Message {
  const group = name(f.group, language);
  return compose(
    language,
    {
      fi: `Pöytäkirja tarkastettavana: ${group} ${f.meeting}`,
      sv: `Protokoll att granska: ${group} ${f.meeting}`,
      en: `Minutes to check: ${group} ${f.meeting}`,
    },
    [
      {
        fi: `Kokouksen ${f.meeting} (${f.date}) pöytäkirjan luonnos odottaa puheenjohtajan tarkastusta.`,
        sv: `Utkastet till protokollet från mötet ${f.meeting} (${f.date}) väntar på ordförandens granskning.`,
        en: `The draft minutes of meeting ${f.meeting} (${f.date}) are waiting for the chair's check.`,
      },
    ],
  );
}

export function minutesReturned(language: Locale, f: MinutesFacts & { reason: string | null }): Message {
  const group = name(f.group, language);
  const reason: LocalizedText = { fi: 'Syy:', sv: 'Orsak:', en: 'Reason:' };
  return compose(
    language,
    {
      fi: `Pöytäkirja palautettu: ${group} ${f.meeting}`,
      sv: `Protokoll återsänt: ${group} ${f.meeting}`,
      en: `Minutes returned: ${group} ${f.meeting}`,
    },
    [
      {
        fi: `Puheenjohtaja palautti kokouksen ${f.meeting} pöytäkirjan korjattavaksi.`,
        sv: `Ordföranden återsände protokollet från mötet ${f.meeting} för rättelse.`,
        en: `The chair returned the minutes of meeting ${f.meeting} for changes.`,
      },
      f.reason ? `${name(reason, language)} ${f.reason}` : null,
    ],
  );
}

export function minutesPublished(language: Locale, f: MinutesFacts): Message {
  const group = name(f.group, language);
  return compose(
    language,
    {
      fi: `Pöytäkirja julkaistu: ${group} ${f.meeting}`,
      sv: `Protokoll publicerat: ${group} ${f.meeting}`,
      en: `Minutes published: ${group} ${f.meeting}`,
    },
    [
      {
        fi: `Kokouksen ${f.meeting} (${f.date}) hyväksytty pöytäkirja on julkaistu.`,
        sv: `Det godkända protokollet från mötet ${f.meeting} (${f.date}) har publicerats.`,
        en: `The approved minutes of meeting ${f.meeting} (${f.date}) have been published.`,
      },
    ],
  );
}

export function reminder(
  language: Locale,
  f: ReportFacts & { state: LocalizedText | null; deadline: string | null; message: string | null },
): Message {
  const theme = name(f.theme, language);
  const period = name(f.period, language);
  const state = f.state ? name(f.state, language) : null;
  return compose(
    language,
    {
      fi: `Muistutus: ${period}${f.deadline ? `, määräaika ${f.deadline}` : ''}`,
      sv: `Påminnelse: ${period}${f.deadline ? `, tidsfrist ${f.deadline}` : ''}`,
      en: `Reminder: ${period}${f.deadline ? `, deadline ${f.deadline}` : ''}`,
    },
    [
      {
        fi: `Teeman "${theme}" raportti on tilassa: ${state ?? 'ei aloitettu'}.`,
        sv: `Rapporten för temat "${theme}" har status: ${state ?? 'inte påbörjad'}.`,
        en: `The report of the theme "${theme}" is: ${state ?? 'not started'}.`,
      },
      f.deadline
        ? {
            fi: `Raportti on lähetettävä viimeistään ${f.deadline}.`,
            sv: `Rapporten ska skickas in senast ${f.deadline}.`,
            en: `The report is due by ${f.deadline}.`,
          }
        : null,
      f.message,
    ],
  );
}

/**
 * The text as sent: the body, the link to where the thing is done (absolute with PUBLIC_URL), and
 * the footer saying where to choose what one receives. Put together at delivery, so the outbox
 * holds what was said and each server links to its own public address.
 */
export function mailText(language: Locale, body: string, link: string | null): string {
  return [body, link, name(FOOTER, language)].filter(Boolean).join('\n\n') + '\n';
}

/** Delivery: how many attempts, and how long to wait after each failure (doubling, capped). */
export const DELIVERY = { maxAttempts: 5, firstDelayMs: 30_000, maxDelayMs: 3_600_000 } as const;

export function retryDelayMs(
  attempts: number,
  policy: { firstDelayMs: number; maxDelayMs: number } = DELIVERY,
): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempts - 1));
}

/** An address the service will try to deliver to. Anything else fails at once, visibly. */
export const EMAIL_ADDRESS = /^[^\s@()<>,;]+@[^\s@()<>,;]+\.[a-z]{2,}$/i;
