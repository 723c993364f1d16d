/**
 * The two base URLs of the Nevent API (NEVENT-API.md "Base URLs"): the core API and the data API live
 * on two hosts, not one under the other. When only the core URL is given, the data URL is derived only
 * where its place is known — Nevent's own pair, or a loopback demo API (which serves its data API under
 * `/data`); anywhere else guessing would send data-API calls to a wrong host, so the caller is told
 * exactly what is missing.
 */
import { CoreError } from '../common/core-error';

/** The two base URLs. */
export interface ApiUrls {
  apiUrl: string;
  dataApiUrl: string;
}

/** Nevent's production hosts: what the product talks to when nothing is configured. */
export const neventApiUrls: Readonly<ApiUrls> = { apiUrl: 'https://api.nevent.es', dataApiUrl: 'https://data.nevent.es' };

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

function trimSlashes(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** True for an http(s) URL on this machine (the demo API, a local proxy). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return loopbackHosts.has(new URL(url).hostname.toLowerCase());
  } catch {
    return false;
  }
}

/**
 * Both URLs from what was configured (flags, env, settings). Throws `invalid_request` (param
 * `dataApiUrl`) when the core URL is custom, not on loopback, and no data URL is given.
 */
export function resolveApiUrls(apiUrl?: string | null, dataApiUrl?: string | null): ApiUrls {
  const core = apiUrl === undefined || apiUrl === null || apiUrl.trim() === '' ? neventApiUrls.apiUrl : trimSlashes(apiUrl);
  if (dataApiUrl !== undefined && dataApiUrl !== null && dataApiUrl.trim() !== '') return { apiUrl: core, dataApiUrl: trimSlashes(dataApiUrl) };
  if (core === neventApiUrls.apiUrl) return { apiUrl: core, dataApiUrl: neventApiUrls.dataApiUrl };
  if (isLoopbackUrl(core)) return { apiUrl: core, dataApiUrl: `${core}/data` };
  throw new CoreError(
    'invalid_request',
    `no data API URL for ${core}: Nevent's data API lives on its own host (for Nevent itself, ${neventApiUrls.dataApiUrl}); set NEVENT_DATA_API_URL or pass --data-api-url`,
    'dataApiUrl',
  );
}
