import 'server-only';
import { z, ZodError } from 'zod';
import type { Db } from '../../db/client';
import type { Actor } from '../auth/users';
import { getDb } from '../db';
import { getDataVersion } from '../history/revisions';
import { formatPath } from '../shared/problems';
import { invalidFromZod, STATUS_OF, UserFacingError, type ErrorCode } from '../shared/errors';
import { findIllFormedText } from '../shared/vocabulary';
import { parseIfMatchOrThrow } from './etag';
import { assertSameOrigin, authenticateRequest, MAX_BODY_BYTES, requireEditor } from './request';

/**
 * The one wrapper of every API handler under app/api. A route module declares its operations
 * (method, path, schemas, auth, the statuses it answers) and gets a Next route handler; the
 * same declarations generate the OpenAPI document (lib/http/openapi.ts), so the document
 * cannot drift from what the handlers check.
 */

export type ApiMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * - public: identity is never read (the response is the same for everyone and may be cached);
 * - optional: a token or session is checked when sent (an invalid token is a 401), absent is anonymous;
 * - editor: a token or session is required (401 without).
 */
export type ApiAuth = 'public' | 'optional' | 'editor';

export interface ApiResponseSpec {
  description: string;
  /** The JSON body; absent for bodiless answers (304). */
  schema?: z.ZodType;
  /** A body that is not JSON (a download): the media types it can have. */
  mediaTypes?: readonly string[];
  /** Response headers worth documenting, e.g. ETag, Location, Retry-After. */
  headers?: readonly string[];
}

type AnyObject = z.ZodObject;

export interface ApiOperationSpec<P extends AnyObject | undefined, Q extends AnyObject | undefined, B extends z.ZodType | undefined> {
  method: ApiMethod;
  /** The public path in OpenAPI form: /api/claims/{id}. */
  path: `/api${string}`;
  summary: string;
  description?: string;
  tags?: readonly string[];
  auth: ApiAuth;
  params?: P;
  query?: Q;
  /** A JSON body, validated strictly (UTF-8, no lone surrogates, at most MAX_BODY_BYTES, then the schema). */
  body?: B;
  /** With an optional body, a request without one is validated as `{}`. */
  bodyOptional?: boolean;
  /** The operation also takes multipart/form-data (the handler reads it); the text says what it holds. */
  multipart?: string;
  /** An edit: If-Match with the strong ETag of the revision it started from (428 without, 412 when stale or weak). */
  ifMatch?: boolean;
  /** Success answers by status. */
  responses: Record<number, ApiResponseSpec>;
  /** Error statuses this operation can answer besides the ones every operation can (see COMMON_ERRORS). */
  errors?: readonly number[];
}

export interface ApiContext<P extends AnyObject | undefined, Q extends AnyObject | undefined, B extends z.ZodType | undefined> {
  request: Request;
  db: Db;
  /** Who sent the request (null when anonymous, and always null on a public operation). */
  actor: Actor | null;
  /** The signed-in editor; reading it on an anonymous request is a 401. */
  readonly editor: Actor;
  params: P extends AnyObject ? z.output<P> : Record<string, never>;
  query: Q extends AnyObject ? z.output<Q> : Record<string, never>;
  /** The validated JSON body (undefined when the request was multipart). */
  body: B extends z.ZodType ? z.output<B> : undefined;
  /** True when the request is multipart/form-data (only on operations that declare `multipart`). */
  multipart: boolean;
  /** The revision named by If-Match (null when absent), on operations that declare `ifMatch`. */
  expectedRevision: number | null;
}

/** What the OpenAPI generator and the tests read from each handler. */
export type ApiOperation = ApiOperationSpec<AnyObject | undefined, AnyObject | undefined, z.ZodType | undefined>;

