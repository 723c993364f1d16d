/**
 * The only preload file that touches `ipcRenderer` (lint enforces it): the bridge transport over
 * Electron IPC. The renderer never sees the IPC event object, only the payload.
 */
import { ipcRenderer as electronIpcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeTransport } from '../../src-shared/ipc';

/** The part of `ipcRenderer` the transport needs. */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): unknown;
}

/** Channel prefix; must match `ipcChannelPrefix` in ipc-main.ts (kept separate: the preload bundles alone). */
const prefix = 'nevent:';

/** The bridge transport for the preload. */
export function createIpcRendererTransport(ipc: IpcRendererLike = electronIpcRenderer): BridgeTransport {
  return {
    invoke: (channel, payload) => ipc.invoke(`${prefix}${channel}`, payload),
    subscribe(channel, listener) {
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipc.on(`${prefix}${channel}`, handler);
      return () => {
        ipc.removeListener(`${prefix}${channel}`, handler);
      };
    },
  };
}
