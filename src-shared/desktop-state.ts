/**
 * The desktop's state as one pure reducer (STYLE.md 11): everything the window and the tray show is
 * derived here from the core's events, in one place. A part that did not change keeps its object, so
 * the store in main versions and publishes a part only when it really changed, without comparing
 * serialized copies.
 *
 *   core and preferences ──> reduceDesktop(model, event) ──> model' ──> parts whose object changed are published:
 *                                                             state → session.onDidChange
 *                                                             sessions → mcp.onDidChangeSessions
 *                                                             segments → segments.onDidChange
 *                                                             settings → settings.onDidChange
 *
 * The operation mode comes in once (`modeChanged`) and shows in both the state and the settings; the toolsets come in once (`toolsetsChanged`) and show in the settings.
 */
import type { AccountStatus, ActiveTenant, AppState, BridgeStatus, CriterionView, DesktopSegments, SegmentView, Settings, TenantShortcuts, TenantView } from './ipc/schemas';
import { isSignedIn } from './account-machine';
import { type AppErrorData } from './errors';
import { missingCaseError } from './missing-case';
import type { OperationMode, SessionSnapshot } from './session';
import type { ToolDomain } from './tool-domains';

/** What the window is pushed as the app state (without its version). */
export type DesktopState = Omit<AppState, 'version'>;
/** The desktop tenant's segments as pushed (without the version). */
export type DesktopSegmentsState = Omit<DesktopSegments, 'version'>;
/** The settings as pushed (without the version). */
export type DesktopSettings = Omit<Settings, 'version'>;
/** The settings the preferences hold: all but the operation mode and the toolsets, which have inputs of their own (`modeChanged`, `toolsetsChanged`). */
export type PreferenceSettings = Omit<DesktopSettings, 'operationMode' | 'toolsets'>;

/** The desktop's tenants as last loaded, tied to the desktop session that loaded them. */
export interface LoadedTenants {
  sessionId: string;
  tenants: readonly TenantView[];
  /** The token's role, the fallback for tenants that say none. */
  role: string | null;
}

/** The reducer's whole input, remembered between events. */
export interface DesktopModel {
  state: DesktopState;
  sessions: readonly SessionSnapshot[];
  /** The desktop session's snapshot (one of `sessions`), null while signed out. */
  desktop: SessionSnapshot | null;
  tenants: LoadedTenants | null;
  segments: DesktopSegmentsState;
  settings: DesktopSettings;
}

/** Everything the core tells the desktop store. */
export type DesktopEvent =
  | { type: 'accountChanged'; account: AccountStatus }
  | { type: 'sessionsChanged'; sessions: readonly SessionSnapshot[] }
  | { type: 'tenantsLoaded'; tenants: LoadedTenants }
  | { type: 'shortcutsChanged'; shortcuts: TenantShortcuts }
  | { type: 'bridgeChanged'; bridge: BridgeStatus }
  | { type: 'modeChanged'; mode: OperationMode }
  | { type: 'toolsetsChanged'; toolsets: readonly ToolDomain[] }
  | { type: 'settingsChanged'; settings: PreferenceSettings }
  | { type: 'segmentsReloading'; tenantId: string }
  | { type: 'segmentsLoaded'; tenantId: string; segments: readonly SegmentView[]; more: boolean }
  | { type: 'segmentsFailed'; tenantId: string; error: AppErrorData }
  | { type: 'criteriaLoaded'; tenantId: string; criteria: readonly CriterionView[] }
  | { type: 'criteriaFailed'; tenantId: string; error: AppErrorData }
  | { type: 'segmentWritten'; tenantId: string; segment: SegmentView };

/** The segments part for a tenant, before anything loaded (loading at once when there is a tenant). */
export function segmentsFor(tenantId: string | null): DesktopSegmentsState {
  const status = tenantId === null ? 'idle' : 'loading';
  return { tenantId, status, segments: [], more: false, error: null, criteriaStatus: status, criteria: [], criteriaError: null };
}

const noDesktop: DesktopState['desktop'] = { sessionId: null, activeTenant: null, homeTenantId: null, role: null, lastSwitchError: null, lastSwitchTarget: null };

/** A model before the first event. */
export function initialDesktopModel(init: { account: AccountStatus; bridge: BridgeStatus; mode: OperationMode; toolsets: readonly ToolDomain[]; shortcuts: TenantShortcuts; settings: PreferenceSettings }): DesktopModel {
  return {
    sessions: [],
    desktop: null,
    tenants: null,
    segments: segmentsFor(null),
    settings: { ...init.settings, operationMode: init.mode, toolsets: [...init.toolsets] },
    state: { account: init.account, desktop: noDesktop, tenants: { ...init.shortcuts, count: 0 }, bridge: init.bridge, operationMode: init.mode },
  };
}

/** Deep equality of small plain data. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** `next`, or `current` itself when they hold the same data (so unchanged parts keep their object). */
function keep<T>(current: T, next: T): T {
  return sameData(current, next) ? current : next;
}

/** The tenant the desktop is in, from the snapshot and the loaded list: only what the API said. */
function activeTenantOf(snapshot: SessionSnapshot, tenants: LoadedTenants | null): ActiveTenant | null {
  if (snapshot.activeTenantId === null) return null;
  const list = tenants !== null && tenants.sessionId === snapshot.id ? tenants : null;
  const tenant = list?.tenants.find((t) => t.id === snapshot.activeTenantId);
  const active: ActiveTenant = { id: snapshot.activeTenantId, name: tenant?.name ?? null, role: tenant?.role ?? snapshot.role ?? list?.role ?? null };
  if (tenant?.slug !== undefined) active.slug = tenant.slug;
  if (tenant?.status !== undefined) active.status = tenant.status;
  return active;
}

