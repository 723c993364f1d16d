/**
 * What one session lends every scope its calls open (tenant-scope.ts): the API's addresses and transport,
 * the session's clock and end signal, the renewal of a refused token, the segment revisions it has seen,
 * and where a written segment is announced. Assembled once, when the session starts.
 */
import type { Segment } from '../../../src-shared/api';
import type { Clock } from '../common/clock';
import { CoreError } from '../common/core-error';
import type { Scoped } from '../http/api-call';
import type { HttpClient } from '../http/http-client';
import { SegmentRevisions } from '../domains/segment-revisions';
import { AuthorizedRequester } from '../tokens/authorized-requester';
import { CredentialRenewer } from '../tokens/credential-renewal';
import { DataClient, type ApiUrls } from '../tokens/data-client';
import type { PersistedTenant, ScopedTokenDeps } from '../tokens/scoped-token';
import type { TokenBroker } from '../tokens/token-broker';
import type { TokenVerifier } from '../tokens/token-verifier';
import type { ScopeHost } from './tenant-scope';

/** What the host is made of. */
export interface ScopeHostParts {
  urls: ApiUrls;
  http: HttpClient;
  verifier: TokenVerifier;
  broker: TokenBroker;
  clock: Clock;
  persisted: PersistedTenant;
  /** The session's: aborted when it ends. */
  signal: AbortSignal;
  announceWrite: (written: Scoped<Segment>) => void;
  log?: (message: string) => void;
}

/** The host of a session's scopes, and how the session obtains a token scoped to another tenant. */
export function createScopeHost(parts: ScopeHostParts): { host: ScopeHost; scopedTokens: ScopedTokenDeps } {
  const { urls, http, signal } = parts;
  const scopedTokens: ScopedTokenDeps = {
    verifier: parts.verifier,
    persisted: parts.persisted,
    // A token just obtained is sent as it is: a refusal of it is a failure, never a renewal.
    clientFor: (credential) => new DataClient(new AuthorizedRequester(credential, http, () => Promise.reject(new CoreError('authentication_failed', 'a token just obtained was refused')), signal), urls),
    ...(parts.log === undefined ? {} : { log: parts.log }),
  };
  const host: ScopeHost = {
    urls,
    http,
    clock: parts.clock,
    signal,
    renewer: new CredentialRenewer({ ...scopedTokens, broker: parts.broker }),
    revisions: new SegmentRevisions(),
    announceWrite: parts.announceWrite,
  };
  return { host, scopedTokens };
}
