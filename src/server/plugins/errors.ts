/**
 * One error handler: every error becomes an RFC 9457 problem document (application/problem+json)
 * worded in the request's language. 4xx name what was wrong; a 5xx never leaks internals.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InvalidCursorError } from '../../db/repositories/projects.js';
import { MESSAGES, requestLocale } from '../i18n.js';
import type { Locale } from '../../domain/money.js';
import { RequestValidationError } from './validation.js';
import { isDatabaseUnavailable } from '../../db/database.js';
import type { Problem } from '../../contracts/api.js';
import {
  ForbiddenError,
  InvalidCredentialsError,
  NotFoundError,
  NotSignedInError,
  RuleViolationError,
  TooManyAttemptsError,
  VersionConflictError,
  VersionRequiredError,
} from '../../domain/errors.js';

/** How long a client should wait before retrying while the database is unavailable. */
const RETRY_AFTER_SECONDS = 5;

const localeErrors = { fi: z.locales.fi(), sv: z.locales.sv(), en: z.locales.en() };

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

function validationProblem(error: RequestValidationError, request: FastifyRequest): Problem {
  const locale = requestLocale(request);
  const result = error.schema.safeParse(error.input, { error: localeErrors[locale].localeError });
  const issues = result.success ? [] : result.error.issues;
  return {
    type: 'about:blank',
    title: MESSAGES.badRequest[locale],
    status: 400,
    detail: MESSAGES.invalidParameters[locale],
    instance: request.url,
    errors: issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ name: key, reason: MESSAGES.unknownParameter[locale] }));
      }
      return [{ name: issue.path.join('.') || error.part, reason: issue.message }];
    }),
  };
}

function domainProblem(error: unknown, locale: Locale, instance: string): Problem | null {
  const base = { type: 'about:blank', instance };
  if (error instanceof NotSignedInError) {
    return { ...base, status: 401, title: MESSAGES.notSignedIn[locale], detail: MESSAGES.notSignedInDetail[locale] };
  }
  if (error instanceof InvalidCredentialsError) {
    return { ...base, status: 401, title: MESSAGES.notSignedIn[locale], detail: MESSAGES.invalidCredentials[locale] };
  }
  if (error instanceof ForbiddenError) {
    return { ...base, status: 403, title: MESSAGES.forbidden[locale], detail: MESSAGES.forbiddenDetail[locale] };
  }
  if (error instanceof VersionRequiredError) {
    return {
      ...base,
      status: 428,
      title: MESSAGES.versionRequired[locale],
      detail: MESSAGES.versionRequiredDetail[locale],
      errors: [{ name: 'If-Match', reason: MESSAGES.versionRequiredDetail[locale] }],
    };
  }
  if (error instanceof VersionConflictError) {
    return {
      ...base,
      status: 409,
      title: MESSAGES.conflict[locale],
      detail: MESSAGES.conflictDetail[locale],
      currentVersion: error.currentVersion,
      current: error.current,
    };
  }
  if (error instanceof RuleViolationError) {
    return {
      ...base,
      status: 422,
      title: MESSAGES.badRequest[locale],
      detail: MESSAGES.ruleViolation[locale],
      errors: error.violations.map((violation) => ({
        name: violation.field,
        reason: violation.message[locale],
        ...(violation.code === undefined ? {} : { code: violation.code }),
        ...(violation.confirmable === undefined ? {} : { confirmable: violation.confirmable }),
      })),
    };
  }
  if (error instanceof TooManyAttemptsError) {
    return {
      ...base,
      status: 429,
      title: MESSAGES.tooManyAttempts[locale],
      detail: MESSAGES.tooManyAttemptsDetail[locale],
    };
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const locale = requestLocale(request);
    if (error instanceof RequestValidationError) return sendProblem(reply, validationProblem(error, request));
    if (error instanceof NotFoundError) {
      return sendProblem(reply, {
        type: 'about:blank',
        title: MESSAGES.notFound[locale],
        status: 404,
        detail: `${MESSAGES.resourceNotFound[locale]} (${error.resource}: ${error.id})`,
        instance: request.url,
      });
    }
    const problem = domainProblem(error, locale, request.url);
    if (problem) {
      if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds));
      if (error instanceof VersionConflictError) reply.header('etag', `"${error.currentVersion}"`);
      return sendProblem(reply, problem);
    }
    if (error instanceof InvalidCursorError) {
      return sendProblem(reply, {
        type: 'about:blank',
        title: MESSAGES.badRequest[locale],
        status: 400,
        detail: MESSAGES.invalidParameters[locale],
        instance: request.url,
        errors: [{ name: 'cursor', reason: MESSAGES.invalidCursor[locale] }],
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return sendProblem(reply, {
        type: 'about:blank',
        title: MESSAGES.unavailable[locale],
        status: 503,
        detail: MESSAGES.unavailableDetail[locale],
        instance: request.url,
      });
    }
    const statusCode = (error as { statusCode?: unknown }).statusCode;
    const status = typeof statusCode === 'number' ? statusCode : 500;
    const message = error instanceof Error ? error.message : String(error);
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, body too large, unsupported media type): their
      // messages name the problem and hold nothing internal.
      return sendProblem(reply, {
        type: 'about:blank',
        title: MESSAGES.badRequest[locale],
        status,
        detail: message,
        instance: request.url,
      });
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, {
      type: 'about:blank',
      title: status === 503 ? MESSAGES.unavailable[locale] : MESSAGES.internalError[locale],
      status: status === 503 ? 503 : 500,
      detail: MESSAGES.internalErrorDetail[locale],
      instance: request.url,
    });
  });

  app.setNotFoundHandler((request, reply) => {
    const locale = requestLocale(request);
    return sendProblem(reply, {
      type: 'about:blank',
      title: MESSAGES.notFound[locale],
      status: 404,
      detail: MESSAGES.routeNotFound[locale],
      instance: request.url,
    });
  });
}
