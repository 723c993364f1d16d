/**
 * Preload: exposes exactly one object, `window.nevent`, built from the IPC contract. No Node or
 * Electron object crosses; failed requests reject with plain `{code, message}` data, which survives
 * `contextBridge` (Error subclasses do not).
 */
import '../../src-shared/zod-jitless';
import { contextBridge } from 'electron';
import { createBridge } from '../../src-shared/ipc';
import { createIpcRendererTransport } from './ipc-renderer';

contextBridge.exposeInMainWorld('nevent', createBridge(createIpcRendererTransport(), { makeError: (data) => ({ ...data }) }));
