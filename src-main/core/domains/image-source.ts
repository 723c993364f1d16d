/**
 * Where an image to upload comes from, read with the limits of the media upload (upstream: 5 MB) and
 * checked by its bytes, never by its name:
 *
 *   data:<mime>;base64,… or raw base64 ─┐
 *   http(s) URL (public address, capped)┼─> ≤ 5 MB? PNG / JPEG / GIF / WEBP by magic bytes? ─> UploadImage
 *   local file inside a named folder  ──┘      (realpath inside a folder's realpath: no symlink escapes;
 *                                              the opened handle checked to be that file: regular-file.ts)
 *
 * Local files are read only from folders the person named (NEVENT_UPLOAD_DIRS); anything else,
 * including a symlink inside a folder that points out of it, a link swapped in while the file is being
 * opened, or something that is not a regular file (a named pipe), is refused before a byte is read.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { lstat, realpath } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { basename, isAbsolute, sep } from 'node:path';
import { missingCaseError } from '../../../src-shared/missing-case';
import { readRegularFile, RegularFileRefusal, sameFile } from '../common/regular-file';
import { CoreError } from '../common/core-error';
import { isLocalAddress } from './address-policy';

/** Largest image accepted (decoded bytes), as upstream's upload. */
export const maxImageBytes = 5 * 1024 * 1024;

