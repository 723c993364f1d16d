/**
 * The view's one connection to its host, through the ext-apps SDK's `App` over postMessage:
 *
 *   host ── ui/initialize answer (theme, locale, styles) ──> context
 *        ── tool-input / tool-result of the call the view belongs to ──> input, result
 *   view ── tools/call (forwarded by the host to the bridge: mode, tenant, audit, confirmation apply) ──> outcome
 *
 * A small store for React (`useSyncExternalStore`): what the host said so far, replaced on every change.
 * The view never sees a token and makes no request of its own (its CSP allows none).
 */
import type { CallToolResult } from '@modelcontextprotocol/client';
import { App, type McpUiHostContext } from '@modelcontextprotocol/ext-apps';
import { productVersion } from '../../src-shared/product';
import { readOutcome, type ToolOutcome } from './tool-outcome';

/** What the host has told the view so far. */
export interface HostSnapshot {
  context: McpUiHostContext;
  /** The arguments of the call the view shows (null until the host sends them). */
  input: Record<string, unknown> | null;
  /** That call's result (null until it ends). */
  result: CallToolResult | null;
  /** The host cancelled that call. */
  cancelled: boolean;
}

/** The view's host: what it said, and the tool calls the view makes through it. */
export class ViewHost {
  private snapshot: HostSnapshot = { context: {}, input: null, result: null, cancelled: false };
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly app: App) {}

  /** Connects to the host that framed this page (the handshake, then the call's input and result as they come). */
  static async connect(): Promise<ViewHost> {
    // The SDK's App turns zod's JIT off itself (the view's CSP has no eval); main.tsx did it first anyway.
    const app = new App({ name: 'nevent-companion-view', version: productVersion }, {}, { autoResize: true });
    const host = new ViewHost(app);
    // Before connecting: the host may send the call's input and result right after the handshake.
    app.ontoolinput = (params) => host.update({ input: params.arguments ?? {} });
    app.ontoolresult = (result) => host.update({ result });
    app.ontoolcancelled = () => host.update({ cancelled: true });
    app.onhostcontextchanged = (changed) => host.update({ context: { ...host.snapshot.context, ...changed } });
    app.onteardown = () => ({});
    await app.connect();
    host.update({ context: { ...app.getHostContext(), ...host.snapshot.context } });
    return host;
  }

  /** For `useSyncExternalStore`. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For `useSyncExternalStore`: the same object until something changes. */
  readonly getSnapshot = (): HostSnapshot => this.snapshot;

  /** Calls a tool of the bridge through the host; never throws. */
  async call(name: string, args: Record<string, unknown>): Promise<ToolOutcome> {
    try {
      return readOutcome(await this.app.callServerTool({ name, arguments: args }));
    } catch (error) {
      return { kind: 'host-error', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Tells the model what the person did in the view (English: the model reads it), so its next turn
   * does not work from what it saw before. A host that does not take it loses nothing.
   */
  async tellModel(text: string): Promise<void> {
    if (this.app.getHostCapabilities()?.updateModelContext === undefined) return;
    try {
      await this.app.updateModelContext({ content: [{ type: 'text', text }] });
    } catch {
      // The model hears of it from the next answer it reads instead.
    }
  }

  private update(change: Partial<HostSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
