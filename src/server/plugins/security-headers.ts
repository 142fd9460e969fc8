/**
 * Security headers on every response. The Content-Security-Policy allows scripts only from this
 * site (no inline scripts, no eval), nothing from elsewhere at all, and no framing. Styles may be
 * inline because styled-components (under the Suomi.fi components) injects them at run time; a
 * style cannot run code. HSTS only where the site is served over TLS: always in production, else
 * when the request came over TLS (directly, or as a trusted proxy says in X-Forwarded-Proto).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Stand-alone documents (a meeting's agenda and minutes as HTML) need nothing from anywhere: no
 * script at all, their styles inline and their font embedded as a data: URI, so that the file
 * saved or printed is the whole document. Their route sets this stricter policy and the hook keeps it.
 */
export const DOCUMENT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'font-src data:',
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The API documentation page (Swagger UI) sets its own, looser policy for its bundled assets. */
const OWN_POLICY_PREFIX = '/api/docs';

/**
 * The headers themselves; also called for the errors Fastify answers before any hook runs
 * (`frameworkErrors` in app.ts), so that those answers carry them too.
 */
export function setSecurityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { alwaysTls: boolean },
): void {
  const own = reply.getHeader('content-security-policy');
  const keep = own === DOCUMENT_CONTENT_SECURITY_POLICY || (request.url.startsWith(OWN_POLICY_PREFIX) && own);
  if (!keep) {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  }
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (options.alwaysTls || request.protocol === 'https')
    reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  // Nothing signed-in is kept in shared caches.
  if (request.actor?.kind === 'user' && !reply.hasHeader('cache-control'))
    reply.header('cache-control', 'private, no-store');
}

export function registerSecurityHeaders(app: FastifyInstance, options: { alwaysTls: boolean }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    setSecurityHeaders(request, reply, options);
    return payload;
  });
}
