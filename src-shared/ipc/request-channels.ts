/**
 * The request/response half of the IPC contract: one entry per channel, named `namespace.method`
 * exactly as the renderer calls it on `window.nevent`. Main validates every request with `request`
 * and parses every answer with `response` before it leaves (which also strips anything not declared).
 *
 *   renderer ── window.nevent.tenants.switch({tenantId}) ──> ipc "nevent:tenants.switch"  (Electron)
 *                                                      └──> POST /api/tenants.switch         (serve)
 *   main: sender check → zod(request) → desktop service → zod(response) → {ok, value} | {ok:false, error}
 */
import type { z } from 'zod';
import { AccountStatusSchema, CancelSwitchResultSchema, AppInfoSchema, AppStateSchema, AuditPageSchema, AuditQuerySchema, ClientConfigPreviewSchema, ClientConfigWriteSchema, CriteriaListSchema, ExtensionInstallSchema, McpClientListSchema, McpToolListSchema, ClientRequestSchema, CriteriaRequestSchema, DesktopSegmentsRequestSchema, DesktopSegmentsSchema, McpHttpEnableRequestSchema, McpHttpStatusSchema, McpHttpTokenSchema, MoveSessionRequestSchema, NoInputSchema, OperationModeValueSchema, ScopedSegmentSchema, SegmentCreateRequestSchema, SegmentGetRequestSchema, SegmentListRequestSchema, SegmentListSchema, SegmentPreviewRequestSchema, SegmentPreviewSchema, SegmentUpdateRequestSchema, SessionListSchema, SettingsSchema, SettingsUpdateSchema, SignInRequestSchema, SwitchResultSchema, TenantIdRequestSchema, TenantListSchema, TenantShortcutsSchema } from './schemas';

/** One request channel: the schema of its input and of its answer. */
export interface RequestSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

function spec<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): RequestSpec<Req, Res> {
  return { request, response };
}

/** Every request channel. */
export const requestChannels = {
  'app.info': spec(NoInputSchema, AppInfoSchema),

  /** The whole state snapshot (the renderer's first read and a reconnect; later changes come as `session.onDidChange`). */
  'session.get': spec(NoInputSchema, AppStateSchema),

  'account.signIn': spec(SignInRequestSchema, AccountStatusSchema),
  'account.signOut': spec(NoInputSchema, AccountStatusSchema),

  'tenants.list': spec(NoInputSchema, TenantListSchema),
  'tenants.switch': spec(TenantIdRequestSchema, SwitchResultSchema),
  'tenants.reset': spec(NoInputSchema, SwitchResultSchema),
  /** Stops waiting for the desktop's switch in flight (it fails with `cancelled`; the tenant stays). */
  'tenants.cancelSwitch': spec(NoInputSchema, CancelSwitchResultSchema),
  'tenants.pin': spec(TenantIdRequestSchema, TenantShortcutsSchema),
  'tenants.unpin': spec(TenantIdRequestSchema, TenantShortcutsSchema),

  'segments.list': spec(SegmentListRequestSchema.default({}), SegmentListSchema),
  'segments.get': spec(SegmentGetRequestSchema, ScopedSegmentSchema),
  'segments.create': spec(SegmentCreateRequestSchema, ScopedSegmentSchema),
  'segments.update': spec(SegmentUpdateRequestSchema, ScopedSegmentSchema),
  'segments.preview': spec(SegmentPreviewRequestSchema, SegmentPreviewSchema),
  'segments.criteria': spec(CriteriaRequestSchema.default({}), CriteriaListSchema),
  /** The desktop tenant's segments as main holds them (start-up, reconnect, Retry); later changes are pushed. */
  'segments.current': spec(DesktopSegmentsRequestSchema.default({}), DesktopSegmentsSchema),

  'mcp.sessions': spec(NoInputSchema, SessionListSchema),
  'mcp.moveSession': spec(MoveSessionRequestSchema, SwitchResultSchema),
  'mcp.audit': spec(AuditQuerySchema.default({}), AuditPageSchema),
  /** The one way to change the operation mode: it applies at once to every connected MCP session. */
  'mcp.setMode': spec(OperationModeValueSchema, OperationModeValueSchema),
  /** The clients the panel can configure, with whether each is installed and already configured. */
  'mcp.clients': spec(NoInputSchema, McpClientListSchema),
  /** The bridge's tools by domain, with their class and whether the current mode allows them. */
  'mcp.tools': spec(NoInputSchema, McpToolListSchema),
  'mcp.clientConfigPreview': spec(ClientRequestSchema, ClientConfigPreviewSchema),
  'mcp.clientConfigWrite': spec(ClientRequestSchema, ClientConfigWriteSchema),
  /** Writes the MCP Bundle for Claude Desktop and opens it with the OS (Claude Desktop offers to install it). */
  'mcp.installExtension': spec(NoInputSchema, ExtensionInstallSchema),
  /** The loopback HTTP endpoint (off by default): status and URL, on/off, the bridge token. */
  'mcp.httpStatus': spec(NoInputSchema, McpHttpStatusSchema),
  'mcp.httpEnable': spec(McpHttpEnableRequestSchema, McpHttpStatusSchema),
  'mcp.httpCreateToken': spec(NoInputSchema, McpHttpTokenSchema),
  'mcp.httpRevokeToken': spec(NoInputSchema, McpHttpStatusSchema),

  'settings.get': spec(NoInputSchema, SettingsSchema),
  'settings.update': spec(SettingsUpdateSchema, SettingsSchema),
} as const;

/** The request channel map's type. */
export type RequestChannels = typeof requestChannels;
/** A request channel name, e.g. `tenants.switch`. */
export type RequestChannel = keyof RequestChannels;
/** What the caller passes on a channel (before defaults are applied). */
export type RequestInput<C extends RequestChannel> = z.input<RequestChannels[C]['request']>;
/** What a handler receives on a channel (after validation and defaults). */
export type RequestOf<C extends RequestChannel> = z.output<RequestChannels[C]['request']>;
/** What a channel answers. */
export type ResponseOf<C extends RequestChannel> = z.output<RequestChannels[C]['response']>;

/** Every request channel name, for registration loops and tests. */
export const requestChannelNames = Object.keys(requestChannels) as RequestChannel[];

/** True when `name` is a request channel. */
export function isRequestChannel(name: string): name is RequestChannel {
  return Object.prototype.hasOwnProperty.call(requestChannels, name);
}
