/** Starts the real demo API and a core pointed at it, for integration tests of the tenant core. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../src-main/core/create-core';
import { signInToDemo, type DemoUserName } from '../../src-main/core/demo-sign-in';
import { startDemoApi, type DemoApi, type DemoApiOptions } from '../../src-main/demo-api';
import { recordingFetch, type RecordingFetch } from './recording-fetch';
import { MemorySecretStore } from './secret-stores';

/** A running demo API + core. */
export interface CoreFixture {
  demo: DemoApi;
  core: Core;
  http: RecordingFetch;
  configDir: string;
  close(): Promise<void>;
}

/** Starts a demo API and a core (memory secret store, temp config dir, recording fetch). */
export async function startCoreFixture(options: { demo?: DemoApiOptions; core?: Partial<CoreOptions>; user?: DemoUserName | null } = {}): Promise<CoreFixture> {
  const demo = await startDemoApi(options.demo ?? {});
  const http = recordingFetch();
  const configDir = await mkdtemp(join(tmpdir(), 'nevent-core-'));
  const core = await createCore({ apiUrl: demo.url, dataApiUrl: demo.dataUrl, secretStore: new MemorySecretStore(), configDir, fetch: http.fetch, requestTimeoutMs: 5000, ...options.core });
  if (options.user !== null) await signInToDemo(core, demo, options.user ?? 'owner');
  return {
    demo,
    core,
    http,
    configDir,
    close: async () => {
      core.dispose();
      await demo.close();
      await rm(configDir, { recursive: true, force: true });
    },
  };
}
