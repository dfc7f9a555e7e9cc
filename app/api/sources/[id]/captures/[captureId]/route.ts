import { getCaptureTextOrThrow } from '@/lib/captures/queries';
import { getDb } from '@/lib/db';
import { authenticateRequest } from '@/lib/http/request';
import { handleWrite } from '@/lib/http/respond';

type Ctx = { params: Promise<{ id: string; captureId: string }> };

/**
 * GET /api/sources/{id}/captures/{captureId}: one archived copy with its full text. Copyright:
 * the text is for editors (token or session), and for everyone when the source is marked
 * public (its licence allows it); anyone else gets 403.
 */
export function GET(request: Request, ctx: Ctx): Promise<Response> {
  return handleWrite(async () => {
    const { id, captureId } = await ctx.params;
    const db = await getDb();
    const actor = await authenticateRequest(db, request);
    const capture = await getCaptureTextOrThrow(db, id, captureId, { editor: actor !== null });
    return Response.json(capture, { headers: { 'Cache-Control': 'private, no-store' } });
  });
}
