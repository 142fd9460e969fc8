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
  ) {
    super(`invalid ${part}`);
    this.name = 'RequestValidationError';
  }
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  return (data: unknown) => {
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
    const result = NO_BODY.safeParse(request.body);
    if (!result.success) throw new RequestValidationError('body', NO_BODY, request.body);
  });
}
