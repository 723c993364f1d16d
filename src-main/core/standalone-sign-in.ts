/**
 * Credentials for standalone `nevent-companion mcp`, after `--demo` (see `signInToDemo`):
 * `NEVENT_JWT_TOKEN` (+ `NEVENT_REFRESH_TOKEN`) for this run only, else the account saved by the app or
 * `nevent-companion login`.
 */
import type { Core } from './create-core';

/** Where the standalone credentials came from; null when there are none. */
export type StandaloneSource = 'environment' | 'keychain' | null;

/** Signs `core` in from the environment or the saved account. Rejects with a CoreError on bad tokens. */
export async function signInStandalone(core: Pick<Core, 'account'>, env: NodeJS.ProcessEnv, urls: { apiUrl?: string; dataApiUrl?: string } = {}): Promise<StandaloneSource> {
  const accessToken = env.NEVENT_JWT_TOKEN?.trim();
  if (accessToken !== undefined && accessToken !== '') {
    const refreshToken = env.NEVENT_REFRESH_TOKEN?.trim();
    const apiUrl = urls.apiUrl ?? env.NEVENT_API_URL;
    const dataApiUrl = urls.dataApiUrl ?? env.NEVENT_DATA_API_URL;
    await core.account.signIn(
      { type: 'tokens', accessToken, refreshToken: refreshToken === undefined || refreshToken === '' ? null : refreshToken },
      { persist: false, ...(apiUrl === undefined || apiUrl === '' ? {} : { apiUrl }), ...(dataApiUrl === undefined || dataApiUrl === '' ? {} : { dataApiUrl }) },
    );
    return 'environment';
  }
  return (await core.account.restore()) ? 'keychain' : null;
}
