import { z } from 'zod';

/**
 * Response shapes of the JSON API, as the OpenAPI document states them. They name the fields
 * a client may rely on; objects stay open (additional fields may appear) so that a new field
 * in a DTO is not a breaking change. The contract test validates every live answer against them.
 */

const nullableString = z.string().nullable();
const isoTime = z.string().describe('ISO 8601 date-time');

export const evidenceRecordSchema = z
  .looseObject({
    id: z.string(),
    claimId: z.string(),
    sourceId: z.string(),
    stance: z.string(),
    target: z.string(),
    excerpt: z.string(),
    lang: z.string(),
    translation: nullableString,
    locator: nullableString,
    value: z.number().nullable(),
    unit: nullableString,
    asOf: nullableString,
    note: nullableString,
    status: z.enum(['accepted', 'pending', 'rejected']),
    retractedAt: nullableString,
    retractedReason: nullableString,
    reviewedBy: nullableString,
    reviewedAt: nullableString,
    reviewReason: nullableString,
    author: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
    revision: z.number().int().min(1),
  })
  .meta({ id: 'EvidenceRecord' });

export const evidenceWithAnchorSchema = evidenceRecordSchema
  .extend({ anchor: z.looseObject({ status: z.string() }).nullable().describe('Where the excerpt is in the newest archived copy of its source.') })
  .meta({ id: 'EvidenceWithAnchor' });

export const sourceRecordSchema = z
  .looseObject({
    id: z.string(),
    title: z.string(),
    publisher: nullableString,
    authors: z.array(z.string()),
    publishedAt: nullableString,
    url: nullableString,
    copies: z.array(z.looseObject({ url: z.string(), kind: z.string() })),
    type: z.string(),
    lang: z.string(),
    reliability: z.string(),
    reliabilityReason: z.string(),
    verified: z.boolean(),
    cites: z.array(z.looseObject({})),
    mergedInto: nullableString,
    licence: nullableString,
    textPublic: z.boolean(),
    status: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
    revision: z.number().int().min(1),
  })
  .meta({ id: 'SourceRecord' });

export const confidenceNoteRecordSchema = z
  .looseObject({
    id: z.string(),
    claimId: z.string(),
    confidence: z.number().nullable(),
    verdict: nullableString,
    reason: z.string(),
    evidenceIds: z.array(z.string()),
    author: z.string(),
    createdAt: isoTime,
    revision: z.number().int(),
  })
  .meta({ id: 'ConfidenceNote' });

/** A keyset page: bounded items, the total, and cursors (lib/shared/keyset.ts). */
function pageOf(item: z.ZodType, id: string) {
  return z
    .looseObject({
      items: z.array(item),
      total: z.number().int().min(0),
      totalIsLowerBound: z.boolean(),
      pageSize: z.number().int().min(1),
      next: nullableString.describe('Cursor of the next page (send as ?cursor=), null on the last page.'),
      prev: nullableString,
    })
    .meta({ id });
}

const sourceLinkSchema = z.looseObject({ id: z.string(), title: z.string() });

export const claimSummarySchema = z
  .looseObject({
    id: z.string(),
    title: z.string(),
    statement: z.string(),
    claimant: z.string(),
    topics: z.array(z.string()),
    verdict: z.looseObject({}),
    confidence: z.number().nullable(),
    confidenceBand: z.string(),
    withdrawn: z.boolean(),
    lastReviewed: z.string(),
    needsReview: z.boolean(),
    quoteProblemCount: z.number().int(),
  })
  .meta({ id: 'ClaimSummary' });

export const claimPageSchema = pageOf(claimSummarySchema, 'ClaimPage');

export const sourceSummarySchema = sourceLinkSchema
  .extend({ authors: z.array(z.string()), claimCount: z.number().int(), evidenceCount: z.number().int() })
  .meta({ id: 'SourceSummary' });

export const sourcePageSchema = pageOf(sourceSummarySchema, 'SourcePage');

/** A claim's numbers block: the claimed figure against each evidence figure of its measure, contradictions, series, chart and data links. */
export const claimNumbersSchema = z
  .looseObject({
    claimId: z.string(),
    claimed: z.looseObject({ unit: z.string() }),
    measure: z.looseObject({ key: z.string(), label: z.string(), dimension: z.string() }),
    summary: z.string(),
    deviation: z.number().nullable().describe('Typical claimed ÷ evidence factor (1: agreement); null when nothing compares by ratio.'),
    comparisons: z.array(z.looseObject({})),
    conflicts: z.array(z.looseObject({ claimId: z.string() })),
    conflictCount: z.number().int(),
    chartUrl: z.string(),
    csvUrl: z.string(),
    metadataUrl: z.string(),
  })
  .meta({ id: 'ClaimNumbers' });

export const numberListPageSchema = pageOf(
  z.looseObject({ claimId: z.string(), title: z.string(), measure: z.string(), measureLabel: z.string(), claimed: z.string(), summary: z.string(), deviation: z.number().nullable(), figureCount: z.number().int(), conflictCount: z.number().int() }),
  'NumberListPage',
);

