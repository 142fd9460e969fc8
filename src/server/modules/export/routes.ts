/** The open-data export, streamed, and its JSON Schema. */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { OPEN_DATA_SCHEMA_VERSION, ZOpenDataset } from '../../../contracts/open-data.js';
import { openDataExport } from '../../../documents/open-data-export.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { helsinkiDate } from '../../../domain/helsinki-time.js';

export function exportRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  const jsonSchema = z.toJSONSchema(ZOpenDataset, { target: 'draft-2020-12' });

  app.get(
    '/api/v1/export',
    {
      schema: {
        tags: ['open data'],
        summary: `The whole published dataset (open-data schema ${OPEN_DATA_SCHEMA_VERSION}), streamed`,
        description: 'Amounts in euro cents. The JSON Schema is at /api/v1/export/schema.json.',
      },
    },
    async (_request, reply) => {
      const stamp = helsinkiDate(clock());
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="teemaseuranta-${stamp}.json"`)
        .send(Readable.from(openDataExport(db, clock())));
    },
  );

  app.get(
    '/api/v1/export/schema.json',
    { schema: { tags: ['open data'], summary: 'JSON Schema (2020-12) of the open-data export' } },
    async (_request, reply) => reply.type('application/schema+json').send(jsonSchema),
  );
}
