import 'server-only';
import type { ApiHandler, ApiOperation } from '@/lib/http/api-route';
import { openApiDocumentSchema } from '@/lib/http/api-schemas';
import { buildOpenApiDocument } from '@/lib/http/openapi';
import packageJson from '@/package.json';
import * as claim from '../claims/[id]/route';
import * as claimConfidence from '../claims/[id]/confidence/route';
import * as claimEvidence from '../claims/[id]/evidence/route';
import * as claimLineage from '../claims/[id]/lineage/route';
import * as claims from '../claims/route';
import * as evidence from '../evidence/[id]/route';
import * as evidenceRestore from '../evidence/[id]/restore/route';
import * as intake from '../intake/route';
import * as intakeDrafts from '../intake/drafts/route';
import * as lineageRoots from '../lineage/roots/route';
import * as numbers from '../numbers/route';
import * as proposalAccept from '../proposals/[id]/accept/route';
import * as proposalReject from '../proposals/[id]/reject/route';
import * as search from '../search/route';
import * as session from '../session/route';
import * as source from '../sources/[id]/route';
import * as sourceCapture from '../sources/[id]/captures/[captureId]/route';
import * as sourceCaptures from '../sources/[id]/captures/route';
import * as sourceLineage from '../sources/[id]/lineage/route';
import * as sourceMerge from '../sources/[id]/merge/route';
import * as sourceRestore from '../sources/[id]/restore/route';
import * as sources from '../sources/route';

/**
 * Every route module of the API, for the OpenAPI document. A new route.ts is added here (the
 * contract test fails on a route.ts under app/api whose operations the document lacks).
 * The list-view routes (app/api/lists) serve /api/claims and /api/sources and are documented as those.
 */
const MODULES: Record<string, unknown>[] = [
  claims, claim, claimConfidence, claimEvidence, claimLineage,
  evidence, evidenceRestore, intake, intakeDrafts, lineageRoots, numbers, proposalAccept, proposalReject,
  search, session, sources, source, sourceCaptures, sourceCapture, sourceLineage, sourceMerge, sourceRestore,
];

export function collectOperations(modules: readonly Record<string, unknown>[]): ApiOperation[] {
  return modules.flatMap((m) =>
    Object.values(m)
      .filter((v): v is ApiHandler => typeof v === 'function' && 'operation' in v)
      .map((h) => h.operation),
  );
}

export function listApiOperations(): ApiOperation[] {
  return collectOperations(MODULES);
}

/** GET /api/openapi.json itself (declared here so that the document can list it without an import cycle). */
export const OPENAPI_OPERATION = {
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'This API described as OpenAPI 3.1 (generated from the schemas the handlers validate with)',
  tags: ['meta'],
  auth: 'public',
  responses: { 200: { description: 'The OpenAPI document.', schema: openApiDocumentSchema } },
} as const satisfies ApiOperation;

let cached: Record<string, unknown> | undefined;

/** Built once per process: the declarations do not change while it runs. */
export function getOpenApiDocument(): Record<string, unknown> {
  cached ??= buildOpenApiDocument([...listApiOperations(), OPENAPI_OPERATION], { version: packageJson.version });
  return cached;
}
