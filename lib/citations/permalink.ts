import { getEnv } from '../env';

/**
 * The site's public origin for permalinks, canonical URLs and JSON-LD. Pages are cached
 * and must not depend on the request's Host header, so the origin comes from the
 * environment (SITE_URL once lib/env.ts has it; until then the local server's address).
 */
export function getSiteOrigin(): string {
  const env = getEnv() as ReturnType<typeof getEnv> & { SITE_URL?: string };
  return (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}

export function getClaimPermalink(id: string): string {
  return `${getSiteOrigin()}/claims/${id}`;
}

export function getSourcePermalink(id: string): string {
  return `${getSiteOrigin()}/sources/${id}`;
}

/** The permalink of one revision of a claim: that version, whatever changed since. */
export function getClaimVersionPermalink(id: string, revision: number): string {
  return `${getSiteOrigin()}/claims/${id}/v/${revision}`;
}
