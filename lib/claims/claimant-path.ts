/** A claimant's page, from the claimant exactly as claim files write it (the URL-encoded name is the id). */
export function claimantPath(name: string): string {
  return `/claimants/${encodeURIComponent(name)}`;
}
