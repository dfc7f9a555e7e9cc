import { parseArgs } from 'node:util';
import { getActorByEmailOrThrow } from '../../lib/auth/users';
import { addConfidenceNote } from '../../lib/confidence/write';
import { confidenceInputSchema, newEvidenceInputSchema } from '../../lib/evidence/input';
import { createEvidence } from '../../lib/evidence/write';
import { invalidFromZod } from '../../lib/shared/errors';
import { requireArg, UsageError, withDb, type Io } from '../context';

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`${name} must be a number, not "${value}"`);
  return n;
}

// CLI option names map onto the API's camelCase fields, so the same schema validates both.
const FIELD_TO_OPTION: Record<string, string> = { sourceId: '--source', asOf: '--as-of' };
const optionName = (field: string | undefined) => (field ? (FIELD_TO_OPTION[field] ?? `--${field}`) : '');

export async function evidenceCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') {
    const { values } = parseArgs({
      args: rest,
      options: {
        claim: { type: 'string' }, source: { type: 'string' }, stance: { type: 'string' }, target: { type: 'string' },
        excerpt: { type: 'string' }, lang: { type: 'string' }, translation: { type: 'string' }, locator: { type: 'string' },
        value: { type: 'string' }, unit: { type: 'string' }, figure: { type: 'string' }, measure: { type: 'string' }, 'as-of': { type: 'string' }, note: { type: 'string' }, as: { type: 'string' },
      },
    });
    const claimId = requireArg(values.claim, '--claim');
    const email = requireArg(values.as, '--as <editor email>');
    const parsed = newEvidenceInputSchema.safeParse({
      sourceId: values.source, stance: values.stance, target: values.target ?? 'whole', excerpt: values.excerpt,
      lang: values.lang ?? 'en', translation: values.translation, locator: values.locator,
      value: numberOption(values.value, '--value'), unit: values.unit, asOf: values['as-of'], note: values.note,
      // --figure "US$78.4M" [--unit U] [--measure KEY]: the figure as written, parsed like the site's field.
      ...(values.figure !== undefined && {
        value: undefined, unit: undefined,
        quantity: { text: values.figure, ...(values.unit && { unit: values.unit }), ...(values.measure && { measure: values.measure }) },
      }),
    });
    if (!parsed.success) {
      const e = invalidFromZod(parsed.error);
      throw new UsageError(`${optionName(e.field)}: ${e.message}`);
    }
    const row = await withDb(async (db) => createEvidence(db, claimId, parsed.data, { kind: 'editor', actor: await getActorByEmailOrThrow(db, email) }));
    io.out(`added ${row.id} to ${row.claim_id} (${row.stance}, revision ${row.revision})`);
    return 0;
  }
  if (sub === 'list') {
    const { values } = parseArgs({ args: rest, options: { claim: { type: 'string' }, all: { type: 'boolean' } } });
    const claimId = requireArg(values.claim, '--claim');
    const rows = await withDb(async (db) => {
      let q = db.selectFrom('evidence').selectAll().where('claim_id', '=', claimId).orderBy('created_at').orderBy('id');
      if (!values.all) q = q.where('status', '=', 'accepted').where('retracted_at', 'is', null);
      return q.execute();
    });
    if (!rows.length) io.out(`no evidence on ${claimId}`);
    for (const r of rows) {
      const flags = [r.status !== 'accepted' ? r.status : '', r.retracted_at ? 'retracted' : ''].filter(Boolean).join(',');
      io.out(`${r.id}\t${r.stance}\t${r.target}\t${r.source_id}\tr${r.revision}${flags ? `\t[${flags}]` : ''}\t${JSON.stringify(r.excerpt.length > 80 ? `${r.excerpt.slice(0, 80)}…` : r.excerpt)}`);
    }
    return 0;
  }
  throw new UsageError(`unknown evidence command "${sub ?? ''}": add, list`);
}

export async function confidenceCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') throw new UsageError(`unknown confidence command "${sub ?? ''}": add`);
  const { values } = parseArgs({
    args: rest,
    options: { claim: { type: 'string' }, confidence: { type: 'string' }, verdict: { type: 'string' }, reason: { type: 'string' }, evidence: { type: 'string' }, as: { type: 'string' } },
  });
  const claimId = requireArg(values.claim, '--claim');
  const email = requireArg(values.as, '--as <editor email>');
  const parsed = confidenceInputSchema.safeParse({
    confidence: numberOption(values.confidence, '--confidence'),
    verdict: values.verdict,
    reason: values.reason,
    evidenceIds: values.evidence ? values.evidence.split(',').map((s) => s.trim()).filter(Boolean) : [],
  });
  if (!parsed.success) {
    const e = invalidFromZod(parsed.error);
    throw new UsageError(`${optionName(e.field === 'evidenceIds' ? 'evidence' : e.field)}: ${e.message}`);
  }
  const row = await withDb(async (db) => addConfidenceNote(db, claimId, parsed.data, await getActorByEmailOrThrow(db, email)));
  io.out(`added confidence note ${row.id} to ${claimId}`);
  return 0;
}
