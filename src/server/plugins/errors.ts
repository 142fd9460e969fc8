/**
 * One error handler: every error becomes an RFC 9457 problem document (application/problem+json)
 * worded in the request's language. 4xx name what was wrong; a 5xx never leaks internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InvalidCursorError } from '../../db/repositories/projects.js';
import { actorName } from '../../domain/access.js';
import { MESSAGES, requestLocale } from '../i18n.js';
import type { Locale } from '../../domain/money.js';
import { RequestValidationError } from './validation.js';
import { isDatabaseUnavailable, uniqueViolation, type UniqueViolation } from '../../db/database.js';
import type { Problem } from '../../contracts/api.js';
import { PdfBusyError } from '../../documents/pdf/pdf-pool.js';
import { RateLimitedError } from './rate-limit.js';
import { INPUT_MESSAGES, isInputMessageKey } from '../../contracts/input.js';
import {
  DuplicateKeyError,
  ForbiddenError,
  InvalidCredentialsError,
  NotFoundError,
  NotSignedInError,
  PasswordChangeRequiredError,
  RuleViolationError,
  TooLargeError,
  TooManyAttemptsError,
  UpstreamError,
  VersionConflictError,
  VersionRequiredError,
} from '../../domain/errors.js';
import { waitText } from '../../domain/sign-in-delays.js';

/** How long a client should wait before retrying while the database is unavailable. */
const RETRY_AFTER_SECONDS = 5;

const localeErrors = { fi: z.locales.fi(), sv: z.locales.sv(), en: z.locales.en() };

/** A refusal an operator should see (LOG_LEVEL warn, production's default): who, from where, what. */
export function logSecurityEvent(request: FastifyRequest, event: string, status: number): void {
  request.log.warn(
    { security: event, status, actor: actorName(request.actor), ip: request.ip },
    `security: ${status} ${request.method} ${request.url}`,
  );
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

function validationProblem(error: RequestValidationError, request: FastifyRequest): Problem {
  const locale = requestLocale(request);
  const base = {
    type: 'about:blank',
    title: MESSAGES.badRequest[locale],
    status: 400,
    detail: MESSAGES.invalidParameters[locale],
    instance: request.url,
  };
  if (error.nulPaths.length > 0) {
    const reason = INPUT_MESSAGES['input.nul'][locale];
    return { ...base, errors: error.nulPaths.map((path) => ({ name: path || error.part, reason })) };
  }
  const result = error.schema.safeParse(error.input, { error: localeErrors[locale].localeError });
  const issues = result.success ? [] : result.error.issues;
  return {
    ...base,
    errors: issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ name: key, reason: MESSAGES.unknownParameter[locale] }));
      }
      // The shared contract builders (contracts/input.ts) name their reason by key.
      const reason = isInputMessageKey(issue.message) ? INPUT_MESSAGES[issue.message][locale] : issue.message;
      return [{ name: issue.path.join('.') || error.part, reason }];
    }),
  };
}

