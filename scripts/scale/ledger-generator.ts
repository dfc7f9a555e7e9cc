/**
 * A deterministic generator of a realistic ledger at any size, for the scale benchmark
 * (scripts/bench-scale.ts) and the scale tests (tests/scale). Every generated claim is a copy
 * of one of the real claims in claims/ (same body, same sources, so the real sources become
 * the hubs they would be), with its own id, title, claimant, topics, verdict and dates, two
 * more appearances in generated sources that cite each other in chains, and links to claims
 * of the same family. Each claim gets 4–10 bilingual evidence entries, one or two confidence
 * notes, and a few later edits and retractions, so the revision log looks lived in.
 *
 * Two ways to use it, both giving the same ledger:
 * - `writeScaleFiles`: claim files and seed JSON, for `claims ingest` (what the ingest bench times);
 * - `populateScaleStore`: rows written through the revision kernel, for tests and page benches
 *   (bodies compiled once per template, not once per copy).
 */
import fs from 'node:fs';
import { evidenceQuantityColumns } from '../../lib/numbers/columns';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { ClaimRow, Database, EvidenceRow } from '../../db/schema';
import { checkClaimsAndSeed, type FullCorpus } from '../../lib/claims/check';
import { ingestCorpus } from '../../lib/claims/ingest';
import { claimText, type ParsedClaim } from '../../lib/claims/parse';
import { writeWithRevisions } from '../../lib/history/revision-kernel';
import { hashContent } from '../../lib/shared/hash';
import { VERDICTS } from '../../lib/shared/vocabulary';
import type { SourceSeed } from '../../lib/sources/schema';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The real claims and seed data the copies are made from. */
export interface Templates {
  claims: ParsedClaim[];
  corpus: FullCorpus;
}

export async function loadTemplates(root = REPO_ROOT): Promise<Templates> {
  const result = await checkClaimsAndSeed({ claimsDir: path.join(root, 'claims'), seedDir: path.join(root, 'db', 'seed'), displayRoot: root });
  if (!result.ok) throw new Error(`the real claims do not check: ${result.problems[0]?.message}`);
  return { claims: [...result.corpus.claims].sort((a, b) => a.frontmatter.id.localeCompare(b.frontmatter.id)), corpus: result.corpus };
}

/** A small, fast, seeded PRNG (mulberry32): the same index always gives the same claim. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const generatedClaimId = (templateId: string, i: number) => `${templateId}-x${i}`;
export const generatedSourceId = (j: number) => `gen-src-${j}`;

/** How many generated sources a ledger of `claims` claims has: one per five claims. */
export function generatedSourceCount(claims: number): number {
  return Math.max(20, Math.ceil(claims / 5));
}

const SOURCE_TYPES = ['news', 'report', 'blog', 'paper', 'dataset', 'official-statistics'] as const;
const GRADES = ['A', 'B', 'B', 'C', 'C', 'D', 'U'] as const;
const PUBLISHERS = ['Financial Desk', '經濟日報', 'Data Weekly', 'Policy Review', '科技新報', 'Markets Daily'];

/** Generated source j: it cites j+1 except at the end of each chain of four, so chains have depth 3. */
export function generateSource(j: number, count: number): SourceSeed {
  const rand = random(7_000_003 + j);
  const zh = j % 3 === 0;
  const year = 2023 + (j % 4);
  return {
    id: generatedSourceId(j),
    title: zh ? `生成的報告第 ${j} 號:人工智慧投資與資本配置` : `Generated report ${j}: AI investment and the allocation of capital`,
    publisher: pick(rand, PUBLISHERS),
    authors: [`Author ${j % 97}`],
    published: j % 11 === 0 ? null : `${year}-${pad(1 + (j % 12))}-${pad(1 + (j % 28))}`,
    url: `https://generated.example.org/reports/${j}`,
    copies: [],
    accessed: '2026-11-28',
    type: SOURCE_TYPES[j % SOURCE_TYPES.length]!,
    lang: zh ? 'zh-Hant' : 'en',
    reliability: GRADES[j % GRADES.length]!,
    reliability_reason: 'Generated for the scale benchmark: a stand-in for a real source, not evidence of anything.',
    verified: false,
    cites: j % 4 !== 3 && j + 1 < count ? [{ source: generatedSourceId(j + 1), basis: 'stated' as const }] : [],
    licence: null,
    text_public: false,
    seed_revision: 1,
  };
}

