import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getActorByEmailOrThrow } from '../../lib/auth/users';
import type { CaptureAdded } from '../../lib/captures/dto';
import { mediaTypeOfUpload } from '../../lib/captures/extract';
import { addCapture, addCaptureFromSourceUrl, MAX_CAPTURE_BYTES } from '../../lib/captures/write';
import { countNeedingReview, reanchorQuotes } from '../../lib/quotes/verify';
import { ANCHOR_STATUSES } from '../../lib/quotes/anchor';
import { requireArg, UsageError, withDb, type Io } from '../context';

function printAnchorCounts(io: Io, added: CaptureAdded): void {
  const c = added.capture;
  io.out(`captured ${c.id} of ${c.sourceId} (copy ${c.seq}, ${c.mediaType}, ${c.size} bytes, sha256 ${c.sha256}, ${c.textLength} characters of text)`);
  io.out(`quotes on ${c.sourceId}: ${ANCHOR_STATUSES.map((s) => `${added.quotes.byStatus[s]} ${s}`).join(', ')}`);
}

export async function captureCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') throw new UsageError(`unknown capture command "${sub ?? ''}": add`);
  const { values } = parseArgs({ args: rest, options: { source: { type: 'string' }, file: { type: 'string' }, fetch: { type: 'boolean' }, type: { type: 'string' }, as: { type: 'string' } } });
  const sourceId = requireArg(values.source, '--source');
  const email = requireArg(values.as, '--as <editor email>');
  if (Boolean(values.file) === Boolean(values.fetch)) throw new UsageError('give either --file FILE or --fetch');
  if (values.fetch) {
    const added = await withDb(async (db) => addCaptureFromSourceUrl(db, sourceId, await getActorByEmailOrThrow(db, email)));
    printAnchorCounts(io, added);
    return 0;
  }
  const file = values.file!;
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new UsageError(`--file: ${file} is not a readable file`);
  if (stat.size > MAX_CAPTURE_BYTES) throw new UsageError(`--file: ${file} is over ${MAX_CAPTURE_BYTES / 1024 / 1024} MB`);
  const mediaType = mediaTypeOfUpload(values.type ?? '', file);
  if (!mediaType) throw new UsageError(`--file: ${file} is not HTML, plain text or PDF by its name: say which with --type text/html|text/plain|application/pdf`);
  const bytes = await fs.readFile(file);
  const added = await withDb(async (db) =>
    addCapture(db, sourceId, { bytes, mediaType, fileName: path.basename(file), method: 'upload' }, await getActorByEmailOrThrow(db, email)),
  );
  printAnchorCounts(io, added);
  return 0;
}

export async function quotesCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new UsageError(`unknown quotes command "${sub ?? ''}": verify`);
  const { values } = parseArgs({ args: rest, options: { source: { type: 'string' } } });
  const report = await withDb((db) => reanchorQuotes(db, { sourceId: values.source }));
  io.out(`re-anchored the quotes of ${report.claims} claims${report.sourceId ? ` resting on ${report.sourceId}` : ''} against the newest captures`);
  io.out(`quotes: ${ANCHOR_STATUSES.map((s) => `${report.byStatus[s]} ${s}`).join(', ')}`);
  io.out(`changed since the last anchoring: ${report.changed.length}`);
  for (const c of report.changed.slice(0, 50)) io.out(`  ${c.key}: ${c.before ?? 'new'} -> ${c.after}`);
  for (const a of report.attention) {
    const detail = a.status === 'fuzzy' ? ` (distance ${a.distance})` : '';
    io.out(`${a.status}${detail}\t${a.claimId}\t${a.key}\t${a.sourceId}${a.capturedAt ? ` @ ${a.capturedAt.slice(0, 10)}` : ''}\t${JSON.stringify(a.quote.length > 80 ? `${a.quote.slice(0, 80)}…` : a.quote)}`);
  }
  const problems = countNeedingReview(report);
  io.out(problems ? `${problems} quotes need review (orphaned or only approximate)` : 'no quote needs review');
  return problems ? 1 : 0;
}
