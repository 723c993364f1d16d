/**
 * Sends API requests with a session's credential: the credential is read once at the start and kept to
 * the end (so an answer always belongs to the tenant the request started in); a 401 renews it through
 * the token broker and retries, at most twice (the first renewal may hand back a remembered pair that has
 * gone stale since); a third 401 is `authentication_failed`.
 */
import type { Credential, CredentialCell } from './credential';
import { HttpStatusError, type HttpClient, type HttpRequest } from './http-client';
import { CoreError } from './tenant-session';

/** A response body and the credential that obtained it. */
export interface Authorized<T> {
  credential: Credential;
  value: T;
}

/** Renews a refused credential (refresh + checks); resolves to the credential to retry with. */
export type Renew = (refused: Credential) => Promise<Credential>;

/** A request without the fields the requester fills in. */
export type UnauthorizedRequest = Omit<HttpRequest, 'bearer' | 'signal'>;

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpStatusError && error.status === 401;
}

/** The one place bearer tokens are attached; shared by a session's DataClient and PaidMediaClient. */
export class AuthorizedRequester {
  constructor(
    /** The session's credential cell: the same object for every client of the session. */
    readonly cell: CredentialCell,
    private readonly http: HttpClient,
    private readonly renew: Renew,
    private readonly signal: () => AbortSignal,
  ) {}

  /** Sends `req` with `credential` as it is: no renewal on 401 (used while renewing). */
  async sendOnce(req: UnauthorizedRequest, credential: Credential): Promise<Authorized<unknown>> {
    return { credential, value: await this.http.request({ ...req, bearer: credential.accessToken, signal: this.signal() }) };
  }

  /** Sends `req` with `credential` (default: the cell's current one at call time). */
  async send(req: UnauthorizedRequest, credential: Credential = this.cell.current): Promise<Authorized<unknown>> {
    try {
      return { credential, value: await this.http.request({ ...req, bearer: credential.accessToken, signal: this.signal() }) };
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
    }
    const renewed = await this.renew(credential);
    try {
      return { credential: renewed, value: await this.http.request({ ...req, bearer: renewed.accessToken, signal: this.signal() }) };
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
    }
    // The renewed pair can be one another session obtained earlier (the broker remembers rotations),
    // whose access token has expired or been revoked since: renewing *it* exchanges its own refresh
    // token, which nobody has sent yet. A third refusal is final.
    const again = await this.renew(renewed);
    try {
      return { credential: again, value: await this.http.request({ ...req, bearer: again.accessToken, signal: this.signal() }) };
    } catch (error) {
      if (isUnauthorized(error)) throw new CoreError('authentication_failed', 'the Nevent API refused the sign-in even after renewing it; sign in again');
      throw error;
    }
  }
}