export interface ClaimSpec {
  template: ParsedClaim;
  id: string;
  frontmatter: ParsedClaim['frontmatter'];
  bodyMdx: string;
  generatedSources: string[];
}

/** Generated claim i of `total`, a copy of template i mod T. */
export function generateClaim(i: number, total: number, templates: Templates): ClaimSpec {
  const sourceCount = generatedSourceCount(total);
  const rand = random(1_000_003 + i);
  const t = templates.claims[i % templates.claims.length]!;
  const fm = t.frontmatter;
  const a = (i * 7) % sourceCount;
  const b = (a + 1 + Math.floor(rand() * 9)) % sourceCount;
  const month = 1 + (i % 11);
  const family = Math.floor(i / templates.claims.length);
  // Siblings: copies of other templates in the same family of T claims (when that many exist).
  const sibling = (k: number) => {
    const q = (i + k) % templates.claims.length;
    const index = family * templates.claims.length + q;
    return index < total && index !== i ? generatedClaimId(templates.claims[q]!.frontmatter.id, index) : null;
  };
  const related = [
    { id: sibling(1), relation: 'same-figure' as const },
    ...(i % 3 === 0 ? [{ id: sibling(2), relation: 'context' as const }] : []),
  ].flatMap((r) => (r.id ? [{ id: r.id, relation: r.relation }] : []));
  const frontmatter = {
    ...fm,
    id: generatedClaimId(fm.id, i),
    title: `${fm.title.slice(0, 130)} (case ${i})`,
    statement: `${fm.statement.slice(0, 500)} (Generated case ${i}.)`,
    claimant: `${fm.claimant.slice(0, 200)} · desk ${i % 500}`,
    topics: [...fm.topics, `topic-${i % 300}`],
    appearances: [
      ...fm.appearances,
      { source: generatedSourceId(a), date: `2025-${pad(month)}`, cites: [{ source: generatedSourceId(b), basis: 'stated' as const }] },
      { source: generatedSourceId(b), date: `2025-${pad(month)}-${pad(1 + (i % 27))}`, cites: [] },
    ],
    verdict: pick(rand, VERDICTS),
    verdict_date: `2026-${pad(1 + (i % 11))}-${pad(1 + (i % 28))}`,
    related: [...fm.related, ...related].filter((r, k, all) => all.findIndex((x) => x.id === r.id && x.relation === r.relation) === k),
  };
  return { template: t, id: frontmatter.id, frontmatter, bodyMdx: claimText(t, 'bodyMdx'), generatedSources: [generatedSourceId(a), generatedSourceId(b)] };
}

const STANCES = ['supports', 'contradicts', 'qualifies', 'context'] as const;
const TARGETS = ['value', 'attribution', 'date', 'causality', 'whole'] as const;

/** The 4–10 evidence entries of claim i (half in Chinese with a translation). */
export function generateEvidence(i: number, claim: ClaimSpec): EvidenceRow[] {
  const rand = random(3_000_017 + i);
  const n = 4 + Math.floor(rand() * 7);
  const rows: EvidenceRow[] = [];
  for (let k = 0; k < n; k++) {
    const zh = (i + k) % 2 === 0;
    const created = `2026-${pad(1 + ((i + k) % 11))}-${pad(1 + ((i * 3 + k) % 28))}T${pad((i + k) % 24)}:00:00.000Z`;
    // A figure on a numeric claim is of the claim's measure, 0.1× to 10× its claimed value, so comparisons have work to do.
    const q = claim.frontmatter.quantity;
    const base = q ? Math.abs(q.value ?? q.high ?? q.low ?? 1) || 1 : null;
    const draw = rand();
    const value = k % 3 === 0 ? (base !== null ? Number((base * 10 ** (draw * 2 - 1)).toPrecision(3)) : Math.round(draw * 5_000) * 100_000) : null;
    rows.push({
      id: `ev-x${i}-${k}`,
      claim_id: claim.id,
      source_id: k % 2 === 0 ? claim.generatedSources[k % claim.generatedSources.length]! : claim.frontmatter.appearances[0]!.source,
      stance: pick(rand, STANCES),
      target: pick(rand, TARGETS),
      excerpt: zh
        ? `報告第 ${k + 1} 節指出,相關投資在 ${2020 + (k % 6)} 年達到 ${value ?? 17} 的水準,與宣稱的數字相比仍有差距(案例 ${i})。`
        : `Section ${k + 1} of the report puts the figure at ${value ?? 17} for ${2020 + (k % 6)}, short of the claimed level (case ${i}).`,
      lang: zh ? 'zh-Hant' : 'en',
      translation: zh ? `Section ${k + 1} of the report says the investment reached ${value ?? 17} in ${2020 + (k % 6)}, still short of the claimed figure (case ${i}).` : null,
      locator: `section ${k + 1}`,
      ...evidenceQuantityColumns(null),
      ...(value !== null && { value, unit: q?.unit ?? 'USD', measure: q?.measure ?? null }),
      as_of: `${2020 + (k % 6)}`,
      note: k % 4 === 0 ? 'Generated entry: compares a reported figure with the claim.' : null,
      status: 'accepted',
      retracted_at: null,
      retracted_reason: null,
      origin: 'user',
      seed_hash: null,
      revision: 1,
      author: `editor${k % 5}@example.org`,
      created_at: created,
      updated_at: created,
      proposed_by: null,
      reviewed_by: null,
      reviewed_at: null,
      review_reason: null,
    });
  }
  return rows;
}

