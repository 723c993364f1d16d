/**
 * Tenant search for the org-picker: an n-gram index built once per tenant list (in a Web Worker, see
 * tenant-catalog.ts), so that no keystroke scans 100,000 tenants.
 *
 *   search text of tenant i: `name \n slug \n id`, folded (no case, no accents: src-shared/text-fold.ts),
 *                            stored back to back in one string
 *   grams: every character, pair and triple of adjacent characters (no whitespace) → the tenants that
 *          contain it, ascending
 *
 *   query tokens ──> a token of 1–3 characters: its gram's tenants are exactly its matches
 *               └──> a longer token: its rarest triple's tenants are the candidates, checked in the text
 *   every token must match: the lists are intersected smallest first, then the candidates checked
 *   (an earlier answer the query refines is only ever a smaller starting list, never needed)
 *
 * Everything is typed arrays and one string, so the index crosses from the worker without a copy.
 * The query is folded the same way, so `malaga` finds `Málaga`; highlights are marked on the original.
 */
import { foldText, highlightFolded, type HighlightPart } from '../../src-shared/text-fold';

export type { HighlightPart };

/** The fields the picker searches. */
export interface SearchableTenant {
  id: string;
  name: string;
  /** Not every tenant has one (the API does not promise it). */
  slug?: string | null;
}

/** A precomputed, folded search index over a tenant list (positions are list positions). */
export interface TenantSearchIndex {
  readonly size: number;
  /** Every tenant's search text, each followed by "\u0000" (a query token never holds one). */
  readonly text: string;
  /** Where tenant i's text starts in `text`; `starts[size]` is `text.length`. */
  readonly starts: Int32Array;
  /** Gram keys, ascending: a character's code; 65536 + a × 65536 + b for a pair; 2^33 + (a × 65536 + b) × 65536 + c for a triple. */
  readonly gramKeys: Float64Array;
  /** Gram g's tenants are `postings[gramStarts[g] .. gramStarts[g + 1]]`, ascending. */
  readonly gramStarts: Int32Array;
  readonly postings: Int32Array;
}

const pairBase = 65536;
const tripleBase = 2 ** 33;
/** Grams of up to this many characters have exact lists; longer tokens are checked in the text. */
const exactGram = 3;
/** Lists at least this long index ASCII triples through a direct table (exported for the tests of both paths). */
export const directTriplesFrom = 2000;

function pairKey(a: number, b: number): number {
  return pairBase + a * 65536 + b;
}

function tripleKey(a: number, b: number, c: number): number {
  return tripleBase + (a * 65536 + b) * 65536 + c;
}

/** The text the picker searches for a tenant: `name \n slug \n id`, folded ("\n" keeps tokens within one field). */
export function searchText(tenant: SearchableTenant): string {
  return foldText(`${tenant.name}\n${tenant.slug ?? ''}\n${tenant.id}`);
}

function isSpace(code: number): boolean {
  // Grams holding whitespace are never asked for (tokens split on it); skipping the ASCII ones is enough.
  return code === 32 || (code >= 9 && code <= 13);
}

