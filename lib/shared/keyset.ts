import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { UserFacingError } from './errors';

/**
 * Keyset (cursor) pagination. A cursor names the last row of a page by its sort key and id,
 * so the next page is one index seek from there: page 5,000 costs what page 1 costs, and a
 * row added meanwhile never shifts a page. Cursors are opaque to clients (base64url JSON).
 */

export type SortValue = string | number;

export interface Cursor {
  /** Which list order the cursor belongs to (e.g. "title:asc"); a cursor for another order is refused. */
  order: string;
  /** 'after' reads forward from the row; 'before' reads backward (the previous page). */
  direction: 'after' | 'before';
  /** The row's sort key columns, its id last. */
  values: SortValue[];
}

export interface KeysetPage<T> {
  items: T[];
  /** How many rows the whole list holds (counted by index or kept as an aggregate). */
  total: number;
  /** True when `total` is a lower bound: a combination of filters counted up to a cap. */
  totalIsLowerBound: boolean;
  pageSize: number;
  /** Cursor of the next page, null on the last one. */
  next: string | null;
  /** Cursor of the previous page, null on the first one. */
  prev: string | null;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.direction === 'after' ? 'a' : 'b', ...cursor.values])).toString('base64url');
}

/** Reads a cursor for list order `order`; a malformed or foreign cursor is a 400 naming the field. */
export function decodeCursorOrThrow(raw: string, order: string, field = 'cursor'): Cursor {
  const refuse = (why: string) => new UserFacingError('invalid', `${why}: use the "next" or "prev" cursor a list response gave, unchanged`, field);
  if (raw.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw refuse('not a cursor');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw refuse('not a cursor');
  }
  if (!Array.isArray(value) || value.length < 3 || value.length > 6) throw refuse('not a cursor');
  const [o, d, ...values] = value as unknown[];
  if (o !== order) throw refuse('this cursor belongs to another sort order');
  if (d !== 'a' && d !== 'b') throw refuse('not a cursor');
  if (!values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
    throw refuse('not a cursor');
  }
  return { order, direction: d === 'a' ? 'after' : 'before', values: values as SortValue[] };
}

/**
 * The condition that starts a page at a cursor, over the list's key columns (id last), all in
 * one direction: a row-value comparison, which both engines answer with one seek in an index
 * on those columns. Without a cursor, no condition.
 */
export function keysetCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: readonly string[],
  cursor: Cursor | null,
  ascending: boolean,
): Expression<SqlBool> {
  if (!cursor) return eb.lit(true) as unknown as Expression<SqlBool>;
  if (cursor.values.length !== columns.length) throw new UserFacingError('invalid', 'not a cursor for this list', 'cursor');
  const op = ascending === (cursor.direction === 'after') ? '>' : '<';
  const refs = eb.refTuple(...(columns as [never, never]));
  const values = eb.tuple(...(cursor.values as [never, never]));
  return eb(refs, op, values) as Expression<SqlBool>;
}

/** The direction to read the index in: backwards from a "before" cursor, then put back in order. */
export function readDirection(ascending: boolean, cursor: Cursor | null): 'asc' | 'desc' {
  return ascending === (cursor?.direction !== 'before') ? 'asc' : 'desc';
}

/**
 * Turns rows read with one extra (limit pageSize + 1) into a page with its cursors.
 * Rows read backward (a "before" cursor) come in reverse and are put back in list order.
 */
export function toKeysetPage<R, T>(
  rows: R[],
  options: {
    pageSize: number;
    cursor: Cursor | null;
    order: string;
    /** The row's key column values, id last (the same columns the query ordered by). */
    keyOf: (row: R) => SortValue[];
    map: (row: R) => T;
    total: number;
    totalIsLowerBound?: boolean;
  },
): KeysetPage<T> {
  const { pageSize, cursor, order } = options;
  const backward = cursor?.direction === 'before';
  const more = rows.length > pageSize;
  const page = more ? rows.slice(0, pageSize) : rows;
  if (backward) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const at = (row: R | undefined, direction: Cursor['direction']) => (row ? encodeCursor({ order, direction, values: options.keyOf(row) }) : null);
  // Forward: a next page exists if a row beyond was read; a previous one if we came from a cursor.
  // Backward: the reverse.
  const hasNext = backward ? true : more;
  const hasPrev = backward ? more : cursor !== null;
  return {
    items: page.map(options.map),
    total: options.total,
    totalIsLowerBound: options.totalIsLowerBound ?? false,
    pageSize,
    next: hasNext && page.length ? at(last, 'after') : null,
    prev: hasPrev && page.length ? at(first, 'before') : null,
  };
}
