import { respondWithCitation } from '@/lib/citations/respond';

export async function GET(request: Request, ctx: { params: Promise<{ id: string; format: string }> }): Promise<Response> {
  const { id, format } = await ctx.params;
  return respondWithCitation(request, 'source', id, format);
}
