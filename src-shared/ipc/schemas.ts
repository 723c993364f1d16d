/**
 * Payload schemas of the IPC contract: what the window (or a browser, through `serve`) sees of main.
 * Plain data only. No schema here has a field for an access or refresh token: responses are parsed
 * with these schemas before they leave main, and zod drops unknown keys, so a token can never ride along.
 */
import { z } from 'zod';
import { MembershipStatusSchema, RoleSchema, SegmentCreateSchema, SegmentDefinitionInputSchema, SegmentDefinitionSchema, SegmentIdSchema, SegmentUpdateSchema, TenantIdSchema } from '../api';
import { AppErrorDataSchema, ErrorCodeSchema } from '../errors';
import { LanguageSettingSchema } from '../i18n/languages';
import { AuditEntrySchema, OperationModeSchema, SessionSnapshotSchema } from '../session';
import { toolAccesses } from '../tool-access';
import { toolDomains } from '../tool-domains';
import { TenantColumnsSchema } from './tenant-columns';

/** An http(s) URL (API base URLs). */
export const HttpUrlSchema = z
  .string()
  .max(2048)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), { message: 'must be an http or https URL' });

/** The embedded demo API's users. */
export const DemoUserSchema = z.enum(['superadmin', 'owner', 'admin', 'staff', 'solo']);
/** A demo user. */
export type DemoUser = z.infer<typeof DemoUserSchema>;

/** Who is signed in, as the window may see it (role null: the token carries none). */
export const AccountUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema.nullable(),
});
/** The signed-in user. */
export type AccountUser = z.infer<typeof AccountUserSchema>;

/**
 * Account state: never a token, only what the sign-in screen and header need. `state` is the account
 * machine's state as main holds it (src-shared/account-machine.ts): `choosingTenant` shows the
 * org-picker (choosing is a `tenants.switch`, to the current tenant too; single-tenant users never see it).
 */
export const AccountStatusSchema = z.object({
  state: z.enum(['signedOut', 'signingIn', 'choosingTenant', 'active']),
  user: AccountUserSchema.nullable(),
  apiUrl: z.string().nullable(),
  dataApiUrl: z.string().nullable(),
  /** Signed in to the embedded demo API. */
  demo: z.boolean(),
  /** The sign-in is saved in the OS keychain and survives a restart. */
  remembered: z.boolean(),
  keychain: z.enum(['available', 'unavailable', 'unknown']),
  /** A plain sentence for the user, e.g. why the sign-in will not be remembered. */
  notice: z.string().nullable(),
  /** The last sign-in or restore failure. */
  error: AppErrorDataSchema.nullable(),
});
/** Account state. */
export type AccountStatus = z.infer<typeof AccountStatusSchema>;

/** How to sign in: the embedded demo server, URL + email/password, or a pasted token. */
export const SignInRequestSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('demo'), user: DemoUserSchema.default('owner') }),
  z.object({
    method: z.literal('password'),
    apiUrl: HttpUrlSchema,
    dataApiUrl: HttpUrlSchema.optional(),
    email: z.string().email().max(320),
    password: z.string().min(1).max(1024),
  }),
  z.object({
    method: z.literal('token'),
    apiUrl: HttpUrlSchema,
    dataApiUrl: HttpUrlSchema.optional(),
    accessToken: z.string().min(1).max(8192),
    refreshToken: z.string().min(1).max(8192).optional(),
  }),
]);
/** A sign-in request. */
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

/** A tenant named by id and name (recent, pinned, tray). */
export const TenantRefSchema = z.object({ id: TenantIdSchema, name: z.string() });
/** A tenant reference. */
export type TenantRef = z.infer<typeof TenantRefSchema>;

/**
 * A tenant as the window sees it: what the API said, nothing made up. `level` is null when the answer
 * did not tell; `status` absent means active, `role` absent means the token's role.
 */
