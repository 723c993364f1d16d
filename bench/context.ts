/** What every benchmark shares: the in-process demo API, a signed-in token pair, bundle paths. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoApi } from '../src-main/demo-api';
import { signIn, type Tokens } from './raw-api';

/** Shared state of one `npm run bench`. */
export interface BenchContext {
  demo: DemoApi;
  /** The owner's tokens (home tenant tn-acme). */
  tokens: Tokens;
  /** Environment for `nevent-companion mcp` with a token. */
  mcpEnv: Record<string, string>;
  /** The bundled fixtures (out/bench/fixtures/*.mjs). */
  fixture(name: string): string;
  /** A fresh private temporary directory, removed at the end of the run. */
  tempDir(prefix: string): string;
  /** Removes the temporary directories. */
  cleanup(): void;
}

/** The owner's tenants that can be switched to (ACTIVE memberships in the demo tree). */
export const ownerTargets = ['tn-acme-es', 'tn-acme-fr', 'tn-acme-pt', 'tn-acme-madrid', 'tn-acme-paris', 'tn-acme-lisbon'];

/** Signs in to `demo` as the owner and builds the context. */
export async function createContext(demo: DemoApi): Promise<BenchContext> {
  const tokens = await signIn(demo.url, 'owner');
  const temps: string[] = [];
  const here = dirname(fileURLToPath(import.meta.url));
  return {
    demo,
    tokens,
    mcpEnv: { NEVENT_JWT_TOKEN: tokens.accessToken, NEVENT_REFRESH_TOKEN: tokens.refreshToken, NEVENT_API_URL: demo.url, NEVENT_DATA_API_URL: demo.dataUrl },
    fixture: (name) => join(here, 'fixtures', `${name}.mjs`),
    tempDir: (prefix) => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      temps.push(dir);
      return dir;
    },
    cleanup: () => {
      for (const dir of temps) rmSync(dir, { recursive: true, force: true });
    },
  };
}
