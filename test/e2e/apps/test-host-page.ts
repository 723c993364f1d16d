/**
 * The test host's page (bundled by test/e2e/helpers/apps-host.ts with esbuild, served as http://host.test/):
 * an MCP Apps host built on the ext-apps SDK's host side. Each view is a sandboxed iframe (scripts only:
 * an opaque origin, no access to this page) talking to an `AppBridge` over the SDK's postMessage
 * transport; the bridge passes the view's tool calls to the spec, whose real MCP client sends them to
 * the bridge under test, as a desktop host passes them from its web view to its MCP connection.
 *
 *   spec (Node) ── MCP client ── socket ──> nevent-companion serve
 *      ▲ hostCallTool (exposed function)
 *   this page: AppBridge(null, …) ◀── postMessage ──▶ iframe: the view's HTML (its CSP from the resource's _meta.ui.csp)
 */
import { AppBridge, PostMessageTransport } from '@modelcontextprotocol/ext-apps/app-bridge';
import type { McpUiHostContext } from '@modelcontextprotocol/ext-apps/app-bridge';
import type { CallToolResult } from '@modelcontextprotocol/client';

/** What the spec asks the page to show. */
export interface ShowRequest {
  /** Where the spec serves the view's HTML (with the CSP the resource declares). */
  frameUrl: string;
  input: Record<string, unknown>;
  result: CallToolResult;
  context: McpUiHostContext;
  /** False for a page that is not a view (the CSP check's control): it is shown, nothing more. */
  handshake?: boolean;
}

declare global {
  interface Window {
    /** Exposed by the spec: a tools/call on its MCP client. */
    hostCallTool(params: { name: string; arguments?: Record<string, unknown> }): Promise<CallToolResult>;
    /** Exposed by the spec: what a view told the model. */
    hostModelContext(params: unknown): Promise<void>;
    showView(request: ShowRequest): Promise<void>;
  }
}

let current: { bridge: AppBridge; frame: HTMLIFrameElement } | null = null;

window.showView = async (request) => {
  if (current !== null) {
    // A view that never answered the handshake cannot answer a teardown either.
    if (current.bridge.getAppCapabilities() !== undefined) await current.bridge.teardownResource({}).catch(() => undefined);
    await current.bridge.close();
    current.frame.remove();
    current = null;
  }
  document.documentElement.dataset.theme = request.context.theme ?? 'light';
  const frame = document.createElement('iframe');
  frame.id = 'view';
  frame.title = 'Nevent view';
  // An opaque origin: the view reaches nothing of this page, only postMessage.
  frame.setAttribute('sandbox', 'allow-scripts');
  document.getElementById('conversation')?.append(frame);
  const view = frame.contentWindow;
  if (view === null) throw new Error('the frame has no window');

  const bridge = new AppBridge(null, { name: 'nevent-test-host', version: '1.0.0' }, { serverTools: {}, updateModelContext: { text: {} }, logging: {} }, { hostContext: request.context });
  bridge.oncalltool = (params) => window.hostCallTool(params);
  bridge.onupdatemodelcontext = async (params) => {
    await window.hostModelContext(params);
    return {};
  };
  bridge.onsizechange = ({ height }) => {
    if (height !== undefined) frame.style.height = `${Math.ceil(height)}px`;
  };
  const initialized = new Promise<void>((resolve) => (bridge.oninitialized = () => resolve()));
  await bridge.connect(new PostMessageTransport(view, view));
  frame.src = request.frameUrl;
  current = { bridge, frame };
  if (request.handshake === false) return;
  await initialized;
  await bridge.sendToolInput({ arguments: request.input });
  await bridge.sendToolResult(request.result);
  document.body.dataset.shown = request.frameUrl;
};
