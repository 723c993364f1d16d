/**
 * The window's Content Security Policy, written once: our own scripts only, no remote content, no
 * plugins, no forms posting elsewhere, never framed. The Electron shell sends it as a response header,
 * `serve` sends it on every page, and the build writes it into index.html's meta tag.
 */
const directives: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // React sets `style` attributes (virtual list offsets, tenant colours): inline styles, never inline scripts.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

function policyOf(entries: readonly (readonly [string, string])[]): string {
  return entries.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The policy as a response header carries it. */
export const contentSecurityPolicy = policyOf(directives);

/**
 * The policy as index.html's `<meta http-equiv>` carries it: the same, less `frame-ancestors`, which
 * browsers ignore in a meta tag and report as an error (the header carries it).
 */
export const metaContentSecurityPolicy = policyOf(directives.filter(([name]) => name !== 'frame-ancestors'));

/**
 * The policy every MCP App view carries in its own meta tag (src-apps/view.html), whatever the host adds:
 * its script and styles inline (hosts load the view as one HTML document), images only as data, and
 * nothing else — no request to any origin, no remote script, style or font, no `eval`, no form posting
 * anywhere. A view acts only through tool calls its host forwards (docs/mcp-apps.md).
 */
export const appViewContentSecurityPolicy = policyOf([
  ['default-src', "'none'"],
  ['script-src', "'unsafe-inline'"],
  ['style-src', "'unsafe-inline'"],
  ['img-src', 'data:'],
  ['connect-src', "'none'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
]);
