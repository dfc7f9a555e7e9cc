import { z } from 'zod';
import { apiErrorSchema, COMMON_ERRORS, type ApiOperation } from './api-route';
import { MAX_BODY_BYTES, SESSION_COOKIE } from './request';

/**
 * The OpenAPI 3.1 document, generated from the operations the route modules declare (zod 4's
 * JSON Schema output, draft 2020-12, which is OpenAPI 3.1's schema dialect). Schemas with a
 * `.meta({ id })` become shared components.
 */

type Json = Record<string, unknown>;

const REASONS: Record<number, string> = {
  304: 'Not Modified',
  400: 'Bad request: the field at fault is named in error.field',
  401: 'Not signed in, or the token is invalid',
  403: 'Refused (another origin, or not allowed)',
  404: 'No such record (or not visible to this caller)',
  409: 'Conflict with the current state (a duplicate, a decided proposal)',
  412: 'If-Match does not name the current revision (or is a weak tag)',
  413: `Body over ${MAX_BODY_BYTES / 1024} kB`,
  415: 'Body is not JSON in UTF-8',
  428: 'If-Match is required',
  429: 'Too many requests: wait Retry-After seconds',
  500: 'A bug: nothing was stored',
  502: 'A fetch made for the request failed',
  503: 'The store is busy with another writer: retry after Retry-After seconds; nothing was stored',
};

const HEADER_DOCS: Record<string, string> = {
  ETag: 'A record\'s strong revision tag ("3", send it back in If-Match), or a list\'s weak data-version tag (W/"v12", for If-None-Match).',
  Location: 'Where the new record is.',
  'Retry-After': 'Seconds to wait before trying again.',
};

class SchemaCollector {
  readonly components: Record<string, Json> = {};

  /** The JSON Schema of a zod schema, its `$defs` lifted into components and referenced from there. */
  toSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
    const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
    const defs = (out.$defs ?? {}) as Record<string, Json>;
    delete out.$defs;
    delete out.$schema;
    for (const [id, def] of Object.entries(defs)) this.components[id] ??= rewriteRefs(def) as Json;
    return rewriteRefs(out) as Json;
  }
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/') ? `#/components/schemas/${v.slice('#/$defs/'.length)}` : rewriteRefs(v);
  }
  return out;
}

function parametersOf(collector: SchemaCollector, schema: z.ZodObject | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = collector.toSchema(schema, 'input');
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties ?? {}) as Record<string, Json>).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: where, required: where === 'path' || required.has(name), schema: rest, ...(description ? { description } : {}) };
  });
}

const ERROR_REF = { $ref: '#/components/schemas/ApiError' };

function operationObject(collector: SchemaCollector, op: ApiOperation): Json {
  const parameters = [...parametersOf(collector, op.params, 'path'), ...parametersOf(collector, op.query, 'query')];
  if (op.ifMatch) {
    parameters.push({ name: 'If-Match', in: 'header', required: false, description: 'The strong ETag of the revision the edit started from ("3"). Without it: 428; stale or weak: 412.', schema: { type: 'string', pattern: '^"\\d+"$' } });
  }
  const responses: Json = {};
  for (const [status, spec] of Object.entries(op.responses)) {
    responses[status] = {
      description: spec.description,
      ...(spec.headers?.length ? { headers: Object.fromEntries(spec.headers.map((h) => [h, { description: HEADER_DOCS[h] ?? h, schema: { type: 'string' } }])) } : {}),
      ...(spec.schema ? { content: { 'application/json': { schema: collector.toSchema(spec.schema, 'output') } } } : {}),
      ...(spec.mediaTypes ? { content: Object.fromEntries(spec.mediaTypes.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])) } : {}),
    };
  }
  const errors = [...new Set([...COMMON_ERRORS, ...(op.errors ?? []), ...(op.method !== 'GET' ? [403] : []), ...(op.auth === 'editor' ? [401] : [])])].sort((a, b) => a - b);
  for (const status of errors) {
    responses[String(status)] = {
      description: REASONS[status] ?? 'Error',
      ...(status === 429 || status === 503 ? { headers: { 'Retry-After': { description: HEADER_DOCS['Retry-After'], schema: { type: 'string' } } } } : {}),
      content: { 'application/json': { schema: ERROR_REF } },
    };
  }
  const body = op.body
    ? {
        requestBody: {
          required: !op.bodyOptional,
          content: {
            'application/json': { schema: collector.toSchema(op.body, 'input') },
            ...(op.multipart ? { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/octet-stream', description: op.multipart } }, required: ['file'] } } } : {}),
          },
        },
      }
    : {};
  const security = op.auth === 'public' ? [] : op.auth === 'editor' ? [{ bearer: [] }, { session: [] }] : [{}, { bearer: [] }, { session: [] }];
  const notes = [op.description, op.method !== 'GET' ? 'Browsers may call it from this site only (Origin checked).' : undefined].filter(Boolean).join(' ');
  return {
    operationId: operationIdOf(op),
    summary: op.summary,
    ...(notes ? { description: notes } : {}),
    ...(op.tags?.length ? { tags: [...op.tags] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...body,
    responses,
    security,
  };
}

/** A stable id: the method and the path's words (getApiClaimsById). */
export function operationIdOf(op: Pick<ApiOperation, 'method' | 'path'>): string {
  const words = op.path
    .split('/')
    .filter(Boolean)
    .map((seg) => (seg.startsWith('{') ? `By-${seg.slice(1, -1)}` : seg))
    .join('-')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return op.method.toLowerCase() + words.join('');
}

export function buildOpenApiDocument(operations: readonly ApiOperation[], info: { version: string; serverUrl?: string }): Json {
  const collector = new SchemaCollector();
  collector.toSchema(apiErrorSchema, 'output');
  const paths: Record<string, Json> = {};
  const sorted = [...operations].sort((a, b) => (a.path === b.path ? a.method.localeCompare(b.method) : a.path < b.path ? -1 : 1));
  for (const op of sorted) {
    const item = (paths[op.path] ??= {});
    const method = op.method.toLowerCase();
    if (item[method]) throw new Error(`two operations declare ${op.method} ${op.path}`);
    item[method] = operationObject(collector, op);
  }
  return {
    openapi: '3.1.1',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Claim Ledger API',
      version: info.version,
      description:
        'Claims, their sources, evidence and confidence notes. Reads are public; writes need an editor (a bearer token from `npm run claims -- token create`, or a session cookie) except evidence proposals. Every error is JSON: { "error": { "code", "message", "field"? } }.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      schemas: collector.components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (clt_…).' },
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie of a signed-in editor.' },
      },
    },
  };
}
