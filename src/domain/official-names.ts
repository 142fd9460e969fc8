/**
 * The official Swedish names of public bodies that the sources name in Finnish only. Finland's
 * public bodies have both names by law (kielilaki 423/2003 §§ 5, 32); the names below are those
 * the bodies themselves use. Wellbeing services counties are not listed: their Swedish names come
 * from the county data (data/geo, Statistics Finland), the same names the map and the lists show.
 * A name not here stays Finnish and is marked so on Swedish pages ("(på finska)").
 */
export const OFFICIAL_SWEDISH_NAMES: Readonly<Record<string, string>> = {
  // Centres for Economic Development, Transport and the Environment (ELY / NTM), as of the 2024 review.
  'Uudenmaan ELY-keskus': 'NTM-centralen i Nyland',
  'Varsinais-Suomen ELY-keskus': 'NTM-centralen i Egentliga Finland',
  'Satakunnan ELY-keskus': 'NTM-centralen i Satakunta',
  'Hämeen ELY-keskus': 'NTM-centralen i Tavastland',
  'Pirkanmaan ELY-keskus': 'NTM-centralen i Birkaland',
  'Kaakkois-Suomen ELY-keskus': 'NTM-centralen i Sydöstra Finland',
  'Etelä-Savon ELY-keskus': 'NTM-centralen i Södra Savolax',
  'Pohjois-Savon ELY-keskus': 'NTM-centralen i Norra Savolax',
  'Pohjois-Karjalan ELY-keskus': 'NTM-centralen i Norra Karelen',
  'Keski-Suomen ELY-keskus': 'NTM-centralen i Mellersta Finland',
  'Etelä-Pohjanmaan ELY-keskus': 'NTM-centralen i Södra Österbotten',
  'Pohjanmaan ELY-keskus': 'NTM-centralen i Österbotten',
  'Pohjois-Pohjanmaan ELY-keskus': 'NTM-centralen i Norra Österbotten',
  'Kainuun ELY-keskus': 'NTM-centralen i Kajanaland',
  'Lapin ELY-keskus': 'NTM-centralen i Lappland',
  'KEHA-keskus': 'KEHA-centret',
  // Ministries (the pages name them by code through the locales; here for free text such as "organisation").
  'Työ- ja elinkeinoministeriö': 'Arbets- och näringsministeriet',
  'Opetus- ja kulttuuriministeriö': 'Undervisnings- och kulturministeriet',
  'Sosiaali- ja terveysministeriö': 'Social- och hälsovårdsministeriet',
  // Agencies.
  'Terveyden ja hyvinvoinnin laitos': 'Institutet för hälsa och välfärd',
  Opetushallitus: 'Utbildningsstyrelsen',
  'Taiteen edistämiskeskus TAIKE': 'Centret för konstfrämjande Taike',
  // Helsinki organises its social, health and rescue services itself (no wellbeing services
  // county); HUS is the joint authority of the Uusimaa counties and Helsinki for hospital care.
  'Helsingin kaupunki': 'Helsingfors stad',
  'HUS-yhtymä': 'HUS-sammanslutningen',
  // Universities (the keys as the review writes them, capitals and all).
  'Helsingin Yliopisto': 'Helsingfors universitet',
  'Itä-Suomen yliopisto': 'Östra Finlands universitet',
  'Jyväskylän yliopisto': 'Jyväskylä universitet',
  'Lapin Yliopisto': 'Lapplands universitet',
  'Lappeenrannan-Lahden teknillinen yliopisto LUT': 'Villmanstrands-Lahtis tekniska universitet LUT',
  'Oulun yliopisto': 'Uleåborgs universitet',
  'Turun yliopisto': 'Åbo universitet',
  'Vaasan Yliopisto': 'Vasa universitet',
  // Bodies whose one official name is Swedish (the review writes them so): the same name in both.
  'Yrkeshögskolan Arcada Ab': 'Yrkeshögskolan Arcada Ab',
  'Ab Yrkeshögskolan vid Åbo Akademi': 'Ab Yrkeshögskolan vid Åbo Akademi',
  'Åbo Akademi': 'Åbo Akademi',
  'Axxell Utbildning Ab': 'Axxell Utbildning Ab',
  'Business Turku Oy Ab': 'Business Turku Oy Ab',
  'Svenska Framtidsskolan i Helsingforsregionen Ab': 'Svenska Framtidsskolan i Helsingforsregionen Ab',
  'Svenska Österbottens förbund för Utbildning och Kultur': 'Svenska Österbottens förbund för Utbildning och Kultur',
  // Cities with an official Swedish name.
  'Espoon kaupunki': 'Esbo stad',
  'Vantaan kaupunki': 'Vanda stad',
  'Turun kaupunki': 'Åbo stad',
  'Tampereen kaupunki': 'Tammerfors stad',
  'Lappeenrannan kaupunki': 'Villmanstrands stad',
  'Kajaanin kaupunki': 'Kajana stad',
};

/**
 * The Swedish name of a body the sources name in Finnish: its official one from the list above, or
 * a wellbeing services county's from the county names (Finnish → Swedish); null when there is none.
 */
export function officialSwedishName(
  finnish: string,
  countyNames: ReadonlyMap<string, string> = new Map(),
): string | null {
  return OFFICIAL_SWEDISH_NAMES[finnish] ?? countyNames.get(finnish) ?? null;
}
