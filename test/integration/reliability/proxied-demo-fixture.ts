/**
 * Shared setup of the secrets tests: the built CLI, a demo API behind a token-capturing proxy, and
 * temporary folders, all torn down after the file. Call once at the top level of a test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startDemoApi, type DemoApi } from '../../../src-main/demo-api';
import { ensureCliBuilt } from '../mcp/cli-helpers';
import { startTokenCaptureProxy, type TokenCaptureProxy } from './token-capture-proxy';

/** Accessors valid inside tests (after beforeAll). */
export interface ProxiedDemo {
  demo(): DemoApi;
  proxy(): TokenCaptureProxy;
  /** A fresh temporary folder, removed after the file. */
  tempDir(prefix: string): string;
}

/** Registers the hooks and returns the accessors. */
export function useProxiedDemo(): ProxiedDemo {
  let demo: DemoApi | undefined;
  let proxy: TokenCaptureProxy | undefined;
  const dirs: string[] = [];
  beforeAll(async () => {
    await ensureCliBuilt();
    demo = await startDemoApi();
    proxy = await startTokenCaptureProxy(demo.url);
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await demo?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useProxiedDemo: used before beforeAll ran');
    return value;
  };
  return {
    demo: () => ready(demo),
    proxy: () => ready(proxy),
    tempDir: (prefix) => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
  };
}
