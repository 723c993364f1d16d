import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApi, type DemoApi } from '../../../src-main/demo-api';
import { runCli } from '../../helpers/cli-io';

let demo: DemoApi;
let configDir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  demo = await startDemoApi();
  configDir = await mkdtemp(join(tmpdir(), 'nevent-cli-'));
  // No secret service reachable here (this file runs in its own worker): the keychain paths are
  // covered by test/keychain. keytar reads the process environment, not the CLI's io.env.
  process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(configDir, 'no-bus')}`;
  env = { NEVENT_COMPANION_CONFIG_DIR: configDir, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(configDir, 'no-bus')}`, NEVENT_API_URL: demo.url };
});
afterAll(async () => {
  await demo.close();
  await rm(configDir, { recursive: true, force: true });
});

describe('nevent-companion login / status / logout (no keychain)', () => {
  it('defaults to Nevent itself, needs the data API of any other API, and a way to read the password', async () => {
    // Nothing configured: Nevent's own API, named in the answer (unreachable from this sandbox).
    const nevent = await runCli(['login', '--email', 'owner@demo.nevent.local', '--password-stdin'], { stdin: 'demo\n', env: { NEVENT_COMPANION_CONFIG_DIR: configDir } });
    expect(nevent.code).toBe(1);
    expect(nevent.stderr).toContain('api.nevent.es');
    // Another host: the data API cannot be guessed; said before any password is read.
    const custom = await runCli(['login', '--api-url', 'https://api.example.invalid', '--email', 'owner@demo.nevent.local'], { env: { NEVENT_COMPANION_CONFIG_DIR: configDir } });
    expect(custom.code).toBe(2);
    expect(custom.stderr).toContain('NEVENT_DATA_API_URL');
    expect(custom.stderr).not.toContain('--password-stdin');
    const noTty = await runCli(['login', '--email', 'owner@demo.nevent.local'], { env });
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toContain('--password-stdin');
    const bad = await runCli(['login', '--bogus'], { env });
    expect(bad.code).toBe(2);
  });

  it('says "wrong email or password" and never echoes the password', async () => {
    const run = await runCli(['login', '--email', 'owner@demo.nevent.local', '--password-stdin'], { stdin: 'hunter2-secret\n', env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('wrong email or password');
    expect(run.stdout + run.stderr).not.toContain('hunter2-secret');
  });

  it('says an address with a wrong path does not look like a Nevent API (not "wrong password")', async () => {
    const run = await runCli(['login', '--api-url', `${demo.url}/api/v2`, '--data-api-url', `${demo.url}/data`, '--email', 'owner@demo.nevent.local', '--password-stdin'], { stdin: 'demo\n', env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${demo.url}/api/v2 does not look like a Nevent API`);
    expect(run.stderr).toContain('without "/api/v2" after it');
    expect(run.stderr).not.toContain('wrong email or password');
  });

  it('says the server cannot be reached', async () => {
    const run = await runCli(['login', '--api-url', 'http://127.0.0.1:9', '--email', 'owner@demo.nevent.local', '--password-stdin'], { stdin: 'demo', env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('could not reach the Nevent API at 127.0.0.1:9');
  });

  it('without a keychain says the sign-in worked but was not saved, exits 1 and writes no file', async () => {
    const run = await runCli(['login', '--email', 'owner@demo.nevent.local', '--password-stdin'], { stdin: 'demo\n', env });
    // Nothing on stdout reads as success: what happened is said once, on stderr.
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Signed in to .* as owner@demo\.nevent\.local.*, but the sign-in was NOT saved: no OS keychain is running in this session .*sign-in will not be remembered[^.]*\./);
    expect(run.stderr).toContain('will not find this sign-in');
    expect(run.stderr).not.toMatch(/^Saved in the OS keychain/m);
    expect(run.code).toBe(1);
    expect(await readdir(configDir)).toEqual([]);
    const status = await runCli(['status'], { env });
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('Not signed in');
    const logout = await runCli(['logout'], { env });
    expect(logout.code).toBe(0);
    expect(logout.stdout).toContain('Not signed in');
  });
});
