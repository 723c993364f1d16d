/**
 * MCP Apps on the bridge (extension `io.modelcontextprotocol/ui`, docs/mcp-apps.md): the `ui://` views,
 * and the links from the tools whose answers they show. Progressive: only a host that declares it renders
 * `text/html;profile=mcp-app` sees a link or a view; every other client gets exactly what it got before.
 *
 *   tools/list ──> host renders MCP Apps? ── no ──> the definitions as they were
 *                                          └─ yes ─> a linked tool's definition + `_meta.ui.resourceUri`
 *   tools/call (linked tool) ──> the answer as it was; for such a host, `_meta` says the operation mode
 *   resources/list ──> the views, to such a host only (a text-only client never sees their HTML offered)
 *   resources/read ui://nevent/<view> ──> the page (self-contained; its CSP allows nothing external)
 *
 * The views act only through tool calls the host forwards to this same server, so the mode, the tenant
 * per call, the audit and the person's confirmation apply to them as to the model; they never see a token.
 *
 * Built on the ext-apps server helpers for what they fit: `getUiCapability` reads the host's capability and
 * `registerAppResource` registers each view with its MIME type. The link itself is written here, per host,
 * in our own `tools/list` (server.ts lists per session and mode): `registerAppTool` would put it on every
 * client's definition, and adds the deprecated flat `ui/resourceUri` key beside it (about 40 more bytes per
 * tool on every turn), which hosts of the stable extension do not read.
 */
import type { CallToolResult, InputRequiredResult, McpServer, ServerContext, Tool } from '@modelcontextprotocol/server';
import { getUiCapability, registerAppResource, RESOURCE_MIME_TYPE, type McpUiReadResourceResult } from '@modelcontextprotocol/ext-apps/server';
import type { McpUiResourceMeta } from '@modelcontextprotocol/ext-apps';
import { appViewOfTool, appViews, operationModeMetaKey, type AppViewSpec } from '../../../src-shared/app-views';
import { requestCapabilities } from '../client-capabilities';
import type { OperationModeSource } from '../operation-mode';
import type { AppViewSource } from './view-html';

/**
 * What every view declares to the host: no origin to connect to, load from or frame (an empty list is
 * the extension's "nothing external"), and a border, as a card in the conversation.
 */
export const viewResourceMeta: { ui: McpUiResourceMeta } = { ui: { csp: { connectDomains: [], resourceDomains: [], frameDomains: [], baseUriDomains: [] }, prefersBorder: true } };

/** The views as mounted on one server. */
export interface MountedAppViews {
  /** `definition` as this request's host should see it: with its view's link when the host renders views. */
  link(definition: Tool, ctx: ServerContext): Tool;
  /** A tool's answer as this request's host gets it: a linked tool's, for a host that renders views, says the mode. */
  annotate(toolName: string, result: CallToolResult | InputRequiredResult, ctx: ServerContext): CallToolResult | InputRequiredResult;
}

/** True when the host behind this request renders MCP Apps views (`io.modelcontextprotocol/ui` with our MIME type). */
export function hostRendersViews(ctx: ServerContext, server: McpServer): boolean {
  const { capabilities } = requestCapabilities(ctx, server.server.getClientCapabilities());
  const ui = getUiCapability(capabilities);
  return Array.isArray(ui?.mimeTypes) && ui.mimeTypes.includes(RESOURCE_MIME_TYPE);
}

/** Registers the views on `server` (when they are built) and says how its definitions and answers link them. */
export function mountAppViews(server: McpServer, options: { source: AppViewSource; mode: OperationModeSource }): MountedAppViews {
  if (!options.source.available()) {
    // Nothing to show: every host gets the text answers, as one without the extension.
    return { link: (definition) => definition, annotate: (_name, result) => result };
  }
  for (const view of appViews) {
    registerAppResource(server, view.name, view.uri, { description: view.description, _meta: viewResourceMeta }, (): McpUiReadResourceResult => ({
      contents: [{ uri: view.uri, mimeType: RESOURCE_MIME_TYPE, text: options.source.html(view.id), _meta: viewResourceMeta }],
    }));
  }
  listViewsToRenderingHosts(server);
  return {
    link: (definition, ctx) => {
      const view = appViewOfTool(definition.name);
      if (view === undefined || !hostRendersViews(ctx, server)) return definition;
      return { ...definition, _meta: { ...definition._meta, ui: { resourceUri: view.uri } } };
    },
    annotate: (toolName, result, ctx) => {
      if (!('content' in result) || appViewOfTool(toolName) === undefined || !hostRendersViews(ctx, server)) return result;
      return { ...result, _meta: { ...result._meta, [operationModeMetaKey]: options.mode.get() } };
    },
  };
}

/**
 * `resources/list` names the views only to a host that renders them (the extension lets a server leave
 * them out): a text-only client that offers resources to attach would otherwise offer a page of HTML.
 */
function listViewsToRenderingHosts(server: McpServer): void {
  server.server.removeRequestHandler('resources/list');
  server.server.setRequestHandler('resources/list', (_request, ctx) => ({
    resources: hostRendersViews(ctx, server) ? appViews.map((view: AppViewSpec) => ({ uri: view.uri, name: view.name, description: view.description, mimeType: RESOURCE_MIME_TYPE, _meta: viewResourceMeta })) : [],
  }));
}
