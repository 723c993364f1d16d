/**
 * The event half of the IPC contract: main → renderer pushes, named `namespace.onDidX` exactly as the
 * renderer subscribes on `window.nevent`. Each `on…` returns its unsubscribe function.
 *
 * Ordering: `session.onDidChange`, `mcp.onDidChangeSessions` and `segments.onDidChange` carry a `version` that increases by one
 * per change; a receiver drops any payload whose version is not newer than the last one it applied.
 * Audit entries carry their increasing `seq`.
 */
import type { z } from 'zod';
import { AuditEntrySchema } from '../session';
import { AppNotificationSchema, AppStateSchema, DesktopSegmentsSchema, QuickSwitchRequestSchema, SessionListSchema, SettingsSchema } from './schemas';

/** Every event channel and the schema of its payload. */
export const eventChannels = {
  /** The full app state, after every change (versioned). */
  'session.onDidChange': AppStateSchema,
  /** Every session (desktop + MCP) after a connect, disconnect, switch or move (versioned). */
  'mcp.onDidChangeSessions': SessionListSchema,
  /** The desktop tenant's segments and criteria, after a switch, a load or a write by any session (versioned). */
  'segments.onDidChange': DesktopSegmentsSchema,
  /** One new audit-log entry. */
  'mcp.onDidAppendAudit': AuditEntrySchema,
  /** A notification for the window (a switch happened, a sign-in expired, …). */
  'notifications.onDidNotify': AppNotificationSchema,
  /** The settings after a change (the window's, another window's, or a hand edit of preferences.json). */
  'settings.onDidChange': SettingsSchema,
  /** The global shortcut or the tray asked for the quick-switch palette. */
  'ui.onDidRequestQuickSwitch': QuickSwitchRequestSchema,
} as const;

/** The event channel map's type. */
export type EventChannels = typeof eventChannels;
/** An event channel name. */
export type EventChannel = keyof EventChannels;
/** An event's payload. */
export type EventOf<C extends EventChannel> = z.output<EventChannels[C]>;

/** Every event channel name. */
export const eventChannelNames = Object.keys(eventChannels) as EventChannel[];
