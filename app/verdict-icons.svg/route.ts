import { renderVerdictIconSprite } from '@/app/_components/verdict-icon';

// Built once at build time: the shapes change only with the code, and pages ask for it by a URL
// carrying their fingerprint (VERDICT_ICONS_URL), so it may be kept for good.
export const dynamic = 'force-static';

export function GET(): Response {
  return new Response(renderVerdictIconSprite(), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' },
  });
}