/** Builds the index once per tenant list (O(total text length)). */
export function buildSearchIndex(tenants: readonly SearchableTenant[]): TenantSearchIndex {
  const n = tenants.length;
  const parts = new Array<string>(n);
  const starts = new Int32Array(n + 1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const text = searchText(tenants[i] as SearchableTenant);
    parts[i] = text;
    starts[i] = at;
    at += text.length + 1;
  }
  starts[n] = at;
  const text = parts.length === 0 ? '' : `${parts.join('\u0000')}\u0000`;

  // Gram ids in order of first appearance; keys kept to sort them at the end. ASCII pairs, and ASCII
  // triples of large lists, get a direct slot (a map lookup per character would double a 100,000-tenant
  // build; the 8 MB triple table is not worth it for a small list); the others go through a map.
  const uniIds = new Int32Array(65536).fill(-1);
  const asciiPairIds = new Int32Array(128 * 128).fill(-1);
  const asciiTripleIds = n >= directTriplesFrom ? new Int32Array(128 * 128 * 128).fill(-1) : null;
  const otherIds = new Map<number, number>();
  const keys: number[] = [];
  let counts = new Int32Array(1024);
  let lastSeen = new Int32Array(1024).fill(-1);
  // One pass over the text: each tenant's distinct grams go to `seq` (tenant t's are seq[seqStart[t] ..
  // seqStart[t + 1]]), counted per gram; the postings are then filled from `seq` alone.
  let seq = new Int32Array(at + 1024);
  let used = 0;
  const seqStart = new Int32Array(n + 1);
  const add = (id: number, t: number): void => {
    if (lastSeen[id] === t) return;
    lastSeen[id] = t;
    counts[id] = (counts[id] as number) + 1;
    if (used === seq.length) {
      const grown = new Int32Array(seq.length * 2);
      grown.set(seq);
      seq = grown;
    }
    seq[used++] = id;
  };
  const newGram = (key: number): number => {
    const id = keys.length;
    keys.push(key);
    if (id >= counts.length) {
      const grownCounts = new Int32Array(counts.length * 2);
      grownCounts.set(counts);
      counts = grownCounts;
      const grownSeen = new Int32Array(lastSeen.length * 2).fill(-1);
      grownSeen.set(lastSeen);
      lastSeen = grownSeen;
    }
    return id;
  };
  const mapped = (key: number): number => {
    let id = otherIds.get(key);
    if (id === undefined) {
      id = newGram(key);
      otherIds.set(key, id);
    }
    return id;
  };
  for (let t = 0; t < n; t++) {
    seqStart[t] = used;
    const s = parts[t] as string;
    let prev = -1;
    let prev2 = -1;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (isSpace(c)) {
        prev = -1;
        prev2 = -1;
        continue;
      }
      let uni = uniIds[c] as number;
      if (uni < 0) uni = uniIds[c] = newGram(c);
      add(uni, t);
      if (prev >= 0) {
        let pair: number;
        if (prev < 128 && c < 128) {
          const slot = prev * 128 + c;
          pair = asciiPairIds[slot] as number;
          if (pair < 0) pair = asciiPairIds[slot] = newGram(pairKey(prev, c));
        } else pair = mapped(pairKey(prev, c));
        add(pair, t);
        if (prev2 >= 0) {
          let triple: number;
          if (asciiTripleIds !== null && prev2 < 128 && prev < 128 && c < 128) {
            const slot = (prev2 * 128 + prev) * 128 + c;
            triple = asciiTripleIds[slot] as number;
            if (triple < 0) triple = asciiTripleIds[slot] = newGram(tripleKey(prev2, prev, c));
          } else triple = mapped(tripleKey(prev2, prev, c));
          add(triple, t);
        }
      }
      prev2 = prev;
      prev = c;
    }
  }
  seqStart[n] = used;

  // Sort grams by key; rank[id] is the gram's place in the sorted order.
  const g = keys.length;
  const order = Array.from({ length: g }, (_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number));
  const gramKeys = new Float64Array(g);
  const gramStarts = new Int32Array(g + 1);
  const rankStart = new Int32Array(g);
  let total = 0;
  for (let r = 0; r < g; r++) {
    const id = order[r] as number;
    gramKeys[r] = keys[id] as number;
    gramStarts[r] = total;
    rankStart[id] = total;
    total += counts[id] as number;
  }
  gramStarts[g] = total;
  const postings = new Int32Array(total);
  // Tenants come in ascending order, so every posting list comes out sorted.
  for (let t = 0; t < n; t++) {
    for (let k = seqStart[t] as number; k < (seqStart[t + 1] as number); k++) {
      const id = seq[k] as number;
      postings[rankStart[id] as number] = t;
      rankStart[id] = (rankStart[id] as number) + 1;
    }
  }
  return { size: n, text, starts, gramKeys, gramStarts, postings };
}

/** The buffers of an index, to transfer it from the worker without a copy. */
export function searchIndexBuffers(index: TenantSearchIndex): ArrayBuffer[] {
  return [index.starts.buffer, index.gramKeys.buffer, index.gramStarts.buffer, index.postings.buffer] as ArrayBuffer[];
}

