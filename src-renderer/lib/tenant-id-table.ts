/**
 * Tenant id → list position without a Map: an open-addressing table of positions in an Int32Array,
 * built in the catalog worker and transferred without a copy (a Map of 100,000 ids would have to be
 * rebuilt on the window's thread). Lookups hash the id and compare with the ids column.
 */
import { fnv1a } from './tenant-colour';

/** The table: a power-of-two number of slots, each a list position or -1. */
export type TenantIdTable = Int32Array;

/** Builds the table for `ids` (at most half full). A repeated id keeps its first position. */
export function buildIdTable(ids: readonly string[]): TenantIdTable {
  let slots = 16;
  while (slots < ids.length * 2) slots *= 2;
  const table = new Int32Array(slots).fill(-1);
  const mask = slots - 1;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    let s = fnv1a(id) & mask;
    for (;;) {
      const at = table[s] as number;
      if (at === -1) {
        table[s] = i;
        break;
      }
      if (ids[at] === id) break;
      s = (s + 1) & mask;
    }
  }
  return table;
}

/** The list position of `id`, or undefined when the list does not hold it. */
export function lookupId(table: TenantIdTable, ids: readonly string[], id: string): number | undefined {
  const mask = table.length - 1;
  let s = fnv1a(id) & mask;
  for (;;) {
    const at = table[s] as number;
    if (at === -1) return undefined;
    if (ids[at] === id) return at;
    s = (s + 1) & mask;
  }
}
