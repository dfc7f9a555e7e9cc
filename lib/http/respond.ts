import { ZodError } from 'zod';
import { invalidFromZod, UserFacingError } from '../shared/errors';

/** The API's error shape: { "error": { "code", "message", "field"? , … } }. */
export function errorResponse(error: UserFacingError, headers: Record<string, string> = {}): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}), ...(error.details ?? {}) } },
    { status: error.status, headers: { 'Cache-Control': 'no-store', ...headers } },
  );
}

/**
 * Runs a write handler: user-facing errors map to their status; anything unexpected is a
 * generic 500 whose cause goes to the server log only.
 */
export async function handleWrite(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof UserFacingError) {
      const headers: Record<string, string> = {};
      if (error.code === 'rate_limited' && typeof error.details?.retryAfterSeconds === 'number') {
        headers['Retry-After'] = String(error.details.retryAfterSeconds);
      }
      return errorResponse(error, headers);
    }
    if (error instanceof ZodError) return errorResponse(invalidFromZod(error));
    console.error('write failed', error);
    return Response.json({ error: { code: 'internal', message: 'The server could not complete this request; nothing was stored.' } }, { status: 500 });
  }
}
