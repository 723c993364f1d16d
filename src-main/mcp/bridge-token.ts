/**
 * The bridge token of the loopback MCP HTTP endpoint: what an AI client sends as
 * `Authorization: Bearer …` to reach `http://127.0.0.1:PORT/mcp`. It is never a Nevent token: 32 random
 * bytes of our own, kept in the OS keychain (SecretStore), shown to the person once when created, and
 * revocable (the entry is deleted and every request with it is refused from then on).
 *
 *   load() ─> keychain entry? ─> current        create() ─> new random token ─> keychain ─> shown once
 *   revoke() ─> keychain entry deleted ─> current = null ─> every request 401
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecretStore } from '../core/secret-store';

/** Where the token lives in the keychain. */
export const bridgeTokenEntry = { service: 'nevent-companion:mcp-http', account: 'bridge-token' } as const;

/** A prefix that tells the token apart from any JWT at a glance (and in secret scanners). */
const prefix = 'ncb_';

/** The bridge token, in memory once loaded or created. */
export class BridgeTokenStore {
  private token: string | null = null;

  constructor(private readonly store: SecretStore) {}

  /** True when a token exists (the endpoint can be used). */
  get present(): boolean {
    return this.token !== null;
  }

  /** Where the token is kept: the OS keychain, or this run only. */
  get storage(): SecretStore['kind'] {
    return this.store.kind;
  }

  /** Reads the saved token, if any. */
  async load(): Promise<boolean> {
    const saved = await this.store.get(bridgeTokenEntry.service, bridgeTokenEntry.account);
    this.token = saved !== null && saved.startsWith(prefix) ? saved : null;
    return this.token !== null;
  }

  /** Makes a new token (replacing any previous one), saves it, and returns it: the only time it is shown. */
  async create(): Promise<string> {
    const token = `${prefix}${randomBytes(32).toString('base64url')}`;
    await this.store.set(bridgeTokenEntry.service, bridgeTokenEntry.account, token);
    this.token = token;
    return token;
  }

  /** Forgets the token everywhere: requests carrying it are refused from now on. */
  async revoke(): Promise<void> {
    this.token = null;
    await this.store.delete(bridgeTokenEntry.service, bridgeTokenEntry.account);
  }

  /** Compares a presented `Authorization` header value with the token in constant time. */
  accepts(authorization: string | null | undefined): boolean {
    const token = this.token;
    if (token === null || authorization === null || authorization === undefined) return false;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match === null) return false;
    const a = Buffer.from(token);
    const b = Buffer.from(match[1] ?? '');
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
