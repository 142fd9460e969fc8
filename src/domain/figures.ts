/**
 * The key figures coordination projects show about a theme in their slide decks (entities shown as
 * single + group, e.g. "5+7"), computed from plain data so that every theme counts the same way.
 *
 * Three counts users keep apart: project entities (a single project or a group project), projects
 * (a group project has several), and distinct implementer organisations (one organisation may
 * implement several projects and is still one implementer).
 */

/** The three ministries that grant the programme's money (the managing authority is TEM). */
export const MINISTRIES = ['TEM', 'OKM', 'STM'] as const;
export type Ministry = (typeof MINISTRIES)[number];

export const isMinistry = (value: string): value is Ministry => (MINISTRIES as readonly string[]).includes(value);

export type FigureOrganisation = { id: string; type: string | null; countyId: string | null };

export type FigureEntity = {
  kind: 'single' | 'group';
  ministries: Ministry[];
  projects: { implementerId: string; role: 'main' | 'sub' | 'not_stated' }[];
  partnerIds: string[];
  /** Sector keys the entity develops services in; an entity may work in several. */
  sectors: string[];
};

export type CountyCount = { implementers: number; partners: number };

export type ThemeFigures = {
  projectEntities: number;
  singleImplementerEntities: number;
  groupProjects: number;
  projects: number;
  /** Distinct implementer organisations. */
  implementers: number;
  /** Entities per ministry's grant authority; 'joint' when funded from several, 'unknown' when none is recorded. */
  byMinistry: Record<string, number>;
  /** Distinct implementers per organisation type; 'unknown' when the type (or the organisation) is not known. */
  byOrganisationType: Record<string, number>;
  /**
   * Distinct organisations per wellbeing services county id; 'unknown' when the county is not known.
   * An organisation that implements one project and is a partner in another counts in both columns.
   */
  byCounty: Record<string, CountyCount>;
  /** Entities per sector; an entity counts once in each of its sectors. */
  bySector: Record<string, number>;
  /** Distinct partner organisations (an implementer of another entity may also be a partner). */
  partners: number;
  /** Entities with no sector recorded ("sektori kirjaamatta: 12 hanketta"). */
  entitiesWithoutSector: number;
};

export const JOINT = 'joint';
export const UNKNOWN = 'unknown';

/**
 * Keys in code-unit order with 'unknown' last, so the same data always gives the same object (and
 * the same JSON) whatever order the entities came in. Code-unit order rather than a locale
 * collation keeps it independent of the runtime's ICU data. (JavaScript itself puts integer-like
 * keys such as "12" first in numeric order; the keys here are codes and names, not numbers.)
 */
function sortedRecord<V>(entries: Map<string, V>): Record<string, V> {
  const keys = [...entries.keys()].sort((x, y) => {
    if (x === y) return 0;
    if (x === UNKNOWN) return 1;
    if (y === UNKNOWN) return -1;
    return x < y ? -1 : 1;
  });
  return Object.fromEntries(keys.map((key) => [key, entries.get(key)!]));
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function ministryKey(ministries: readonly Ministry[]): string {
  const distinct = new Set(ministries);
  if (distinct.size === 0) return UNKNOWN;
  if (distinct.size > 1) return JOINT;
  return [...distinct][0]!;
}

export function computeThemeFigures(
  entities: readonly FigureEntity[],
  organisations: ReadonlyMap<string, FigureOrganisation>,
): ThemeFigures {
  const implementerIds = new Set<string>();
  const partnerIds = new Set<string>();
  const byMinistry = new Map<string, number>();
  const bySector = new Map<string, number>();
  let singles = 0;
  let groups = 0;
  let projects = 0;
  let withoutSector = 0;

  for (const entity of entities) {
    if (entity.sectors.length === 0) withoutSector++;
    if (entity.kind === 'single') singles++;
    else groups++;
    projects += entity.projects.length;
    for (const project of entity.projects) implementerIds.add(project.implementerId);
    for (const partnerId of entity.partnerIds) partnerIds.add(partnerId);
    increment(byMinistry, ministryKey(entity.ministries));
    for (const sector of new Set(entity.sectors)) increment(bySector, sector);
  }

  const byOrganisationType = new Map<string, number>();
  const byCounty = new Map<string, CountyCount>();
  const countyOf = (id: string): CountyCount => {
    const key = organisations.get(id)?.countyId ?? UNKNOWN;
    let count = byCounty.get(key);
    if (!count) {
      count = { implementers: 0, partners: 0 };
      byCounty.set(key, count);
    }
    return count;
  };
  for (const id of implementerIds) {
    increment(byOrganisationType, organisations.get(id)?.type ?? UNKNOWN);
    countyOf(id).implementers++;
  }
  for (const id of partnerIds) countyOf(id).partners++;

  return {
    projectEntities: entities.length,
    singleImplementerEntities: singles,
    groupProjects: groups,
    projects,
    implementers: implementerIds.size,
    byMinistry: sortedRecord(byMinistry),
    byOrganisationType: sortedRecord(byOrganisationType),
    byCounty: sortedRecord(byCounty),
    bySector: sortedRecord(bySector),
    partners: partnerIds.size,
    entitiesWithoutSector: withoutSector,
  };
}

/**
 * The counties with no implementer and no partner, in the order given, so the map can name them.
 */
export function countiesWithout(figures: ThemeFigures, allCountyIds: readonly string[]): string[] {
  return allCountyIds.filter((id) => {
    // hasOwn: a plain object would otherwise answer for ids like "constructor".
    const count = Object.hasOwn(figures.byCounty, id) ? figures.byCounty[id] : undefined;
    return count === undefined || (count.implementers === 0 && count.partners === 0);
  });
}
