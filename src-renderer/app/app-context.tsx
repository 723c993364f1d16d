/** Hands the stores and commands to components (created once in `main.tsx`), with selector hooks. */
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, ConnectionState } from '../../src-shared/ipc';
import type { AuditState } from '../stores/audit-store';
import type { SegmentsState } from '../stores/segments-store';
import type { SessionsState } from '../stores/sessions-store';
import type { Stores } from '../stores/stores';
import type { TenantsState } from '../stores/tenants-store';
import type { UiState } from '../stores/ui-store';
import { tenantHue } from '../lib/tenant-colour';
import type { Commands } from './commands';

interface AppServices {
  stores: Stores;
  commands: Commands;
}

const ServicesContext = createContext<AppServices | null>(null);

/** Provides the stores and commands to the tree. */
export function AppServicesProvider(props: { stores: Stores; commands: Commands; children: ReactNode }): ReactNode {
  return <ServicesContext value={{ stores: props.stores, commands: props.commands }}>{props.children}</ServicesContext>;
}

function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('AppServicesProvider is missing');
  return services;
}

/** The window's commands. */
export function useCommands(): Commands {
  return useServices().commands;
}

/** Selects from main's app state (null before the first snapshot). Return primitives or stable references. */
export function useAppState<T>(selector: (app: AppState | null) => T): T {
  return useStore(useServices().stores.app, (s) => selector(s.app));
}

/** True when the connection to main is lost. */
export function useDisconnected(): boolean {
  return useStore(useServices().stores.app, (s) => s.disconnected);
}

/** The connection to the core: `reconnecting` or `ended` while `serve`'s page cannot reach it. */
export function useConnection(): ConnectionState {
  return useStore(useServices().stores.connection, (s) => s.state);
}

/** Selects from the tenants store. */
export function useTenants<T>(selector: (s: TenantsState) => T): T {
  return useStore(useServices().stores.tenants, selector);
}

/** A tenant's colour: the one chosen over the account's tenant list, else the tenant id's own hash. */
export function useTenantHue(tenantId: string): number {
  return useStore(useServices().stores.tenants, (s) => s.catalog?.hue(tenantId) ?? tenantHue(tenantId));
}

/** Selects from the sessions store. */
export function useSessions<T>(selector: (s: SessionsState) => T): T {
  return useStore(useServices().stores.sessions, selector);
}

/** Where the desktop's switch in flight goes (main's desktop session `switchingTo`), or null. */
export function useDesktopSwitchingTo(): string | null {
  return useSessions((s) => s.sessions.find((x) => x.kind === 'desktop')?.switchingTo ?? null);
}

/** Selects from the audit store. */
export function useAudit<T>(selector: (s: AuditState) => T): T {
  return useStore(useServices().stores.audit, selector);
}

/** Selects from the segments store. */
export function useSegments<T>(selector: (s: SegmentsState) => T): T {
  return useStore(useServices().stores.segments, selector);
}

/** Selects from the UI store. */
export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useServices().stores.ui, selector);
}

/** Writes UI-only state (the one store components may change directly). */
export function useSetUi(): (patch: Partial<UiState>) => void {
  const store = useServices().stores.ui;
  return useCallback((patch: Partial<UiState>) => store.setState(patch), [store]);
}
