/**
 * The two documents a theme writes in the system: the yearly implementation review
 * (toteutuskatsaus, seed 001) and the theme description (teemakuvaus, seed 002). Each is a list of
 * sections with names in fi/sv/en and, where the template sets one, a character limit.
 *
 * Kinds of section:
 * - `rich`: text with paragraphs, lists and links only (see rich-text.ts), counted against `limit`;
 * - `links`: a list of web addresses with optional titles (section 6 of the review);
 * - `projects`: generated from the project data; only its order and grouping are stored (section 7).
 */
import type { LocalizedText } from '../errors.js';

export type DocumentKind = 'review' | 'description';
export type SectionKind = 'rich' | 'links' | 'projects';

export type SectionDefinition = {
  key: string;
  number: number;
  kind: SectionKind;
  /** UTF-16 code units, counted as the browser's characterLimit counts them; null = no limit. */
  limit: number | null;
  title: LocalizedText;
};

export type DocumentTemplate = { kind: DocumentKind; title: LocalizedText; sections: SectionDefinition[] };

/** An upper bound for sections the template leaves unlimited, so no save can grow without bound. */
export const UNLIMITED_SECTION_MAX = 20_000;

export const REVIEW_TEMPLATE: DocumentTemplate = {
  kind: 'review',
  title: { fi: 'Toteutuskatsaus', sv: 'Genomförandeöversikt', en: 'Implementation review' },
  sections: [
    {
      key: 's1',
      number: 1,
      kind: 'rich',
      limit: 2000,
      title: {
        fi: 'Tiivis kuvaus valtakunnallisen teeman sisällöstä ja teemassa rahoitettujen hankkeiden lukumäärä',
        sv: 'Kort beskrivning av det nationella temats innehåll och antalet projekt som finansierats inom temat',
        en: 'A brief description of the national theme and the number of projects funded in it',
      },
    },
    {
      key: 's2',
      number: 2,
      kind: 'rich',
      limit: 4000,
      title: {
        fi: 'Kuvaus valtakunnallisen teeman konkreettisesta toiminnasta {cutOff} mennessä',
        sv: 'Beskrivning av det nationella temats konkreta verksamhet fram till {cutOff}',
        en: 'What the national theme has concretely done by {cutOff}',
      },
    },
    {
      key: 's3',
      number: 3,
      kind: 'rich',
      limit: 2000,
      title: {
        fi: 'Arvio valtakunnalliselle teemalle asetettujen tavoitteiden saavuttamisesta tarkastelujaksolla ja kumulatiivisesti toiminnan käynnistymisestä',
        sv: 'Bedömning av hur målen för det nationella temat har uppnåtts under granskningsperioden och kumulativt sedan verksamheten inleddes',
        en: 'How far the goals set for the theme have been reached in the period and cumulatively since the start',
      },
    },
    {
      key: 's4',
      number: 4,
      kind: 'rich',
      limit: 2000,
      title: {
        fi: 'Kuvaus tulevana vuonna toteutettavasta toiminnasta ja suunnitelluista painotuksista (esim. hakuihin liittyen)',
        sv: 'Beskrivning av verksamheten under det kommande året och planerade tyngdpunkter (t.ex. utlysningar)',
        en: 'What will be done next year and the planned emphases (e.g. calls)',
      },
    },
    {
      key: 's5',
      number: 5,
      kind: 'rich',
      limit: 2000,
      title: {
        fi: 'Kuvaus teeman yhteyksistä alueelliseen toimintaan, esim. toteutuneet toimenpiteet ja yhteistyö',
        sv: 'Beskrivning av temats kopplingar till den regionala verksamheten, t.ex. genomförda åtgärder och samarbete',
        en: "The theme's links to regional activity, e.g. measures taken and cooperation",
      },
    },
    {
      key: 's6',
      number: 6,
      kind: 'links',
      limit: null,
      title: {
        fi: 'Linkkejä valtakunnallisesta teemasta kertoville verkkosivuille',
        sv: 'Länkar till webbsidor om det nationella temat',
        en: 'Links to web pages about the national theme',
      },
    },
    {
      key: 's7',
      number: 7,
      kind: 'projects',
      limit: null,
      title: {
        fi: 'Valtakunnallisesta teemasta rahoitettujen hankkeiden lista',
        sv: 'Förteckning över projekt som finansierats inom det nationella temat',
        en: 'Projects funded in the national theme',
      },
    },
  ],
};

