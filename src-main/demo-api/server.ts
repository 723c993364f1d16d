/** Starts the demo API on 127.0.0.1 and wires its parts together (the composition root). */
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { setMaxListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createDemoApp } from './app';
import type { DemoApi, DemoApiOptions } from './demo-api-types';
import type { DemoContext } from './demo-context';
import { demoAccounts } from './demo-users';
import { FaultController } from './fault-controller';
import { dataApiPrefix } from './routes/data-routes';
import { TenantAccess } from './tenant-access';
import { TenantDataStore } from './tenant-data-store';
import { TenantDirectory } from './tenant-directory';
import { TokenService } from './token-service';

/** Most tenants `--tenants` may ask for (memory stays around a few hundred MB). */
export const maxTenants = 1_000_000;

function checkInteger(name: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}`);
  }
}

/** Starts a demo API; resolves once it is listening. */
export async function startDemoApi(options: DemoApiOptions = {}): Promise<DemoApi> {
  checkInteger('port', options.port, 0, 65535);
  checkInteger('tenants', options.tenants, 0, maxTenants);
  checkInteger('latencyMs', options.latencyMs, 0, 60_000);
  checkInteger('accessTokenTtlSeconds', options.accessTokenTtlSeconds, 0, 365 * 24 * 3600);
  const issuer = options.issuer ?? 'nevent-demo';
  const now = (): Date => new Date();

  const closing = new AbortController();
  // Every request delayed by injected latency waits on this one signal (and stops listening when done),
  // so hundreds of listeners at once are expected under load, not a leak.
  setMaxListeners(0, closing.signal);
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (closing.signal.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        closing.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      closing.signal.addEventListener('abort', done);
    });

  let revoke = (): void => undefined;
  const faults = new FaultController({ latencyMs: options.latencyMs ?? 0, accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 900 }, () => revoke());
  const tokens = await TokenService.create(issuer, () => faults.accessTokenTtlSeconds, { mode: options.jwks === true ? 'jwks' : 'hs256' });
  revoke = () => tokens.revokeIssuedAccessTokens();
  tokens.onRefreshReuse = () => faults.count('refreshReuseRejected');

  // Known once listening; requests cannot arrive before that.
  let port = 0;
  const directory = new TenantDirectory(options.tenants ?? 0);
  const deps: DemoContext = {
    directory,
    access: new TenantAccess(directory),
    tokens,
    faults,
    data: new TenantDataStore(directory, now),
    accounts: demoAccounts(),
    segmentListShape: options.segmentListShape ?? 'array',
    listPaging: options.listPaging ?? 'real',
    persistedTenants: new Map(),
    sleep,
    now,
    isOwnHost: (host) => host === undefined || host === `127.0.0.1:${port}` || host === `localhost:${port}`,
  };
  const app = createDemoApp(deps);
  const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' }) as Server;
  // Node's 5 s keep-alive default races clients that reuse an idle socket just as the server drops it
  // (ECONNRESET on a busy machine). Keep idle sockets longer; close() ends them all anyway.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  let closed: Promise<void> | undefined;

  return {
    url,
    dataUrl: `${url}${dataApiPrefix}`,
    jwksUrl: options.jwks === true ? `${url}/.well-known/jwks.json` : null,
    issuer,
    faults,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
