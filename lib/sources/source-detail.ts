import 'server-only';
import type { Db } from '../../db/client';
import { getSourcePermalink } from '../citations/permalink';
import { getDataVersion } from '../history/revisions';
import { getSource } from './source-page';
import { getSourceRowOrThrow } from './write';

/** GET /api/sources/{id}: the source page's data, its permalink, its own revision and the data version it shows; null when unknown. */
export async function getSourceDetail(db: Db, id: string) {
  const dataVersion = await getDataVersion(db);
  const source = await getSource(db, id);
  if (!source) return null;
  const row = await getSourceRowOrThrow(db, id);
  return { ...source, url: source.url, permalink: getSourcePermalink(source.id), revision: row.revision, dataVersion };
}
