/**
 * Builds the CLI, the renderer and the MCP App views, then starts one `serve --demo` for the whole run. Its UI URL,
 * origin, token and MCP socket reach the tests through environment variables.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startServe } from './helpers/processes';

function build(label: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${label} failed`);
}

/** Playwright global setup; returns the teardown. */
// eslint-disable-next-line no-restricted-syntax -- Playwright loads the global setup's default export.
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!process.env.E2E_SKIP_BUILD) {
    build('CLI build', process.execPath, [join(repoRoot, 'scripts/build-cli.mjs')]);
    build('renderer build', process.execPath, [join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
    build('MCP App views build', process.execPath, [join(repoRoot, 'scripts/build-apps.mjs')]);
  }
  mkdirSync(join(repoRoot, 'test-results', 'screenshots'), { recursive: true });
  const serve = await startServe();
  process.env.E2E_UI_URL = serve.uiUrl;
  process.env.E2E_ORIGIN = serve.origin;
  process.env.E2E_TOKEN = serve.token;
  process.env.E2E_SOCKET = serve.socketPath;
  return serve.stop;
}
