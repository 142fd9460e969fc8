/**
 * The general rate limit: at most `max` requests per client address per window, counted in this app
 * server's memory (`@fastify/rate-limit`'s local store). Over it, 429 with Retry-After as a problem
 * document. The address is `request.ip`, which is the client's own only when TRUST_PROXY names the
 * proxies in front (otherwise every client shares the proxy's one allowance).
 *
 * It runs as the first onRequest hook, before the session lookup and the public cache, so a client
 * over its limit costs no database work and cannot use cached answers to go on. Health checks are
 * not counted: a load balancer polls them from one address.
 *
 * With several app servers each counts on its own, so a client may make up to N × max requests per
 * window across N servers (docs/deployment.md). Sign-in throttling does not depend on this: it
 * counts in the database, shared by every server.
 */
import type { FastifyInstance } from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';

export type RateLimit = { max: number; windowMs: number };

export class RateLimitedError extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterSeconds: number) {
    super('rate limit exceeded');
    this.name = 'RateLimitedError';
  }
}

const NOT_COUNTED = /^\/health\//;

export async function registerRateLimit(app: FastifyInstance, limit: RateLimit): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    max: limit.max,
    timeWindow: limit.windowMs,
    allowList: (request) => NOT_COUNTED.test(request.url),
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
  app.addHook('onRequest', app.rateLimit());
}
