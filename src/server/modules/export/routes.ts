/** The open-data export, streamed, and its JSON Schema. */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { OPEN_DATA_SCHEMA_VERSION, ZOpenDataset } from '../../../contracts/open-data.js';
import { openDataExport } from '../../../documents/open-data-export.js';
import { dcatDescription, tablesJsonSchema } from '../../../documents/open-data-dcat.js';
import {
  OPEN_DATA_TABLE_NAMES,
  TABLE_FORMATS,
  TABLE_MEDIA_TYPES,
  tableCsv,
  tableJson,
  tableXlsx,
  type OpenDataTableName,
  type TableFormat,
} from '../../../documents/open-data-tables.js';
import { openDataModifiedAt } from '../../../db/repositories/open-data.js';
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
        description:
          'Amounts in euro cents. The JSON Schema is at /api/v1/export/schema.json; each collection as a table in euros is at /api/v1/export/tables/{collection}.{json,csv,xlsx}; the DCAT-AP description at /api/v1/export/dcat.jsonld.',
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

  const tableFiles = OPEN_DATA_TABLE_NAMES.flatMap((name) => TABLE_FORMATS.map((format) => `${name}.${format}`));
  const tablesSchema = tablesJsonSchema();

  app.get(
    '/api/v1/export/tables/schema.json',
    { schema: { tags: ['open data'], summary: "JSON Schema (2020-12) of each collection's table rows" } },
    async (_request, reply) => reply.type('application/schema+json').send(tablesSchema),
  );

  app.get(
    '/api/v1/export/tables/:file',
    {
      schema: {
        tags: ['open data'],
        summary: 'One collection as a table, amounts in euros: JSON, CSV or XLSX',
        params: z.object({
          file: z.enum(tableFiles as [string, ...string[]]).describe('{collection}.{json|csv|xlsx}'),
        }),
      },
    },
    async (request, reply) => {
      const [name, format] = request.params.file.split('.') as [OpenDataTableName, TableFormat];
      const stamp = helsinkiDate(clock());
      reply
        .type(TABLE_MEDIA_TYPES[format])
        .header('content-disposition', `attachment; filename="teemaseuranta-${name}-${stamp}.${format}"`);
      if (format === 'xlsx') return reply.send(await tableXlsx(db, name));
      return reply.send(Readable.from(format === 'csv' ? tableCsv(db, name) : tableJson(db, name)));
    },
  );

  app.get(
    '/api/v1/export/dcat.jsonld',
    {
      schema: {
        tags: ['open data'],
        summary: 'DCAT-AP description of the open data (JSON-LD): licence CC BY 4.0, update time, distributions',
      },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      return reply.type('application/ld+json').send(dcatDescription(origin, await openDataModifiedAt(db)));
    },
  );
}