export const TenantViewSchema = z.object({
  id: TenantIdSchema,
  name: z.string(),
  parentId: TenantIdSchema.nullable(),
  level: z.number().int().min(0).nullable(),
  slug: z.string().optional(),
  domain: z.string().optional(),
  status: MembershipStatusSchema.optional(),
  role: RoleSchema.optional(),
  statusReason: z.string().optional(),
});
/** A tenant as the window sees it. */
export type TenantView = z.infer<typeof TenantViewSchema>;

/**
 * The tenant the desktop is in. `name` is null until the tenant list has loaded (show the id); `role`
 * is the role there (the tenant's, else the token's; null when neither says); `status` only when the
 * API gave one. Nothing here is made up.
 */
export const ActiveTenantSchema = z.object({
  id: TenantIdSchema,
  name: z.string().nullable(),
  slug: z.string().optional(),
  role: RoleSchema.nullable(),
  status: MembershipStatusSchema.optional(),
});
/** The desktop's active tenant. */
export type ActiveTenant = z.infer<typeof ActiveTenantSchema>;

/** The desktop session (window + tray) as data. */
export const DesktopSessionStateSchema = z.object({
  sessionId: z.string().nullable(),
  activeTenant: ActiveTenantSchema.nullable(),
  homeTenantId: TenantIdSchema.nullable(),
  role: RoleSchema.nullable(),
  /**
   * The last failed switch or reset of the desktop session (cleared by the next success). A switch in
   * flight is the desktop session's `switchingTo` in the sessions list, so a switch publishes this
   * state once, with its result.
   */
  lastSwitchError: AppErrorDataSchema.nullable(),
  /** Where that failed switch or reset went. */
  lastSwitchTarget: TenantIdSchema.nullable(),
});
/** The desktop session state. */
export type DesktopSessionState = z.infer<typeof DesktopSessionStateSchema>;

/** Recent and pinned tenants (most recent first). */
export const TenantShortcutsSchema = z.object({
  recent: z.array(TenantRefSchema),
  pinned: z.array(TenantRefSchema),
});
/** Recent and pinned tenants. */
export type TenantShortcuts = z.infer<typeof TenantShortcutsSchema>;

/** `mcp.httpStatus` answer: the endpoint's state and URL, and whether a bridge token exists (never the token). */
export const McpHttpStatusSchema = z.object({
  state: z.enum(['off', 'listening', 'error']),
  url: z.string().nullable(),
  tokenPresent: z.boolean(),
  tokenStorage: z.enum(['keychain', 'memory']),
  error: z.string().nullable(),
});
/** MCP HTTP endpoint status. */
export type McpHttpStatus = z.infer<typeof McpHttpStatusSchema>;

/** The MCP socket bridge. */
export const BridgeStatusSchema = z.object({
  state: z.enum(['starting', 'listening', 'stopped', 'error']),
  socketPath: z.string().nullable(),
  /** Connected MCP sessions (the desktop session is not counted). */
  sessionCount: z.number().int().min(0),
  error: z.string().nullable(),
  /** The loopback HTTP endpoint (absent where the app has none), pushed with the bridge so the panel follows it. */
  http: McpHttpStatusSchema.optional(),
});
/** Bridge status. */
export type BridgeStatus = z.infer<typeof BridgeStatusSchema>;

/**
 * Everything the header, tray and panels show, in one snapshot. `version` increases by one with every
 * change; the renderer ignores a snapshot whose version is not newer than the one it has.
 */
export const AppStateSchema = z.object({
  version: z.number().int().min(0),
  account: AccountStatusSchema,
  desktop: DesktopSessionStateSchema,
  tenants: TenantShortcutsSchema.extend({
    /** Accessible tenants; 1 means single-tenant mode (no picker). */
    count: z.number().int().min(0),
  }),
  bridge: BridgeStatusSchema,
  operationMode: OperationModeSchema,
});
/** The app state snapshot. */
export type AppState = z.infer<typeof AppStateSchema>;

/** `tenants.list` answer: the accessible tenants as columns (tenant-columns.ts), and where the desktop is. */
export const TenantListSchema = z.object({
  tenants: TenantColumnsSchema,
  role: RoleSchema.nullable(),
  homeTenantId: TenantIdSchema.nullable(),
  activeTenantId: TenantIdSchema.nullable(),
  recent: z.array(TenantRefSchema),
  pinned: z.array(TenantRefSchema),
});
/** Tenant list. */
export type TenantList = z.infer<typeof TenantListSchema>;

