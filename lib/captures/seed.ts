import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RevisionWriter } from '../history/revision-kernel';
import { parseSeedFile } from '../seed/parse';
import { SEED_ACTOR } from '../seed/sync';
import type { Problem } from '../shared/problems';
import { isoDateSchema, slugSchema } from '../shared/vocabulary';
import { CAPTURE_MEDIA_TYPES } from './extract';
import { insertCapture } from './write';

/**
 * Archived copies shipped as seed data (db/seed/captures.json): each names its source, a file
 * beside the seed data, its media type and the day it was taken. Ingest inserts one that is
 * absent; a capture is never changed (a new copy is a new id).
 */

export const CAPTURES_FILE = 'captures.json';

export const captureSeedSchema = z.strictObject({
  id: z.string().regex(/^cap-[a-z0-9-]{1,60}$/, 'a capture id is "cap-" and lower-case letters, digits and hyphens'),
  source: slugSchema,
  file: z
    .string()
    .min(1)
    .refine((f) => !f.includes('/') && !f.includes('\\') && !f.startsWith('.'), 'name a file in the seed folder itself, without a path'),
  media_type: z.enum(CAPTURE_MEDIA_TYPES),
  captured_at: isoDateSchema,
});
export type CaptureSeed = z.infer<typeof captureSeedSchema> & { bytes: Buffer };

/** Reads and checks captures.json (absent: no seed captures); its files must exist and its sources be defined. */
export async function readSeedCaptures(seedDir: string, display: (file: string) => string, sourceIds: Set<string>): Promise<{ items: CaptureSeed[]; problems: Problem[] }> {
  const file = path.join(seedDir, CAPTURES_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { items: [], problems: [] };
    throw error;
  }
  const { file: parsed, problems } = parseSeedFile(display(file), text, captureSeedSchema);
  const items: CaptureSeed[] = [];
  for (const item of parsed.items) {
    const index = parsed.indexOf.get(item.id)!;
    if (!sourceIds.has(item.source)) {
      problems.push({ file: display(file), ...parsed.positionOf([index, 'source']), field: `[${index}].source`, message: `no source has id "${item.source}": define it in sources.json` });
      continue;
    }
    try {
      items.push({ ...item, bytes: await fs.readFile(path.join(seedDir, item.file)) });
    } catch {
      problems.push({ file: display(file), ...parsed.positionOf([index, 'file']), field: `[${index}].file`, message: `${item.file} is not in ${display(seedDir)}` });
    }
  }
  return { items, problems };
}

/** Inserts the seed captures not yet stored; returns the ids added. */
export async function syncSeedCaptures(w: RevisionWriter, captures: CaptureSeed[]): Promise<string[]> {
  if (captures.length === 0) return [];
  const existing = new Set((await w.trx.selectFrom('capture').select('id').where('id', 'in', captures.map((c) => c.id)).execute()).map((r) => r.id));
  const added: string[] = [];
  for (const c of captures) {
    if (existing.has(c.id)) continue;
    await insertCapture(w, c.source, {
      id: c.id,
      bytes: c.bytes,
      mediaType: c.media_type,
      fileName: c.file,
      method: 'seed',
      origin: 'seed',
      capturedAt: `${c.captured_at}T00:00:00.000Z`,
      actor: SEED_ACTOR,
    });
    added.push(c.id);
  }
  return added;
}
