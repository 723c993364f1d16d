/**
 * The only preload file that touches `ipcRenderer` (lint enforces it): the bridge transport over
 * Electron IPC. The renderer never sees the IPC event object, only the payload.
 */
import { ipcRenderer as electronIpcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeTransport } from '../../src-shared/ipc';
import { ipcChannelName } from '../../src-shared/transport-contract';

/** The part of `ipcRenderer` the transport needs. */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): unknown;
}

/** The bridge transport for the preload. */
export function createIpcRendererTransport(ipc: IpcRendererLike = electronIpcRenderer): BridgeTransport {
  return {
    invoke: (channel, payload) => ipc.invoke(ipcChannelName(channel), payload),
    subscribe(channel, listener) {
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipc.on(ipcChannelName(channel), handler);
      return () => {
        ipc.removeListener(ipcChannelName(channel), handler);
      };
    },
  };
}
