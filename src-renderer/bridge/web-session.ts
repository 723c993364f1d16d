/**
 * How a page served by `nevent-companion serve` gets its API token and keeps it across a reload,
 * without ever putting it in a cookie (cookies are not isolated by port: every other web server on
 * 127.0.0.1 would receive it) or in storage (session restore writes storage to disk):
 *
 *   launch URL ?token=T ──> T in memory; the query is taken out of the address bar and history at once
 *   reload ──> the hand-off code kept in sessionStorage ──> POST /auth/redeem ──> T (the code is spent)
 *   new tab ──> asks the open tabs (BroadcastChannel, this origin only) ──> one mints a code ──> redeem
 *
 * While a page holds T it keeps one fresh code in sessionStorage (single-use, minutes-long, replaced
 * before it expires and whenever the page becomes visible), so a reload always finds a live one.
 */

/** The sessionStorage key of this tab's hand-off code. */
export const handoffStorageKey = 'nevent-companion.handoff';
/** The BroadcastChannel tabs of one `serve` origin use to hand a new tab a code. */
export const handoffChannelName = 'nevent-companion-handoff';

type Channel = Pick<BroadcastChannel, 'postMessage' | 'close'> & { onmessage: ((event: MessageEvent) => void) | null };

/** The parts of `window` the web session uses (tests pass their own). */
export interface WebSessionHost {
  location: { origin: string; search: string; pathname: string; hash: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  sessionStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch: typeof fetch;
  /** Absent where BroadcastChannel is not available: a new tab then needs the launch URL. */
  openChannel?: () => Channel;
  onVisible?: (listener: () => void) => void;
}

/** The `window` as a web-session host. */
export function windowSessionHost(): WebSessionHost {
  return {
    location: window.location,
    history: window.history,
    sessionStorage: window.sessionStorage,
    fetch: window.fetch.bind(window),
    ...(typeof BroadcastChannel === 'function' ? { openChannel: () => new BroadcastChannel(handoffChannelName) } : {}),
    onVisible: (listener) =>
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') listener();
      }),
  };
}

/** Reads the token from a query string. */
export function tokenFromSearch(search: string): string | null {
  const token = new URLSearchParams(search).get('token');
  return token !== null && token.length > 0 ? token : null;
}

/** The current URL without its `token` parameter (other parameters and the hash kept). */
export function urlWithoutToken(location: Pick<WebSessionHost['location'], 'pathname' | 'search' | 'hash'>): string {
  const params = new URLSearchParams(location.search);
  params.delete('token');
  const query = params.toString();
  return `${location.pathname}${query === '' ? '' : `?${query}`}${location.hash}`;
}

async function redeem(host: WebSessionHost, code: string): Promise<string | null> {
  try {
    const response = await host.fetch(`${host.location.origin}/auth/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    if (!response.ok) return null;
    const body = (await response.json()) as { token?: unknown };
    return typeof body.token === 'string' && body.token !== '' ? body.token : null;
  } catch {
    return null;
  }
}

/** Asks the other open tabs of this origin for a hand-off code; null when none answers in time. */
function askOpenTabs(host: WebSessionHost, waitMs: number): Promise<string | null> {
  if (host.openChannel === undefined) return Promise.resolve(null);
  const channel = host.openChannel();
  const id = `${Date.now()}-${Math.random()}`;
  return new Promise((resolve) => {
    const done = (code: string | null): void => {
      clearTimeout(timer);
      channel.onmessage = null;
      channel.close();
      resolve(code);
    };
    const timer = setTimeout(() => done(null), waitMs);
    channel.onmessage = (event) => {
      const data = event.data as { type?: unknown; id?: unknown; code?: unknown };
      if (data.type === 'offer' && data.id === id && typeof data.code === 'string') done(data.code);
    };
    channel.postMessage({ type: 'request', id });
  });
}

/**
 * The token for this page: from the launch URL (then removed from the address bar and history), else
 * by redeeming this tab's hand-off, else one offered by another open tab; null when there is none.
 */
export async function acquireToken(host: WebSessionHost, options: { askTabsMs?: number } = {}): Promise<string | null> {
  const fromUrl = tokenFromSearch(host.location.search);
  if (fromUrl !== null) {
    // replaceState rewrites this history entry: Back never shows the token again.
    host.history.replaceState(null, '', urlWithoutToken(host.location));
    return fromUrl;
  }
  const stored = host.sessionStorage.getItem(handoffStorageKey);
  if (stored !== null) {
    host.sessionStorage.removeItem(handoffStorageKey);
    const token = await redeem(host, stored);
    if (token !== null) return token;
  }
  const offered = await askOpenTabs(host, options.askTabsMs ?? 1500);
  return offered === null ? null : redeem(host, offered);
}

/** A page's hand-off upkeep; `stop` ends it. */
export interface HandoffKeeper {
  /** Resolves once the first code is stored (tests). */
  ready: Promise<void>;
  stop(): void;
}

/**
 * Keeps one live hand-off code in this tab's sessionStorage (for its reload) and answers other tabs'
 * requests with codes of their own.
 */
export function keepHandoff(host: WebSessionHost, token: string, tokenHeader: string, options: { refreshMs?: number } = {}): HandoffKeeper {
  let stopped = false;
  let current: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const mint = async (replaces: string | null): Promise<{ code: string; expiresInMs: number } | null> => {
    try {
      const response = await host.fetch(`${host.location.origin}/auth/handoff`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [tokenHeader]: token },
        body: JSON.stringify(replaces === null ? {} : { replaces }),
      });
      if (!response.ok) return null;
      const body = (await response.json()) as { code?: unknown; expiresInMs?: unknown };
      return typeof body.code === 'string' ? { code: body.code, expiresInMs: typeof body.expiresInMs === 'number' ? body.expiresInMs : 60_000 } : null;
    } catch {
      return null;
    }
  };

  let refreshing: Promise<void> | null = null;
  const refresh = (): Promise<void> => (refreshing ??= renew().finally(() => (refreshing = null)));
  const renew = async (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const minted = await mint(current);
    if (stopped) return;
    let nextInMs = 5_000;
    if (minted !== null) {
      current = minted.code;
      host.sessionStorage.setItem(handoffStorageKey, minted.code);
      // Well before it expires: background tabs run timers late.
      nextInMs = options.refreshMs ?? Math.max(1_000, Math.floor(minted.expiresInMs / 3));
    }
    timer = setTimeout(() => void refresh(), nextInMs);
  };

  const channel = host.openChannel?.();
  if (channel !== undefined) {
    channel.onmessage = (event) => {
      const data = event.data as { type?: unknown; id?: unknown };
      if (data.type !== 'request' || typeof data.id !== 'string') return;
      void mint(null).then((minted) => {
        if (minted !== null && !stopped) channel.postMessage({ type: 'offer', id: data.id, code: minted.code });
      });
    };
  }
  host.onVisible?.(() => {
    if (!stopped) void refresh();
  });

  return {
    ready: refresh(),
    stop: () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      channel?.close();
    },
  };
}
