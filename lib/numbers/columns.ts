import type { Basis, Quantity } from './schema';
import { isUnit, type Unit } from './units';

/**
 * The quantity's one mapping to and from stored columns. Evidence keeps `value`, `unit` and
 * `as_of` where they always were (older readers still find them) and the rest beside them;
 * claims keep theirs under quantity_*.
 */

/** A stored quantity as the rest of the code reads it: nulls, never undefined; camelCase. */
export interface StoredQuantity {
  value: number | null;
  low: number | null;
  high: number | null;
  unit: Unit;
  measure: string | null;
  asOf: string | null;
  priceYear: number | null;
  geography: string | null;
  basis: Basis | null;
  note: string | null;
  text: string | null;
}

export type ResolvedQuantity = Omit<Quantity, 'measure'> & { measure: string | null };

export function evidenceQuantityColumns(q: ResolvedQuantity | null) {
  return {
    value: q?.value ?? null,
    low: q?.low ?? null,
    high: q?.high ?? null,
    unit: q?.unit ?? null,
    measure: q?.measure ?? null,
    as_of: q?.as_of ?? null,
    price_year: q?.price_year ?? null,
    geography: q?.geography ?? null,
    basis: q?.basis ?? null,
    figure_text: q?.text ?? null,
  };
}

export function claimQuantityColumns(q: Quantity | undefined) {
  return {
    quantity_value: q?.value ?? null,
    quantity_low: q?.low ?? null,
    quantity_high: q?.high ?? null,
    quantity_unit: q?.unit ?? null,
    quantity_measure: q?.measure ?? null,
    quantity_as_of: q?.as_of ?? null,
    quantity_price_year: q?.price_year ?? null,
    quantity_geography: q?.geography ?? null,
    quantity_basis: q?.basis ?? null,
    quantity_note: q?.note ?? null,
  };
}

interface EvidenceQuantityRow {
  value: number | null;
  low?: number | null;
  high?: number | null;
  unit: string | null;
  measure?: string | null;
  as_of: string | null;
  price_year?: number | null;
  geography?: string | null;
  basis?: string | null;
  figure_text?: string | null;
}

/** The quantity an evidence row states, or null when it states no figure (or an old free-text unit). */
export function quantityOfEvidenceRow(r: EvidenceQuantityRow): StoredQuantity | null {
  if (!r.unit || !isUnit(r.unit)) return null;
  if (r.value === null && (r.low ?? null) === null && (r.high ?? null) === null) return null;
  return {
    value: r.value,
    low: r.low ?? null,
    high: r.high ?? null,
    unit: r.unit,
    measure: r.measure ?? null,
    asOf: r.as_of,
    priceYear: r.price_year ?? null,
    geography: r.geography ?? null,
    basis: (r.basis as Basis | null) ?? null,
    note: null,
    text: r.figure_text ?? null,
  };
}

interface ClaimQuantityRow {
  quantity_value: number | null;
  quantity_low: number | null;
  quantity_high: number | null;
  quantity_unit: string | null;
  quantity_measure: string | null;
  quantity_as_of: string | null;
  quantity_price_year?: number | null;
  quantity_geography?: string | null;
  quantity_basis?: string | null;
  quantity_note?: string | null;
}

export function quantityOfClaimRow(r: ClaimQuantityRow): StoredQuantity | null {
  if (!r.quantity_unit || !isUnit(r.quantity_unit)) return null;
  if (r.quantity_value === null && r.quantity_low === null && r.quantity_high === null) return null;
  return {
    value: r.quantity_value,
    low: r.quantity_low,
    high: r.quantity_high,
    unit: r.quantity_unit,
    measure: r.quantity_measure,
    asOf: r.quantity_as_of,
    priceYear: r.quantity_price_year ?? null,
    geography: r.quantity_geography ?? null,
    basis: (r.quantity_basis as Basis | null) ?? null,
    note: r.quantity_note ?? null,
    text: null,
  };
}

/** The quantity in the file/seed/export shape (snake_case, absent fields left out). */
export function toQuantityJson(q: StoredQuantity) {
  return {
    ...(q.value !== null && { value: q.value }),
    ...(q.low !== null && { low: q.low }),
    ...(q.high !== null && { high: q.high }),
    unit: q.unit,
    ...(q.measure !== null && { measure: q.measure }),
    ...(q.asOf !== null && { as_of: q.asOf }),
    ...(q.priceYear !== null && { price_year: q.priceYear }),
    ...(q.geography !== null && { geography: q.geography }),
    ...(q.basis !== null && { basis: q.basis }),
    ...(q.note !== null && { note: q.note }),
    ...(q.text !== null && { text: q.text }),
  };
}
