/**
 * Builds the Fastify application without listening: tests drive it with `inject`, server.ts listens.
 */
import type { Server } from 'node:http';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Db, DialectName } from '../db/database.js';
import type { AuthConfig, EdgeConfig, MailConfig, RegisterConfig, TrustProxy } from '../config/env.js';
import { createPdfRenderer, type PdfRenderer } from '../documents/pdf/pdf-pool.js';
import { registerCompression } from './plugins/compression.js';
import { registerRateLimit, type RateLimit } from './plugins/rate-limit.js';
import { registerAuth } from './plugins/auth.js';
import { registerPublicCache } from './plugins/public-cache.js';
import { authRoutes } from './modules/auth/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { registerResourceRoutes } from './modules/editing/routes.js';
import { EDITABLE_RESOURCES } from './modules/editing/resources/index.js';
import { financeRoutes } from './modules/finance/routes.js';
import { personalDataRoutes } from './modules/personal-data/routes.js';
import { frameworkErrors, registerErrorHandling } from './plugins/errors.js';
import { refuseUnexpectedBodies, zodValidatorCompiler } from './plugins/validation.js';
import { responseSerializerCompiler } from './plugins/serialization.js';
import { registerSecurityHeaders, setSecurityHeaders } from './plugins/security-headers.js';
import { callRoutes } from './modules/calls/routes.js';
import { searchRoutes } from './modules/search/routes.js';
import { exportRoutes } from './modules/export/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { organisationRoutes } from './modules/organisations/routes.js';
import { organisationRegisterRoutes } from './modules/organisations/register-routes.js';
import { projectRoutes } from './modules/projects/routes.js';
import { themeRoutes } from './modules/themes/routes.js';
import { keyFigureRoutes } from './modules/key-figures/routes.js';
import { registerWebApp, type WebApp } from './modules/web/web-app.js';
import { reportRoutes } from './modules/reports/routes.js';
import { typed } from './typed-app.js';
import { approvalRuleRoutes } from './modules/reports/approval-rule.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { taskRoutes } from './modules/tasks/routes.js';

export type AppDeps = {
  db: Db;
  dialect: DialectName;
  clock: () => Date;
  auth: AuthConfig;
  /** The bounded, caching PDF renderer; one with the default limits when not given. */
  pdf: PdfRenderer;
  /** The organisation register (YTJ) to look organisations up in; none (off) when not given. */
  register?: RegisterConfig | null;
  /** Where mail goes (config/env.ts), for the administrator's mail page; not told: no mail is sent. */
  mail?: MailConfig;
};

/** A request body's default limit: every JSON write is small. Routes that take files set their own. */
export const DEFAULT_BODY_LIMIT = 512 * 1024;

export type AppOptions = {
  logLevel?: string;
  publicUrl?: string | undefined;
  /** The web application to serve beside the API; none in API tests. */
  web?: WebApp | undefined;
  /** Which proxies to believe about the client's address and scheme; none by default. */
  trustProxy?: TrustProxy;
  /** The general rate limit per client address; none unless given (the server gives it from the env). */
  rateLimit?: RateLimit | null;
  /** How long a client may take to send its request; Node's defaults unless given. */
  timeouts?: EdgeConfig['timeouts'];
};

export const API_VERSION = '1.0.0';

/** Every route the app registered, for the access-matrix test and the OpenAPI check. */
export type RouteEntry = { method: string; url: string; hidden: boolean };

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

/** A hop count as the function Fastify's types take (its runtime takes the number as well). */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export async function buildApp(
  input: Omit<AppDeps, 'pdf'> & { pdf?: PdfRenderer },
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const deps: AppDeps = { ...input, pdf: input.pdf ?? createPdfRenderer() };
  const timeouts = options.timeouts;
  const serverOptions: FastifyHttpOptions<Server> = {
    logger: { level: options.logLevel ?? 'info' },
    // request.ip and request.protocol are the client's only through the proxies named here.
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    // Bounded input: no request body or URL can exhaust memory.
    bodyLimit: DEFAULT_BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: (error, request, reply) => {
      setSecurityHeaders(request, reply, { alwaysTls: deps.auth.secureCookies });
      frameworkErrors(error, request, reply);
    },
  };
  if (timeouts) {
    // A slow client is cut off: the whole request, its headers, an idle socket, an idle keep-alive.
    // Node checks the first two every `connectionsCheckingInterval`, so that is a fraction of them.
    Object.assign(serverOptions, {
      requestTimeout: timeouts.requestMs,
      connectionTimeout: timeouts.connectionMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      http: {
        headersTimeout: timeouts.headersMs,
        connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(timeouts.headersMs / 4))),
      },
    });
  }
  const app = Fastify(serverOptions);
  app.addHook('onClose', async () => deps.pdf.close());
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({
        method,
        url: route.url,
        hidden: Boolean((route.schema as { hide?: boolean } | undefined)?.hide),
      });
    }
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandling(app);
  // First of the onRequest hooks: a client over its limit costs nothing else.
  if (options.rateLimit) await registerRateLimit(app, options.rateLimit);
  registerSecurityHeaders(app, { alwaysTls: deps.auth.secureCookies });
  // JSON only: a cross-site HTML form cannot send it, which closes the door on form-based CSRF.
  app.removeContentTypeParser(['text/plain']);
  // Before auth: an answer from the cache needs no session lookup (cached routes answer everyone alike).
  registerPublicCache(app, deps);
  // After the public cache: it stores answers uncompressed and sends its own gzip, which this leaves be.
  await registerCompression(app);
  await registerAuth(app, deps);
  refuseUnexpectedBodies(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Teemaseuranta API',
        version: API_VERSION,
        description:
          'Public read API of the national themes of the ESF+ programme Uudistuva ja osaava Suomi 2021–2027. ' +
          'Amounts are integer euro cents. Errors are RFC 9457 problem documents (application/problem+json). ' +
          'Messages follow Accept-Language (fi, sv, en; Finnish by default).',
        license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      },
      servers: options.publicUrl ? [{ url: options.publicUrl }] : [],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const api = typed(app);
  for (const resource of EDITABLE_RESOURCES) registerResourceRoutes(api, deps, resource);
  for (const routes of [
    authRoutes,
    userRoutes,
    auditRoutes,
    financeRoutes,
    personalDataRoutes,
    themeRoutes,
    keyFigureRoutes,
    projectRoutes,
    organisationRoutes,
    organisationRegisterRoutes,
    callRoutes,
    searchRoutes,
    exportRoutes,
    healthRoutes,
    reportRoutes,
    approvalRuleRoutes,
    meetingRoutes,
    notificationRoutes,
    taskRoutes,
  ]) {
    routes(api, deps);
  }
  if (options.web) await registerWebApp(app, options.web);
  return app;
}
