/**
 * Runs the BUILT preload (out/preload/index.cjs) as a sandboxed preload runs: in its own context, with a
 * `require` that knows only `electron`'s contextBridge and ipcRenderer (a sandboxed preload gets no Node
 * and no node_modules), and no `process`. Checks what crosses the bridge: one frozen `window.nevent`
 * of functions, channel names from the contract, plain-data errors (Error objects do not survive
 * contextBridge), payloads without the IPC event.
 */
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventChannelNames, requestChannelNames } from '../../../src-shared/ipc';
import { built, ensureAppBuilt } from './built-app';

type Listener = (event: unknown, payload: unknown) => void;

/** The preload's own world, as a sandboxed preload has one. */
const world = createContext({});
const worldObjectPrototype = runInContext('Object.prototype', world) as object;

/** What contextBridge can carry: data and functions, nothing with a prototype of its own. */
function assertBridgeable(value: unknown, path: string): void {
  if (value === null || ['string', 'number', 'boolean', 'undefined', 'function'].includes(typeof value)) return;
  if (typeof value !== 'object') throw new Error(`${path}: ${typeof value} cannot cross contextBridge`);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && proto !== worldObjectPrototype && proto !== Object.prototype && proto !== null) throw new Error(`${path}: a class instance cannot cross contextBridge`);
  for (const [key, inner] of Object.entries(value)) assertBridgeable(inner, `${path}.${key}`);
}

describe('the built preload in a sandbox', () => {
  const exposed = new Map<string, unknown>();
  const invoked: Array<{ channel: string; payload: unknown }> = [];
  const handlers = new Map<string, (payload: unknown) => unknown>();
  const listeners = new Map<string, Set<Listener>>();
  const required: string[] = [];

  beforeAll(async () => {
    await ensureAppBuilt();
    const electron = {
      contextBridge: {
        exposeInMainWorld(key: string, api: unknown) {
          assertBridgeable(api, key);
          exposed.set(key, api);
        },
      },
      ipcRenderer: {
        // Like ipcRenderer.invoke: a channel main has no handler for rejects.
        async invoke(channel: string, payload: unknown) {
          invoked.push({ channel, payload });
          const handler = handlers.get(channel);
          if (handler === undefined) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
          return structuredClone(handler(structuredClone(payload)));
        },
        on(channel: string, listener: Listener) {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)?.add(listener);
        },
        removeListener(channel: string, listener: Listener) {
          listeners.get(channel)?.delete(listener);
        },
      },
    };
    const sandboxRequire = (id: string): unknown => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id} (a sandboxed preload can require only electron)`);
    };
    const module = { exports: {} };
    Object.assign(world, { require: sandboxRequire, module, exports: module.exports, console });
    runInContext(readFileSync(built.preload, 'utf8'), world, { filename: built.preload });
  });

  it('requires nothing but electron and exposes exactly one frozen object, window.nevent, of functions', () => {
    expect([...new Set(required)]).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['nevent']);
    const nevent = exposed.get('nevent') as Record<string, Record<string, unknown>>;
    expect(Object.isFrozen(nevent)).toBe(true);
    for (const channel of [...requestChannelNames, ...eventChannelNames]) {
      const [ns, method] = channel.split('.') as [string, string];
      expect(typeof nevent[ns]?.[method], channel).toBe('function');
    }
  });

  it('a request before main has its handler rejects with plain data, not an Error object', async () => {
    const nevent = exposed.get('nevent') as { session: { get(): Promise<unknown> } };
    const failure = await nevent.session.get().then(
      () => null,
      (error: unknown) => error,
    );
    expect(invoked.at(-1)).toEqual({ channel: 'nevent:session.get', payload: undefined });
    expect(failure).toEqual({ code: 'internal_error', message: expect.stringMatching(/did not answer/) });
    expect(Object.getPrototypeOf(failure)).toBe(worldObjectPrototype);
    expect(() => assertBridgeable(failure, 'error')).not.toThrow();
  });

  it('answers come back checked against the contract, and failures as {code, message}', async () => {
    const nevent = exposed.get('nevent') as { mcp: { setMode(mode: unknown): Promise<unknown> } };
    handlers.set('nevent:mcp.setMode', () => ({ ok: true, value: { mode: 'STANDARD' } }));
    expect(await nevent.mcp.setMode({ mode: 'STANDARD' })).toEqual({ mode: 'STANDARD' });
    handlers.set('nevent:mcp.setMode', () => ({ ok: false, error: { code: 'validation_failed', message: 'no such mode' } }));
    await expect(nevent.mcp.setMode({ mode: 'FULL' })).rejects.toEqual({ code: 'validation_failed', message: 'no such mode' });
    handlers.set('nevent:mcp.setMode', () => ({ ok: true, value: { mode: 'GOD' } }));
    await expect(nevent.mcp.setMode({ mode: 'FULL' })).rejects.toMatchObject({ code: 'internal_error' });
  });

  it('events deliver the payload only, and each on… returns its unsubscribe', () => {
    const nevent = exposed.get('nevent') as { ui: { onDidRequestQuickSwitch(listener: (request: unknown) => void): () => void } };
    const seen: unknown[] = [];
    const off = nevent.ui.onDidRequestQuickSwitch((request) => seen.push(request));
    const channel = 'nevent:ui.onDidRequestQuickSwitch';
    expect(listeners.get(channel)?.size).toBe(1);
    for (const listener of listeners.get(channel) ?? []) {
      listener({ sender: 'the IPC event must not reach the page' }, { source: 'tray' });
      listener({}, { source: 'not in the contract' });
    }
    expect(seen).toEqual([{ source: 'tray' }]);
    off();
    expect(listeners.get(channel)?.size).toBe(0);
  });
});
