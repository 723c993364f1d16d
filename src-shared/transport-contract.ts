/**
 * Constants both ends of a transport must agree on, defined once: the Electron IPC channel prefix
 * (main registers, the preload invokes) and the header `serve`'s web bridge carries its per-launch
 * token in (the server checks, the page sends).
 */

/** Prefix of every Electron IPC channel of the contract (`nevent:<channel>`). */
export const ipcChannelPrefix = 'nevent:';

/** The Electron channel name of a contract channel. */
export function ipcChannelName(channel: string): string {
  return `${ipcChannelPrefix}${channel}`;
}

/** The header `serve`'s API and event stream read the per-launch token from (never a cookie: cookies are not isolated by port). */
export const serveTokenHeader = 'x-nevent-token';
