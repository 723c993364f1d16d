/** The baselines' side: plain `fetch` calls to the demo API, the same requests the bridge makes. */
import { z } from 'zod';
import { normalizeSegmentList, normalizeTokenResponse } from '../src-shared/api';


/** A token pair from the demo API. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

async function postJson(url: string, body: unknown, bearer?: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${new URL(url).pathname} answered ${response.status}`);
  return response.json();
}

/** `POST /auth/admin/login` as a demo user. */
export async function signIn(apiUrl: string, user: string): Promise<Tokens> {
  // The real shapes: login answers snake_case, switch camelCase (the demo sends what Nevent sends).
  const pair = normalizeTokenResponse(await postJson(`${apiUrl}/auth/admin/login`, { email: `${user}@demo.nevent.local`, password: 'demo' }));
  return { accessToken: pair.accessToken, refreshToken: pair.refreshToken ?? '' };
}

/** `POST /users/tenant {tenantId}`: the raw switch; resolves to the new access token. */
export async function rawSwitch(apiUrl: string, bearer: string, tenantId: string): Promise<string> {
  return normalizeTokenResponse(await postJson(`${apiUrl}/users/tenant`, { tenantId }, bearer)).accessToken;
}

/** `GET /segments?page=0&size=50`: what `nevent_list_segments` sends (default limit 50). */
export async function rawListSegments(apiUrl: string, bearer: string): Promise<{ id: string; tenantId?: string }[]> {
  const response = await fetch(`${apiUrl}/segments?page=0&size=50`, { headers: { authorization: `Bearer ${bearer}` } });
  if (!response.ok) throw new Error(`GET /segments answered ${response.status}`);
  // Read as the client reads it: minimal records keyed `id` or `_id`, in any list shape.
  return normalizeSegmentList(await response.json()).segments.map((s) => ({ id: s.id, ...(typeof s.tenantId === 'string' ? { tenantId: s.tenantId } : {}) }));
}

/** The `tenantId` claim of an access token (decoded, not verified: the baseline trusts its own API). */
export function tenantOfToken(token: string): string {
  const payload = token.split('.')[1] ?? '';
  return z.object({ tenantId: z.string() }).parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))).tenantId;
}
