/**
 * Single-use, short-lived hand-offs of `serve`'s API token, for a reload or a second tab. The token
 * itself never sits in a cookie (cookies are not isolated by port: every other local web server the
 * browser visits would receive it) nor in storage; a page keeps it in memory and, for its own reload,
 * only a hand-off code that is redeemed once, expires within minutes, and is replaced as it ages.
 *
 *   page (holds the token) ── POST /auth/handoff {replaces?} + token header ──> { code, expiresInMs }
 *   reload / second tab ──── POST /auth/redeem {code} ──> { token }   (the code is gone after this)
 */
import { randomBytes } from 'node:crypto';

/** Options of the store. */
export interface HandoffOptions {
  /** How long a code stays redeemable (default 3 minutes). */
  ttlMs?: number;
  /** Codes kept at most; the oldest go first (default 64). */
  max?: number;
  now?: () => number;
}

/** The live hand-off codes of one `serve` launch. */
export class HandoffStore {
  private readonly codes = new Map<string, number>();
  readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(options: HandoffOptions = {}) {
    this.ttlMs = options.ttlMs ?? 3 * 60 * 1000;
    this.max = options.max ?? 64;
    this.now = options.now ?? Date.now;
  }

  /** A fresh code; `replaces` (the caller's previous code) stops working at once. */
  issue(replaces?: string): { code: string; expiresInMs: number } {
    this.prune();
    if (replaces !== undefined) this.codes.delete(replaces);
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, this.now() + this.ttlMs);
    // Map order is insertion order: the first keys are the oldest.
    for (const oldest of this.codes.keys()) {
      if (this.codes.size <= this.max) break;
      this.codes.delete(oldest);
    }
    return { code, expiresInMs: this.ttlMs };
  }

  /** True once for a live code; the code is gone afterwards, whatever the answer. */
  redeem(code: string): boolean {
    const expiresAt = this.codes.get(code);
    this.codes.delete(code);
    return expiresAt !== undefined && expiresAt > this.now();
  }

  private prune(): void {
    const now = this.now();
    for (const [code, expiresAt] of this.codes) if (expiresAt <= now) this.codes.delete(code);
  }
}
