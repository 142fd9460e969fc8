/**
 * Streams the open-data export (src/contracts/open-data.ts) as JSON text, chunk by chunk, so that
 * any size of dataset is written with constant memory.
 */
import { setImmediate } from 'node:timers/promises';
import type { Db } from '../db/database.js';
import {
  activitiesForExport,
  activityFiguresForExport,
  callsForExport,
  keyFiguresForExport,
  organisationsForExport,
  publishedMinutesForExport,
  steeringGroupsForExport,
  themesForExport,
} from '../db/repositories/open-data.js';
import { OPEN_DATA_SCHEMA_VERSION } from '../contracts/open-data.js';

const FUNDING_ORGANISATIONS = [
  {
    id: 'TEM',
    name: {
      fi: 'Työ- ja elinkeinoministeriö',
      sv: 'Arbets- och näringsministeriet',
      en: 'Ministry of Economic Affairs and Employment',
    },
  },
  {
    id: 'OKM',
    name: {
      fi: 'Opetus- ja kulttuuriministeriö',
      sv: 'Undervisnings- och kulturministeriet',
      en: 'Ministry of Education and Culture',
    },
  },
  {
    id: 'STM',
    name: {
      fi: 'Sosiaali- ja terveysministeriö',
      sv: 'Social- och hälsovårdsministeriet',
      en: 'Ministry of Social Affairs and Health',
    },
  },
];

async function* jsonArray(items: AsyncIterable<unknown>): AsyncGenerator<string> {
  let first = true;
  let buffer = '';
  for await (const item of items) {
    buffer += (first ? '\n' : ',\n') + JSON.stringify(item);
    first = false;
    // Hand over ~64 KB at a time: fewer, larger writes than one per record.
    if (buffer.length >= 65_536) {
      yield buffer;
      buffer = '';
      // better-sqlite3 answers synchronously, so without this the whole export would run in
      // microtasks: no other request, no health check, no socket drain until it ends (at the EU's
      // size four minutes; found by the benchmark).
      await setImmediate();
    }
  }
  yield `${buffer}${first ? '' : '\n'}]`;
}

export async function* openDataExport(db: Db, generatedAt: Date): AsyncGenerator<string> {
  const header = {
    schemaVersion: OPEN_DATA_SCHEMA_VERSION,
    generatedAt: generatedAt.toISOString(),
    publisher: {
      name: 'Teemaseuranta',
      programme: 'Uudistuva ja osaava Suomi 2021–2027 (ESR+), valtakunnalliset teemat',
    },
    currency: 'EUR',
    amountUnit: 'cents',
    fundingOrganisations: FUNDING_ORGANISATIONS,
  };
  yield `${JSON.stringify(header).slice(0, -1)},\n"themes":[`;
  yield* jsonArray(themesForExport(db));
  yield ',\n"organisations":[';
  yield* jsonArray(organisationsForExport(db));
  yield ',\n"activities":[';
  yield* jsonArray(activitiesForExport(db));
  yield ',\n"calls":[';
  yield* jsonArray(callsForExport(db));
  yield ',\n"keyFigures":[';
  yield* jsonArray(keyFiguresForExport(db));
  yield ',\n"activityFigures":[';
  yield* jsonArray(activityFiguresForExport(db));
  yield ',\n"steeringGroups":[';
  yield* jsonArray(steeringGroupsForExport(db));
  yield ',\n"publishedMinutes":[';
  yield* jsonArray(publishedMinutesForExport(db));
  yield '}\n';
}
