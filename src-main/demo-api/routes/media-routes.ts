/**
 * The media library of the core API: list (a bare array), upload (multipart, one `file`
 * part, 5 MB, images only: else 413 / 415 with `{message}`), delete (a JSON array of URLs, 204 even for
 * unknown ones; a malformed URL is a 400).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { authenticateScoped, type DemoContext } from '../demo-context';
import { DemoHttpError } from '../http-error';
import { readJsonBody } from '../request-body';

/** The upload path (it has its own body limit: app.ts). */
export const mediaUploadPath = '/media/upload/resource';
/** Largest image the demo accepts, as the real API's. */
export const maxUploadBytes = 5 * 1024 * 1024;

const DeleteBodySchema = z.array(z.string().min(1).max(2048)).min(1).max(200);

/** Registers the media routes. */
export function registerMediaRoutes(app: Hono, deps: DemoContext): void {
  app.get('/media/resources', async (c) => {
    const caller = await authenticateScoped(c, deps);
    return c.json(deps.data.images(caller.tenantId));
  });

  app.post(mediaUploadPath, async (c) => {
    const caller = await authenticateScoped(c, deps);
    if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) throw new DemoHttpError(415, 'invalid_request', 'HTTP 415', undefined, 'plain');
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw new DemoHttpError(400, 'validation_failed', 'Missing multipart part "file"', 'file', 'plain');
    if (file.size > maxUploadBytes) throw new DemoHttpError(413, 'invalid_request', 'HTTP 413', undefined, 'plain');
    if (!file.type.startsWith('image/')) throw new DemoHttpError(415, 'invalid_request', 'HTTP 415', undefined, 'plain');
    const name = file.name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120) || 'upload';
    return c.json({ destinationUrl: deps.data.addImage(caller.tenantId, { name, mimeType: file.type, size: file.size }) });
  });

  app.delete('/media/resource', async (c) => {
    const caller = await authenticateScoped(c, deps);
    const urls = await readJsonBody(c, DeleteBodySchema);
    for (const url of urls) {
      if (!/^https?:\/\//.test(url) && url.includes('/')) throw new DemoHttpError(400, 'validation_failed', 'Invalid URL format', undefined, 'plain');
    }
    deps.data.deleteImages(caller.tenantId, urls);
    return c.body(null, 204);
  });
}