/** `tenants.cancelSwitch` answer: false when no switch was in flight (it had just finished). */
export const CancelSwitchResultSchema = z.object({ cancelled: z.boolean() });
/** A cancel's answer. */
export type CancelSwitchResult = z.infer<typeof CancelSwitchResultSchema>;

/** A switch, reset or move outcome. */
export const SwitchResultSchema = z.object({
  activeTenantId: TenantIdSchema,
  homeTenantId: TenantIdSchema.nullable(),
  previousTenantId: TenantIdSchema.nullable(),
});
/** Switch outcome. */
export type SwitchResult = z.infer<typeof SwitchResultSchema>;

/** A tenant id argument. */
export const TenantIdRequestSchema = z.object({ tenantId: TenantIdSchema });

/**
 * Optional guard on tenant-scoped requests: when set and the desktop is in another tenant (a switch
 * from the tray happened while a form was open), the request fails with `tenant_mismatch`.
 */
const expectedTenant = { expectedTenantId: TenantIdSchema.optional() };

/** `segments.list` request. */
export const SegmentListRequestSchema = z.object({
  search: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).optional(),
  cursor: z.string().max(512).optional(),
  ...expectedTenant,
});
/**
 * A segment as the window sees it: the record's known fields (the definition with every key it came
 * with) and its `revision`, which an edit sends back so a change made meanwhile is caught.
 */
export const SegmentViewSchema = z.object({
  id: SegmentIdSchema,
  name: z.string(),
  description: z.string().nullish(),
  /** Null when the API sent none, or one in a shape the app cannot read (shown, not editable). */
  definition: SegmentDefinitionSchema.nullable(),
  estimatedCount: z.number().nullish(),
  status: z.string().nullish(),
  createdAt: z.string().nullish(),
  modifiedAt: z.string().nullish(),
  lastExecutedAt: z.string().nullish(),
  tenantId: z.string().nullish(),
  revision: z.string(),
});
/** A segment as the window sees it. */
export type SegmentView = z.infer<typeof SegmentViewSchema>;

/** `segments.list` answer. */
export const SegmentListSchema = z.object({
  segments: z.array(SegmentViewSchema),
  nextCursor: z.string().nullable(),
  tenantId: TenantIdSchema,
});
/** Segment list. */
export type SegmentList = z.infer<typeof SegmentListSchema>;

/** `segments.get` request. */
export const SegmentGetRequestSchema = z.object({ segmentId: SegmentIdSchema, ...expectedTenant });
/** `segments.create` request. */
export const SegmentCreateRequestSchema = SegmentCreateSchema.extend(expectedTenant);
/** `segments.update` request: the window always edits from a known `baseRevision` (changed since → `conflict`). */
export const SegmentUpdateRequestSchema = SegmentUpdateSchema.extend({
  segmentId: SegmentIdSchema,
  baseRevision: z.string().min(1).max(512),
  ...expectedTenant,
});
/** One segment and the tenant it was answered in. */
export const ScopedSegmentSchema = z.object({ segment: SegmentViewSchema, tenantId: TenantIdSchema });
/** A scoped segment. */
export type ScopedSegment = z.infer<typeof ScopedSegmentSchema>;

/** `segments.preview` request. */
export const SegmentPreviewRequestSchema = z.object({ definition: SegmentDefinitionInputSchema, ...expectedTenant });
/** A sample fan of a preview, as the window shows it. */
export const SampleFanViewSchema = z.object({ fan_id: z.string().optional(), first_name: z.string().optional(), last_name: z.string().optional(), email: z.string().optional() });
/** A sample fan as the window shows it. */
export type SampleFanView = z.infer<typeof SampleFanViewSchema>;
/** `segments.preview` answer. */
export const SegmentPreviewSchema = z.object({ estimated_fan_count: z.number().int().min(0), sample_fans: z.array(SampleFanViewSchema), tenantId: TenantIdSchema });
/** Preview answer. */
export type SegmentPreview = z.infer<typeof SegmentPreviewSchema>;

