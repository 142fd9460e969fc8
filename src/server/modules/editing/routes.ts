/**
 * The write API, the same for every editable resource:
 *   POST   /api/v1/{collection}              create            → 201, ETag
 *   GET    /api/v1/{collection}/{id}/record  current data + version, for a form
 *   PATCH  /api/v1/{collection}/{id}         change (If-Match)  → 200, ETag; stale → 409 with the current record
 *   DELETE /api/v1/{collection}/{id}         archive (If-Match) → 204; referenced → 422 with the reason
 *   GET    /api/v1/{collection}/{id}/history the record's audit trail
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZProblem } from '../../../contracts/api.js';
import { writtenSchema } from '../../../contracts/records.js';
import { auditOf } from '../../../db/repositories/audit.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { auditContext } from '../../request-context.js';
import type { EditableResource } from './resource.js';
import { archiveRecord, createRecord, readRecord, updateRecord, type Written } from './write-record.js';

/** "steering_group_member" → "SteeringGroupMember", for the names of the answers in OpenAPI. */
const pascal = (name: string) =>
  name.replace(/(^|_)([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());

export const ZHistory = z
  .object({
    items: z.array(
      z.object({
        at: z.string(),
        actor: z.string(),
        actorName: z.string().describe('Who made the change by their display name'),
        action: z.string(),
        before: z.unknown(),
        after: z.unknown(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'RecordHistory' });

/** `If-Match: "3"` (or W/"3", or 3), else a `version` field in the body; null when neither. */
export function basedOnVersion(request: Pick<FastifyRequest, 'headers' | 'body'>): number | null {
  const header = request.headers['if-match'];
  if (typeof header === 'string') {
    const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
    return match ? Number(match[1]) : null;
  }
  const body = request.body;
  const version = typeof body === 'object' && body !== null && 'version' in body ? body.version : null;
  return typeof version === 'number' && Number.isInteger(version) ? version : null;
}

const withoutVersion = (body: Record<string, unknown>) => {
  const { version: _ignored, ...rest } = body;
  return rest;
};

const send = (reply: FastifyReply, status: number, written: Written) =>
  reply.status(status).header('etag', `"${written.version}"`).send({ data: written.data, version: written.version });

export function registerResourceRoutes(app: TypedApp, deps: AppDeps, resource: EditableResource): void {
  const param = resource.identifier === 'key' ? 'key' : 'id';
  const base = `/api/v1/${resource.collection}`;
  const item = `${base}/:${param}`;
  const params = z.object({ [param]: z.string().max(200) });
  const tags = ['editing'];
  // The record as this resource answers it (contracts/records.ts), with its version.
  const ZWritten = writtenSchema(resource.record, `${pascal(resource.name)}Written`);
  const writeDeps = (request: FastifyRequest) => ({
    db: deps.db,
    actor: request.actor,
    audit: auditContext(request, deps.clock()),
  });
  // The schema requires the one parameter the URL names, so it is there.
  const idOf = (request: { params: Record<string, string> }) => request.params[param]!;
  const errors = {
    400: ZProblem,
    401: ZProblem,
    403: ZProblem,
    404: ZProblem,
    409: ZProblem,
    422: ZProblem,
    428: ZProblem,
  };

  if (resource.createSchema) {
    app.post(
      base,
      {
        schema: {
          tags,
          summary: `Create a ${resource.name}`,
          body: resource.createSchema,
          response: { 201: ZWritten, ...errors },
        },
      },
      async (request, reply) => send(reply, 201, await createRecord(writeDeps(request), resource, request.body)),
    );
  }

  app.get(
    `${item}/record`,
    {
      schema: {
        tags,
        summary: `A ${resource.name} with its version, for editing`,
        params,
        response: { 200: ZWritten, ...errors },
      },
    },
    async (request, reply) => send(reply, 200, await readRecord(writeDeps(request), resource, idOf(request))),
  );

  app.patch(
    item,
    {
      schema: {
        tags,
        summary: `Change a ${resource.name} (send the version it is based on in If-Match)`,
        params,
        body: resource.updateSchema,
        response: { 200: ZWritten, ...errors },
      },
    },
    async (request, reply) =>
      send(
        reply,
        200,
        await updateRecord(
          writeDeps(request),
          resource,
          idOf(request),
          basedOnVersion(request),
          withoutVersion(request.body),
        ),
      ),
  );

  if (resource.archivable) {
    app.delete(
      item,
      {
        schema: {
          tags,
          summary: `Archive a ${resource.name} (If-Match); refused while it is referenced`,
          params,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await archiveRecord(writeDeps(request), resource, idOf(request), basedOnVersion(request));
        return reply.status(204).send(null);
      },
    );
  }

  app.get(
    `${item}/history`,
    {
      schema: {
        tags,
        summary: `Who changed the ${resource.name}, when, and from what`,
        params,
        response: { 200: ZHistory, ...errors },
      },
    },
    async (request) => {
      const { id } = await readRecord(writeDeps(request), resource, idOf(request));
      const entries = await auditOf(deps.db, resource.name, String(id));
      return {
        items: entries.map((e) => ({
          at: e.at,
          actor: e.actor,
          actorName: e.actorName,
          action: e.action,
          before: e.before,
          after: e.after,
          reason: e.reason,
        })),
      };
    },
  );
}
