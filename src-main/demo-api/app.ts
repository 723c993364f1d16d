/**
 * The demo API's Hono application: cross-cutting middleware (counting, injected latency, the 1 MB body
 * limit), the route modules, and JSON errors for everything that goes wrong — never a stack trace.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { DemoContext } from './demo-context';
import { DemoHttpError } from './http-error';
import { registerAuthRoutes } from './routes/auth-routes';
import { registerCampaignRoutes } from './routes/campaign-routes';
import { dataApiPrefix, registerDataRoutes } from './routes/data-routes';
import { demoControlPrefix, registerDemoControlRoutes } from './routes/demo-control-routes';
import { registerPaidMediaRoutes } from './routes/paid-media-routes';
import { registerSegmentRoutes } from './routes/segment-routes';
import { registerShortUrlRoutes } from './routes/short-url-routes';
import { registerTemplateRoutes } from './routes/template-routes';
import { registerTenantRoutes } from './routes/tenant-routes';
import { registerCampaignActionRoutes } from './routes/campaign-action-routes';
import { maxUploadBytes, mediaUploadPath, registerMediaRoutes } from './routes/media-routes';
import { registerToolsetDataRoutes } from './routes/toolset-data-routes';

/** Largest accepted request body. */
export const maxBodyBytes = 1024 * 1024;

/** Builds the application over `deps`. */
export function createDemoApp(deps: DemoContext): Hono {
  const app = new Hono();
  const respond = (c: Context, error: DemoHttpError): Response => {
    const isData = c.req.path === dataApiPrefix || c.req.path.startsWith(`${dataApiPrefix}/`);
    if (isData) return c.json(error.toEnvelope(), error.status as 400);
    const body = error.toBody();
    return typeof body === 'string' ? c.text(body, error.status as 400) : c.json(body, error.status as 400);
  };

  app.use('*', async (c, next) => {
    // Loopback only, and only under our own name: a web page that rebinds a DNS name to 127.0.0.1
    // must not reach the (unauthenticated) fault controls or sign in with the public demo passwords.
    if (!deps.isOwnHost(c.req.header('host'))) return respond(c, new DemoHttpError(403, 'forbidden', 'Unexpected Host header: the demo API answers only on 127.0.0.1 or localhost'));
    const control = c.req.path.startsWith(`${demoControlPrefix}/`);
    const origin = c.req.header('origin');
    if (control && origin !== undefined && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)) {
      return respond(c, new DemoHttpError(403, 'forbidden', 'Fault controls accept no cross-origin requests'));
    }
    if (!control) {
      deps.faults.count('requests');
      if (deps.faults.latencyMs > 0) await deps.sleep(deps.faults.latencyMs);
    }
    await next();
  });
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => {
        // The rest of the body is never read, so the connection cannot be reused: tell the client.
        c.header('connection', 'close');
        return respond(c, new DemoHttpError(413, 'invalid_request', `Request body is larger than ${maxSize} bytes`));
      },
    });
  const jsonLimit = limitBody(maxBodyBytes);
  // Image uploads may be up to 5 MB (plus the multipart framing); every other body stays under 1 MB.
  const uploadLimit = limitBody(maxUploadBytes + 64 * 1024);
  app.use('*', (c, next) => (c.req.path === mediaUploadPath ? uploadLimit(c, next) : jsonLimit(c, next)));

  // Published only in `--jwks` mode; the real API signs HS256 and publishes no keys (404 here too).
  app.get('/.well-known/jwks.json', (c) => {
    const jwks = deps.tokens.jwks();
    return jwks === null ? respond(c, new DemoHttpError(404, 'not_found', 'No signing keys are published: tokens are signed with a server secret', undefined, 'plain')) : c.json(jwks);
  });
  registerAuthRoutes(app, deps);
  registerTenantRoutes(app, deps);
  registerSegmentRoutes(app, deps);
  registerCampaignRoutes(app, deps);
  registerPaidMediaRoutes(app, deps);
  registerTemplateRoutes(app, deps);
  registerShortUrlRoutes(app, deps);
  registerCampaignActionRoutes(app, deps);
  registerMediaRoutes(app, deps);
  registerDataRoutes(app, deps);
  registerToolsetDataRoutes(app, deps);
  registerDemoControlRoutes(app, deps);

  app.notFound((c) => respond(c, new DemoHttpError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    if (error instanceof DemoHttpError) return respond(c, error);
    if (error instanceof HTTPException) return respond(c, new DemoHttpError(error.status, error.status >= 500 ? 'api_error' : 'invalid_request', error.message || 'Request failed'));
    // Unexpected: answer without details (no stack), and leave one line for whoever runs the server.
    process.stderr.write(`demo-api: unexpected error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return respond(c, new DemoHttpError(500, 'internal_error', 'Internal server error'));
  });
  return app;
}
