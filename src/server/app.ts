/**
 * Builds the Fastify application without listening: tests drive it with `inject`, server.ts listens.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler } from 'fastify-type-provider-zod';
import type { Db, DialectName } from '../db/database.js';
import type { AuthConfig } from '../config/env.js';
import { registerAuth } from './plugins/auth.js';
import { registerPublicCache } from './plugins/public-cache.js';
import { authRoutes } from './modules/auth/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { registerResourceRoutes } from './modules/editing/routes.js';
import { EDITABLE_RESOURCES } from './modules/editing/resources/index.js';
import { financeRoutes } from './modules/finance/routes.js';
import { personalDataRoutes } from './modules/personal-data/routes.js';
import { registerErrorHandling } from './plugins/errors.js';
import { refuseUnexpectedBodies, zodValidatorCompiler } from './plugins/validation.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { callRoutes } from './modules/calls/routes.js';
import { exportRoutes } from './modules/export/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { organisationRoutes } from './modules/organisations/routes.js';
import { projectRoutes } from './modules/projects/routes.js';
import { themeRoutes } from './modules/themes/routes.js';
import { registerWebApp, type WebApp } from './modules/web/web-app.js';
import { reportRoutes } from './modules/reports/routes.js';
import { typed } from './typed-app.js';

export type AppDeps = {
  db: Db;
  dialect: DialectName;
  clock: () => Date;
  auth: AuthConfig;
};

export type AppOptions = {
  logLevel?: string;
  publicUrl?: string | undefined;
  /** The web application to serve beside the API; none in API tests. */
  web?: WebApp | undefined;
};

export const API_VERSION = '1.0.0';

/** Every route the app registered, for the access-matrix test and the OpenAPI check. */
export type RouteEntry = { method: string; url: string; hidden: boolean };

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    // Bounded input: no request body or URL can exhaust memory.
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
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
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerSecurityHeaders(app, { tls: deps.auth.secureCookies });
  // JSON only: a cross-site HTML form cannot send it, which closes the door on form-based CSRF.
  app.removeContentTypeParser(['text/plain']);
  // Before auth: an answer from the cache needs no session lookup (cached routes answer everyone alike).
  registerPublicCache(app, deps);
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
    projectRoutes,
    organisationRoutes,
    callRoutes,
    exportRoutes,
    healthRoutes,
    reportRoutes,
    meetingRoutes,
  ]) {
    routes(api, deps);
  }
  if (options.web) await registerWebApp(app, options.web);
  return app;
}
