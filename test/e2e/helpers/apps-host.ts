/**
 * An MCP Apps test host for the e2e specs: a real MCP client (the v2 SDK's, declaring the
 * `io.modelcontextprotocol/ui` extension) on the bridge's socket, and a page built on the ext-apps SDK's
 * AppBridge (test/e2e/apps/test-host-page.ts) that renders each view in a sandboxed iframe.
 *
 *   show(tool, args) ── the model's call ──> result ── tools/list link ──> resources/read ui:// ──> the view in the page
 *   the view's tool calls ── AppBridge ──> hostCallTool ──> the same client (recorded in `calls`)
 *
 * Everything a view tries outside its CSP is recorded: a CSP violation in any frame (the page's own
 * `securitypolicyviolation` events and Chromium's console reports of them) and any request from the view's
 * frame other than its own document (aborted). A spec fails on either.
 */
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { expect, type FrameLocator, type Page } from '@playwright/test';
import axe from 'axe-core';
import { Client } from '@modelcontextprotocol/client';
import type { CallToolResult, Tool } from '@modelcontextprotocol/client';
import type { McpUiHostContext, McpUiResourceCsp, McpUiStyles } from '@modelcontextprotocol/ext-apps/app-bridge';
import { RESOURCE_MIME_TYPE } from '@modelcontextprotocol/ext-apps/app-bridge';
import { LineTransport } from '../../../src-main/mcp/line-transport';
import { repoRoot } from './processes';
import type { ShowRequest } from '../apps/test-host-page';

/** The extension a host declares to get views. */
export const uiExtension = { 'io.modelcontextprotocol/ui': { mimeTypes: [RESOURCE_MIME_TYPE] } };

/** The two themes and two languages every view is judged in. */
export const looks = [
  { theme: 'light', locale: 'en-US' },
  { theme: 'dark', locale: 'en-US' },
  { theme: 'light', locale: 'es-ES' },
  { theme: 'dark', locale: 'es-ES' },
] as const;
/** One of them. */
export type Look = (typeof looks)[number];

/** A few of the standard style variables, as a real host passes them (the rest fall back to the views' own). */
const hostVariables: Record<Look['theme'], Partial<McpUiStyles>> = {
  light: { '--color-background-primary': '#ffffff', '--color-text-primary': '#1a1a19', '--font-sans': 'system-ui, sans-serif' },
  dark: { '--color-background-primary': '#262624', '--color-text-primary': '#f4f3ee', '--font-sans': 'system-ui, sans-serif' },
};

const hostOrigin = 'http://host.test';
const sandboxOrigin = 'http://sandbox.test';

let bundled: Promise<string> | null = null;
/** The host page's script, bundled once per worker. */
function hostScript(): Promise<string> {
  bundled ??= build({ entryPoints: [join(repoRoot, 'test/e2e/apps/test-host-page.ts')], bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'warning' }).then((out) => out.outputFiles[0]?.text ?? '');
  return bundled;
}

const hostPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test host</title>
<style>
  :root { font-family: system-ui, sans-serif; color-scheme: light; background: #f4f3ee; }
  :root[data-theme='dark'] { color-scheme: dark; background: #1a1a18; }
  body { margin: 16px; }
  h1 { font-size: 1rem; margin: 0 0 8px; }
  :root[data-theme='dark'] h1 { color: #f4f3ee; }
  #conversation { max-width: 640px; }
  iframe { display: block; width: 100%; height: 200px; border: 1px solid #8a8a86; border-radius: 10px; }
</style></head>
<body><header><h1>Conversation</h1></header><main id="conversation" aria-label="Conversation"></main><script src="/host.js"></script></body></html>`;

/** The CSP a host builds from a resource's declared `_meta.ui.csp` (the extension's rule). */
export function hostCsp(csp: McpUiResourceCsp | undefined): string {
  const list = (domains: string[] | undefined): string => (domains ?? []).join(' ');
  const resources = list(csp?.resourceDomains);
  return [
    "default-src 'none'",
    `script-src 'self' 'unsafe-inline' ${resources}`,
    `style-src 'self' 'unsafe-inline' ${resources}`,
    `connect-src 'self' ${list(csp?.connectDomains)}`,
    `img-src 'self' data: ${resources}`,
    `font-src 'self' ${resources}`,
    `media-src 'self' data: ${resources}`,
    `frame-src ${list(csp?.frameDomains) || "'none'"}`,
    "object-src 'none'",
    `base-uri ${list(csp?.baseUriDomains) || "'self'"}`,
  ].join('; ');
}

/** A view the host showed: what the model's call answered, and how to show it again in another look. */
export interface Shown {
  tool: string;
  args: Record<string, unknown>;
  result: CallToolResult;
  html: string;
  csp: McpUiResourceCsp | undefined;
}

/** The test host. */
export interface AppsHost {
  client: Client;
  /** The tool definitions this host was given (with their `_meta.ui` links). */
  tools: Map<string, Tool>;
  /** Every tool call the views made through the host, in order. */
  calls: { name: string; arguments: Record<string, unknown> }[];
  /** What views told the model (`ui/update-model-context`). */
  modelContext: unknown[];
  /** CSP violations seen in any frame, and requests a view's frame tried. */
  cspViolations: string[];
  networkAttempts: string[];
  /** The model calls `tool`; the host renders its linked view with the answer. */
  show(tool: string, args: Record<string, unknown>, look?: Look): Promise<Shown>;
  /** Renders an answer again in another look (no new call of the tool). */
  reshow(shown: Shown, look: Look): Promise<void>;
  /** Renders any HTML as a view (the CSP check's own control). */
  showHtml(html: string, csp: McpUiResourceCsp | undefined, result: CallToolResult): Promise<void>;
  view: FrameLocator;
  /** axe-core's violations inside the view. */
  axeViolations(): Promise<string[]>;
  close(): Promise<void>;
}

/** Opens the host page in `page`, its MCP client on `socketPath`. */
export async function openAppsHost(page: Page, socketPath: string, name = 'nevent-apps-test-host'): Promise<AppsHost> {
  const socket = netConnect(socketPath);
  await new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('error', reject)));
  const client = new Client({ name, version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } }, capabilities: { extensions: uiExtension } });
  await client.connect(new LineTransport(socket, socket, { destroy: () => socket.destroy() }));
  const tools = new Map((await client.listTools()).tools.map((tool) => [tool.name, tool]));

  const calls: AppsHost['calls'] = [];
  const modelContext: unknown[] = [];
  const cspViolations: string[] = [];
  const networkAttempts: string[] = [];
  const frames = new Map<string, { html: string; csp: McpUiResourceCsp | undefined }>();
  let shownCount = 0;

  // Routes run last-registered first: anything not served below is recorded (from a view) and refused.
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (request.frame() !== page.mainFrame()) networkAttempts.push(`${request.method()} ${request.url()}`);
    await route.abort();
  });
  await page.route(`${sandboxOrigin}/**`, async (route) => {
    const served = frames.get(route.request().url());
    if (served === undefined) {
      networkAttempts.push(`GET ${route.request().url()}`);
      return route.abort();
    }
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': hostCsp(served.csp) }, body: served.html });
  });
  await page.route(`${hostOrigin}/`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage }));
  const script = await hostScript();
  await page.route(`${hostOrigin}/host.js`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: script }));

  await page.exposeFunction('hostCallTool', async (params: { name: string; arguments?: Record<string, unknown> }) => {
    calls.push({ name: params.name, arguments: params.arguments ?? {} });
    return client.callTool({ name: params.name, arguments: params.arguments ?? {} });
  });
  await page.exposeFunction('hostModelContext', async (params: unknown) => void modelContext.push(params));
  await page.exposeFunction('hostCspViolation', async (what: string) => void cspViolations.push(what));
  // In every frame, before its own scripts: the browser's report of anything the CSP refused.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { hostCspViolation?: (what: string) => void }).hostCspViolation;
      report?.(`${event.effectiveDirective}: ${event.blockedURI} ${event.sample}`.trim());
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text())) cspViolations.push(`console: ${message.text()}`);
  });
  await page.goto(`${hostOrigin}/`);

  const render = async (shown: Pick<Shown, 'html' | 'csp' | 'args' | 'result'>, look: Look, handshake = true): Promise<void> => {
    const frameUrl = `${sandboxOrigin}/${++shownCount}/view.html`;
    frames.set(frameUrl, { html: shown.html, csp: shown.csp });
    const context: McpUiHostContext = {
      theme: look.theme,
      locale: look.locale,
      timeZone: 'Europe/Madrid',
      platform: 'web',
      displayMode: 'inline',
      availableDisplayModes: ['inline'],
      containerDimensions: { maxWidth: 640 },
      // A host passes any subset; the views keep their own value for every other variable.
      styles: { variables: hostVariables[look.theme] as McpUiStyles },
    };
    const request: ShowRequest = { frameUrl, input: shown.args, result: shown.result, context, handshake };
    // `never`: the host context's type is deeper than Playwright's serializable-argument type can check.
    await page.evaluate((req: ShowRequest) => window.showView(req), request as never);
  };

  const host: AppsHost = {
    client,
    tools,
    calls,
    modelContext,
    cspViolations,
    networkAttempts,
    view: page.frameLocator('#view'),
    show: async (tool, args, look = looks[0]) => {
      const result = (await client.callTool({ name: tool, arguments: args })) as CallToolResult;
      const uri = (tools.get(tool)?._meta as { ui?: { resourceUri?: string } } | undefined)?.ui?.resourceUri;
      if (uri === undefined) throw new Error(`${tool} links no view`);
      const read = await client.readResource({ uri });
      const content = read.contents[0] as { uri: string; mimeType?: string; text?: string; _meta?: { ui?: { csp?: McpUiResourceCsp } } } | undefined;
      expect(content?.mimeType).toBe(RESOURCE_MIME_TYPE);
      const shown: Shown = { tool, args, result, html: content?.text ?? '', csp: content?._meta?.ui?.csp };
      await render(shown, look);
      return shown;
    },
    reshow: (shown, look) => render(shown, look),
    showHtml: (html, csp, result) => render({ html, csp, args: {}, result }, looks[0], false),
    axeViolations: async () => {
      // axe-core runs inside the view's own document (the page a host frames), every rule the page-level
      // ones included. Put there by the browser's debugging protocol, so the view's CSP is not involved.
      const frame = await (await page.locator('#view').elementHandle())?.contentFrame();
      if (frame === null || frame === undefined) return ['no view to check'];
      await frame.evaluate(axe.source);
      const violations = await frame.evaluate(async () => {
        const run = (window as unknown as { axe: typeof axe }).axe.run;
        const results = await run(document, { resultTypes: ['violations'] });
        return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      });
      return violations;
    },
    close: async () => {
      await client.close();
    },
  };
  return host;
}
