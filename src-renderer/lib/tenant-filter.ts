/**
 * The org-picker's filter over one tenant list: the index answers a new query, and the answers of the
 * last queries are kept, so Backspace back through what was just typed costs a lookup and typing on
 * narrows the closest earlier answer. Runs in the keystroke's own render (same frame as its echo).
 */
import { filterTenantIndices, queryTokens, tokensRefine, type TenantSearchIndex } from './tenant-search';

/** How many answers are kept (a few searches' worth of typing and deleting). */
const keptAnswers = 48;

/** A filter with its answer cache; one per tenant list. */
export class TenantFilter {
  /** Normalized query (tokens joined by one space) → answer, oldest first. */
  private readonly answers = new Map<string, { tokens: string[]; rows: Int32Array }>();

  constructor(private readonly index: TenantSearchIndex) {}

  /** Positions (ascending) of the tenants matching every token of `query`; never call with an empty query. */
  filter(query: string): Int32Array {
    const tokens = queryTokens(query);
    const key = tokens.join(' ');
    const kept = this.answers.get(key);
    if (kept !== undefined) {
      // Most recently used last.
      this.answers.delete(key);
      this.answers.set(key, kept);
      return kept.rows;
    }
    let within: Int32Array | undefined;
    for (const answer of this.answers.values()) {
      if ((within === undefined || answer.rows.length < within.length) && tokensRefine(answer.tokens, tokens)) within = answer.rows;
    }
    const rows = filterTenantIndices(this.index, key, within);
    this.answers.set(key, { tokens, rows });
    if (this.answers.size > keptAnswers) this.answers.delete(this.answers.keys().next().value as string);
    return rows;
  }
}
