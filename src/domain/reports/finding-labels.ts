/**
 * What each kind of import finding is called, for the check report sent to the coordination
 * projects (documents/review/check-report.ts): a short name per code and per severity, fi/sv/en.
 */
import type { LocalizedText } from '../errors.js';
import type { Finding, FindingCode } from './review-import.js';

export const FINDING_LABELS: Record<FindingCode, LocalizedText> = {
  section_over_limit: {
    fi: 'Osio ylittää merkkirajan',
    sv: 'Avsnittet överskrider teckengränsen',
    en: 'Section over its limit',
  },
  section_missing: { fi: 'Osio puuttuu', sv: 'Avsnitt saknas', en: 'Section missing' },
  section_empty: { fi: 'Osio on tyhjä', sv: 'Avsnittet är tomt', en: 'Section empty' },
  placeholder: { fi: 'Täyttämätön mallipohjan kohta', sv: 'Ifyllnadstext kvar från mallen', en: 'Placeholder left in' },
  amount_unreadable: { fi: 'Summaa ei voi lukea', sv: 'Beloppet kan inte läsas', en: 'Amount unreadable' },
  amount_missing: { fi: 'Summa puuttuu', sv: 'Belopp saknas', en: 'Amount missing' },
  amount_unit: {
    fi: 'Valuutta puuttuu tai on outo',
    sv: 'Valuta saknas eller är ovanlig',
    en: 'Currency missing or odd',
  },
  amount_range: {
    fi: 'Summa on epätavallisen suuri tai pieni',
    sv: 'Beloppet är ovanligt stort eller litet',
    en: 'Amount out of range',
  },
  amounts_identical: { fi: 'Luvut ovat samat', sv: 'Siffrorna är identiska', en: 'Figures identical' },
  figure_order: {
    fi: 'Lukujen järjestys on ristiriitainen',
    sv: 'Siffrornas ordning är motsägelsefull',
    en: 'Figures out of order',
  },
  email_malformed: { fi: 'Virheellinen sähköpostiosoite', sv: 'Felaktig e-postadress', en: 'Malformed e-mail address' },
  email_domain: {
    fi: 'Epätavallinen sähköpostin verkkotunnus',
    sv: 'Ovanlig e-postdomän',
    en: 'Unusual e-mail domain',
  },
  link_malformed: { fi: 'Virheellinen linkki', sv: 'Felaktig länk', en: 'Malformed link' },
  link_without_address: { fi: 'Linkiltä puuttuu osoite', sv: 'Länken saknar adress', en: 'Link without an address' },
  field_missing: { fi: 'Otsikkotieto puuttuu', sv: 'Rubrikuppgift saknas', en: 'Header field missing' },
  project_list_missing: { fi: 'Hankelista puuttuu', sv: 'Projektlistan saknas', en: 'Project list missing' },
  project_unknown: { fi: 'Tuntematon hanke', sv: 'Okänt projekt', en: 'Unknown project' },
  project_not_listed: { fi: 'Hanke puuttuu listasta', sv: 'Projekt saknas i listan', en: 'Project not listed' },
  figure_differs: {
    fi: 'Luku eroaa järjestelmän luvusta',
    sv: 'Siffran skiljer sig från systemets',
    en: "Figure differs from the system's",
  },
  theme_unmatched: { fi: 'Tunnistamaton teema', sv: 'Okänt tema', en: 'Theme not recognised' },
  header_field_content: {
    fi: 'Otsikkotiedossa on muuta sisältöä',
    sv: 'Rubrikuppgiften har annat innehåll',
    en: 'Header field holds something else',
  },
  amount_vague: { fi: 'Likimääräinen summa', sv: 'Ungefärligt belopp', en: 'Approximate amount' },
  amount_sum_text: {
    fi: 'Summa kirjoitettu yhteenlaskuna',
    sv: 'Belopp skrivet som summa',
    en: 'Amount written as a sum',
  },
  amount_rounded: { fi: 'Pyöristetty summa', sv: 'Avrundat belopp', en: 'Rounded amount' },
  amount_format_mixed: { fi: 'Summat eri muodoissa', sv: 'Belopp i olika format', en: 'Mixed amount formats' },
  figure_text_mismatch: {
    fi: 'Teksti ja luvut ristiriidassa',
    sv: 'Texten motsäger siffrorna',
    en: 'Text contradicts the figures',
  },
  count_mismatch: {
    fi: 'Lukumäärä ei vastaa listaa',
    sv: 'Antalet stämmer inte med listan',
    en: 'Count differs from the list',
  },
  project_after_cutoff: {
    fi: 'Hanke tarkasteluajankohdan jälkeen',
    sv: 'Projekt efter brytdagen',
    en: 'Project after the cut-off',
  },
  calls_after_period: {
    fi: 'Hakuja teeman kauden jälkeen',
    sv: 'Utlysningar efter temats period',
    en: "Calls after the theme's period",
  },
  contact_inconsistent: {
    fi: 'Yhteystiedot eroavat teemojen välillä',
    sv: 'Kontaktuppgifterna skiljer sig mellan teman',
    en: 'Contact details differ between themes',
  },
  contact_unreachable: {
    fi: 'Yhteyshenkilöä ei voi tavoittaa',
    sv: 'Kontaktpersonen går inte att nå',
    en: 'Contact cannot be reached',
  },
  ministry_missing: { fi: 'Ministeriö puuttuu', sv: 'Ministerium saknas', en: 'Ministry missing' },
  text_repeated: { fi: 'Toistuva teksti', sv: 'Upprepad text', en: 'Repeated text' },
  text_copied: {
    fi: 'Toisesta teemasta kopioitu teksti',
    sv: 'Text kopierad från ett annat tema',
    en: 'Text copied from another theme',
  },
};

export const SEVERITY_LABELS: Record<Finding['severity'], LocalizedText> = {
  error: { fi: 'Virhe', sv: 'Fel', en: 'Error' },
  warning: { fi: 'Varoitus', sv: 'Varning', en: 'Warning' },
  info: { fi: 'Huomio', sv: 'Observation', en: 'Note' },
};