/** `segments.criteria` request. */
export const CriteriaRequestSchema = z.object({ ...expectedTenant });
/** A segmentation criterion as the window sees it (as the criteria endpoint listed it). */
export const CriterionViewSchema = z.object({
  id: z.string(),
  type: z.string().nullable(),
  label: z.string(),
  operators: z.array(z.string()),
  valueType: z.string().nullable(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
/** A criterion as the window sees it. */
export type CriterionView = z.infer<typeof CriterionViewSchema>;
/** `segments.criteria` answer. */
export const CriteriaListSchema = z.object({ criteria: z.array(CriterionViewSchema), tenantId: TenantIdSchema });
/** Criteria answer. */
export type CriteriaList = z.infer<typeof CriteriaListSchema>;

/**
 * The desktop tenant's segments and segmentation criteria, loaded and kept by main (the first page, up to
 * `desktopSegmentsPageSize`) and pushed as `segments.onDidChange`: after a desktop switch, and whenever
 * any session (an AI conversation too) writes a segment in that tenant. Versioned like the app state.
 */
export const DesktopSegmentsSchema = z.object({
  version: z.number().int().min(0),
  /** The tenant everything below belongs to (the desktop's active tenant). */
  tenantId: TenantIdSchema.nullable(),
  status: z.enum(['idle', 'loading', 'ready', 'failed']),
  segments: z.array(SegmentViewSchema),
  /** The tenant has more segments than the page shows. */
  more: z.boolean(),
  error: AppErrorDataSchema.nullable(),
  criteriaStatus: z.enum(['idle', 'loading', 'ready', 'failed']),
  criteria: z.array(CriterionViewSchema),
  criteriaError: AppErrorDataSchema.nullable(),
});
/** The desktop tenant's segments. */
export type DesktopSegments = z.infer<typeof DesktopSegmentsSchema>;

/** `segments.current` request: `reload` loads the list and criteria again first (a Retry). */
export const DesktopSegmentsRequestSchema = z.object({ reload: z.boolean().optional() });

/** Every session (desktop and MCP), with a version that increases with each change. */
export const SessionListSchema = z.object({
  version: z.number().int().min(0),
  sessions: z.array(SessionSnapshotSchema),
});
/** Session list. */
export type SessionList = z.infer<typeof SessionListSchema>;

/** `mcp.moveSession` request: the desktop moves one MCP session to a tenant. */
export const MoveSessionRequestSchema = z.object({ sessionId: z.string().min(1).max(128), tenantId: TenantIdSchema });

/** `mcp.audit` query: newest first; page with `beforeSeq`. */
export const AuditQuerySchema = z.object({
  sessionId: z.string().max(128).optional(),
  tenantId: TenantIdSchema.optional(),
  kind: AuditEntrySchema.shape.kind.optional(),
  /** Calls of one domain's tools. */
  domain: z.enum(toolDomains).optional(),
  /** `ok`, `error` (any failure) or one error code. */
  result: z.union([z.literal('ok'), z.literal('error'), ErrorCodeSchema]).optional(),
  /** Substring of the tool or action name (case and accents aside). */
  name: z.string().max(100).optional(),
  /** Tool names that match `name` too: the window's own words for them hold it (its language's titles). */
  nameIn: z.array(z.string().max(100)).max(200).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  beforeSeq: z.number().int().optional(),
});
/** Audit query. */
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** `mcp.audit` answer. */
export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  /** Pass as `beforeSeq` for older entries; null at the end. */
  nextBeforeSeq: z.number().int().nullable(),
});
/** A page of the audit log. */
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** The operation mode as a request or answer. */
export const OperationModeValueSchema = z.object({ mode: OperationModeSchema });

/**
 * MCP clients the app can configure: Claude Desktop, Claude Code, Cursor, VS Code, Windsurf, Zed, Codex CLI,
 * Gemini CLI, GitHub Copilot CLI, Qwen Code, opencode (each one's file and entry: docs/ai-clients.md).
 */
export const McpClientSchema = z.enum(['claude', 'claude-code', 'cursor', 'vscode', 'windsurf', 'zed', 'codex', 'gemini', 'copilot', 'qwen', 'opencode']);
/** An MCP client. */
export type McpClient = z.infer<typeof McpClientSchema>;

/** Names the MCP client to configure. */
export const ClientRequestSchema = z.object({
  client: McpClientSchema,
  /** `socket` (default): `mcp --attach` through the app; `http`: the app's loopback HTTP endpoint (it must be on). */
  transport: z.enum(['socket', 'http']).default('socket'),
});

/** One configurable client as the panel lists it. */
export const McpClientInfoSchema = z.object({
  client: McpClientSchema,
  /** Its display name ("Claude Desktop"). */
  label: z.string(),
  /** Its user-level config file on this machine. */
  path: z.string(),
  /** The file's format: comments are normal in JSONC; Codex uses TOML. */
  format: z.enum(['json', 'jsonc', 'toml']),
  /** Whether the client looks installed here (it created its folder); the panel shows "not installed" otherwise. */
  installed: z.boolean(),
  /** Whether its config already holds exactly our entry. */
  configured: z.boolean(),
});
/** One configurable client. */
export type McpClientInfo = z.infer<typeof McpClientInfoSchema>;

/** `mcp.installExtension` answer: where the MCP Bundle was written, and whether the OS opened it (Claude Desktop then asks to install it). */
export const ExtensionInstallSchema = z.object({
  path: z.string(),
  opened: z.boolean(),
  /** Why it could not be opened (the person opens `path` with Claude Desktop instead); null when it opened. */
  reason: z.string().nullable(),
});
/** The outcome of "Install the extension". */
export type ExtensionInstall = z.infer<typeof ExtensionInstallSchema>;

/** `mcp.clients` answer. */
export const McpClientListSchema = z.object({ clients: z.array(McpClientInfoSchema) });
/** The configurable clients. */
export type McpClientList = z.infer<typeof McpClientListSchema>;

/** `mcp.clientConfigPreview` answer: the exact change before it is written. */
export const ClientConfigPreviewSchema = z.object({
  client: McpClientSchema,
  path: z.string(),
  /** Whether the client looks installed here. */
  installed: z.boolean().optional(),
  /** The change as a bounded line diff (`-`/`+`), ready to show; empty when nothing changes. */
  diff: z.string().optional(),
  exists: z.boolean(),
  /** The file's text today (null when it does not exist). */
  current: z.string().nullable(),
  /** The file's text after the change. */
  proposed: z.string(),
  /** False when the file already holds exactly this entry. */
  changed: z.boolean(),
});
/** A client-config preview. */
export type ClientConfigPreview = z.infer<typeof ClientConfigPreviewSchema>;

/** `mcp.clientConfigWrite` answer. */
export const ClientConfigWriteSchema = z.object({
  client: McpClientSchema,
  path: z.string(),
  written: z.boolean(),
  /** Where the previous file was copied to, when there was one. */
  backupPath: z.string().nullable(),
});
/** A client-config write result. */
export type ClientConfigWrite = z.infer<typeof ClientConfigWriteSchema>;

/** Upload folders a person can name in the app. */
export const maxUploadFolders = 20;

/** App settings. URLs are the defaults for the next URL + password sign-in. */
/** The window's colour theme: `system` follows the OS (the default). */
export const ThemeSchema = z.enum(['system', 'light', 'dark']);
/** A colour theme. */
export type Theme = z.infer<typeof ThemeSchema>;

export const SettingsSchema = z.object({
  /**
   * Increases by one with every change (the desktop store's settings part); the window ignores settings
   * whose version is not newer than the ones it has. Absent from an older main: always applied.
   */
  version: z.number().int().min(0).optional(),
  apiUrl: z.string().nullable(),
  dataApiUrl: z.string().nullable(),
  /** Kept in preferences.json; absent from an older main means `system`. */
  theme: ThemeSchema.optional(),
  /** The window's, tray's and menus' language (docs/i18n.md); absent from an older main means `system`. */
  language: LanguageSettingSchema.optional(),
  operationMode: OperationModeSchema,
  /** Folders the person named in the app for AI uploads of local files (`nevent_upload_image`). */
  uploadFolders: z.array(z.string()).optional(),
  /** Folders named in the environment (`NEVENT_UPLOAD_DIRS`): shown, not changeable from the window. */
  environmentUploadFolders: z.array(z.string()).optional(),
});
/** App settings. */
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * `settings.update` request: only the given fields change; null clears a URL. The mode has its own
 * channel (`mcp.setMode`), so a request naming it (or anything else) is refused rather than half applied.
 */
export const SettingsUpdateSchema = z.strictObject({
  apiUrl: HttpUrlSchema.nullable().optional(),
  dataApiUrl: HttpUrlSchema.nullable().optional(),
  theme: ThemeSchema.optional(),
  language: LanguageSettingSchema.optional(),
  /** The whole list of upload folders (absolute paths of existing folders; main checks them). */
  uploadFolders: z.array(z.string().min(1).max(1024)).max(maxUploadFolders).optional(),
});
/** A settings change. */
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;

/** `app.info` answer. */
export const AppInfoSchema = z.object({
  version: z.string(),
  /** `electron` for the desktop window, `serve` for the browser UI. */
  shell: z.enum(['electron', 'serve']),
  platform: z.string(),
  demoUsers: z.array(DemoUserSchema),
  /**
   * The OS's preferred languages, most preferred first: the desktop window speaks these when the
   * Language setting is `system`. Absent in `serve`, whose page follows the browser's languages.
   */
  systemLanguages: z.array(z.string().max(64)).max(32).optional(),
});
/** App info. */
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** A notification for the window (the Electron shell also shows OS notifications). */
export const AppNotificationSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'success', 'warning', 'error']),
  /** What happened, as a catalog name (`switched`, `switchCancelled`, `signedOut`): the window and the OS notification word it in their language. */
  code: z.string().optional(),
  /** The values its words name (a tenant's name, a role). */
  params: z.record(z.string(), z.string()).optional(),
  /** The same in English (logs, a window that does not know the code). */
  title: z.string(),
  body: z.string(),
  at: z.string(),
});
/** A notification. */
export type AppNotification = z.infer<typeof AppNotificationSchema>;

