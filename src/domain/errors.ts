/**
 * Errors the use cases raise. The server's one error handler turns each into a problem document in
 * the request's language; nothing here knows HTTP.
 */
export type LocalizedText = { fi: string; sv: string; en: string };

/** "Who are you": no valid session. */
export class NotSignedInError extends Error {
  constructor() {
    super('not signed in');
    this.name = 'NotSignedInError';
  }
}

/** "Not yours": signed in, but the record is outside the user's roles. */
export class ForbiddenError extends Error {
  constructor(readonly permission: string) {
    super(`not allowed: ${permission}`);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} "${id}" not found`);
    this.name = 'NotFoundError';
  }
}

/** The write was based on an older version of the record than the one stored now. */
export class VersionConflictError extends Error {
  constructor(
    readonly currentVersion: number,
    readonly current: unknown,
  ) {
    super(`version conflict: the record is at version ${currentVersion}`);
    this.name = 'VersionConflictError';
  }
}

/** A write that must carry the version it is based on did not. */
export class VersionRequiredError extends Error {
  constructor() {
    super('version required');
    this.name = 'VersionRequiredError';
  }
}

/** The request is well-formed but breaks a rule; each field names what is wrong, in three languages. */
export class RuleViolationError extends Error {
  constructor(
    readonly violations: {
      field: string;
      message: LocalizedText;
      /** A stable code for clients ("reserved_exceeds_frame"), where the rule has one. */
      code?: string;
      /** True when resending with a confirmation and its reason lets the write through. */
      confirmable?: boolean;
    }[],
  ) {
    super(violations.map((v) => `${v.field}: ${v.message.en}`).join('; '));
    this.name = 'RuleViolationError';
  }
}

/** Too many attempts: try again after `retryAfterSeconds`. */
export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too many attempts');
    this.name = 'TooManyAttemptsError';
  }
}

/** Signed in with a temporary password: it must be changed before anything else is written. */
export class PasswordChangeRequiredError extends ForbiddenError {
  constructor() {
    super('password change required');
    this.name = 'PasswordChangeRequiredError';
  }
}

/** Sign-in failed; deliberately the same whether the user exists or not. */
export class InvalidCredentialsError extends Error {
  constructor() {
    super('invalid credentials');
    this.name = 'InvalidCredentialsError';
  }
}

/** A create or change would give a record a key another record already has: a conflict (409). */
export class DuplicateKeyError extends Error {
  constructor(readonly field: string) {
    super(`${field} is already taken`);
    this.name = 'DuplicateKeyError';
  }
}

/** An uploaded file is over a bound (size, unpacked size, entries, nesting, time): 413, with the reason. */
export class TooLargeError extends Error {
  constructor(
    readonly field: string,
    readonly reason: LocalizedText,
  ) {
    super(`${field}: ${reason.en}`);
    this.name = 'TooLargeError';
  }
}

/**
 * A service this one asks (the organisation register) could not answer: 503, or 504 when it did
 * not answer in time; 409 when it is not in use here (off). Nothing was changed; `reason` says so in
 * three languages.
 */
export class UpstreamError extends Error {
  constructor(
    readonly kind: 'off' | 'timeout' | 'unavailable' | 'invalid_answer',
    readonly reason: LocalizedText,
  ) {
    super(`upstream ${kind}: ${reason.en}`);
    this.name = 'UpstreamError';
  }
}
