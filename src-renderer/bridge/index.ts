/** The renderer's way to main: `selectBridge()` once at start, then only the returned `NeventBridge`. */
export * from './select-bridge';
export * from './web-transport';
export * from './web-session';
export { BridgeError, toBridgeError, type NeventBridge } from '../../src-shared/ipc';
