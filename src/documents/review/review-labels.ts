/**
 * The fixed words of the compiled review in Finnish and Swedish: the labels of the theme header, the
 * summary table, the contents, section 7's lines and the notes on amounts. The section titles come
 * from the templates (domain/reports/templates.ts), which carry both languages.
 */
import type { FigureKey } from './review-model.js';

export type ReviewLanguage = 'fi' | 'sv';

export type ReviewLabels = {
  /** BCP 47 tags: the HTML/PDF language and Word's language (w:lang). */
  tag: string;
  wordTag: string;
  programme: string;
  programmeSub: string;
  title: { review: string; description: string };
  subtitle: (cutOff: string) => string;
  notApproved: string;
  contents: string;
  page: string;
  /** Footer: "sivu 3 / 45". */
  pageWord: string;
  summary: string;
  summaryCaption: string;
  theme: string;
  total: string;
  figures: Record<FigureKey, string>;
  unknown: string;
  ofWhich: string;
  contacts: string;
  ministry: string;
  themePeriod: string;
  funding: string;
  implementer: string;
  coordination: string;
  main: string;
  costEstimate: string;
  website: string;
  /** Under the summary table: what the totals include. */
  totalsNote: (parts: { unknown: string[]; rounded: boolean }) => string;
  roundedNote: string;
  /** Before a rounded amount, and the unit of millions: "noin 1,4 milj. €". */
  approximately: string;
  millions: string;
  /** Finnish text inside a Swedish document. */
  finnishOnly: string;
  /** The theme description's header (seed 002): its labels, in the template's order. */
  description: {
    theme: string;
    objective: string;
    intermediateBody: string;
    coordination: string;
    ministry: string;
    period: string;
    frame: string;
    /** A field the description leaves empty or as the template's placeholder. */
    notGiven: string;
  };
};

export const REVIEW_LABELS: Record<ReviewLanguage, ReviewLabels> = {
  fi: {
    tag: 'fi',
    wordTag: 'fi-FI',
    programme: 'UUDISTUVA JA OSAAVA SUOMI 2021–2027',
    programmeSub: 'EU:N ALUE- JA RAKENNEPOLITIIKAN OHJELMA',
    title: {
      review: 'ESR+ Valtakunnallisten teemojen toteutuskatsaus',
      description: 'ESR+ Valtakunnallisten teemojen teemakuvaukset',
    },
    subtitle: (cutOff) =>
      `Katsaus ${cutOff} mennessä toteutuneeseen valtakunnallisten teemojen toimintaan ja tuloksiin.`,
    notApproved: 'Hyväksymättä (ei mukana)',
    contents: 'Sisällys',
    page: 'Sivu',
    pageWord: 'sivu',
    summary: 'Yhteenveto teemojen rahoituksesta',
    summaryCaption: 'Teemojen rahoitus (EU + valtio)',
    theme: 'Teema',
    total: 'Yhteensä',
    figures: {
      frame: 'a) julkinen rahoituskehys',
      reserved: 'b) varaukset',
      committed: 'c) sidotut valtuudet',
      paid: 'd) maksetut kustannukset',
    },
    unknown: 'ei tiedossa',
    ofWhich: 'josta',
    contacts: 'Yhteyshenkilöt (koordinaatio tms. hankkeen yhteyshenkilö ja rahoittajan vastuuhenkilö)',
    ministry: 'Vastuullinen hallinnonala ja ministeriön vastuuhenkilön yhteystiedot',
    themePeriod: 'Teeman toteutusaika',
    funding: 'Teeman (EU + valtio) rahoitus',
    implementer: 'Toteuttaja',
    coordination: 'Teeman koordinaatiohanke',
    main: 'päätoteuttaja',
    costEstimate: 'Kustannusarvio',
    website: 'Verkkosivut',
    totalsNote: ({ unknown, rounded }) =>
      [
        'Summat sisältävät vain tiedossa olevat luvut.',
        ...unknown.map((u) => `Ei tiedossa, ei mukana summassa: ${u}.`),
        ...(rounded ? ['"Noin": luku on lähteessä pyöristetty, tai summa sisältää pyöristettyjä lukuja.'] : []),
      ].join(' '),
    roundedNote: 'pyöristetty',
    approximately: 'noin',
    millions: 'milj.\u00a0€',
    finnishOnly: '',
    description: {
      theme: 'Valtakunnallinen teema',
      objective: 'Erityistavoite',
      intermediateBody: 'Välittävän toimielimen yhteyshenkilö(t)',
      coordination: 'Koordinaatiohankkeen yhteyshenkilö(t)',
      ministry: 'Ministeriön/ministeriöiden vastuuhenkilö(t)',
      period: 'Toteutusaika',
      frame: 'Rahoituskehysarvio (EU+valtio)',
      notGiven: 'ei ilmoitettu',
    },
  },
  sv: {
    tag: 'sv',
    wordTag: 'sv-FI',
    programme: 'ETT FÖRNYANDE OCH KOMPETENT FINLAND 2021–2027',
    programmeSub: 'EU:S REGIONAL- OCH STRUKTURPOLITISKA PROGRAM',
    title: {
      review: 'ESF+ Genomförandeöversikt över de nationella temana',
      description: 'ESF+ Temabeskrivningar för de nationella temana',
    },
    subtitle: (cutOff) => `Översikt över de nationella temanas verksamhet och resultat fram till ${cutOff}.`,
    notApproved: 'Inte godkända (ingår inte)',
    contents: 'Innehåll',
    page: 'Sida',
    pageWord: 'sida',
    summary: 'Sammanfattning av temanas finansiering',
    summaryCaption: 'Temanas finansiering (EU + staten)',
    theme: 'Tema',
    total: 'Sammanlagt',
    figures: {
      frame: 'a) offentlig finansieringsram',
      reserved: 'b) reserveringar',
      committed: 'c) bundna fullmakter',
      paid: 'd) utbetalda kostnader',
    },
    unknown: 'uppgift saknas',
    ofWhich: 'varav',
    contacts: 'Kontaktpersoner (koordineringsprojektets kontaktperson e.d. och finansiärens ansvarsperson)',
    ministry: 'Ansvarigt förvaltningsområde och kontaktuppgifter till ministeriets ansvarsperson',
    themePeriod: 'Temats genomförandetid',
    funding: 'Temats finansiering (EU + staten)',
    implementer: 'Genomförare',
    coordination: 'Temats koordineringsprojekt',
    main: 'huvudgenomförare',
    costEstimate: 'Kostnadsberäkning',
    website: 'Webbplats',
    totalsNote: ({ unknown, rounded }) =>
      [
        'Summorna omfattar endast kända belopp.',
        ...unknown.map((u) => `Uppgift saknas, ingår inte i summan: ${u}.`),
        ...(rounded ? ['"Cirka": beloppet är avrundat i källan, eller summan innehåller avrundade belopp.'] : []),
      ].join(' '),
    roundedNote: 'avrundat',
    approximately: 'cirka',
    millions: 'milj.\u00a0€',
    finnishOnly: 'på finska',
    description: {
      theme: 'Nationellt tema',
      objective: 'Specifikt mål',
      intermediateBody: 'Det förmedlande organets kontaktperson(er)',
      coordination: 'Koordineringsprojektets kontaktperson(er)',
      ministry: 'Ministeriets/ministeriernas ansvarsperson(er)',
      period: 'Genomförandetid',
      frame: 'Uppskattad finansieringsram (EU+staten)',
      notGiven: 'uppgift saknas',
    },
  },
};
