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
import { Commands } from './app/commands';
import { wireStores } from './app/wire-stores';
import { connectBridge } from './bridge';
import { createStores } from './stores/stores';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const { bridge, connection } = await connectBridge();
  const stores = createStores();
  const commands = new Commands(bridge, stores);
  wireStores(bridge, stores, commands, connection);
  let info: AppInfo | null = null;
  try {
    info = await bridge.app.info();
  } catch {
    // The splash screen reports the lost connection through the app store.
  }
  createRoot(container).render(
    <StrictMode>
      <AppServicesProvider stores={stores} commands={commands}>
        <App info={info} />
      </AppServicesProvider>
    </StrictMode>,
  );
}

void start();
