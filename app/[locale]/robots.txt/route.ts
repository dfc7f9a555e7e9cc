import { renderRobots } from '@/lib/sitemap/sitemap';

// Built per request: the origin comes from the environment the server runs with, not the build's.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return new Response(renderRobots(), { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } });
}
