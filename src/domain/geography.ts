/**
 * Wellbeing services counties (hyvinvointialueet) read from the parsed TopoJSON in
 * data/geo/finland-hva-2021.topo.json. The areas the system uses are the 21 counties plus the City
 * of Helsinki, which organises the services itself and so is shown as an area of its own. Åland is
 * outside every county and is not an area here.
 *
 * Whoever shows the map must show "Aluerajat: Tilastokeskus (CC BY 4.0), Yle" (GEO_ATTRIBUTION).
 */

export const GEO_ATTRIBUTION = 'Aluerajat: Tilastokeskus (CC BY 4.0), Yle';

export const HELSINKI_AREA_ID = 'helsinki';
export const HELSINKI_MUNICIPALITY = '091';

/** Only what these functions read; the arcs and transform are the map's business. */
export type TopoGeometry<P> = { type: string; properties: P };
export type TopoGeometryCollection<P> = { type: 'GeometryCollection'; geometries: TopoGeometry<P>[] };

export type MunicipalityProperties = {
  /** Official three-digit municipality number, e.g. "091". */
  id: string;
  name_fi: string;
  name_sv: string;
  population: number;
  /** County code such as "PI"; empty for Helsinki and Åland. */
  hva_id: string;
};

export type CountyProperties = {
  /** Empty on the one feature holding Helsinki and Åland, whose names are then null. */
  hva_id: string;
  name_fi: string | null;
  name_sv: string | null;
  short_name_fi: string | null;
  short_name_sv: string | null;
  population: number;
};

export type Topology = {
  type: 'Topology';
  objects: {
    munis: TopoGeometryCollection<MunicipalityProperties>;
    hva: TopoGeometryCollection<CountyProperties>;
  };
};

export type Area = {
  /** The county code ("PI"), or "helsinki". */
  id: string;
  name: { fi: string; sv: string };
  shortName: { fi: string; sv: string };
  /** End of 2020, from the file. */
  population: number;
};

// Helsinki's full names are not in the file (its feature there is shared with Åland and unnamed).
const HELSINKI_NAME = { fi: 'Helsingin kaupunki', sv: 'Helsingfors stad' };

const finnishOrder = new Intl.Collator('fi');

function helsinkiMunicipality(topology: Topology): MunicipalityProperties {
  const helsinki = topology.objects.munis.geometries.find((g) => g.properties.id === HELSINKI_MUNICIPALITY);
  if (!helsinki) throw new Error(`Municipality ${HELSINKI_MUNICIPALITY} (Helsinki) is missing from the map data`);
  return helsinki.properties;
}

/**
 * The 21 counties and Helsinki, sorted by their Finnish short name as a list on screen would be.
 * Throws when the data lacks a county's names or Helsinki: that is a broken file, not a state to show.
 */
export function readCounties(topology: Topology): Area[] {
  const areas: Area[] = [];
  for (const { properties: p } of topology.objects.hva.geometries) {
    if (p.hva_id === '') continue; // Helsinki and Åland together; Helsinki is added from its municipality below
    if (p.name_fi === null || p.name_sv === null || p.short_name_fi === null || p.short_name_sv === null) {
      throw new Error(`County ${p.hva_id} has no name in the map data`);
    }
    areas.push({
      id: p.hva_id,
      name: { fi: p.name_fi, sv: p.name_sv },
      shortName: { fi: p.short_name_fi, sv: p.short_name_sv },
      population: p.population,
    });
  }
  const helsinki = helsinkiMunicipality(topology);
  areas.push({
    id: HELSINKI_AREA_ID,
    name: HELSINKI_NAME,
    shortName: { fi: helsinki.name_fi, sv: helsinki.name_sv },
    population: helsinki.population,
  });
  return areas.sort((x, y) => finnishOrder.compare(x.shortName.fi, y.shortName.fi));
}

/**
 * Municipality number → area id. Helsinki maps to "helsinki"; Åland's municipalities are absent,
 * so a lookup that misses means "outside the counties", not an error.
 */
export function municipalityToCounty(topology: Topology): Map<string, string> {
  const counties = new Map<string, string>();
  for (const { properties: m } of topology.objects.munis.geometries) {
    if (m.id === HELSINKI_MUNICIPALITY) counties.set(m.id, HELSINKI_AREA_ID);
    else if (m.hva_id !== '') counties.set(m.id, m.hva_id);
  }
  return counties;
}
