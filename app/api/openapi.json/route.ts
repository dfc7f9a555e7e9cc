import { getOpenApiDocument, OPENAPI_OPERATION } from '../_lib/operations';
import { defineOperation, replyJson } from '@/lib/http/api-route';

export const GET = defineOperation(OPENAPI_OPERATION, async () => replyJson(getOpenApiDocument(), { cache: 'public, max-age=0, must-revalidate' }));
