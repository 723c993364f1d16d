/**
 * The MCP App views' entry (docs/mcp-apps.md): one page, four views; the server wrote which one this is
 * into the `nevent-view` meta tag. Connects to the host that framed the page, then renders the view.
 */
// First: before any schema parses under the view's CSP (no eval).
import '../src-shared/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appViewById } from '../src-shared/app-views';
import { ViewHost } from './host/view-host';
import { ViewRoot } from './view-root';
import './styles/apps.css';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  const view = appViewById(document.querySelector('meta[name="nevent-view"]')?.getAttribute('content') ?? '');
  if (container === null || view === undefined) return;
  const host = await ViewHost.connect();
  createRoot(container).render(
    <StrictMode>
      <ViewRoot host={host} view={view.id} />
    </StrictMode>,
  );
}

void start();