function yamlString(s: string): string {
  // JSON strings are valid YAML double-quoted scalars (the claim files quote every string).
  return JSON.stringify(s);
}

/** A claim file's text, as a person would write it. */
export function toClaimFile(spec: ClaimSpec): string {
  const fm = spec.frontmatter;
  const lines = [
    '---',
    `id: ${yamlString(fm.id)}`,
    `title: ${yamlString(fm.title)}`,
    `statement: ${yamlString(fm.statement)}`,
    'original:',
    ...fm.original.flatMap((p) => [
      `  - lang: ${yamlString(p.lang)}`,
      `    text: ${yamlString(p.text)}`,
      `    translation: ${yamlString(p.translation)}`,
      ...(p.locator ? [`    locator: ${yamlString(p.locator)}`] : []),
    ]),
    `claimant: ${yamlString(fm.claimant)}`,
    `summary: ${yamlString(fm.summary)}`,
    `topics: [${fm.topics.map(yamlString).join(', ')}]`,
    'appearances:',
    ...fm.appearances.flatMap((a) => [
      `  - source: ${yamlString(a.source)}`,
      ...(a.date ? [`    date: ${yamlString(a.date)}`] : []),
      // A citation with details is written as a JSON object, which YAML reads as a flow mapping.
      ...(a.cites ? [`    cites: [${a.cites.map((c) => (c.basis === 'stated' && !c.locator && !c.note ? yamlString(c.source) : JSON.stringify(c))).join(', ')}]`] : []),
      ...(a.note ? [`    note: ${yamlString(a.note)}`] : []),
    ]),
    `verdict: ${yamlString(fm.verdict)}`,
    `verdict_date: ${yamlString(fm.verdict_date)}`,
    ...(fm.related.length ? ['related:', ...fm.related.flatMap((r) => [`  - id: ${yamlString(r.id)}`, `    relation: ${yamlString(r.relation)}`])] : []),
    ...(fm.quantity
      ? [
          'quantity:',
          ...Object.entries(fm.quantity)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => `  ${k}: ${typeof v === 'number' ? v : yamlString(String(v))}`),
        ]
      : []),
    '---',
  ];
  return `${lines.join('\n')}\n${spec.bodyMdx}`;
}

/** Writes the real claims and seed data plus `claims` generated copies as files: what `claims ingest` reads. */
export function writeScaleFiles(dir: string, claims: number, templates: Templates): { claimsDir: string; seedDir: string } {
  const claimsDir = path.join(dir, 'claims');
  const seedDir = path.join(dir, 'seed');
  fs.mkdirSync(claimsDir, { recursive: true });
  fs.mkdirSync(seedDir, { recursive: true });
  for (const name of fs.readdirSync(path.join(REPO_ROOT, 'claims'))) fs.copyFileSync(path.join(REPO_ROOT, 'claims', name), path.join(claimsDir, name));
  const sourceCount = generatedSourceCount(claims);
  const realSources = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'db', 'seed', 'sources.json'), 'utf8')) as unknown[];
  const generated = Array.from({ length: sourceCount }, (_, j) => generateSource(j, sourceCount));
  fs.writeFileSync(path.join(seedDir, 'sources.json'), `${JSON.stringify([...realSources, ...generated], null, 2)}\n`);
  for (const name of ['evidence.json', 'confidence-notes.json', 'article.zh-Hant.txt']) {
    const from = path.join(REPO_ROOT, 'db', 'seed', name);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(seedDir, name));
  }
  for (let i = 0; i < claims; i++) {
    const spec = generateClaim(i, claims, templates);
    fs.writeFileSync(path.join(claimsDir, `${spec.id}.mdx`), toClaimFile(spec));
  }
  return { claimsDir, seedDir };
}

