/**
 * The only file that touches `ipcMain` (lint enforces it): registers one `handle` per contract channel
 * and sends events to the window. Every request is checked for its sender first, then dispatched
 * (zod-validated) by the shared dispatcher; the answer is always an `IpcResult` envelope.
 */
import { ipcMain as electronIpcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcFail, requestChannelNames, type EventChannel, type IpcResult } from '../../src-shared/ipc';
import { ipcChannelName } from '../../src-shared/transport-contract';
import type { Dispatch } from '../app/dispatcher';
import type { EventSink } from '../app/event-hub';

/** The part of `ipcMain` the wrapper needs. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** The part of an IPC event the sender check reads. */
export interface IpcSenderInfo {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/** The answer to a request from anything but our window's top frame. */
export const foreignSenderResult: IpcResult<never> = ipcFail('forbidden', 'Refused: this request did not come from the Nevent Companion window.');

/**
 * The trusted-sender rule: the request comes from our window's webContents, from its top frame, and
 * that frame shows our own renderer (the built file, or the dev server in development).
 */
export function createSenderCheck(ourWebContentsId: () => number | null, isOurRendererUrl: (url: string) => boolean): (event: IpcSenderInfo) => boolean {
  return (event) => {
    const id = ourWebContentsId();
    if (id === null || event.sender.id !== id) return false;
    const frame = event.senderFrame;
    if (frame === null || (frame.parent !== null && frame.parent !== undefined)) return false;
    return isOurRendererUrl(frame.url);
  };
}

/** Registers a handler per request channel; returns the unregistration. */
export function registerIpcHandlers(dispatch: Dispatch, isTrustedSender: (event: IpcSenderInfo) => boolean, ipc: IpcMainLike = electronIpcMain): () => void {
  for (const channel of requestChannelNames) {
    ipc.handle(ipcChannelName(channel), async (event, payload) => {
      if (!isTrustedSender(event as unknown as IpcSenderInfo)) return foreignSenderResult;
      return dispatch(channel, payload);
    });
  }
  return () => {
    for (const channel of requestChannelNames) ipc.removeHandler(ipcChannelName(channel));
  };
}

/** The part of `webContents` events go to. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** An event sink that forwards every event to the window (when it is open). */
export function createWebContentsSink(target: () => EventTarget | null): EventSink {
  return (channel: EventChannel, payload: unknown) => {
    const contents = target();
    if (contents === null || contents.isDestroyed()) return;
    contents.send(ipcChannelName(channel), payload);
  };
}
