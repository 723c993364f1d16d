/** The demo API's programmatic interface (re-exported by index.ts; other engineers code against it). */
/** Options of `startDemoApi`. */
export interface DemoApiOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Total tenants in the tree (generated beyond the base tree); default: the base tree only. */
  tenants?: number;
  /** Added latency per request, in milliseconds. */
  latencyMs?: number;
  /** Access-token lifetime in seconds (default 900). */
  accessTokenTtlSeconds?: number;
  /** `iss` claim (default "nevent-demo"). */
  issuer?: string;
  /** Shape of `GET /segments` (default `array`, as the real API answers it). */
  segmentListShape?: 'array' | 'segments' | 'content';
  /**
   * Which lists page their answer (list-paging.ts): `real` (default: `GET /segments` answers every
   * segment and ignores page, size and search, as the real API does; the other lists page), `ignored`
   * (every list answers every record as a plain array), `honored` (every list pages).
   */
  listPaging?: 'real' | 'ignored' | 'honored';
  /**
   * Sign tokens ES256 and publish the key at `/.well-known/jwks.json` (default false: HS256 with a
   * server secret and no keys published, as the real API does).
   */
  jwks?: boolean;
}

/** A running demo API. */
export interface DemoApi {
  /** Core API base, e.g. http://127.0.0.1:PORT */
  url: string;
  /** Data API base, e.g. http://127.0.0.1:PORT/data */
  dataUrl: string;
  /** `${url}/.well-known/jwks.json` when `jwks` is on, else null (no keys are published). */
  jwksUrl: string | null;
  issuer: string;
  faults: DemoFaults;
  close(): Promise<void>;
}

/** Ways the next switch calls can fail. */
export type SwitchFaultKind = 'http_500' | 'http_503' | 'timeout' | 'malformed_token' | 'wrong_tenant' | 'bad_signature' | 'alg_none' | 'expired_token';

/** Counters for tests. */
export interface DemoStats {
  refreshCalls: number;
  switchCalls: number;
  refreshReuseRejected: number;
  requests: number;
}

/** Fault injection, off by default. */
export interface DemoFaults {
  setLatency(ms: number): void;
  /** The next n POST /users/tenant calls fail in the given way. */
  failNextSwitches(n: number, kind: SwitchFaultKind): void;
  /** The next n refreshes answer with a token for another tenant than the refresh token's (any role). */
  refreshInOtherTenant(n: number): void;
  /**
   * Refresh tokens issued in `tenantId` are refused (401) from now on, as a membership suspended there or a
   * shorter scoped lifetime would; other tenants' refresh tokens work. `reset()` ends it.
   */
  refuseRefreshIn(tenantId: string): void;
  /** Every access token issued so far is rejected with 401 from now on (forces refresh). */
  expireAccessTokens(): void;
  /** Set the lifetime of newly issued access tokens. */
  setAccessTokenTtl(seconds: number): void;
  reset(): void;
  /** Counters for tests: how many refresh calls, switch calls, and reused-refresh rejections happened. */
  stats(): DemoStats;
}
