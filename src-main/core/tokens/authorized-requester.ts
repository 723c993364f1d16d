/**
 * Sends API requests with one pinned credential: the one a call fixed when it started (tenant-scope.ts).
 * It never reads a session's live credential, so nothing that happens elsewhere — another conversation's
 * switch on the same connection, a desktop move — can change the token a request goes out with.
 *
 *   send(req) ──> pinned credential ──200──> answer (with the credential that obtained it)
 *                      │ 401
 *                      └──> renew(pinned): the same tenant's credential, renewed and checked ──> retry
 *                                (at most twice; a third 401 is `authentication_failed`)
 *
 * The first renewal may hand back a remembered pair another holder obtained earlier, whose access token
 * has gone stale since; renewing that one exchanges its own refresh token, hence the second retry.
 */
import type { Credential } from './credential';
import { HttpStatusError, type HttpClient, type HttpRequest } from '../http/http-client';
import { CoreError } from '../common/core-error';

/** A response body and the credential that obtained it. */
export interface Authorized<T> {
  credential: Credential;
  value: T;
}

/**
 * Renews a refused credential; resolves to the credential to retry with, which must be for the same
 * tenant (the renewal checks it and rejects otherwise: a call never goes on with another tenant's token).
 */
export type Renew = (refused: Credential) => Promise<Credential>;

/** A request without the fields the requester fills in. */
export type UnauthorizedRequest = Omit<HttpRequest, 'bearer' | 'signal'>;

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpStatusError && error.status === 401;
}

/** How many times one request is renewed and retried after a 401. */
const maxRenewals = 2;

/** The one place bearer tokens are attached; one per call, held by that call's DataClient. */
export class AuthorizedRequester {
  private pinned: Credential;
  /** The renewal in flight, shared by every request of this call refused with the same credential. */
  private renewal: { from: Credential; pending: Promise<Credential> } | null = null;

  constructor(
    credential: Credential,
    private readonly http: HttpClient,
    private readonly renew: Renew,
    /** Aborts every request (the session ended); an aborted signal fails a request before it is sent. */
    private readonly signal: AbortSignal,
  ) {
    this.pinned = credential;
  }

  /** The credential requests are sent with now: the pinned one, or its renewal. */
  get credential(): Credential {
    return this.pinned;
  }

  /** Sends `req` with the pinned credential as it is: no renewal on 401 (a token just obtained). */
  async sendOnce(req: UnauthorizedRequest): Promise<Authorized<unknown>> {
    const credential = this.pinned;
    return { credential, value: await this.http.request({ ...req, bearer: credential.accessToken, signal: this.signal }) };
  }

  /** Sends `req` with the pinned credential, renewing it on 401. */
  async send(req: UnauthorizedRequest): Promise<Authorized<unknown>> {
    let credential = this.pinned;
    for (let renewals = 0; ; renewals += 1) {
      try {
        return { credential, value: await this.http.request({ ...req, bearer: credential.accessToken, signal: this.signal }) };
      } catch (error) {
        if (!isUnauthorized(error)) throw error;
        if (renewals === maxRenewals) throw new CoreError('authentication_failed', 'the Nevent API refused the sign-in even after renewing it; sign in again');
      }
      credential = await this.renewed(credential);
    }
  }

  /** The renewal of `refused`: one per refused credential, however many requests of the call were refused with it. */
  private renewed(refused: Credential): Promise<Credential> {
    // Another request of this call has already renewed past `refused`: retry with that.
    if (this.pinned !== refused) return Promise.resolve(this.pinned);
    if (this.renewal?.from === refused) return this.renewal.pending;
    const pending = this.renew(refused).then((next) => {
      if (this.pinned === refused) this.pinned = next;
      return next;
    });
    this.renewal = { from: refused, pending };
    const forget = (): void => {
      if (this.renewal?.pending === pending) this.renewal = null;
    };
    pending.then(forget, forget);
    return pending;
  }
}