function desktopPart(desktop: SessionSnapshot | null, tenants: LoadedTenants | null): DesktopState['desktop'] {
  if (desktop === null) return noDesktop;
  return { sessionId: desktop.id, activeTenant: activeTenantOf(desktop, tenants), homeTenantId: desktop.homeTenantId, role: desktop.role, lastSwitchError: desktop.lastSwitchError, lastSwitchTarget: desktop.lastSwitchTarget };
}

/** Rebuilds the derived parts from the model's inputs; every part that did not change keeps its object. */
function derive(model: DesktopModel, inputs: Partial<Pick<DesktopModel, 'sessions' | 'tenants'>> & { account?: AccountStatus; shortcuts?: TenantShortcuts }): DesktopModel {
  const account = inputs.account ?? model.state.account;
  const signedIn = isSignedIn(account.state);
  const sessions = keep(model.sessions, inputs.sessions ?? model.sessions);
  const desktop = keep(model.desktop, signedIn ? (sessions.find((s) => s.kind === 'desktop') ?? null) : null);
  const tenants = signedIn && desktop !== null ? (inputs.tenants ?? model.tenants) : null;
  const shortcuts = inputs.shortcuts ?? { recent: model.state.tenants.recent, pinned: model.state.tenants.pinned };
  const tenantId = desktop?.activeTenantId ?? null;
  // A new desktop tenant (a switch, a sign-in, a sign-out) starts its segments afresh.
  const segments = tenantId === model.segments.tenantId ? model.segments : segmentsFor(tenantId);
  const parts: DesktopState = {
    account: keep(model.state.account, account),
    desktop: keep(model.state.desktop, desktopPart(desktop, tenants)),
    tenants: keep(model.state.tenants, { ...shortcuts, count: tenants?.tenants.length ?? 0 }),
    bridge: model.state.bridge,
    operationMode: model.state.operationMode,
  };
  const state = parts.account === model.state.account && parts.desktop === model.state.desktop && parts.tenants === model.state.tenants ? model.state : parts;
  if (state === model.state && sessions === model.sessions && desktop === model.desktop && tenants === model.tenants && segments === model.segments) return model;
  return { state, sessions, desktop, tenants, segments, settings: model.settings };
}

/** Applies a change to the segments part when it is about the tenant the part shows. */
function withSegments(model: DesktopModel, tenantId: string, change: (segments: DesktopSegmentsState) => DesktopSegmentsState): DesktopModel {
  if (model.segments.tenantId !== tenantId) return model; // a late answer for a tenant the desktop left
  const next = keep(model.segments, change(model.segments));
  return next === model.segments ? model : { ...model, segments: next };
}

/** Replaces or adds one segment, newest writes first. */
export function upsertSegment(segments: readonly SegmentView[], segment: SegmentView): SegmentView[] {
  const at = segments.findIndex((s) => s.id === segment.id);
  if (at < 0) return [segment, ...segments];
  const out = [...segments];
  out[at] = segment;
  return out;
}

/** The pure reducer: the same model object back when the event changes nothing. */
export function reduceDesktop(model: DesktopModel, event: DesktopEvent): DesktopModel {
  switch (event.type) {
    case 'accountChanged':
      return derive(model, { account: event.account });
    case 'sessionsChanged':
      return derive(model, { sessions: event.sessions });
    case 'tenantsLoaded':
      // Only for the desktop session that is still there.
      return model.desktop?.id === event.tenants.sessionId ? derive(model, { tenants: event.tenants }) : model;
    case 'shortcutsChanged':
      return derive(model, { shortcuts: event.shortcuts });
    case 'bridgeChanged': {
      const bridge = keep(model.state.bridge, event.bridge);
      return bridge === model.state.bridge ? model : { ...model, state: { ...model.state, bridge } };
    }
    case 'modeChanged':
      return event.mode === model.state.operationMode ? model : { ...model, state: { ...model.state, operationMode: event.mode }, settings: { ...model.settings, operationMode: event.mode } };
    case 'settingsChanged': {
      // Preferences change with every recent tenant too: only a change of a setting makes a new part.
      const settings = keep(model.settings, { ...event.settings, operationMode: model.state.operationMode, toolsets: model.settings.toolsets });
      return settings === model.settings ? model : { ...model, settings };
    }
    case 'toolsetsChanged': {
      const settings = keep(model.settings, { ...model.settings, toolsets: [...event.toolsets] });
      return settings === model.settings ? model : { ...model, settings };
    }
    case 'segmentsReloading':
      return withSegments(model, event.tenantId, (s) => ({ ...s, status: 'loading', error: null, criteriaStatus: 'loading', criteriaError: null }));
    case 'segmentsLoaded':
      return withSegments(model, event.tenantId, (s) => ({ ...s, status: 'ready', segments: [...event.segments], more: event.more, error: null }));
    case 'segmentsFailed':
      return withSegments(model, event.tenantId, (s) => ({ ...s, status: 'failed', error: event.error }));
    case 'criteriaLoaded':
      return withSegments(model, event.tenantId, (s) => ({ ...s, criteriaStatus: 'ready', criteria: [...event.criteria], criteriaError: null }));
    case 'criteriaFailed':
      return withSegments(model, event.tenantId, (s) => ({ ...s, criteriaStatus: 'failed', criteriaError: event.error }));
    case 'segmentWritten':
      return withSegments(model, event.tenantId, (s) => ({ ...s, segments: upsertSegment(s.segments, event.segment) }));
    default:
      return missingCaseError(event);
  }
}
