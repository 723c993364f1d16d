/**
 * Calls `serve`'s contract directly (what the page does through the web bridge) to make changes the
 * UI must notice, e.g. a concurrent segment update. The token is the per-launch one from the UI URL.
 */
/** Sends `POST /api/<channel>` and returns the value, or throws with the error. */
export async function callServe<T>(channel: string, payload?: unknown, target: { origin: string; token: string } = { origin: process.env.E2E_ORIGIN as string, token: process.env.E2E_TOKEN as string }): Promise<T> {
  const response = await fetch(`${target.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-nevent-token': target.token },
    body: JSON.stringify(payload === undefined ? {} : { payload }),
  });
  const body = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error.code}: ${body.error.message}`);
  return body.value;
}
