import { renderVerdictIconSprite } from '@/app/_components/verdict-icon';

// Built once at build time (the shapes change only with the code); server.mjs sets its lifetime.
export const dynamic = 'force-static';

export function GET(): Response {
  return new Response(renderVerdictIconSprite(), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
}