/** The field a broken unique constraint stands for: its last column that is not a reference. */
function fieldOfUniqueViolation(violation: UniqueViolation | null): string | null {
  if (!violation) return null;
  const column = violation.columns.filter((c) => !c.endsWith('_id')).at(-1) ?? violation.columns.at(-1) ?? 'key';
  return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function domainProblem(error: unknown, locale: Locale, instance: string): Problem | null {
  const base = { type: 'about:blank', instance };
  if (error instanceof NotSignedInError) {
    return { ...base, status: 401, title: MESSAGES.notSignedIn[locale], detail: MESSAGES.notSignedInDetail[locale] };
  }
  if (error instanceof InvalidCredentialsError) {
    return { ...base, status: 401, title: MESSAGES.notSignedIn[locale], detail: MESSAGES.invalidCredentials[locale] };
  }
  if (error instanceof PasswordChangeRequiredError) {
    return { ...base, status: 403, title: MESSAGES.forbidden[locale], detail: MESSAGES.passwordChangeRequired[locale] };
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
  const duplicate = error instanceof DuplicateKeyError ? error.field : fieldOfUniqueViolation(uniqueViolation(error));
  if (duplicate !== null) {
    return {
      ...base,
      status: 409,
      title: MESSAGES.conflict[locale],
      detail: MESSAGES.takenDetail[locale],
      errors: [{ name: duplicate, reason: MESSAGES.taken[locale] }],
    };
  }
  if (error instanceof TooLargeError) {
    return {
      ...base,
      status: 413,
      title: MESSAGES.tooLarge[locale],
      detail: error.reason[locale],
      errors: [{ name: error.field, reason: error.reason[locale] }],
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
  if (error instanceof UpstreamError) {
    return {
      ...base,
      // Off is how the service is set up, not an outage: no 5xx, nothing to retry.
      status: error.kind === 'off' ? 409 : error.kind === 'timeout' ? 504 : 503,
      title: (error.kind === 'off' ? MESSAGES.notInUse : MESSAGES.unavailable)[locale],
      detail: error.reason[locale],
      errors: [{ name: 'register', reason: error.reason[locale] }],
    };
  }
  if (error instanceof TooManyAttemptsError) {
    return {
      ...base,
      status: 429,
      title: MESSAGES.tooManyAttempts[locale],
      // The page says how long to wait (issue 13): in words, and in seconds for a client to count down.
      detail: `${MESSAGES.tooManyAttemptsDetail[locale]} ${waitText(error.retryAfterSeconds)[locale]}`,
      retryAfter: error.retryAfterSeconds,
    };
  }
  return null;
}

/**
 * Errors Fastify answers before any route or error handler runs (a path with a broken percent
 * encoding, such as `/api/v1/themes/%E0%A4%A`): the same problem document as every other 400.
 * Passed as the `frameworkErrors` option when the app is built.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const locale = requestLocale(request);
  const badUrl = error.code === 'FST_ERR_BAD_URL';
  void sendProblem(reply, {
    type: 'about:blank',
    title: MESSAGES.badRequest[locale],
    status: 400,
    detail: badUrl ? MESSAGES.badUrl[locale] : MESSAGES.invalidParameters[locale],
    instance: request.url,
    ...(badUrl ? { errors: [{ name: 'path', reason: MESSAGES.badUrl[locale] }] } : {}),
  });
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
      // Security events stay in the log at production's level (warn): who was refused, from where.
      if (
        error instanceof InvalidCredentialsError ||
        error instanceof TooManyAttemptsError ||
        error instanceof ForbiddenError
      ) {
        logSecurityEvent(request, error.name, problem.status);
      }
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
    if (error instanceof RateLimitedError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
      return sendProblem(reply, {
        type: 'about:blank',
        title: MESSAGES.rateLimited[locale],
        status: 429,
        detail: MESSAGES.rateLimitedDetail[locale],
        instance: request.url,
      });
    }
    if (error instanceof PdfBusyError) {
      request.log.warn('PDF renderer busy: request refused');
      reply.header('retry-after', String(error.retryAfterSeconds));
      return sendProblem(reply, {
        type: 'about:blank',
        title: MESSAGES.unavailable[locale],
        status: 503,
        detail: MESSAGES.documentBusy[locale],
        instance: request.url,
      });
    }
    if ((error as { code?: unknown }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Refused while reading (or from Content-Length alone): no handler ran, nothing was written.
      const limit = MESSAGES.payloadLimit[locale].replace('{bytes}', String(request.routeOptions.bodyLimit));
      return sendProblem(reply, {
        type: 'about:blank',
        title: MESSAGES.payloadTooLarge[locale],
        status: 413,
        detail: MESSAGES.payloadTooLargeDetail[locale],
        instance: request.url,
        errors: [{ name: 'body', reason: limit }],
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
