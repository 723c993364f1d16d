/**
 * `serve` from any working directory: the split CLI bundle finds the built UI
 * through the package, not through the current directory or the chunk's own location.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest } from '../../unit/shell/http-client';
import { ensureCliBuilt } from '../mcp/cli-helpers';
import { startServe, type ServeProcess } from './serve-process';

describe('serve started outside the checkout', () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'nc-elsewhere-'));
  let serve: ServeProcess;
  beforeAll(async () => {
    await ensureCliBuilt();
    serve = await startServe(['--demo'], { cwd: elsewhere });
  }, 60_000);
  afterAll(async () => {
    if (serve?.child.exitCode === null) await serve.stop();
    serve?.cleanup();
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('serves the built UI', async () => {
    const url = new URL(serve.uiUrl);
    const page = await httpRequest(serve.port, { path: `${url.pathname}${url.search}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
  });
});
