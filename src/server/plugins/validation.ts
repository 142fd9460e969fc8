/**
 * Request validation with the routes' Zod schemas. A failed validation keeps the schema and the
 * input, so the error handler can word each message in the request's language.
 */
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';

export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly part: string,
    readonly schema: z.ZodType,
    readonly input: unknown,
    /** Paths of strings holding U+0000, found before the schema was asked. */
    readonly nulPaths: string[] = [],
  ) {
    super(`invalid ${part}`);
    this.name = 'RequestValidationError';
  }
}

const NUL_SEARCH_DEPTH = 64;

/**
 * Where the input holds U+0000, as dotted paths. No text of this system may: PostgreSQL cannot store
 * it in text at all (an error, i.e. a 500, far from the input), and in SQLite it would cut C strings
 * short. Refused here for every part of every request (body, query, path parameters, headers), so
 * no schema has to remember it. Keys are checked as well as values.
 */
export function nulPaths(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path.join('.'));
  } else if (value !== null && typeof value === 'object' && path.length < NUL_SEARCH_DEPTH) {
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push([...path, key].join('.'));
      else nulPaths(child, [...path, key], found);
    }
  }
  return found;
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  return (data: unknown) => {
    const nul = nulPaths(data);
    if (nul.length > 0) return { error: new RequestValidationError(httpPart ?? 'request', schema, data, nul) };
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(httpPart ?? 'request', schema, data) };
  };
};

/**
 * Routes that take no input (sign out, erase) refuse a body rather than ignore it: a client that
 * sends one has misunderstood the request, and acting on it anyway could do what it did not mean.
 */
const NO_BODY = z.object({}).strict().optional();

export function refuseUnexpectedBodies(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.schema?.body || request.body === undefined) return;
    const nul = nulPaths(request.body);
    if (nul.length > 0) throw new RequestValidationError('body', NO_BODY, request.body, nul);
    const result = NO_BODY.safeParse(request.body);
    if (!result.success) throw new RequestValidationError('body', NO_BODY, request.body);
  });
}
