/**
 * A review text in the layout of the 2024 template, written from the dataset itself (names, the
 * figures as the seed wrote them, contacts, section 7 codes), with known problems put in at known
 * places. Lets the importer be tested without the seed documents, so CI is not all skips.
 */
import type { Dataset } from '../../src/db/dataset/read-dataset.js';

export type FixtureProblem = { theme: number; code: string; line: number };

const FILLER = 'Teeman toiminta eteni suunnitelman mukaisesti ja hankkeet raportoivat tuloksistaan säännöllisesti. ';

export function buildReviewFixture(dataset: Dataset): { text: string; problems: FixtureProblem[] } {
  const lines: string[] = [
    'UUDISTUVA JA OSAAVA SUOMI 2021-2027',
    'ESR+ Valtakunnallisten teemojen toteutuskatsaus',
    'Katsaus 31.10.2024 mennessä toteutuneeseen valtakunnallisten teemojen toimintaan ja tuloksiin.',
    '',
  ];
  const problems: FixtureProblem[] = [];
  const themes = [...dataset.themes].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  themes.forEach((theme, index) => {
    const push = (line: string) => lines.push(line);
    const finance = theme.finance.at(-1)!;
    const contacts = theme.contacts.filter((c) => c.role !== 'ministry');
    const ministryContacts = theme.contacts.filter((c) => c.role === 'ministry');
    push('Valtakunnallinen teema');
    push(theme.name.fi);
    push('Yhteyshenkilöt (koordinaatio tms.');
    push('hankkeen yhteyshenkilö ja rahoittajan');
    push('vastuuhenkilö)');
    for (const c of contacts) push([c.name, c.organisation, c.email, c.phone].filter(Boolean).join(', '));
    if (index === 1) {
      push('Teemakoordinaattori, etunimi.sukunimi@thl.fi');
      problems.push({ theme: index, code: 'placeholder', line: lines.length });
    }
    push('Vastuullinen hallinnonala ja ministeriön');
    push('vastuuhenkilön yhteystiedot');
    for (const c of ministryContacts) push([c.ministry, c.name, c.email].filter(Boolean).join(' '));
    if (index === 2) {
      push('Ministeriö: Matti Meikäläinen, matti.meikalainen@gof.fi');
      problems.push({ theme: index, code: 'email_domain', line: lines.length });
    }
    push(`Teeman toteutusaika ${theme.period.text ?? '2021-2027'}`);
    push('Teeman (EU+ valtio):');
    const figureLines: [string, string][] = [
      ['a) julkinen rahoituskehys', finance.frame?.text ?? ''],
      ['b) varaukset', finance.reserved?.text ?? ''],
      ['c) sidotut valtuudet', finance.committed?.text ?? ''],
      ['d) maksetut kustannukset', finance.paid?.text ?? ''],
    ];
    // Both layouts of the seed: label and value on one line, and labels first, values after.
    if (index % 2 === 0) for (const [label, value] of figureLines) push(`${label} ${value}`.trim());
    else {
      for (const [label] of figureLines) push(label);
      for (const [label, value] of figureLines) push(`${label.slice(0, 2)} ${value || 'ei vielä'}`);
    }
    push('1) Tiivis kuvaus valtakunnallisen teeman sisällöstä ja teemassa rahoitettujen hankkeiden');
    push('lukumäärä (max. 2000 merkkiä).');
    push(`${FILLER}Teemassa on rahoitettu ${theme.statedProjectCount ?? 'useita'} hanketta.`);
    push('2) Kuvaus valtakunnallisen teeman konkreettisesta toiminnasta 31.10.2024 mennessä (max.');
    push('4000 merkkiä).');
    if (index === 3) problems.push({ theme: index, code: 'section_over_limit', line: lines.length - 1 });
    const repeat = index === 3 ? 50 : 3;
    for (let i = 0; i < repeat; i++) push(FILLER.trim());
    push('3) Arvio valtakunnalliselle teemalle asetettujen tavoitteiden saavuttamisesta tarkastelujaksolla');
    push('ja kumulatiivisesti toiminnan käynnistymisestä (max. 2000 merkkiä).');
    push(FILLER.trim());
    push('4) Kuvaus tulevana vuonna toteutettavasta toiminnasta ja suunnitteluista painotuksista (esim.');
    push('hakuihin liittyen) (max. 2000 merkkiä)');
    push(FILLER.trim());
    if (index === 4) {
      push('http://www.verkkosivu.fi/');
      problems.push({ theme: index, code: 'placeholder', line: lines.length });
    }
    push('5) Kuvaus teeman yhteyksistä alueelliseen toimintaan, esim. toteutuneet toimenpiteet ja');
    push('yhteistyö (max. 2000 merkkiä)');
    push(FILLER.trim());
    push('6) Linkkejä valtakunnallisesta teemasta kertoville verkkosivuille');
    for (const link of theme.links) push(link.url);
    if (index === 5) {
      push('Teeman sivu | Rakennerahastot');
      problems.push({ theme: index, code: 'link_without_address', line: lines.length });
    }
    push('7) Valtakunnallisesta teemasta rahoitettujen hankkeiden lista');
    for (const entity of dataset.projectEntities.filter((e) => e.theme === theme.slug)) {
      if (entity.groupCode) push(`${entity.groupCode} ${entity.name.fi}`);
      for (const project of entity.projects) if (project.code) push(`${project.code} ${project.implementer}`);
    }
    push('');
  });
  return { text: lines.join('\n'), problems };
}