/** Splits a query into folded whitespace-separated tokens; every token must match. */
export function queryTokens(query: string): string[] {
  // "\u0000" separates tenants in the index's text: a token never holds one.
  return foldText(query)
    .replaceAll('\u0000', ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

/** True when `next` only adds characters to `previous`, so `previous`'s matches can be narrowed. */
export function refinesQuery(previous: string, next: string): boolean {
  return tokensRefine(queryTokens(previous), queryTokens(next));
}

/** `refinesQuery` over tokens already split. */
export function tokensRefine(previous: readonly string[], next: readonly string[]): boolean {
  if (previous.length === 0 || next.length < previous.length) return false;
  return previous.every((token, i) => (next[i] as string).includes(token));
}

const none = new Int32Array(0);

/** The tenants holding gram `key` (ascending), or an empty list. */
function gramPostings(index: TenantSearchIndex, key: number): Int32Array {
  const keys = index.gramKeys;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid] as number;
    if (k === key) return index.postings.subarray(index.gramStarts[mid] as number, index.gramStarts[mid + 1] as number);
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return none;
}

/** A token's exact matches (1–3 characters), or for a longer token its rarest triple's tenants (a superset). */
function tokenCandidates(index: TenantSearchIndex, token: string): Int32Array {
  const c = (k: number): number => token.charCodeAt(k);
  if (token.length === 1) return gramPostings(index, c(0));
  if (token.length === 2) return gramPostings(index, pairKey(c(0), c(1)));
  let best: Int32Array | null = null;
  for (let k = 2; k < token.length; k++) {
    const list = gramPostings(index, tripleKey(c(k - 2), c(k - 1), c(k)));
    if (best === null || list.length < best.length) best = list;
    if (best.length === 0) break;
  }
  return best ?? none;
}

/** The ascending intersection of two ascending lists; walks the shorter one and gallops in the longer. */
function intersect(a: ArrayLike<number>, b: ArrayLike<number>): Int32Array {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const out = new Int32Array(small.length);
  let count = 0;
  let j = 0;
  for (let i = 0; i < small.length && j < large.length; i++) {
    const v = small[i] as number;
    if ((large[j] as number) < v) {
      // Gallop, then binary search the last step.
      let step = 1;
      while (j + step < large.length && (large[j + step] as number) < v) step *= 2;
      let lo = j + (step >> 1);
      let hi = Math.min(j + step, large.length - 1);
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((large[mid] as number) < v) lo = mid + 1;
        else hi = mid;
      }
      j = lo;
    }
    if (large[j] === v) out[count++] = v;
  }
  return out.subarray(0, count);
}

/**
 * Positions (ascending, i.e. in list order) of the tenants matching every token of `query`.
 * `within`, when given, is a previous result this query refines: typing more only ever shrinks the set.
 * An empty query matches everything.
 */
export function filterTenantIndices(index: TenantSearchIndex, query: string, within?: ArrayLike<number>): Int32Array {
  const tokens = queryTokens(query);
  if (tokens.length === 0) {
    if (within !== undefined) return Int32Array.from(within);
    return Int32Array.from({ length: index.size }, (_, i) => i);
  }
  const lists = tokens.map((t) => tokenCandidates(index, t)).sort((a, b) => a.length - b.length);
  // Every token's list is needed (short tokens are exact only through theirs); a refined earlier answer
  // only helps as the starting list when it is smaller than all of them.
  const smallest = lists[0] as Int32Array;
  let candidates: ArrayLike<number> = within !== undefined && within.length < smallest.length ? within : smallest;
  for (let l = candidates === smallest ? 1 : 0; l < lists.length && candidates.length > 0; l++) candidates = intersect(candidates, lists[l] as Int32Array);
  // Tokens of up to three characters matched exactly through their gram; longer ones are checked in the text.
  const toCheck = tokens.filter((t) => t.length > exactGram);
  if (toCheck.length === 0) return candidates instanceof Int32Array ? candidates : Int32Array.from(candidates);
  return checkInText(index, candidates, toCheck);
}

/**
 * Keeps the candidates whose text holds every token. Per token, the next occurrence at or after the
 * candidate is found once and reused for the candidates before it, so each token scans the text at most
 * once however many candidates fail.
 */
function checkInText(index: TenantSearchIndex, candidates: ArrayLike<number>, tokens: readonly string[]): Int32Array {
  const { text, starts } = index;
  const next = tokens.map(() => -2);
  const out = new Int32Array(candidates.length);
  let count = 0;
  outer: for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c] as number;
    const start = starts[i] as number;
    const end = (starts[i + 1] as number) - 1;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t] as string;
      let at = next[t] as number;
      if (at === -1) return out.subarray(0, count); // no occurrence left anywhere after this point
      if (at < start) {
        at = text.indexOf(token, start);
        next[t] = at;
        if (at === -1) return out.subarray(0, count);
      }
      if (at + token.length > end) continue outer;
    }
    out[count++] = i;
  }
  return out.subarray(0, count);
}

/** Splits `text` into matching and non-matching parts for every occurrence of any query token (folded), on the original text. */
export function highlightParts(text: string, query: string): HighlightPart[] {
  return highlightFolded(text, queryTokens(query));
}
