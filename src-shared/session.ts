/**
 * What the outside world (IPC, `serve`, the MCP panel) sees of a tenant session: plain data only.
 * Tokens never appear here.
 */
import { z } from 'zod';
import { AppErrorDataSchema, ErrorCodeSchema } from './errors';
import { RoleSchema, TenantIdSchema } from './api/common';
import { toolDomains } from './tool-domains';

/** The desktop (window + tray) is one session; every MCP connection is its own. */
export const SessionKindSchema = z.enum(['desktop', 'mcp']);
/** Session kind. */
export type SessionKind = z.infer<typeof SessionKindSchema>;

/** MCP operation modes. */
export const OperationModeSchema = z.enum(['READ_ONLY', 'STANDARD', 'FULL']);
/** An operation mode. */
export type OperationMode = z.infer<typeof OperationModeSchema>;

/** The default operation mode: connecting an assistant never lets it change data by surprise. */
export const defaultOperationMode: OperationMode = 'READ_ONLY';

/**
 * The one parser of an operation mode, for flags, `NEVENT_OPERATION_MODE` and the settings file:
 * case-insensitive, `-` or `_`. Empty or absent is the default; anything else that is not a mode is null,
 * so the caller says so instead of guessing.
 */
export function parseOperationMode(value: unknown): OperationMode | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return defaultOperationMode;
  if (typeof value !== 'string') return null;
  const parsed = OperationModeSchema.safeParse(value.trim().toUpperCase().replace(/-/g, '_'));
  return parsed.success ? parsed.data : null;
}

/** A session as plain data. */
export const SessionSnapshotSchema = z.object({
  id: z.string(),
  kind: SessionKindSchema,
  /** MCP client name/version from `initialize`, when known. */
  clientName: z.string().nullable(),
  clientVersion: z.string().nullable(),
  activeTenantId: TenantIdSchema.nullable(),
  homeTenantId: TenantIdSchema.nullable(),
  role: RoleSchema.nullable(),
  /** The tenant a switch or reset in flight goes to; null when none is. */
  switchingTo: TenantIdSchema.nullable(),
  /** Why the last switch or reset failed (nothing changed), until the next one succeeds. */
  lastSwitchError: AppErrorDataSchema.nullable(),
  /** Where that failed switch or reset went (with `lastSwitchError`). */
  lastSwitchTarget: TenantIdSchema.nullable(),
  createdAt: z.string(),
  lastToolCall: z.string().nullable(),
  callCount: z.number().int().min(0),
});
/** A session as plain data. */
export type SessionSnapshot = z.infer<typeof SessionSnapshotSchema>;

/**
 * What an argument's value was, when the log shows its shape rather than the value itself: the window
 * words it in its language (the English `value` stays for logs and older windows).
 */
export const AuditArgShapeSchema = z.discriminatedUnion('kind', [
  /** A credential: never shown. */
  z.object({ kind: z.literal('hidden') }),
  /** Free text, shown by its length only. */
  z.object({ kind: z.literal('text'), length: z.number().int().min(0) }),
  /** A list of objects (or of free text), by its size. */
  z.object({ kind: z.literal('items'), count: z.number().int().min(0) }),
  /** An object, by its number of fields. */
  z.object({ kind: z.literal('fields'), count: z.number().int().min(0) }),
  /** A segment definition: every fan (no groups), or its groups and conditions. */
  z.object({ kind: z.literal('definition'), groups: z.number().int().min(0), conditions: z.number().int().min(0) }),
  /** A long list of values: the first ones, then how many more. */
  z.object({ kind: z.literal('more'), listed: z.string(), more: z.number().int().min(1) }),
]);
/** The shape of an audited value. */
export type AuditArgShape = z.infer<typeof AuditArgShapeSchema>;

/** One argument of an audited call, as the log may show it (secrets and free text never; see src-main/mcp/audit-args.ts). */
export const AuditArgSchema = z.object({ key: z.string(), value: z.string(), shape: AuditArgShapeSchema.optional() });
/** One argument of an audited call. */
export type AuditArg = z.infer<typeof AuditArgSchema>;

/** One audit-log entry: one per call (a switch is one entry of kind `switch`). */
export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  sessionId: z.string(),
  clientName: z.string().nullable(),
  /** MCP client version from `initialize`, when known. */
  clientVersion: z.string().nullable().optional(),
  /**
   * `tool`: a tool call; `switch`/`reset`: a call of the switch or reset tool (whatever its result);
   * `move`: the person moved this session from the sessions panel; `mode`: the person (or an edit of
   * the settings file) changed the operation mode, and `name` reads `FROM → TO`.
   */
  kind: z.enum(['tool', 'switch', 'reset', 'move', 'mode']),
  /** Tool name for `tool`, `switch` and `reset`, else the action. */
  name: z.string(),
  /** The tool's human title ("List segments"), when the entry is a tool call. */
  title: z.string().optional(),
  /** The tool's domain ("audiences"), for a call of a known tool. */
  domain: z.enum(toolDomains).optional(),
  /** The tenant the call ran in (for a switch: the session's tenant once it was over). */
  tenantId: TenantIdSchema.nullable(),
  /** Switch, reset and move: the tenant the session was in before. */
  fromTenantId: TenantIdSchema.nullable().optional(),
  /** Switch, reset and move: the tenant asked for (also when the switch was refused). */
  targetTenantId: TenantIdSchema.nullable().optional(),
  argKeys: z.array(z.string()),
  /** The arguments' shown values: ids, names, numbers, short text (elided); secrets and free text never. */
  args: z.array(AuditArgSchema).optional(),
  /** `ok` or the error code. */
  result: z.union([z.literal('ok'), ErrorCodeSchema]),
  durationMs: z.number().min(0),
});
/** One audit-log entry. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
