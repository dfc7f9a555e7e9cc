/**
 * Responses built from the store, kept per data version: the first request after a write builds
 * anew, every other is served from here (what the data-version cache handler does for pages).
 * Bounded in entries, oldest out first.
 */
const LIMIT = 200;
const memo = new Map<string, string>();

export async function memoByDataVersion(version: number, key: string, build: () => Promise<string | null>): Promise<string | null> {
  const k = `${version}|${key}`;
  const hit = memo.get(k);
  if (hit !== undefined) return hit;
  const value = await build();
  if (value === null) return null;
  if (memo.size >= LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(k, value);
  return value;
}
