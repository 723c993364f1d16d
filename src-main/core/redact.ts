/** Keeps secrets out of messages: anything that looks like a JWT or a long opaque token is replaced. */

const jwtLike = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*/g;
// Long runs of token alphabet (opaque refresh tokens, API keys); ids such as 24-hex ObjectIds are shorter.
const opaqueLike = /[A-Za-z0-9_\-+/=]{40,}/g;

/** Returns `text` with token-like substrings and the given known secrets replaced by `[redacted]`. */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out.replace(jwtLike, '[redacted]').replace(opaqueLike, '[redacted]');
}
