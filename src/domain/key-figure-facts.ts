/**
 * The rules of the facts behind a theme's key figures: an entity's funding ministries with their
 * shares, its sectors from the service's list, and where an organisation is (its county). Pure:
 * the write use cases call these and turn the problems into a refusal naming the field.
 */
import type { LocalizedText } from './errors.js';
import { isMinistry, type Ministry } from './figures.js';
import { SECTORS } from './sectors.js';

export type FactProblem = { field: string; message: LocalizedText };

export type MinistryShare = { ministry: string; share: number | null };

/** Every sector and service key of the service's list (SECTORS), in the list's order. */
export const SECTOR_KEYS: readonly string[] = SECTORS.flatMap((sector) => [
  sector.key,
  ...sector.services.map((service) => service.key),
]);

/** The sector area (top-level key) of a sector or service key; undefined for a key outside the list. */
export function sectorAreaOf(key: string): string | undefined {
  for (const sector of SECTORS) {
    if (sector.key === key || sector.services.some((service) => service.key === key)) return sector.key;
  }
  return undefined;
}

/**
 * An entity's ministries: each once, shares whole percents 1–100 that add up to 100. One ministry
 * without a share is 100 %; several need every share (a "shared" entity is one with two or more).
 */
export function checkMinistryShares(shares: readonly MinistryShare[], field = 'ministries'): FactProblem[] {
  const problems: FactProblem[] = [];
  const seen = new Set<string>();
  for (const [index, share] of shares.entries()) {
    if (!isMinistry(share.ministry)) {
      problems.push({
        field: `${field}.${index}.ministry`,
        message: {
          fi: 'Ministeriö on OKM, STM tai TEM.',
          sv: 'Ministeriet är UKM, SHM eller ANM (OKM, STM, TEM).',
          en: 'The ministry is OKM, STM or TEM.',
        },
      });
    } else if (seen.has(share.ministry)) {
      problems.push({
        field: `${field}.${index}.ministry`,
        message: {
          fi: 'Sama ministeriö on annettu kahdesti.',
          sv: 'Samma ministerium har angetts två gånger.',
          en: 'The same ministry is given twice.',
        },
      });
    }
    seen.add(share.ministry);
    if (share.share !== null && !(Number.isInteger(share.share) && share.share >= 1 && share.share <= 100)) {
      problems.push({
        field: `${field}.${index}.share`,
        message: {
          fi: 'Osuus on kokonainen prosentti 1–100.',
          sv: 'Andelen är en hel procent 1–100.',
          en: 'The share is a whole percent from 1 to 100.',
        },
      });
    }
  }
  if (problems.length > 0) return problems;
  if (shares.length > 1 && shares.some((share) => share.share === null)) {
    problems.push({
      field: `${field}.${shares.findIndex((share) => share.share === null)}.share`,
      message: {
        fi: 'Kun ministeriöitä on useampi, jokaisen osuus on annettava.',
        sv: 'När det finns flera ministerier ska varje andel anges.',
        en: 'With several ministries, each share must be given.',
      },
    });
    return problems;
  }
  const total = shares.reduce((sum, share) => sum + (share.share ?? 100), 0);
  if (shares.length > 0 && total !== 100) {
    problems.push({
      field,
      message: {
        fi: `Osuuksien summa on ${total} %, sen pitää olla 100 %.`,
        sv: `Andelarnas summa är ${total} %, den ska vara 100 %.`,
        en: `The shares add up to ${total} %; they must add up to 100 %.`,
      },
    });
  }
  return problems;
}

/** Shares as stored: a lone ministry is 100 %. */
export function normaliseShares(shares: readonly MinistryShare[]): { ministry: Ministry; share: number }[] {
  return shares.map((share) => ({
    ministry: share.ministry as Ministry,
    share: share.share ?? (shares.length === 1 ? 100 : 0),
  }));
}

export function checkSectors(keys: readonly string[], field = 'sectors'): FactProblem[] {
  return keys.flatMap((key, index) =>
    SECTOR_KEYS.includes(key)
      ? []
      : [
          {
            field: `${field}.${index}`,
            message: {
              fi: `Sektoria ”${key}” ei ole palvelun sektoriluettelossa.`,
              sv: `Sektorn ”${key}” finns inte i tjänstens sektorlista.`,
              en: `The sector "${key}" is not in the service's list of sectors.`,
            },
          },
        ],
  );
}

export const unknownMunicipality = (field: string, code: string): FactProblem => ({
  field,
  message: {
    fi: `Kuntanumeroa ${code} ei ole (kolminumeroinen virallinen kuntanumero, esim. 091).`,
    sv: `Kommunnumret ${code} finns inte (officiellt tresiffrigt kommunnummer, t.ex. 091).`,
    en: `There is no municipality number ${code} (the official three-digit number, e.g. 091).`,
  },
});

/**
 * Where an organisation is: a county stated for it (a wellbeing services county organisation is in
 * its own county) comes first, then its municipality's county; null when neither is known.
 */
export function organisationCounty(own: string | null, ofMunicipality: string | null): string | null {
  return own ?? ofMunicipality;
}

/**
 * The county a wellbeing services county organisation is, from its name: the county whose official
 * Finnish name the organisation carries ("Pirkanmaan hyvinvointialue" → PI). Undefined when the
 * name is no county's.
 */
export function countyByOwnName(
  name: string,
  counties: readonly { id: string; name: { fi: string } }[],
): string | undefined {
  const wanted = name.trim().toLocaleLowerCase('fi');
  return counties.find((county) => county.name.fi.toLocaleLowerCase('fi') === wanted)?.id;
}
