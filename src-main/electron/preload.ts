/** Preload: placeholder until the desktop-shell issue lands. */
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('nevent', {});
