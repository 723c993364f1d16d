/** Keeps secrets out of messages: anything that looks like a JWT or a long opaque token is replaced. */

const jwtLike = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*/g;
const bearerLike = /Bearer\s+[A-Za-z0-9._~+/=-]{8,}/gi;
// Long runs of token alphabet (opaque refresh tokens, API keys); ids such as 24-hex ObjectIds are shorter.
const opaqueLike = /[A-Za-z0-9_\-+/=]{40,}/g;

/**
 * Returns `text` with the given known secrets, bearer credentials and token-like substrings replaced
 * (`label` for tokens, `Bearer [redacted]` for authorization values). The one redaction every
 * boundary uses: API errors, MCP results, logs.
 */
export function redactSecrets(text: string, knownSecrets: readonly string[] = [], label = '[redacted]'): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length >= 8) out = out.split(secret).join(label);
  }
  return out.replace(bearerLike, 'Bearer [redacted]').replace(jwtLike, label).replace(opaqueLike, label);
}
