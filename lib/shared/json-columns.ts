/**
 * The store keeps short lists as JSON text columns (portable to PostgreSQL as is). These read
 * them back without trusting them: a malformed value reads as an empty list, never a crash.
 */

export function parseJsonArray(json: string): unknown[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** A list of strings (ids, authors); anything else in it is dropped. */
export function parseStringList(json: string): string[] {
  return parseJsonArray(json).filter((x): x is string => typeof x === 'string');
}

export interface StoredCopy {
  url: string;
  kind: string;
  note?: string;
}

/** A source's archived or mirror copies; entries without a string url are dropped. */
export function parseCopies(json: string): StoredCopy[] {
  return parseJsonArray(json).flatMap((c) => {
    if (!c || typeof c !== 'object') return [];
    const { url, kind, note } = c as Record<string, unknown>;
    if (typeof url !== 'string') return [];
    return [{ url, kind: typeof kind === 'string' ? kind : '', ...(typeof note === 'string' ? { note } : {}) }];
  });
}
