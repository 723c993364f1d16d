/**
 * Renderer entry and composition root: picks the bridge (preload or `serve`'s web transport), creates
 * the stores and commands once, wires the stores to the bridge's events, and renders the app.
 */
// First: before any schema parses under the window's CSP.
import '../src-shared/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppInfo } from '../src-shared/ipc';
import { App } from './app/app';
import { AppServicesProvider } from './app/app-context';
import { workerCatalogBuilder } from './app/catalog-builder';
import { Commands } from './app/commands';
import { wireStores } from './app/wire-stores';
import { connectBridge } from './bridge';
import { LocaleProvider } from './i18n/locale-provider';
import { createStores } from './stores/stores';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const { bridge, connection } = await connectBridge();
  const stores = createStores();
  // Vite bundles the worker from this exact `new Worker(new URL(…), …)` form; it loads from the app's own
  // origin, which the window's CSP allows (script-src 'self').
  const catalogs = workerCatalogBuilder(
    () => new Worker(new URL('./workers/tenant-catalog-worker.ts', import.meta.url), { type: 'module', name: 'tenant-catalog' }),
    (message) => console.warn(message),
  );
  const commands = new Commands(bridge, stores, catalogs);
  wireStores(bridge, stores, commands, connection);
  let info: AppInfo | null = null;
  // The settings too, so the first frame is already in the chosen language.
  const [infoResult] = await Promise.allSettled([bridge.app.info(), commands.getSettings()]);
  // A failure: the splash screen reports the lost connection through the app store.
  if (infoResult.status === 'fulfilled') info = infoResult.value;
  createRoot(container).render(
    <StrictMode>
      <AppServicesProvider stores={stores} commands={commands}>
        <LocaleProvider systemLanguages={info?.systemLanguages}>
          <App info={info} />
        </LocaleProvider>
      </AppServicesProvider>
    </StrictMode>,
  );
}

void start();