export type ApiHandler = ((request: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>) & { operation: ApiOperation };

/** Statuses any operation may answer: a bad query or parameter, a store busy with another writer, a bug. */
export const COMMON_ERRORS = [400, 500, 503] as const;

/** The one error body of the API. */
export const apiErrorSchema = z
  .strictObject({
    error: z.looseObject({
      code: z.enum([...(Object.keys(STATUS_OF) as ErrorCode[]), 'internal']),
      message: z.string(),
      field: z.string().optional().describe('The request field at fault, as a path (source.title, authors[0]).'),
      issues: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
      retryAfterSeconds: z.number().int().optional(),
    }),
  })
  .meta({ id: 'ApiError' });

export function defineOperation<P extends AnyObject | undefined = undefined, Q extends AnyObject | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: ApiOperationSpec<P, Q, B>,
  handle: (ctx: ApiContext<P, Q, B>) => Promise<Response>,
): ApiHandler {
  const handler = async (request: Request, routeCtx?: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      if (spec.method !== 'GET') assertSameOrigin(request);
      // Who asks comes first: an anonymous caller learns nothing from validation of an editor's operation.
      const db = await getDb();
      const actor = spec.auth === 'public' ? null : await authenticateRequest(db, request);
      if (spec.auth === 'editor') requireEditor(actor);
      const params = spec.params ? parseOrThrow(spec.params, (await routeCtx?.params) ?? {}, 'path') : {};
      const query = spec.query ? parseOrThrow(spec.query, flattenQuery(new URL(request.url).searchParams), 'query') : {};
      const expectedRevision = spec.ifMatch ? parseIfMatchOrThrow(request.headers.get('if-match')) : null;
      const multipart = spec.multipart !== undefined && /^multipart\/form-data/i.test(request.headers.get('content-type') ?? '');
      const body = spec.body && !multipart ? await readBodyOrThrow(request, spec.body, spec.bodyOptional ?? false) : undefined;
      const ctx = {
        request,
        db,
        actor,
        get editor() {
          return requireEditor(actor);
        },
        params,
        query,
        body,
        multipart,
        expectedRevision,
      } as ApiContext<P, Q, B>;
      return await handle(ctx);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
  return Object.assign(handler, { operation: spec as ApiOperation });
}

/** Query parameters as strings, the first value of a repeated key. */
function flattenQuery(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in out)) out[k] = v;
  return out;
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: 'path' | 'query' | 'body'): z.output<S> {
  const lone = findIllFormedText(value);
  if (lone) throw illFormedError(lone);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InvalidRequestError(parsed.error, where);
  return parsed.data;
}

function illFormedError(path: PropertyKey[]): UserFacingError {
  const field = formatPath(path);
  return new UserFacingError(
    'invalid',
    `${field || 'the body'} contains a lone surrogate (half of a UTF-16 pair): send the text as well-formed Unicode; it was not stored`,
    field || undefined,
  );
}

/** A zod refusal with every issue listed (forms and clients show them all), the first one as `field`. */
class InvalidRequestError extends UserFacingError {
  constructor(error: ZodError, where: 'path' | 'query' | 'body') {
    const first = invalidFromZod(error);
    const issues = error.issues.map((i) => ({
      field: i.code === 'unrecognized_keys' ? formatPath([...i.path, i.keys[0] ?? '']) : formatPath(i.path),
      message: i.code === 'unrecognized_keys' ? `unknown ${where === 'query' ? 'parameter' : 'field'}(s): ${i.keys.join(', ')}` : i.message,
    }));
    super('invalid', where === 'query' && !first.field ? `invalid query parameters: ${first.message}` : first.message, first.field, { issues });
  }
}

