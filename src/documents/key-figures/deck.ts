/**
 * A theme's key figures as a coordination deck: the slides a steering group sees (entities, single
 * vs group, implementers counted both ways, the ministry split, sectors by area, implementers by
 * organisation type, implementers and partners by county), each with its title, its numbers and
 * what is not known said as a number with where it is filled in. The page, the charts (SVG, PNG)
 * and the PPTX all draw this one model, so they show the same numbers.
 */
import type { ThemeFigures } from '../../contracts/api.js';
import { MINISTRIES } from '../../domain/figures.js';
import { SECTORS, sectorLabel } from '../../domain/sectors.js';
import { sectorAreaOf } from '../../domain/key-figure-facts.js';

export type DeckLanguage = 'fi' | 'sv' | 'en';

export type DeckRow = {
  key: string;
  label: string;
  value: number;
  /** A second number where the slide has two (partners beside implementers). */
  second?: number;
  /** The group a row belongs to (a sector's area). */
  group?: string;
};

/** Where a missing fact is filled in: the facts page, at this part. */
export type FillIn = 'ministries' | 'sectors' | 'organisations';

export type DeckSlide = {
  key: 'entities' | 'implementers' | 'ministries' | 'sectors' | 'organisation-types' | 'counties';
  title: string;
  /** The slide's message in one sentence, with its numbers ("30 toteuttajaa hankkeissa, 29 eri organisaatiota"). */
  summary: string;
  valueLabel: string;
  secondLabel?: string;
  rows: DeckRow[];
  unknown?: { count: number; text: string; fillIn: FillIn };
  /** The counties with no implementer and no partner (the map slide). */
  none?: { title: string; names: string[] };
};

export type Deck = {
  language: DeckLanguage;
  theme: { slug: string; name: string };
  service: string;
  euCoFunding: string;
  attribution: string;
  slides: DeckSlide[];
};

const SERVICE = {
  fi: 'Teemaseuranta – Uudistuva ja osaava Suomi 2021–2027, valtakunnalliset teemat',
  sv: 'Temauppföljning – Förnyande och kompetent Finland 2021–2027, nationella teman',
  en: 'Theme monitoring – Innovative and Skilled Finland 2021–2027, national themes',
};
const EU = {
  fi: 'Euroopan unionin osarahoittama',
  sv: 'Medfinansieras av Europeiska unionen',
  en: 'Co-funded by the European Union',
};
const ATTRIBUTION = {
  fi: 'Aluerajat: Tilastokeskus (CC BY 4.0), Yle',
  sv: 'Områdesgränser: Statistikcentralen (CC BY 4.0), Yle',
  en: 'Boundaries: Statistics Finland (CC BY 4.0), Yle',
};

const MINISTRY_NAMES: Record<string, Record<DeckLanguage, string>> = {
  OKM: {
    fi: 'OKM (opetus- ja kulttuuriministeriö)',
    sv: 'UKM (undervisnings- och kulturministeriet)',
    en: 'OKM (Ministry of Education and Culture)',
  },
  STM: {
    fi: 'STM (sosiaali- ja terveysministeriö)',
    sv: 'SHM (social- och hälsovårdsministeriet)',
    en: 'STM (Ministry of Social Affairs and Health)',
  },
  TEM: {
    fi: 'TEM (työ- ja elinkeinoministeriö)',
    sv: 'ANM (arbets- och näringsministeriet)',
    en: 'TEM (Ministry of Economic Affairs and Employment)',
  },
  joint: {
    fi: 'Yhteisrahoitteiset (kaksi tai useampi ministeriö)',
    sv: 'Samfinansierade (två eller fler ministerier)',
    en: 'Shared (two or more ministries)',
  },
};