export const claimDetailSchema = z
  .looseObject({
    id: z.string(),
    url: z.string(),
    title: z.string(),
    statement: z.string(),
    claimant: z.looseObject({}).or(z.string()),
    topics: z.array(z.string()),
    verdict: z.looseObject({}),
    confidence: z.number().nullable(),
    confidenceBand: z.string(),
    sources: z.array(z.looseObject({})),
    evidence: z.array(z.looseObject({ id: z.string() })),
    pendingEvidenceCount: z.number().int(),
    confidenceNotes: z.array(z.looseObject({})),
    analysis: z.strictObject({ text: z.string() }),
    withdrawn: z.boolean(),
    updatedAt: z.string(),
    numbers: claimNumbersSchema.nullable().describe('Null when the claim states no figure.'),
  })
  .meta({ id: 'ClaimDetail' });

export const sourceDetailSchema = sourceLinkSchema
  .extend({ permalink: z.string(), revision: z.number().int().min(1), dataVersion: z.number().int() })
  .meta({ id: 'SourceDetail' });

export const claimLineageSchema = z
  .looseObject({ claimId: z.string(), nodes: z.array(z.looseObject({})), edges: z.array(z.looseObject({})), counts: z.looseObject({ nodes: z.number().int() }) })
  .meta({ id: 'ClaimLineage' });

export const sourceLineageSchema = z
  .looseObject({ sourceId: z.string(), nodes: z.array(z.looseObject({ depth: z.number().int() })), edges: z.array(z.looseObject({ from: z.string(), to: z.string() })) })
  .meta({ id: 'SourceLineage' });

export const lineageRootPageSchema = pageOf(z.looseObject({ source: sourceLinkSchema, derivedClaims: z.number().int(), derivedSources: z.number().int() }), 'LineageRootPage');

const captureSummarySchema = z
  .looseObject({ id: z.string(), sourceId: z.string(), seq: z.number().int(), capturedAt: z.string(), capturedBy: z.string(), method: z.string(), mediaType: z.string() })
  .meta({ id: 'CaptureSummary' });

const anchorCountsSchema = z.looseObject({ total: z.number().int(), byStatus: z.record(z.string(), z.number().int()) }).meta({ id: 'AnchorCounts' });

export const captureListSchema = z
  .looseObject({ sourceId: z.string(), textPublic: z.boolean(), licence: nullableString, total: z.number().int(), items: z.array(captureSummarySchema), quotes: anchorCountsSchema })
  .meta({ id: 'CaptureList' });

export const captureAddedSchema = z.looseObject({ capture: captureSummarySchema, quotes: anchorCountsSchema }).meta({ id: 'CaptureAdded' });

export const captureTextSchema = captureSummarySchema.extend({ text: z.string(), licence: nullableString }).meta({ id: 'CaptureText' });

export const sessionSchema = z
  .strictObject({ signedIn: z.boolean(), email: z.string().optional(), role: z.enum(['editor', 'admin']).optional() })
  .meta({ id: 'Session' });

export const mergeResultSchema = z.strictObject({ mergedInto: z.string(), movedEvidence: z.array(z.string()).describe('The ids of the evidence entries that moved.') }).meta({ id: 'MergeResult' });

export const searchResultSchema = z
  .looseObject({
    query: z.string(),
    terms: z.array(z.string()),
    totals: z.strictObject({ claim: z.number().int(), source: z.number().int(), evidence: z.number().int() }),
    partial: z.boolean(),
    degraded: z.boolean(),
    dataVersion: z.number().int(),
    hits: z.array(z.looseObject({ kind: z.string(), id: z.string(), title: z.string(), score: z.number() })),
  })
  .meta({ id: 'SearchResult' });

export const openApiDocumentSchema = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }).meta({ id: 'OpenApiDocument' });

/** The `{id}` path parameter of record routes. */
export const idParams = z.strictObject({ id: z.string().min(1).max(200).describe('The record id (a slug such as alpha-figure, or ev-…).') });

const intakeCandidateSchema = z.looseObject({
  rank: z.number().int(),
  score: z.number(),
  features: z.array(z.looseObject({ key: z.string(), label: z.string(), weight: z.number(), matches: z.array(z.string()) })),
  passages: z.array(z.looseObject({ index: z.number().int(), text: z.string(), headline: z.boolean(), locator: z.string() })),
  matches: z.array(z.looseObject({ claimId: z.string(), title: z.string(), similarity: z.number() })),
});

export const intakeResultSchema = z
  .looseObject({
    lang: z.string(),
    langDetected: z.boolean(),
    title: nullableString,
    sentenceCount: z.number().int(),
    candidateCount: z.number().int(),
    candidates: z.array(intakeCandidateSchema),
  })
  .meta({ id: 'IntakeResult' });
