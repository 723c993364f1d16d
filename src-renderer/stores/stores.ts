/** Every store of the window, created once in the composition root (`main.tsx`). */
import { createAppStateStore, type AppStateStore } from './app-state-store';
import { createAuditStore, type AuditStore } from './audit-store';
import { createConnectionStore, type ConnectionStore } from './connection-store';
import { createSegmentsStore, type SegmentsStore } from './segments-store';
import { createSessionsStore, type SessionsStore } from './sessions-store';
import { createTenantsStore, type TenantsStore } from './tenants-store';
import { createUiStore, type UiStore } from './ui-store';

/** The window's stores: one per domain mirrored from main, plus UI-only state. */
export interface Stores {
  app: AppStateStore;
  tenants: TenantsStore;
  sessions: SessionsStore;
  audit: AuditStore;
  segments: SegmentsStore;
  ui: UiStore;
  /** The transport's connection to the core. */
  connection: ConnectionStore;
}

/** Creates a fresh set of stores. */
export function createStores(): Stores {
  return {
    app: createAppStateStore(),
    tenants: createTenantsStore(),
    sessions: createSessionsStore(),
    audit: createAuditStore(),
    segments: createSegmentsStore(),
    ui: createUiStore(),
    connection: createConnectionStore(),
  };
}
