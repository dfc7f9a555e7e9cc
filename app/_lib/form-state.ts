import { ZodError } from 'zod';
import type { FormValues } from '@/lib/forms/form-data';
import { fieldErrorsFromZod, UserFacingError, type ErrorCode } from '@/lib/shared/errors';

/** What a form's server action answers: shown next to the fields, values kept for another try. */
export interface FormState {
  status: 'idle' | 'ok' | 'error';
  /** Bumped on every answer, so a form re-mounts with the values the server sent back. */
  seq: number;
  message?: string;
  /** A refusal's kind (a UserFacingError's code), so the answer can be framed in the reader's language. */
  code?: ErrorCode;
  fieldErrors?: Record<string, string>;
  values?: FormValues;
  /** An id the answer is about (the evidence entry stored, for instance). */
  resultId?: string;
  /** Where the stored entry can be seen, when a public page shows it. */
  resultHref?: string;
  /** On a duplicate source: the one already in the ledger, to use instead. */
  duplicate?: { id: string; title: string; url: string | null };
  /** On a stale edit: the current version, to compare before trying again. */
  current?: Record<string, unknown>;
}

export const IDLE: FormState = { status: 'idle', seq: 0 };

export function okState(prev: FormState, message: string, resultId?: string): FormState {
  return { status: 'ok', seq: prev.seq + 1, message, ...(resultId ? { resultId } : {}) };
}

export function invalidState(prev: FormState, error: ZodError, values: FormValues): FormState {
  return { status: 'error', seq: prev.seq + 1, message: 'Some fields need attention: see the messages next to them.', fieldErrors: fieldErrorsFromZod(error), values };
}

/** Maps a refusal to a form answer; anything unexpected is logged and reported without detail. */
export function errorState(prev: FormState, error: unknown, values: FormValues): FormState {
  const base = { status: 'error' as const, seq: prev.seq + 1, values };
  if (error instanceof ZodError) return invalidState(prev, error, values);
  if (error instanceof UserFacingError) {
    const existing = error.details?.existing as FormState['duplicate'] | undefined;
    const current = error.details?.current as Record<string, unknown> | undefined;
    return {
      ...base,
      code: error.code,
      message: error.message,
      fieldErrors: error.field ? { [error.field]: error.message } : {},
      ...(existing ? { duplicate: existing } : {}),
      ...(current ? { current } : {}),
    };
  }
  // Next's redirect() and notFound() are thrown: let them through.
  if (error && typeof error === 'object' && 'digest' in error) throw error;
  console.error('form action failed', error);
  return { ...base, message: 'The server could not complete this request; nothing was stored. Please try again.' };
}
