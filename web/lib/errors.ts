/** problem+json (RFC 9457) answers of the API, mapped to typed errors by their `code`. */

export type FieldError = { field: string; message: string };

export type Problem = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  requestId?: string;
};

export type ErrorCode =
  | 'validation_failed'
  | 'malformed_request'
  | 'email_taken'
  | 'invalid_credentials'
  | 'invalid_refresh_token'
  | 'weak_password'
  | 'rate_limited'
  | 'version_conflict'
  | 'invalid_reset_token'
  | 'email_not_verified'
  | 'invalid_verification_token'
  | 'not_found'
  | 'unauthorized'
  | 'payload_too_large'
  | 'internal_error'
  | 'service_unavailable'
  | 'request_in_progress'
  | 'idempotency_key_reused'
  | 'network_error'
  | 'unknown';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly problem: Problem;

  constructor(code: ErrorCode, status: number, problem: Problem, message?: string) {
    super(message ?? problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.problem = problem;
  }

  get requestId(): string | undefined {
    return this.problem.requestId;
  }
}

export class ValidationError extends ApiError {
  /** field name -> first message */
  readonly fieldErrors: Record<string, string>;
  constructor(status: number, problem: Problem, code: 'validation_failed' | 'weak_password' | 'malformed_request' = 'validation_failed') {
    super(code, status, problem);
    this.name = 'ValidationError';
    const fields: Record<string, string> = {};
    for (const e of problem.errors ?? []) {
      if (e && typeof e.field === 'string' && !(e.field in fields)) fields[e.field] = e.message;
    }
    this.fieldErrors = fields;
  }
}

/** An email-change link whose new address another account has taken since: nothing changed. */
export class EmailTakenError extends ApiError {
  constructor(status: number, problem: Problem) {
    super('email_taken', status, problem, 'Another account uses this address now, so your address was not changed.');
    this.name = 'EmailTakenError';
  }
}

export class InvalidCredentialsError extends ApiError {
  constructor(status: number, problem: Problem) {
    super('invalid_credentials', status, problem, 'Email or password is incorrect.');
    this.name = 'InvalidCredentialsError';
  }
}

export class WeakPasswordError extends ValidationError {
  constructor(status: number, problem: Problem) {
    super(status, problem, 'weak_password');
    this.name = 'WeakPasswordError';
    if (!this.fieldErrors.password && !this.fieldErrors.newPassword) {
      this.fieldErrors.password = 'This password is too common. Choose another.';
    }
  }
}

export class RateLimitedError extends ApiError {
  /** seconds to wait, from Retry-After */
  readonly retryAfter: number | null;
  constructor(status: number, problem: Problem, retryAfter: number | null) {
    super('rate_limited', status, problem, rateLimitMessage(retryAfter));
    this.name = 'RateLimitedError';
    this.retryAfter = retryAfter;
  }
}

export class VersionConflictError extends ApiError {
  constructor(status: number, problem: Problem) {
    super('version_conflict', status, problem, 'This todo was changed elsewhere — reload to see the latest version.');
    this.name = 'VersionConflictError';
  }
}

export class InvalidResetTokenError extends ApiError {
  constructor(status: number, problem: Problem) {
    super('invalid_reset_token', status, problem, 'This link has expired or was already used.');
    this.name = 'InvalidResetTokenError';
  }
}

/** The password matched, but the address was never verified: the person can ask for a new link. */
export class EmailNotVerifiedError extends ApiError {
  constructor(status: number, problem: Problem) {
    super('email_not_verified', status, problem, 'Verify your email address first: open the link we sent you, or ask for a new one.');
    this.name = 'EmailNotVerifiedError';
  }
}

export class InvalidVerificationTokenError extends ApiError {
  constructor(status: number, problem: Problem) {
    super('invalid_verification_token', status, problem, 'This link has expired, was replaced by a newer one, or was already used.');
    this.name = 'InvalidVerificationTokenError';
  }
}

export class NotFoundError extends ApiError {
  constructor(status: number, problem: Problem) {
    super('not_found', status, problem, 'Not found — it may have been deleted.');
    this.name = 'NotFoundError';
  }
}