const BATCH = 500;

/**
 * Fills a store with the same ledger as `writeScaleFiles` (the real claims ingested, then
 * `claims` generated copies), writing through the revision kernel like the app does; then
 * the evidence, notes and later edits of every generated claim. With `claimsIngested`, the
 * claims are already there (from ingesting the files) and only the evidence side is added.
 */
export async function populateScaleStore(
  db: Kysely<Database>,
  claims: number,
  templates: Templates,
  options: { claimsIngested?: boolean; onProgress?: (done: number) => void } = {},
): Promise<void> {
  const sourceCount = generatedSourceCount(claims);
  if (!options.claimsIngested) {
    await ingestCorpus(db, templates.corpus, { now: () => new Date('2026-11-28T00:00:00Z') });
    await writeWithRevisions(db, { actor: 'generator', at: '2026-11-28T00:00:00.000Z' }, async (w) => {
      const rows = Array.from({ length: sourceCount }, (_, j) => {
        const s = generateSource(j, sourceCount);
        return {
          id: s.id, title: s.title, publisher: s.publisher, authors: JSON.stringify(s.authors), published: s.published, url: s.url,
          copies: '[]', accessed: s.accessed, type: s.type, lang: s.lang, reliability: s.reliability, reliability_reason: s.reliability_reason,
          is_verified: 0 as const, cites: JSON.stringify(s.cites), merged_into: null, status: 'accepted' as const, licence: null, text_public: 0 as const, origin: 'user' as const,
          seed_hash: null, revision: 1, created_by: 'generator', created_at: '2026-11-28T00:00:00.000Z', updated_at: '2026-11-28T00:00:00.000Z',
        };
      });
      await w.insertMany('source', rows, { action: 'create' });
    });
    const stored = new Map(
      (await db.selectFrom('claim').select(['id', 'body_tree', 'body_text']).where('id', 'in', templates.claims.map((t) => t.frontmatter.id)).execute()).map((r) => [r.id, r]),
    );
    for (let start = 0; start < claims; start += BATCH) {
      const specs = Array.from({ length: Math.min(BATCH, claims - start) }, (_, k) => generateClaim(start + k, claims, templates));
      await writeWithRevisions(db, { actor: 'generator', at: '2026-11-28T00:00:00.000Z' }, async (w) => {
        const rows = specs.map((s): Omit<ClaimRow, 'revision' | 'listed' | 'sort_title' | 'current_verdict' | 'current_verdict_date' | 'current_verdict_origin' | 'current_confidence' | 'confidence_band' | 'confidence_asc_key' | 'confidence_desc_key' | 'last_reviewed' | 'needs_review' | 'evidence_count' | 'facets' | 'quote_problem_count'> => {
          const fm = s.frontmatter;
          const tree = stored.get(s.template.frontmatter.id)!;
          return {
            id: fm.id, file_path: `claims/${fm.id}.mdx`, title: fm.title, statement: fm.statement, original_lang: fm.original[0]!.lang,
            original_text: fm.original[0]!.text, original_translation: fm.original[0]!.translation, claimant: fm.claimant, verdict: fm.verdict,
            verdict_date: fm.verdict_date, summary: fm.summary, quantity_value: fm.quantity?.value ?? null, quantity_low: fm.quantity?.low ?? null,
            quantity_high: fm.quantity?.high ?? null, quantity_unit: fm.quantity?.unit ?? null, quantity_measure: fm.quantity?.measure ?? null,
            quantity_as_of: fm.quantity?.as_of ?? null, quantity_price_year: fm.quantity?.price_year ?? null, quantity_geography: fm.quantity?.geography ?? null,
            quantity_basis: fm.quantity?.basis ?? null, quantity_note: fm.quantity?.note ?? null, body_mdx: s.bodyMdx, body_tree: tree.body_tree, body_text: tree.body_text,
            content_hash: hashContent(toClaimFile(s)), status: 'published', is_withdrawn: 0, withdrawn_at: null, ingested_at: w.at, updated_at: w.at,
          };
        });
        await w.insertMany('claim', rows, { action: 'create' });
        const insert = async <T>(table: 'claim_topic' | 'claim_appearance' | 'appearance_cite' | 'claim_link' | 'claim_body_ref' | 'claim_passage', values: T[]) => {
          for (let i = 0; i < values.length; i += 300) await w.trx.insertInto(table).values(values.slice(i, i + 300) as never).execute();
        };
        await insert('claim_topic', specs.flatMap((s) => [...new Set(s.frontmatter.topics)].map((topic) => ({ claim_id: s.id, topic }))));
        await insert('claim_appearance', specs.flatMap((s) => s.frontmatter.appearances.map((a, position) => ({ claim_id: s.id, position, source_id: a.source, date: a.date ?? null, note: a.note ?? null, cites_own: a.cites ? 1 : 0 }))));
        await insert('appearance_cite', specs.flatMap((s) => s.frontmatter.appearances.flatMap((a, position) => [...new Set((a.cites ?? []).map((c) => c.source))].map((c) => ({ claim_id: s.id, position, cited_source_id: c })))));
        await insert('claim_link', specs.flatMap((s) => s.frontmatter.related.map((r) => ({ from_claim_id: s.id, to_claim_id: r.id, relation: r.relation }))));
        await insert('claim_body_ref', specs.flatMap((s) => [...new Map(s.template.references.map((r) => [`${r.kind}:${r.id}`, r])).values()].map((r) => ({ claim_id: s.id, target_kind: r.kind, target_id: r.id }))));
        await insert('claim_passage', specs.flatMap((s) => s.frontmatter.original.map((p, position) => ({ claim_id: s.id, position, lang: p.lang, text: p.text, translation: p.translation, locator: p.locator ?? null }))));
        // Children were written after the rows: refresh the derived state once they are all there.
        w.touchClaims(specs.map((s) => s.id));
      });
      options.onProgress?.(start + specs.length);
    }
  }

  // Evidence, notes and later edits, a batch of claims per write.
  for (let start = 0; start < claims; start += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, claims - start) }, (_, k) => start + k);
    const specs = indexes.map((i) => generateClaim(i, claims, templates));
    const evidence = indexes.flatMap((i, k) => generateEvidence(i, specs[k]!));
    await writeWithRevisions(db, { actor: 'generator', at: '2026-11-29T00:00:00.000Z' }, async (w) => {
      await w.insertMany('evidence', evidence, { action: 'create' });
      const notes = indexes.map((i, k) => {
        const rand = random(5_000_011 + i);
        const own = evidence.filter((e) => e.claim_id === specs[k]!.id);
        return {
          id: `cn-x${i}-1`, claim_id: specs[k]!.id, confidence: Math.round(rand() * 100) / 100, verdict: i % 4 === 0 ? pick(rand, VERDICTS) : null,
          reason: `Generated note: weighed ${own.length} entries for case ${i}.`, evidence_ids: JSON.stringify(own.slice(0, 3).map((e) => e.id)),
          origin: 'user' as const, seed_hash: null, author: 'editor0@example.org', created_at: `2026-11-${pad(1 + (i % 28))}T12:00:00.000Z`,
        };
      });
      await w.insertMany('confidence_note', notes, { action: 'create' });
      // A few later edits and retractions, so histories have more than creations.
      for (const e of evidence) {
        const n = Number(e.id.split('-')[1]!.slice(1));
        if (e.id.endsWith('-1') && n % 7 === 0) await w.update('evidence', e, { stance: 'qualifies' }, { action: 'update', reason: 'generated edit' });
        else if (e.id.endsWith('-2') && n % 31 === 0) await w.update('evidence', e, { retracted_at: w.at, retracted_reason: 'generated retraction' }, { action: 'retract', reason: 'generated retraction' });
      }
    });
    options.onProgress?.(start + indexes.length);
  }
}
