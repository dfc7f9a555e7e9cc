import 'server-only';
import { z } from 'zod';
import { getDb } from '../db';
import { getDataVersion } from '../history/revisions';
import { CITATION_FORMATS, CITATION_STYLES, DEFAULT_CITATION_STYLE, formatCitation, MEDIA_TYPE_OF } from './format';
import { getClaimCsl, getSourceCsl } from './queries';

const querySchema = z.strictObject({
  style: z.enum(CITATION_STYLES).default(DEFAULT_CITATION_STYLE),
  rev: z.coerce.number().int().min(1).optional(),
});

const FILE_EXTENSION: Record<string, string> = { 'csl-json': 'csl.json', bibtex: 'bib', ris: 'ris', text: 'txt', html: 'html' };

function problem(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * GET /claims/{id}/cite/{format} and /sources/{id}/cite/{format}: the record as CSL-JSON,
 * BibTeX, RIS or a formatted reference (?style=apa|vancouver|harvard1); a claim's export holds
 * the claim revision (?rev=N, else the newest) and its sources' bibliography. Revalidated by
 * the data version, like the lineage drawing.
 */
export async function respondWithCitation(request: Request, kind: 'claim' | 'source', id: string, format: string, pinnedRevision?: string): Promise<Response> {
  if (!(CITATION_FORMATS as readonly string[]).includes(format)) {
    return problem(404, 'not_found', `No citation format "${format}": use one of ${CITATION_FORMATS.join(', ')}.`);
  }
  // A revision in the path (/claims/{id}/v/{n}/cite/…: what /claims/{id}/v/{n}.bib is rewritten to) wins over ?rev.
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = querySchema.safeParse(pinnedRevision === undefined ? query : { ...query, rev: pinnedRevision });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return problem(400, 'invalid', `${issue.path.join('.') || 'query'}: ${issue.message} (styles: ${CITATION_STYLES.join(', ')}; rev: a revision number).`);
  }
  if (kind === 'source' && parsed.data.rev !== undefined) return problem(400, 'invalid', 'rev: only a claim citation takes a revision.');
  try {
    const db = await getDb();
    const etag = `W/"v${await getDataVersion(db)}-${format}-${parsed.data.style}-${parsed.data.rev ?? ''}"`;
    const type = MEDIA_TYPE_OF[format as keyof typeof MEDIA_TYPE_OF];
    const headers: Record<string, string> = {
      'Content-Type': `${type}; charset=utf-8`,
      ETag: etag,
      'Cache-Control': 'public, max-age=0, must-revalidate',
      Vary: 'Accept',
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': `inline; filename="${id}${parsed.data.rev ? `-v${parsed.data.rev}` : ''}.${FILE_EXTENSION[format]}"`,
    };
    if (format === 'html') headers['Content-Security-Policy'] = "default-src 'none'";
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    const items = kind === 'claim' ? await getClaimCsl(db, id, parsed.data.rev) : await getSourceCsl(db, id).then((s) => (s ? [s] : null));
    if (!items) return problem(404, 'not_found', kind === 'claim' ? `No public claim "${id}"${parsed.data.rev ? ` with revision ${parsed.data.rev}` : ''}.` : `No public source "${id}".`);
    return new Response(formatCitation(items, format as (typeof CITATION_FORMATS)[number], parsed.data.style), { headers });
  } catch (error) {
    console.error('citation export failed', error);
    return problem(503, 'unavailable', 'The citation could not be made just now; try again.');
  }
}
