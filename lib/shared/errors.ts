import type { z } from 'zod';
import { formatPath } from './problems';

export type ErrorCode =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'precondition_required'
  | 'rate_limited'
  /** The server tried to fetch something for the request and the other end failed (timeout, too large, HTTP error). */
  | 'fetch_failed'
  /** The store stayed locked by another writer past the bounded wait: try again after `retryAfterSeconds`. */
  | 'unavailable';

export const STATUS_OF: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
  rate_limited: 429,
  fetch_failed: 502,
  unavailable: 503,
};

/** An error meant for the person or client who made the request: safe to show as is. */
export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Extra data for the client (e.g. the current version on a 412, the existing source on a 409). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS_OF[this.code];
  }
}

/** The first zod issue as a user-facing error naming the field. */
export function invalidFromZod(error: z.ZodError, prefix: PropertyKey[] = []): UserFacingError {
  const issue = error.issues[0];
  if (!issue) return new UserFacingError('invalid', 'invalid input');
  const path = [...prefix, ...issue.path];
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    return new UserFacingError('invalid', `unknown field "${issue.keys[0]}": it is not accepted here`, formatPath([...path, issue.keys[0]!]));
  }
  if (issue.code === 'invalid_value' && 'values' in issue) message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return new UserFacingError('invalid', message, formatPath(path) || undefined);
}

/** All field problems at once, for forms that show a message next to each field. */
export function fieldErrorsFromZod(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.code === 'unrecognized_keys' ? formatPath([...issue.path, issue.keys[0]!]) : formatPath(issue.path);
    out[key || '_'] ??= issue.message;
  }
  return out;
}

/**
 * The HTTP way to avoid lost updates: an edit names the revision it started from.
 * Missing → 428; stale → 412 with the current version (as the API shows it) in `current`.
 */
export function requireRevisionOrThrow(current: { revision: number }, expected: number | null, kind: string, currentRecord: unknown): void {
  if (expected === null) {
    throw new UserFacingError('precondition_required', `changing this ${kind} requires If-Match with the revision you started from (its ETag)`);
  }
  if (expected !== current.revision) {
    throw new UserFacingError('precondition_failed', `this ${kind} changed since revision ${expected}: it is now at revision ${current.revision}; review the current version and apply your change to it`, undefined, {
      current: currentRecord,
    });
  }
}

/**
 * The store's write lock was held by another writer for longer than the server waits
 * (SQLITE_BUSY after busy_timeout and a bounded retry). Not the client's fault and not a
 * bug: an HTTP client gets 503 with Retry-After.
 */
export class StoreBusyError extends UserFacingError {
  constructor(readonly retryAfterSeconds = 1) {
    super('unavailable', 'the ledger is busy with another write: try again in a moment', undefined, { retryAfterSeconds });
  }
}
