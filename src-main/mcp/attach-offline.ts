/**
 * What `mcp --attach` answers with while the app cannot be reached: the same MCP server and tool list
 * the app serves, bound to a session that holds nothing, with every tool call answering why it cannot
 * run ("Nevent Companion is not running — open it"). So the AI client sees a working server with the
 * usual tools, and the model can tell the person what to do, instead of a dead server.
 */
import { InMemoryTransport } from '@modelcontextprotocol/server';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { SessionSnapshot } from '../../src-shared/session';
import { CoreError, type TenantSession } from '../core/tenant-session';
import { fixedMode } from './operation-mode';
import { createMcpServer } from './server';

/** A session with no account behind it: every operation rejects with the current reason. */
export class OfflineSession implements TenantSession {
  readonly id = 'offline';
  readonly kind = 'mcp' as const;
  private clientName: string | null = null;
  private clientVersion: string | null = null;

  constructor(private readonly reason: () => string) {}

  snapshot(): SessionSnapshot {
    return { id: this.id, kind: this.kind, clientName: this.clientName, clientVersion: this.clientVersion, activeTenantId: null, homeTenantId: null, role: null, switchingTo: null, lastSwitchError: null, lastSwitchTarget: null, createdAt: new Date(0).toISOString(), lastToolCall: null, callCount: 0 };
  }

  onDidChange(): () => void {
    return () => undefined;
  }

  onDidMove(): () => void {
    return () => undefined;
  }

  setClientInfo(info: { name: string | null; version: string | null }): void {
    this.clientName = info.name;
    this.clientVersion = info.version;
  }

  recordToolCall(): void {
    // Nothing is recorded: no app, no audit.
  }

  private unavailable(): Promise<never> {
    return Promise.reject(new CoreError('api_unavailable', this.reason()));
  }

  listTenants = () => this.unavailable();
  switchTenant = () => this.unavailable();
  resetTenant = () => this.unavailable();
  listSegments = () => this.unavailable();
  getSegment = () => this.unavailable();
  createSegment = () => this.unavailable();
  updateSegment = () => this.unavailable();
  previewSegment = () => this.unavailable();
  segmentationCriteria = () => this.unavailable();
  listCampaigns = () => this.unavailable();
  analyticsCapabilities = () => this.unavailable();
  paidAdsStatus = () => this.unavailable();
  pagedList = () => this.unavailable();
  callApi = () => this.unavailable();
  openScope = () => this.unavailable();

  close(): void {
    // Nothing to end.
  }
}

/** The offline server as a message endpoint: `send` a client message, answers arrive on `onmessage`. */
export interface OfflineEndpoint {
  send(message: JSONRPCMessage): void;
  onmessage: ((message: JSONRPCMessage) => void) | null;
  close(): Promise<void>;
}

/** Starts the offline server; `reason()` is read on every call, so the answer follows the latest cause. */
export async function startOfflineEndpoint(reason: () => string, version: string): Promise<OfflineEndpoint> {
  const session = new OfflineSession(reason);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  // The SDK's entry decides the era from the client's first message, as on the app's socket.
  const handle = serveStdio(
    () =>
      createMcpServer({
        session,
        // The mode check would answer first for write tools; the app's real mode is unknown here.
        mode: fixedMode('FULL'),
        version,
        instructions: 'Nevent Companion, the desktop app that holds the Nevent sign-in, is not reachable right now, so no Nevent tool can run. Tell the user to open Nevent Companion (or run `nevent-companion serve`); the tools work as soon as it is running, without restarting this conversation.',
        unavailable: () => ({ code: 'api_unavailable', message: reason() }),
      }).server,
    { transport: serverSide },
  );
  const endpoint: OfflineEndpoint = {
    onmessage: null,
    send: (message) => {
      void clientSide.send(message).catch(() => undefined);
    },
    close: () => handle.close(),
  };
  clientSide.onmessage = (message) => endpoint.onmessage?.(message);
  await clientSide.start();
  return endpoint;
}