/** Main asks the window to open the quick-switch palette (global shortcut or tray). */
export const QuickSwitchRequestSchema = z.object({ source: z.enum(['shortcut', 'tray']) });
/** Quick-switch request. */
export type QuickSwitchRequest = z.infer<typeof QuickSwitchRequestSchema>;

/** A request that takes no input. */
export const NoInputSchema = z.undefined();

// ── MCP over loopback HTTP ─────────────────────────────────────────────────────────────
/** `mcp.httpEnable` request: start (true) or stop (false) the endpoint. */
export const McpHttpEnableRequestSchema = z.object({ enabled: z.boolean() });
/**
 * `mcp.httpCreateToken` answer: the new bridge token, shown to the person this once (it is ours, never a
 * Nevent token; the keychain keeps it), and the endpoint URL when it is listening.
 */
export const McpHttpTokenSchema = z.object({ token: z.string().regex(/^ncb_[A-Za-z0-9_-]{43}$/), url: z.string().nullable() });

/** One MCP tool as the desktop lists it: its domain, class, and whether the mode allows it now. */
export const McpToolInfoSchema = z.object({
  name: z.string(),
  title: z.string(),
  domain: z.enum(toolDomains),
  access: z.enum(toolAccesses),
  allowed: z.boolean(),
});
/** A tool of the bridge. */
export type McpToolInfo = z.infer<typeof McpToolInfoSchema>;

/** `mcp.tools` answer: every tool, in `tools/list` order, and the mode `allowed` was computed for. */
export const McpToolListSchema = z.object({ tools: z.array(McpToolInfoSchema), mode: OperationModeSchema });
/** The bridge's tools. */
export type McpToolList = z.infer<typeof McpToolListSchema>;
