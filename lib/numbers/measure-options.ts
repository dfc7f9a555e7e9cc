import vocabulary from '../../db/seed/measures.json';
import { UNITS, UNIT_KEYS, type Unit } from './units';

/**
 * The measure and unit choices as plain data, for the site's figure field (a client component:
 * it takes no zod schema). The server checks the vocabulary itself (lib/numbers/measures.ts).
 */
export const MEASURE_OPTIONS: { key: string; label: string }[] = vocabulary.measures.map((m) => ({ key: m.key, label: m.label }));

export const UNIT_OPTIONS: { key: Unit; label: string }[] = UNIT_KEYS.map((key) => ({ key, label: UNITS[key].label }));
