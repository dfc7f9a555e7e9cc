import { respondWithFeed } from '@/lib/feeds/feed';

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return respondWithFeed(request, { kind: 'claim', id: (await ctx.params).id }, 'atom');
}