const TYPE_NAMES: Record<string, Record<DeckLanguage, string>> = {
  association: { fi: 'Yhdistys', sv: 'Förening', en: 'Association' },
  foundation: { fi: 'Säätiö', sv: 'Stiftelse', en: 'Foundation' },
  university_of_applied_sciences: {
    fi: 'Ammattikorkeakoulu',
    sv: 'Yrkeshögskola',
    en: 'University of applied sciences',
  },
  university: { fi: 'Yliopisto', sv: 'Universitet', en: 'University' },
  municipality: { fi: 'Kunta', sv: 'Kommun', en: 'Municipality' },
  joint_municipal_authority: { fi: 'Kuntayhtymä', sv: 'Samkommun', en: 'Joint municipal authority' },
  wellbeing_services_county: { fi: 'Hyvinvointialue', sv: 'Välfärdsområde', en: 'Wellbeing services county' },
  state_agency: {
    fi: 'Valtion virasto tai laitos',
    sv: 'Statligt ämbetsverk eller inrättning',
    en: 'State agency or institute',
  },
  company: { fi: 'Yritys', sv: 'Företag', en: 'Company' },
  parish: { fi: 'Seurakunta', sv: 'Församling', en: 'Parish' },
  other: { fi: 'Muu', sv: 'Annan', en: 'Other' },
};

const n = (value: number, lang: DeckLanguage) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang).format(value);

/** "1 hanke" / "12 hanketta", in each language. */
function entities(count: number, lang: DeckLanguage): string {
  const forms = { fi: ['hanke', 'hanketta'], sv: ['projekt', 'projekt'], en: ['project', 'projects'] }[lang];
  return `${n(count, lang)} ${count === 1 ? forms[0] : forms[1]}`;
}
function organisations(count: number, lang: DeckLanguage): string {
  const forms = {
    fi: ['organisaatio', 'organisaatiota'],
    sv: ['organisation', 'organisationer'],
    en: ['organisation', 'organisations'],
  }[lang];
  return `${n(count, lang)} ${count === 1 ? forms[0] : forms[1]}`;
}

export type CountyName = { id: string; name: { fi: string; sv: string } };

