/** The baselines' side: plain `fetch` calls to the demo API, the same requests the bridge makes. */
import { z } from 'zod';

const TokenPairSchema = z.object({ access_token: z.string(), refresh_token: z.string().optional() });
const SegmentPageSchema = z.object({ content: z.array(z.object({ id: z.string(), tenantId: z.string().optional(), tenant_id: z.string().optional() }).passthrough()) }).passthrough();

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
  const pair = TokenPairSchema.parse(await postJson(`${apiUrl}/auth/admin/login`, { email: `${user}@demo.nevent.local`, password: 'demo' }));
  return { accessToken: pair.access_token, refreshToken: pair.refresh_token ?? '' };
}

/** `POST /users/tenant {tenantId}`: the raw switch; resolves to the new access token. */
export async function rawSwitch(apiUrl: string, bearer: string, tenantId: string): Promise<string> {
  return TokenPairSchema.parse(await postJson(`${apiUrl}/users/tenant`, { tenantId }, bearer)).access_token;
}

/** `GET /segments?page=0&size=50`: what `nevent_list_segments` sends (default limit 50). */
export async function rawListSegments(apiUrl: string, bearer: string): Promise<{ id: string; tenantId?: string; tenant_id?: string }[]> {
  const response = await fetch(`${apiUrl}/segments?page=0&size=50`, { headers: { authorization: `Bearer ${bearer}` } });
  if (!response.ok) throw new Error(`GET /segments answered ${response.status}`);
  return SegmentPageSchema.parse(await response.json()).content;
}

/** The `tenantId` claim of an access token (decoded, not verified: the baseline trusts its own API). */
export function tenantOfToken(token: string): string {
  const payload = token.split('.')[1] ?? '';
  return z.object({ tenantId: z.string() }).parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))).tenantId;
}
