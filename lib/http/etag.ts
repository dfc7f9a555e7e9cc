import { UserFacingError } from '../shared/errors';

/** A record's strong entity tag: its revision. */
export function etagOf(revision: number): string {
  return `"${revision}"`;
}

/**
 * The revision an If-Match header names (null when absent). If-Match uses the strong
 * comparison (RFC 9110 §13.1.1): a weak tag such as W/"3" never matches, so it is a 412,
 * as is anything that is not one strong tag of ours.
 */
export function parseIfMatchOrThrow(header: string | null): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^W\//i.test(value)) {
    throw new UserFacingError('precondition_failed', `If-Match needs the strong ETag exactly as received (such as "3"): a weak tag (${value.slice(0, 40)}) never matches under RFC 9110's strong comparison`);
  }
  const match = /^"(\d{1,10})"$/.exec(value);
  if (!match) throw new UserFacingError('precondition_failed', 'If-Match must be the one ETag you received, such as "3"');
  return Number(match[1]);
}
