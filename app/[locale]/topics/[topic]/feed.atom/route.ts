import { decodeSegment, respondWithFeed } from '@/lib/feeds/feed';

export async function GET(request: Request, ctx: { params: Promise<{ topic: string }> }): Promise<Response> {
  return respondWithFeed(request, { kind: 'topic', topic: decodeSegment((await ctx.params).topic) }, 'atom');
}
