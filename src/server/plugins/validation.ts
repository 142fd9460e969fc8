/**
 * Request validation with the routes' Zod schemas. A failed validation keeps the schema and the
 * input, so the error handler can word each message in the request's language.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

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