export function buildDeck(
  figures: ThemeFigures,
  theme: { slug: string; name: string },
  counties: readonly CountyName[],
  lang: DeckLanguage,
): Deck {
  const nameOf = (id: string) => {
    const county = counties.find((c) => c.id === id);
    return county ? (lang === 'sv' ? county.name.sv : county.name.fi) : id;
  };
  const slides: DeckSlide[] = [];
  const t = (texts: Record<DeckLanguage, string>) => texts[lang];

  slides.push({
    key: 'entities',
    title: t({ fi: 'Hankekokonaisuudet', sv: 'Projekthelheter', en: 'Project entities' }),
    summary: t({
      fi: `${n(figures.projectEntities, lang)} hankekokonaisuutta: ${n(figures.singleImplementerEntities, lang)} yhden toteuttajan hanketta ja ${n(figures.groupProjects, lang)} ryhmähanketta`,
      sv: `${n(figures.projectEntities, lang)} projekthelheter: ${n(figures.singleImplementerEntities, lang)} projekt med en genomförare och ${n(figures.groupProjects, lang)} gruppprojekt`,
      en: `${n(figures.projectEntities, lang)} project entities: ${n(figures.singleImplementerEntities, lang)} single-implementer projects and ${n(figures.groupProjects, lang)} group projects`,
    }),
    valueLabel: t({ fi: 'Hankekokonaisuuksia', sv: 'Projekthelheter', en: 'Project entities' }),
    rows: [
      {
        key: 'single',
        label: t({
          fi: 'Yhden toteuttajan hankkeet',
          sv: 'Projekt med en genomförare',
          en: 'Single-implementer projects',
        }),
        value: figures.singleImplementerEntities,
      },
      {
        key: 'group',
        label: t({ fi: 'Ryhmähankkeet', sv: 'Gruppprojekt', en: 'Group projects' }),
        value: figures.groupProjects,
      },
    ],
  });

  slides.push({
    key: 'implementers',
    title: t({ fi: 'Toteuttajat ja kumppanit', sv: 'Genomförare och partner', en: 'Implementers and partners' }),
    summary: t({
      fi: `${n(figures.projects, lang)} toteuttajaa hankkeissa, ${n(figures.implementers, lang)} eri organisaatiota; kumppaneita ${n(figures.partners, lang)}`,
      sv: `${n(figures.projects, lang)} genomförare i projekten, ${n(figures.implementers, lang)} olika organisationer; partner ${n(figures.partners, lang)}`,
      en: `${n(figures.projects, lang)} implementers in the projects, ${n(figures.implementers, lang)} different organisations; partners ${n(figures.partners, lang)}`,
    }),
    valueLabel: t({ fi: 'Lukumäärä', sv: 'Antal', en: 'Number' }),
    rows: [
      {
        key: 'implementer-places',
        label: t({
          fi: 'Toteuttajaa hankkeissa (organisaatio kerran kussakin hankkeessaan)',
          sv: 'Genomförare i projekten (en organisation en gång i varje projekt)',
          en: 'Implementers in the projects (an organisation once in each of its projects)',
        }),
        value: figures.projects,
      },
      {
        key: 'implementers',
        label: t({
          fi: 'Eri toteuttajaorganisaatiota (kukin kerran)',
          sv: 'Olika genomförande organisationer (var och en en gång)',
          en: 'Different implementing organisations (each once)',
        }),
        value: figures.implementers,
      },
      {
        key: 'partners',
        label: t({
          fi: 'Eri kumppaniorganisaatiota',
          sv: 'Olika partnerorganisationer',
          en: 'Different partner organisations',
        }),
        value: figures.partners,
      },
    ],
  });

  const unknownMinistry = figures.byMinistry.unknown ?? 0;
  slides.push({
    key: 'ministries',
    title: t({
      fi: 'Rahoittava ministeriö',
      sv: 'Finansierande ministerium',
      en: 'Funding ministry',
    }),
    summary: t({
      fi: `Hankekokonaisuudet rahoittavan ministeriön mukaan; yhteisrahoitteisia ${entities(figures.byMinistry.joint ?? 0, lang)}`,
      sv: `Projekthelheterna efter finansierande ministerium; samfinansierade ${entities(figures.byMinistry.joint ?? 0, lang)}`,
      en: `Project entities by funding ministry; shared ${entities(figures.byMinistry.joint ?? 0, lang)}`,
    }),
    valueLabel: t({ fi: 'Hankekokonaisuuksia', sv: 'Projekthelheter', en: 'Project entities' }),
    rows: [...MINISTRIES.slice().sort(), 'joint'].map((key) => ({
      key,
      label: MINISTRY_NAMES[key]![lang],
      value: figures.byMinistry[key] ?? 0,
    })),
    ...(unknownMinistry > 0
      ? {
          unknown: {
            count: unknownMinistry,
            text: t({
              fi: `rahoittava ministeriö kirjaamatta: ${entities(unknownMinistry, lang)}`,
              sv: `finansierande ministerium inte registrerat: ${entities(unknownMinistry, lang)}`,
              en: `funding ministry not recorded: ${entities(unknownMinistry, lang)}`,
            }),
            fillIn: 'ministries' as const,
          },
        }
      : {}),
  });

  const sectorRows: DeckRow[] = [];
  for (const sector of SECTORS) {
    for (const key of [sector.key, ...sector.services.map((s) => s.key)]) {
      const value = figures.bySector[key] ?? 0;
      if (value > 0) sectorRows.push({ key, label: sectorLabel(key, lang), value, group: sector.name[lang] });
    }
  }
  for (const [key, value] of Object.entries(figures.bySector)) {
    if (!sectorAreaOf(key)) sectorRows.push({ key, label: key, value });
  }
  slides.push({
    key: 'sectors',
    title: t({ fi: 'Sektorit ja palvelut', sv: 'Sektorer och tjänster', en: 'Sectors and services' }),
    summary: t({
      fi: 'Hankekokonaisuudet sektorin mukaan alueittain; kokonaisuus lasketaan kerran kullakin sektorillaan',
      sv: 'Projekthelheterna efter sektor och område; en helhet räknas en gång i varje sektor',
      en: 'Project entities by sector, grouped by area; an entity counts once in each of its sectors',
    }),
    valueLabel: t({ fi: 'Hankekokonaisuuksia', sv: 'Projekthelheter', en: 'Project entities' }),
    rows: sectorRows,
    ...(figures.entitiesWithoutSector > 0
      ? {
          unknown: {
            count: figures.entitiesWithoutSector,
            text: t({
              fi: `sektori kirjaamatta: ${entities(figures.entitiesWithoutSector, lang)}`,
              sv: `sektor inte registrerad: ${entities(figures.entitiesWithoutSector, lang)}`,
              en: `sector not recorded: ${entities(figures.entitiesWithoutSector, lang)}`,
            }),
            fillIn: 'sectors' as const,
          },
        }
      : {}),
  });

  const unknownType = figures.byOrganisationType.unknown ?? 0;
  slides.push({
    key: 'organisation-types',
    title: t({
      fi: 'Toteuttajat organisaatiotyypin mukaan',
      sv: 'Genomförare efter organisationstyp',
      en: 'Implementers by organisation type',
    }),
    summary: t({
      fi: `${organisations(figures.implementers, lang)} toteuttajana, tyypin mukaan`,
      sv: `${organisations(figures.implementers, lang)} som genomförare, efter typ`,
      en: `${organisations(figures.implementers, lang)} implementing, by type`,
    }),
    valueLabel: t({ fi: 'Toteuttajia', sv: 'Genomförare', en: 'Implementers' }),
    rows: Object.entries(figures.byOrganisationType)
      .filter(([key]) => key !== 'unknown')
      .map(([key, value]) => ({ key, label: TYPE_NAMES[key]?.[lang] ?? key, value }))
      .sort((x, y) => y.value - x.value || x.label.localeCompare(y.label, lang)),
    ...(unknownType > 0
      ? {
          unknown: {
            count: unknownType,
            text: t({
              fi: `organisaatiotyyppi kirjaamatta: ${organisations(unknownType, lang)}`,
              sv: `organisationstyp inte registrerad: ${organisations(unknownType, lang)}`,
              en: `organisation type not recorded: ${organisations(unknownType, lang)}`,
            }),
            fillIn: 'organisations' as const,
          },
        }
      : {}),
  });

  const unknownCounty = figures.byCounty.unknown;
  const unknownCountyCount = unknownCounty ? unknownCounty.implementers + unknownCounty.partners : 0;
  slides.push({
    key: 'counties',
    title: t({
      fi: 'Toteuttajat ja kumppanit hyvinvointialueittain',
      sv: 'Genomförare och partner per välfärdsområde',
      en: 'Implementers and partners by wellbeing services county',
    }),
    summary: t({
      fi: `Toteuttajia tai kumppaneita ${n(Object.keys(figures.byCounty).filter((id) => id !== 'unknown').length, lang)} alueella; ${n(figures.countiesWithoutImplementers.length, lang)} alueella ei yhtään`,
      sv: `Genomförare eller partner i ${n(Object.keys(figures.byCounty).filter((id) => id !== 'unknown').length, lang)} områden; i ${n(figures.countiesWithoutImplementers.length, lang)} områden inga`,
      en: `Implementers or partners in ${n(Object.keys(figures.byCounty).filter((id) => id !== 'unknown').length, lang)} counties; none in ${n(figures.countiesWithoutImplementers.length, lang)}`,
    }),
    valueLabel: t({ fi: 'Toteuttajia', sv: 'Genomförare', en: 'Implementers' }),
    secondLabel: t({ fi: 'Kumppaneita', sv: 'Partner', en: 'Partners' }),
    rows: Object.entries(figures.byCounty)
      .filter(([id]) => id !== 'unknown')
      .map(([id, count]) => ({ key: id, label: nameOf(id), value: count.implementers, second: count.partners }))
      .sort((x, y) => x.label.localeCompare(y.label, 'fi')),
    none: {
      title: t({
        fi: 'Alueet, joilla ei toteuttajia eikä kumppaneita',
        sv: 'Områden utan genomförare och partner',
        en: 'Counties with no implementers and no partners',
      }),
      names: figures.countiesWithoutImplementers.map((c) => nameOf(c.id)),
    },
    ...(unknownCountyCount > 0
      ? {
          unknown: {
            count: unknownCountyCount,
            text: t({
              fi: `alue kirjaamatta: ${organisations(unknownCountyCount, lang)} (kunta puuttuu)`,
              sv: `område inte registrerat: ${organisations(unknownCountyCount, lang)} (kommun saknas)`,
              en: `county not recorded: ${organisations(unknownCountyCount, lang)} (no municipality)`,
            }),
            fillIn: 'organisations' as const,
          },
        }
      : {}),
  });

  return {
    language: lang,
    theme,
    service: SERVICE[lang],
    euCoFunding: EU[lang],
    attribution: ATTRIBUTION[lang],
    slides,
  };
}
