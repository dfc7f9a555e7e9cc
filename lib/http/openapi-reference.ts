/**
 * The OpenAPI document as plain strings for the reference page (/api): React renders them as
 * text, so nothing in the document can become markup.
 */

type Json = Record<string, unknown>;

export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  access: string;
  parameters: { name: string; in: string; required: boolean; schema: string; description: string }[];
  body: { required: boolean; contentTypes: string[]; schema: string } | null;
  responses: { status: string; description: string; schema: string | null }[];
}

function schemaLabel(schema: unknown): string {
  if (!schema || typeof schema !== 'object') return 'any';
  const s = schema as Json;
  if (typeof s.$ref === 'string') return s.$ref.replace('#/components/schemas/', '');
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(s.anyOf)) return s.anyOf.map(schemaLabel).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : String(s.type ?? 'any');
  const limits = [s.minimum !== undefined ? `≥ ${s.minimum}` : '', s.maximum !== undefined ? `≤ ${s.maximum}` : '', s.maxLength !== undefined ? `≤ ${s.maxLength} chars` : '', s.default !== undefined ? `default ${JSON.stringify(s.default)}` : '']
    .filter(Boolean)
    .join(', ');
  return limits ? `${type} (${limits})` : type;
}

function accessOf(security: unknown): string {
  if (!Array.isArray(security) || security.length === 0) return 'anyone (no credentials read)';
  if (security.some((s) => s && typeof s === 'object' && Object.keys(s).length === 0)) return 'anyone; an editor’s token or session is honoured when sent';
  return 'editors: Authorization: Bearer <token>, or a signed-in session';
}

export function describeOpenApi(doc: Json): { openapi: string; description: string; operations: ReferenceOperation[] } {
  const operations: ReferenceOperation[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      const body = op.requestBody as { required?: boolean; content?: Record<string, { schema?: unknown }> } | undefined;
      operations.push({
        id: String(op.operationId),
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? ''),
        description: String(op.description ?? ''),
        access: accessOf(op.security),
        parameters: ((op.parameters ?? []) as Json[]).map((p) => ({
          name: String(p.name),
          in: String(p.in),
          required: p.required === true,
          schema: schemaLabel(p.schema),
          description: String(p.description ?? ''),
        })),
        body: body?.content
          ? { required: body.required === true, contentTypes: Object.keys(body.content), schema: JSON.stringify(body.content['application/json']?.schema ?? {}, null, 2) }
          : null,
        responses: Object.entries((op.responses ?? {}) as Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>).map(([status, r]) => ({
          status,
          description: String(r.description ?? ''),
          schema: r.content?.['application/json'] ? schemaLabel(r.content['application/json'].schema) : null,
        })),
      });
    }
  }
  return { openapi: String(doc.openapi), description: String((doc.info as Json | undefined)?.description ?? ''), operations };
}