export class UnauthorizedError extends ApiError {
  constructor(status: number, problem: Problem, code: 'unauthorized' | 'invalid_refresh_token' = 'unauthorized') {
    super(code, status, problem, 'Your session has ended. Please sign in again.');
    this.name = 'UnauthorizedError';
  }
}

/** 503, or 409 request_in_progress: the same request may succeed later (after Retry-After, if given). */
export class RetryLaterError extends ApiError {
  /** seconds to wait, from Retry-After */
  readonly retryAfter: number | null;
  constructor(code: 'service_unavailable' | 'request_in_progress', status: number, problem: Problem, retryAfter: number | null, message: string) {
    super(code, status, problem, message);
    this.name = 'RetryLaterError';
    this.retryAfter = retryAfter;
  }
}

export class NetworkError extends ApiError {
  constructor(cause: unknown) {
    super('network_error', 0, {}, 'Cannot reach the server. Check your connection and try again.');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

function rateLimitMessage(retryAfter: number | null): string {
  if (retryAfter === null) return 'Too many attempts. Please wait a moment and try again.';
  if (retryAfter < 60) return `Too many attempts. Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`;
  const minutes = Math.ceil(retryAfter / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return parseInt(value.trim(), 10);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

const KNOWN_CODES = new Set<string>([
  'validation_failed', 'malformed_request', 'email_taken', 'invalid_credentials', 'invalid_refresh_token',
  'weak_password', 'rate_limited', 'version_conflict', 'invalid_reset_token', 'not_found', 'unauthorized',
  'payload_too_large', 'internal_error', 'service_unavailable', 'request_in_progress', 'idempotency_key_reused',
  'email_not_verified', 'invalid_verification_token',
]);

function codeFromStatus(status: number): ErrorCode {
  switch (status) {
    case 400: return 'malformed_request';
    case 401: return 'unauthorized';
    case 404: return 'not_found';
    case 412: return 'version_conflict';
    case 413: return 'payload_too_large';
    case 422: return 'validation_failed';
    case 429: return 'rate_limited';
    case 503: return 'service_unavailable';
    default: return status >= 500 ? 'internal_error' : 'unknown';
  }
}

/** Builds the typed error for a failed response; `code` wins, the status is the fallback. */
export function toApiError(status: number, problem: Problem, headers?: { get(name: string): string | null }): ApiError {
  const code: ErrorCode = problem.code && KNOWN_CODES.has(problem.code) ? (problem.code as ErrorCode) : codeFromStatus(status);
  switch (code) {
    case 'validation_failed':
    case 'malformed_request':
      return new ValidationError(status, problem, code);
    case 'weak_password': return new WeakPasswordError(status, problem);
    case 'email_taken': return new EmailTakenError(status, problem);
    case 'invalid_credentials': return new InvalidCredentialsError(status, problem);
    case 'rate_limited': return new RateLimitedError(status, problem, parseRetryAfter(headers?.get('Retry-After') ?? null));
    case 'version_conflict': return new VersionConflictError(status, problem);
    case 'invalid_reset_token': return new InvalidResetTokenError(status, problem);
    case 'email_not_verified': return new EmailNotVerifiedError(status, problem);
    case 'invalid_verification_token': return new InvalidVerificationTokenError(status, problem);
    case 'not_found': return new NotFoundError(status, problem);
    case 'unauthorized':
    case 'invalid_refresh_token':
      return new UnauthorizedError(status, problem, code);
    case 'internal_error':
      return new ApiError(code, status, problem, `Something went wrong on our side.${problem.requestId ? ` (reference ${problem.requestId})` : ''}`);
    case 'service_unavailable':
      // the database is briefly unreachable, or too many sign-ins at once (service_busy): both pass
      return new RetryLaterError(code, status, problem, parseRetryAfter(headers?.get('Retry-After') ?? null), 'The service is busy right now. Please try again in a few seconds.');
    case 'request_in_progress':
      // the first request with this Idempotency-Key is still running: its answer comes on a retry
      return new RetryLaterError(code, status, problem, parseRetryAfter(headers?.get('Retry-After') ?? null), 'Still saving — please wait a moment.');
    default:
      return new ApiError(code, status, problem);
  }
}

/** A sentence for the user, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}
