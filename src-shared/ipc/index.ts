/** The typed IPC contract: channel maps, payload schemas, the `window.nevent` type. */
export * from './schemas';
export * from './tenant-columns';
export * from './request-channels';
export * from './event-channels';
export * from './result';
export * from './bridge';
