/** Reference data every database needs, demo data or not: counties, municipalities and sectors (data/geo). */
import { readFileSync } from 'node:fs';
import type { Db } from '../database.js';
import { municipalityToCounty, readCounties, type Topology } from '../../domain/geography.js';
import { SECTORS } from '../../domain/sectors.js';

/** Counties, municipalities and sectors: reference data every database needs, demo data or not. */
export async function loadReferenceData(db: Db, topologyPath: string): Promise<void> {
  const topology = JSON.parse(readFileSync(topologyPath, 'utf8')) as Topology;
  const counties = readCounties(topology);
  const countyOf = municipalityToCounty(topology);
  await db.transaction().execute(async (trx) => {
    const known = await trx
      .selectFrom('counties')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(known.count) > 0) return;
    await trx
      .insertInto('counties')
      .values(
        counties.map((county) => ({
          id: county.id,
          name_fi: county.name.fi,
          name_sv: county.name.sv,
          short_name_fi: county.shortName.fi,
          short_name_sv: county.shortName.sv,
          population: county.population,
        })),
      )
      .execute();
    const municipalities = topology.objects.munis.geometries.map((geometry) => ({
      code: geometry.properties.id,
      name_fi: geometry.properties.name_fi,
      name_sv: geometry.properties.name_sv,
      county_id: countyOf.get(geometry.properties.id) ?? null,
    }));
    await trx.insertInto('municipalities').values(municipalities).execute();
    let position = 0;
    for (const sector of SECTORS) {
      await trx
        .insertInto('sectors')
        .values({
          key: sector.key,
          parent_key: null,
          name_fi: sector.name.fi,
          name_sv: sector.name.sv,
          name_en: sector.name.en,
          position: position++,
        })
        .execute();
      for (const service of sector.services) {
        await trx
          .insertInto('sectors')
          .values({
            key: service.key,
            parent_key: sector.key,
            name_fi: service.name.fi,
            name_sv: service.name.sv,
            name_en: service.name.en,
            position: position++,
          })
          .execute();
      }
    }
  });
}
