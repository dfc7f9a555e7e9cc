import { getClaimPage } from '@/lib/claims/claim-page';
import { toClaimJson } from '@/lib/claims/claim-json';
import { defineOperation, notFound, replyWithDataVersion } from '@/lib/http/api-route';
import { claimDetailSchema, idParams } from '@/lib/http/api-schemas';
import { getClaimNumbers } from '@/lib/numbers/queries';

export const GET = defineOperation(
  {
    method: 'GET',
    path: '/api/claims/{id}',
    summary: 'One claim with its appearance chain, evidence, confidence notes, related claims and numbers',
    tags: ['claims'],
    auth: 'public',
    params: idParams,
    responses: { 200: { description: 'The claim.', schema: claimDetailSchema, headers: ['ETag'] }, 304: { description: 'Not modified since the ETag sent in If-None-Match.' } },
    errors: [404],
  },
  async ({ db, request, params }) => {
    const claim = await getClaimPage(db, params.id);
    if (!claim) throw notFound('claim', params.id);
    return replyWithDataVersion(request, db, { ...toClaimJson(claim), numbers: await getClaimNumbers(db, params.id) });
  },
);
