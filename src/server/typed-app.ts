/**
 * The app as route modules see it: Fastify with the Zod type provider, so a handler's request
 * (body, params, query, headers) is typed from the route's schemas and its answer is checked against
 * the response schemas. No route casts what it was sent.
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const typed = (app: FastifyInstance): TypedApp => app.withTypeProvider<ZodTypeProvider>();
