import { respondWithFeed } from '@/lib/feeds/feed';

/** The whole ledger's feed (atom). */
export async function GET(request: Request): Promise<Response> {
  return respondWithFeed(request, { kind: 'site' }, 'atom');
}
