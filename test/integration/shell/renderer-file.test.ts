/**
 * Opens the BUILT renderer (out/renderer/index.html) over file://, as the installed window loads it, in
 * Chromium, with a stubbed `window.nevent`: what contextBridge hands the page (functions answering
 * plain data), wired to a real desktop app (demo core) in this process. Fails on any CSP violation,
 * console error or page error, signed out and signed in.
 *
 * One switch beyond a plain headless Chromium: `--allow-file-access-from-files`. Electron lets a file://
 * page load its own file:// module scripts and stylesheets (every electron-vite or Forge app relies on
 * it); Chrome refuses them to an opaque origin unless told to. Nothing else is relaxed: the page's CSP
 * is the built one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventChannelNames, requestChannelNames } from '../../../src-shared/ipc';
import { createDesktopApp, type DesktopApp } from '../../../src-main/app/compose';
import type { ClientConfigPort } from '../../../src-main/app/ports';
import { MemorySecretStore } from '../../../src-main/core/keychain/secret-store';
import { built, ensureAppBuilt } from './built-app';

const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The page side of the stub: window.nevent over a Playwright binding, events pushed in by the test. */
const stubScript = (requests: readonly string[], events: readonly string[]) => `(() => {
  const listeners = new Map();
  const api = {};
  const ns = (name) => (api[name] ??= {});
  for (const channel of ${JSON.stringify(requests)}) {
    const [space, method] = channel.split('.');
    ns(space)[method] = async (payload) => {
      const answer = await window.__neventInvoke(channel, payload === undefined ? null : payload);
      if (answer.ok) return answer.value;
      throw { ...answer.error };
    };
  }
  for (const channel of ${JSON.stringify(events)}) {
    const [space, method] = channel.split('.');
    ns(space)[method] = (listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return () => listeners.get(channel).delete(listener);
    };
  }
  window.__neventEmit = (channel, payload) => { for (const listener of listeners.get(channel) ?? []) listener(payload); };
  for (const value of Object.values(api)) Object.freeze(value);
  Object.defineProperty(window, 'nevent', { value: Object.freeze(api), enumerable: true });
  window.__problems = [];
  document.addEventListener('securitypolicyviolation', (event) => window.__problems.push('CSP: ' + event.violatedDirective + ' blocked ' + event.blockedURI));
})();`;

const noClientConfig: ClientConfigPort = {
  list: () => Promise.reject(new Error('not in this test')),
  preview: () => Promise.reject(new Error('not in this test')),
  write: () => Promise.reject(new Error('not in this test')),
};

describe('the built renderer over file:// in Chromium', () => {
  let dir: string;
  let browser: Browser;
  let desktop: DesktopApp;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    await ensureAppBuilt();
    dir = mkdtempSync(join(tmpdir(), 'nevent-renderer-'));
    desktop = await createDesktopApp({
      shell: 'electron',
      version: '0.1.0',
      demo: null,
      env: { NEVENT_COMPANION_CONFIG_DIR: join(dir, 'config') },
      platform: 'linux',
      startBridge: () => Promise.reject(new Error('no MCP socket in this test')),
      clientConfig: noClientConfig,
      configDir: join(dir, 'config'),
      secretStore: new MemorySecretStore(),
      log: () => undefined,
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumFlags, '--allow-file-access-from-files'] });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
    await page.exposeFunction('__neventInvoke', (channel: string, payload: unknown) => desktop.dispatch(channel as never, payload ?? undefined));
    desktop.events.subscribe((channel, payload) => {
      void page.evaluate(([name, data]) => (window as unknown as { __neventEmit?: (c: string, p: unknown) => void }).__neventEmit?.(name, data), [channel, payload] as const).catch(() => undefined);
    });
    await page.addInitScript(stubScript(requestChannelNames, eventChannelNames));
    await page.goto(pathToFileURL(built.renderer).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await desktop?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pageProblems = async () => [...problems, ...((await page.evaluate(() => (window as unknown as { __problems: string[] }).__problems)) ?? [])];

  it('loads its scripts and styles and shows the sign-in, with no CSP violation or console error', async () => {
    await page.getByRole('heading', { name: 'Sign in to Nevent' }).waitFor({ timeout: 15_000 });
    // The stylesheet applied (body margin 0 comes from base.css), so it loaded over file:// too.
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    // Not started --demo: the form opens on Nevent with its own URLs filled in, the demo offered second.
    expect(await page.getByRole('radio', { name: 'Email and password' }).isChecked()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'API URL', exact: true }).inputValue()).toBe('https://api.nevent.es');
    expect(await page.getByRole('textbox', { name: 'Data API URL (optional)' }).inputValue()).toBe('https://data.nevent.es');
    expect(await page.getByRole('radio', { name: 'Demo server' }).isChecked()).toBe(false);
    expect(await pageProblems()).toEqual([]);
  });

  it('signs in to the demo and renders the tenant and segment views without a CSP violation or console error', async () => {
    await page.getByRole('radio', { name: 'Demo server' }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Choose an organization' }).waitFor({ timeout: 15_000 });
    await page.getByRole('tree', { name: 'Tenants' }).getByRole('treeitem', { name: /^Acme Spain(,|$)/ }).dblclick();
    await page.getByTestId('active-tenant-name').filter({ hasText: 'Acme Spain' }).waitFor({ timeout: 15_000 });
    await page.getByRole('list', { name: 'Segments of Acme Spain' }).getByRole('listitem').first().waitFor({ timeout: 15_000 });
    expect(await pageProblems()).toEqual([]);
  });
});
