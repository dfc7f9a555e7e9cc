/**
 * The key a title sorts by in every list: case-folded and compatibility-normalised, then
 * compared by code point, which SQLite (BINARY) and PostgreSQL (COLLATE "C") do alike, so a
 * keyset cursor means the same on both engines.
 */
export function toSortKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().trim();
}