export const DESCRIPTION_TEMPLATE: DocumentTemplate = {
  kind: 'description',
  title: { fi: 'Teemakuvaus', sv: 'Temabeskrivning', en: 'Theme description' },
  sections: [
    {
      key: 'd1',
      number: 1,
      kind: 'rich',
      limit: null,
      title: {
        fi: 'Yhteys EU:n strategioihin, Suomen saamiin maakohtaisiin suosituksiin sekä kansallisiin strategioihin ml. RRF',
        sv: 'Koppling till EU:s strategier, de landsspecifika rekommendationerna till Finland och nationella strategier inkl. RRF',
        en: 'Links to EU strategies, the country-specific recommendations to Finland and national strategies incl. the RRF',
      },
    },
    {
      key: 'd2',
      number: 2,
      kind: 'rich',
      limit: null,
      title: {
        fi: 'Lisäarvo kansalliseen toimintaan ja yhteistyö alueellisen rakennerahastotoiminnan kanssa',
        sv: 'Mervärde för den nationella verksamheten och samarbete med den regionala strukturfondsverksamheten',
        en: 'Added value to national activity and cooperation with regional structural-fund activity',
      },
    },
    {
      key: 'd3',
      number: 3,
      kind: 'rich',
      limit: null,
      title: { fi: 'Toiminnan kohderyhmät', sv: 'Verksamhetens målgrupper', en: 'Target groups' },
    },
    {
      key: 'd4',
      number: 4,
      kind: 'rich',
      limit: null,
      title: {
        fi: 'Toiminnan konkreettinen sisältö ja mahdolliset alateemat; mitä toiminnalla tavoitellaan ja millaisia muutoksia nykytilanteeseen odotetaan; onko toimintaan aiemmin kohdennettu EU-rahoitusta',
        sv: 'Verksamhetens konkreta innehåll och eventuella delteman; vad verksamheten eftersträvar och vilka förändringar som väntas; om EU-finansiering tidigare har riktats till verksamheten',
        en: 'Content and sub-themes; what the activity aims at and what change is expected; whether EU funding has been used for it before',
      },
    },
    {
      key: 'd5',
      number: 5,
      kind: 'rich',
      limit: null,
      title: {
        fi: 'Yhteistyö, kumppanuudet, yhteiskehittäminen; mitä toimijoita mukana suunnittelussa ja toteutuksessa, missä rooleissa; millä tavoin osallistettu kohderyhmää',
        sv: 'Samarbete, partnerskap, samutveckling; vilka aktörer deltar i planering och genomförande och i vilka roller; hur målgruppen har involverats',
        en: 'Cooperation, partnerships and co-development; who takes part in planning and implementation and in what roles; how the target group is involved',
      },
    },
    {
      key: 'd6',
      number: 6,
      kind: 'rich',
      limit: null,
      title: {
        fi: 'Tulosten mittaaminen ja käytettävät indikaattorit',
        sv: 'Mätning av resultat och indikatorer',
        en: 'Measuring results and the indicators used',
      },
    },
    {
      key: 'd7',
      number: 7,
      kind: 'rich',
      limit: null,
      title: {
        fi: 'Toiminnan jatkuminen teemaan kuuluvien hankkeiden päättymisen jälkeen',
        sv: 'Verksamhetens fortsättning efter att temats projekt har avslutats',
        en: "Continuation after the theme's projects end",
      },
    },
    {
      key: 'd8',
      number: 8,
      kind: 'rich',
      limit: null,
      title: { fi: 'Viestintäsuunnitelma', sv: 'Kommunikationsplan', en: 'Communication plan' },
    },
  ],
};

export const TEMPLATES: Record<DocumentKind, DocumentTemplate> = {
  review: REVIEW_TEMPLATE,
  description: DESCRIPTION_TEMPLATE,
};

/** Section title with the period's cut-off date filled in ("31.10.2024"). */
export function sectionTitle(section: SectionDefinition, locale: keyof LocalizedText, cutOff: string | null): string {
  return section.title[locale].replace('{cutOff}', cutOff ? finnishDate(cutOff) : '');
}

/** "2024-10-31" → "31.10.2024" (the form Finnish documents use in all three languages here). */
export function finnishDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])}.${Number(match[2])}.${match[1]}`;
}