/** Reads a JSON body: 415 unless JSON, 413 over the limit, 400 for invalid UTF-8, malformed JSON, lone surrogates or a schema refusal (naming the field). */
async function readBodyOrThrow<S extends z.ZodType>(request: Request, schema: S, optional: boolean): Promise<z.output<S>> {
  const type = request.headers.get('content-type');
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (optional && !type && !(declared > 0)) return parseOrThrow(schema, {}, 'body');
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type ?? '')) {
    throw new UserFacingError('unsupported_media_type', 'send the body as JSON with Content-Type: application/json');
  }
  const charset = /;\s*charset=("?)([^";]+)\1/i.exec(type ?? '')?.[2];
  if (charset && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
    throw new UserFacingError('unsupported_media_type', `the body must be UTF-8, not ${charset}`);
  }
  if (declared > MAX_BODY_BYTES) throw new UserFacingError('payload_too_large', `the body is over ${MAX_BODY_BYTES / 1024} kB`);
  const bytes = await readLimited(request, MAX_BODY_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserFacingError('invalid', 'the body is not valid UTF-8: send text encoded as UTF-8 (nothing was replaced or stored)');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UserFacingError('invalid', 'the body is not valid JSON');
  }
  return parseOrThrow(schema, data, 'body');
}

/** Reads at most `limit` bytes, stopping early (a lying or absent Content-Length cannot force a big read). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new UserFacingError('payload_too_large', `the body is over ${limit / 1024} kB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * SQLite answers SQLITE_BUSY (and its extended codes) when another connection kept the write
 * lock past busy_timeout; PostgreSQL's lock_not_available / serialization failures are the same
 * situation. Not a bug and not the client's fault: 503 with Retry-After.
 */
function isStoreContention(error: unknown): boolean {
  if (!error || typeof error !== 'object' || !('code' in error)) return false;
  const code = String((error as { code: unknown }).code);
  return code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED' || code === '55P03' || code === '40001' || code === '40P01';
}

/** The API's error shape: { "error": { "code", "message", "field"?, … } }. */
export function errorResponse(error: UserFacingError): Response {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  const retryAfter = error.details?.retryAfterSeconds;
  if ((error.code === 'rate_limited' || error.code === 'unavailable') && typeof retryAfter === 'number') headers['Retry-After'] = String(retryAfter);
  return Response.json(
    { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}), ...(error.details ?? {}) } },
    { status: error.status, headers },
  );
}

/** Maps anything a handler throws: refusals to their 4xx, contention to 503, only a real bug to a generic 500 (logged). */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof UserFacingError) return errorResponse(error);
  if (error instanceof ZodError) return errorResponse(new InvalidRequestError(error, 'body'));
  if (isStoreContention(error)) {
    return errorResponse(new UserFacingError('unavailable', 'the ledger is busy with another write: try again in a moment; nothing was stored', undefined, { retryAfterSeconds: 1 }));
  }
  console.error('API error', error);
  return Response.json(
    { error: { code: 'internal', message: 'The server could not complete this request; nothing was stored.' } },
    { status: 500, headers: { 'Cache-Control': 'no-store' } },
  );
}

/** A JSON answer. `etag` is a record's strong revision tag (what an edit sends back in If-Match). */
export function replyJson(body: unknown, options: { status?: number; etag?: string; location?: string; cache?: string } = {}): Response {
  const headers: Record<string, string> = { 'Cache-Control': options.cache ?? 'no-store' };
  if (options.etag) headers.ETag = options.etag;
  if (options.location) headers.Location = options.location;
  return Response.json(body, { status: options.status ?? 200, headers });
}

/**
 * JSON with a weak ETag from the store's data version: any write anywhere changes it, so a
 * client (or proxy) revalidating with If-None-Match gets a 304 while nothing changed.
 * (If-None-Match uses the weak comparison, RFC 9110 §13.1.2.)
 */
export async function replyWithDataVersion(request: Request, db: Db, body: unknown): Promise<Response> {
  const etag = `W/"v${await getDataVersion(db)}"`;
  const headers = { ETag: etag, 'Cache-Control': 'public, max-age=0, must-revalidate' };
  const inm = request.headers.get('if-none-match');
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.slice(2))) return new Response(null, { status: 304, headers });
  return Response.json(body, { headers });
}

/** A thrown 404 in the API's words. */
export function notFound(kind: string, id: string): UserFacingError {
  return new UserFacingError('not_found', `No ${kind} has the id "${id}".`);
}
