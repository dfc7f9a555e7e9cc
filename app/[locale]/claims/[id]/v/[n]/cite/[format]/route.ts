import { respondWithCitation } from '@/lib/citations/respond';

/** A claim revision's citation: what /claims/{id}/v/{n}.bib (or the permalink asked for BibTeX) is served by. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string; n: string; format: string }> }): Promise<Response> {
  const { id, n, format } = await ctx.params;
  return respondWithCitation(request, 'claim', id, format, n);
}