/** The image types accepted, by the bytes they start with. */
const signatures: { mimeType: string; extension: string; test: (b: Uint8Array) => boolean }[] = [
  { mimeType: 'image/png', extension: 'png', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { mimeType: 'image/jpeg', extension: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mimeType: 'image/gif', extension: 'gif', test: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
  { mimeType: 'image/webp', extension: 'webp', test: (b) => String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP' },
];

/** An image ready to upload. */
export interface UploadImage {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

const refuse = (message: string, param: string): CoreError => new CoreError('validation_failed', message, param);

/** Checks size and type; the name gets the extension of the type the bytes say. */
export function checkedImage(bytes: Uint8Array, name: string | undefined, param: string): UploadImage {
  if (bytes.length === 0) throw refuse('the image is empty', param);
  if (bytes.length > maxImageBytes) throw refuse(`the image is ${bytes.length} bytes; at most ${maxImageBytes} (5 MB) can be uploaded`, param);
  const kind = signatures.find((signature) => signature.test(bytes));
  if (kind === undefined) throw refuse('the file is not a PNG, JPEG, GIF or WEBP image (checked by its content)', param);
  const stem = (name ?? `upload-${Date.now()}`).replace(/[^A-Za-z0-9._-]/g, '_').replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 100) || 'image';
  return { fileName: `${stem}.${kind.extension}`, mimeType: kind.mimeType, bytes };
}

/** Decodes a `data:<mime>;base64,…` URL or raw base64 (bounded before decoding). */
export function imageFromBase64(source: string, name: string | undefined): UploadImage {
  const match = /^data:([\w.+-]+\/[\w.+-]+)?(;[\w=.+-]+)*;base64,/i.exec(source);
  const payload = (match === null ? source : source.slice(match[0].length)).replace(/\s+/g, '');
  if (payload.length > Math.ceil((maxImageBytes * 4) / 3) + 4) throw refuse(`the image is larger than ${maxImageBytes} bytes (5 MB)`, 'source');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(payload)) throw refuse('source is neither an http(s) URL, a data: URL nor base64', 'source');
  return checkedImage(Buffer.from(payload, 'base64'), name, 'source');
}

/** How a URL is fetched: only public addresses unless `allowLocal` (see address-policy.ts). */
export interface UrlFetchPolicy {
  allowLocal: boolean;
  /** Overall deadline of the fetch, redirects included. */
  timeoutMs?: number;
}

const maxRedirects = 5;

/**
 * `dns.lookup` that refuses local addresses: the check runs on the address the socket will connect to,
 * so a name that resolves to a public address for a check and a private one for the connection (DNS
 * rebinding) is still refused.
 */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error !== null) return callback(error, []);
    const refused = addresses.find((entry) => isLocalAddress(entry.address));
    if (refused !== undefined) return callback(Object.assign(new Error(`${hostname} resolves to a local address`), { code: 'ELOCALADDRESS' }), []);
    if (options.all === true) return callback(null, addresses);
    const first = addresses[0];
    if (first === undefined) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

/** One GET without following redirects; the body is left unread. */
function get(url: URL, policy: UrlFetchPolicy, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', signal, headers: { accept: 'image/*' }, ...(policy.allowLocal ? {} : { lookup: publicOnlyLookup }) }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Checks one URL of the chain (the given one and every redirect) before it is requested. */
function checkedUrl(source: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(source, base);
  } catch {
    throw refuse('source is not a valid URL', 'source');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('only http(s) URLs can be fetched', 'source');
  if (url.username !== '' || url.password !== '') throw refuse('a URL with credentials is not fetched', 'source');
  return url;
}

const localRefusal = (host: string): CoreError =>
  new CoreError('operation_not_permitted', `${host} is on this computer or its local network, and images are fetched only from public addresses; nothing was fetched (the user can allow local addresses with NEVENT_UPLOAD_LOCAL_URLS=1)`, 'source');

/** Fetches an http(s) URL from a public address, reading at most 5 MB (a bigger body is refused without being read on). */
export async function imageFromUrl(source: string, name: string | undefined, policy: UrlFetchPolicy): Promise<UploadImage> {
  let url = checkedUrl(source);
  const signal = AbortSignal.timeout(policy.timeoutMs ?? 30_000);
  let response: IncomingMessage;
  for (let hop = 0; ; hop += 1) {
    // An address literal never goes through the lookup: checked here.
    if (!policy.allowLocal && isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0 && isLocalAddress(url.hostname)) throw localRefusal(url.host);
    try {
      response = await get(url, policy, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCALADDRESS') throw localRefusal(url.host);
      throw new CoreError('api_unavailable', `the image at ${url.host} could not be fetched`, 'source');
    }
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status < 300 || status >= 400 || location === undefined) break;
    response.resume();
    if (hop === maxRedirects) throw refuse(`the image URL redirected more than ${maxRedirects} times`, 'source');
    url = checkedUrl(location, url);
  }
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    response.resume();
    throw refuse(`the image URL answered HTTP ${status}`, 'source');
  }
  const declared = Number(response.headers['content-length'] ?? '0');
  if (declared > maxImageBytes) {
    response.destroy();
    throw refuse(`the image is ${declared} bytes; at most ${maxImageBytes} (5 MB) can be uploaded`, 'source');
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxImageBytes) {
        response.destroy();
        throw refuse(`the image is larger than ${maxImageBytes} bytes (5 MB)`, 'source');
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw new CoreError('api_unavailable', `the image at ${url.host} could not be read to the end`, 'source');
  }
  return checkedImage(Buffer.concat(chunks), name ?? (basename(url.pathname) || undefined), 'source');
}

/** True when `path` is `folder` or inside it (both already real paths). */
function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * Reads a local file, only when its real path lies inside the real path of a folder the person named,
 * and only the file that was checked: a FIFO is refused before it is opened (it would block a libuv
 * thread), and a link swapped in between the check and the open — at the file or at a folder on its
 * path — is caught on the opened handle (regular-file.ts), so nothing outside the folders is ever read.
 */
export async function imageFromFile(filePath: string, folders: readonly string[], name: string | undefined): Promise<UploadImage> {
  if (!isAbsolute(filePath)) throw refuse('file_path must be an absolute path', 'file_path');
  if (folders.length === 0) throw new CoreError('operation_not_permitted', 'no folder is named for uploads: the user can allow one with NEVENT_UPLOAD_DIRS (a list of folders); until then upload from a URL or data', 'file_path');
  let real: string;
  try {
    real = await realpath(filePath);
  } catch {
    throw new CoreError('not_found', `no file at ${filePath}`, 'file_path');
  }
  const roots = await Promise.all(folders.map((folder) => realpath(folder).catch(() => null)));
  if (!roots.some((root) => root !== null && isInside(real, root))) throw new CoreError('operation_not_permitted', `${filePath} is outside the folders named for uploads; nothing was read`, 'file_path');
  let read: { bytes: Uint8Array };
  try {
    read = await readRegularFile(real, {
      maxBytes: maxImageBytes,
      noFollow: true,
      // The handle must be the file the checked path names now, with no link anywhere on it.
      afterOpen: async (opened) => {
        const again = await realpath(real).catch(() => null);
        const named = again === real ? await lstat(real).catch(() => null) : null;
        if (named === null || !sameFile(named, opened)) throw new RegularFileRefusal('changed', 'a link was swapped in while it was being read');
      },
    });
  } catch (error) {
    if (!(error instanceof RegularFileRefusal)) throw error;
    switch (error.kind) {
      case 'missing':
        throw new CoreError('not_found', `no file at ${filePath}`, 'file_path');
      case 'not_a_file':
        throw refuse(`${filePath} is not a file: ${error.message}`, 'file_path');
      case 'too_large':
        throw refuse(`the file is ${error.size ?? 'over'} bytes; at most ${maxImageBytes} (5 MB) can be uploaded`, 'file_path');
      // `real` has no link in it: a link found there now was swapped in after the check.
      case 'link':
      case 'changed':
        throw new CoreError('operation_not_permitted', `${filePath} changed while it was being read (${error.message}); nothing was uploaded`, 'file_path');
      default:
        return missingCaseError(error.kind);
    }
  }
  return checkedImage(read.bytes, name ?? basename(real), 'file_path');
}

/** The folders named for uploads in `NEVENT_UPLOAD_DIRS` (separated like PATH), absolute ones only. */
export function uploadFoldersFrom(value: string | undefined, delimiter: string): string[] {
  return (value ?? '').split(delimiter).map((folder) => folder.trim()).filter((folder) => folder !== '' && isAbsolute(folder));
}
