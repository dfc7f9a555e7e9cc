import { LIMITS } from '@/lib/evidence/limits';
import type { UserFacingError } from '@/lib/shared/errors';

/**
 * Server actions that end in a redirect put an error CODE in the query string, never a message:
 * the page maps the code to one of these fixed texts, so a crafted link (`?error=anything`)
 * cannot put words of its choosing in the page's alert box.
 */
const MESSAGES = {
  precondition_failed: 'It changed since you opened this page, so nothing was saved. Look at the current version and try again.',
  precondition_required: 'The form did not say which version you started from. Reload the page and try again.',
  not_found: 'That entry or version no longer exists.',
  conflict: 'That no longer applies (it was already done or it is the current version): nothing was changed.',
  invalid: 'The form was not valid: nothing was saved.',
  forbidden: 'The request was refused: it did not come from this site.',
  unauthorized: 'Your session has ended: sign in again, then resubmit.',
  unavailable: 'The ledger is busy with another write: nothing was saved. Try again in a moment.',
  reason_required: 'Say why: a reason is required.',
  reason_too_long: `The reason is too long: at most ${LIMITS.reason} characters. Nothing was saved.`,
  reason_invalid: 'The reason contains a control character: remove it. Nothing was saved.',
} as const;

export type ActionErrorCode = keyof typeof MESSAGES;

const GENERIC = 'Something went wrong and nothing was changed. Reload the page and try again.';

function isKnownCode(code: string): code is ActionErrorCode {
  return Object.hasOwn(MESSAGES, code);
}

/** The code to put in the redirect for an error thrown by a write (its field can make it more specific). */
export function actionErrorCode(error: UserFacingError): ActionErrorCode {
  if (error.code === 'invalid' && error.field === 'reason') return 'reason_required';
  return isKnownCode(error.code) ? error.code : 'invalid';
}

/**
 * The fixed message for `?error=<code>` (null when there is none). Unknown codes, and any
 * text that is not a code, get a generic message: query-string text is never shown.
 */
export function actionErrorMessage(code: string | string[] | undefined, overrides: Partial<Record<ActionErrorCode, string>> = {}): string | null {
  if (code === undefined) return null;
  if (typeof code !== 'string' || !isKnownCode(code)) return GENERIC;
  return overrides[code] ?? MESSAGES[code];
}
