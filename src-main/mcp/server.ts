/**
 * The server factory: one McpServer bound to one tenant session, built per connection (cheap: the
 * tool table is static; only closures over the session are created).
 *
 *   tools/call ──> known tool? ──> mode allows it? ──> bounded? ──> input valid? ──> tenant_id guard ──> run
 *                   │ no: JSON-RPC error  │ no: operation_not_permitted  │ no: invalid_request │ no: tenant_mismatch
 *                   └──────────────── every outcome: one audit entry, the Nevent error envelope ─┘
 *
 * The SDK's own `tools/call` handler is replaced (after `registerTool` has registered every tool, so
 * `tools/list` still comes from the SDK with the JSON Schemas it derives) because the SDK answers
 * invalid arguments with a plain-text error; ours must use the envelope like every other failure.
 */
import { firstIssue } from '../../src-shared/zod-issue';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { TenantIdSchema } from '../../src-shared/api';
import type { AppErrorData, ErrorCode as AppErrorCode } from '../../src-shared/errors';
import { jsonBoundsViolation } from '../../src-shared/json-bounds';
import type { OperationMode } from '../../src-shared/session';
import type { TenantSession } from '../core/tenant-session';
import { argKeysOf } from './audit-log';
import { boundClientText, clientTextLimits } from './client-text';
import type { McpAuditLog } from './audit-log';
import { errorDataOf, errorResult, okResult } from './envelope';
import { serverInstructions } from './guidance';
import { isToolAllowed, leastModeFor } from './operation-mode';
import type { AnyToolSpec } from './tool';
import { allTools } from './tools';

/** Where the bridge writes diagnostics (stderr for the CLI; never stdout). */
export type McpLogger = (message: string) => void;

/** What the factory needs. */
export interface McpServerOptions {
  session: TenantSession;
  /** The mode, or where to read it: read again for every call, so a change applies before the next one. */
  mode: OperationMode | (() => OperationMode);
  audit?: McpAuditLog;
  /** Product version reported in `initialize`. */
  version?: string;
  log?: McpLogger;
  /** Tools to expose; all of DESIGN §4 by default (tests pass fakes). */
  tools?: readonly AnyToolSpec[];
  /** Replaces the server instructions (`mcp --attach` while the app is not running). */
  instructions?: string;
  /**
   * When it returns an error, every tool call answers with it and runs nothing (`mcp --attach` while
   * the app is not running: the tools stay listed and each call says why it cannot run).
   */
  unavailable?: () => AppErrorData | null;
}

/** A server bound to its session; `dispose` drops the listeners it added to the session. */
export interface BoundMcpServer {
  server: McpServer;
  dispose(): void;
}

const guardDescription = 'Optional guard: the tenant you expect this call to act on. If the session\'s active tenant differs, the call fails with tenant_mismatch and does nothing.';

interface Prepared {
  spec: AnyToolSpec;
  input: z.ZodObject;
}


/** Builds an McpServer with every Nevent tool, bound to `options.session`. */
export function createMcpServer(options: McpServerOptions): BoundMcpServer {
  const { session, audit } = options;
  const currentMode = typeof options.mode === 'function' ? options.mode : ((fixed: OperationMode) => () => fixed)(options.mode);
  const log = options.log ?? (() => undefined);
  const server = new McpServer(
    { name: 'nevent-companion', title: 'Nevent Companion', version: options.version ?? '0.1.0' },
    { instructions: options.instructions ?? serverInstructions(currentMode()) },
  );

  const prepared = new Map<string, Prepared>();
  for (const spec of options.tools ?? allTools) {
    const input = spec.tenantScoped ? spec.input.extend({ tenant_id: TenantIdSchema.optional().describe(guardDescription) }) : spec.input;
    prepared.set(spec.name, { spec, input });
    server.registerTool(
      spec.name,
      { title: spec.title, description: spec.description, inputSchema: input, outputSchema: spec.output, annotations: { title: spec.title, ...spec.annotations } },
      // Never called: the tools/call handler below dispatches; the SDK needs a callback to register.
      async () => errorResult({ code: 'internal_error', message: 'unreachable' }),
    );
  }

  const clientInfo = (): { name: string | null; version: string | null } => {
    // Bounded here too, whatever transport delivered the handshake: these strings are kept and repeated.
    const info = server.server.getClientVersion();
    return { name: boundClientText(info?.name, clientTextLimits.name), version: boundClientText(info?.version, clientTextLimits.version) };
  };

  server.server.oninitialized = () => {
    session.setClientInfo(clientInfo());
  };

  // The desktop moved this session (sessions panel): announced by the session, recorded as a move.
  const unsubscribe = session.onDidMove((outcome) => {
    if (audit === undefined) return;
    const info = clientInfo();
    audit.record({ sessionId: session.id, clientName: info.name, clientVersion: info.version, kind: 'move', name: 'move', tenantId: outcome.activeTenantId, argKeys: [], result: 'ok', durationMs: 0 });
  });

  const recordCall = (spec: AnyToolSpec, args: unknown, tenantId: string | null, result: 'ok' | AppErrorCode, startedAt: number): void => {
    session.recordToolCall(spec.name);
    if (audit === undefined) return;
    const info = clientInfo();
    const durationMs = Math.max(0, performance.now() - startedAt);
    const argKeys = argKeysOf(args);
    audit.record({ sessionId: session.id, clientName: info.name, clientVersion: info.version, kind: 'tool', name: spec.name, tenantId, argKeys, result, durationMs });
    if (result === 'ok' && spec.access === 'tenant') {
      const kind = spec.name === 'nevent_reset_tenant' ? 'reset' : 'switch';
      audit.record({ sessionId: session.id, clientName: info.name, clientVersion: info.version, kind, name: spec.name, tenantId, argKeys: [], result, durationMs });
    }
  };

  const call = async (spec: AnyToolSpec, input: z.ZodObject, args: unknown): Promise<CallToolResult> => {
    const startedAt = performance.now();
    const tenantAtStart = session.snapshot().activeTenantId;
    const fail = (data: AppErrorData): CallToolResult => {
      recordCall(spec, args, session.snapshot().activeTenantId ?? tenantAtStart, data.code, startedAt);
      return errorResult(data);
    };

    const unavailable = options.unavailable?.() ?? null;
    if (unavailable !== null) return errorResult(unavailable);
    const mode = currentMode();
    if (!isToolAllowed(mode, spec.access)) {
      return fail({ code: 'operation_not_permitted', message: `${spec.name} changes data and is not allowed in operation mode ${mode}; it needs ${leastModeFor(spec.access)} or higher (the user can change the mode with --mode or NEVENT_OPERATION_MODE, or in the app's settings).` });
    }
    // Before zod (which recurses): a pathologically nested value is a bad request, not a crash.
    const tooComplex = jsonBoundsViolation(args);
    if (tooComplex !== null) return fail({ code: 'invalid_request', message: `The arguments of ${spec.name} are too complex: ${tooComplex}.` });
    const parsed = input.safeParse(args ?? {});
    if (!parsed.success) return fail(errorDataOf(parsed.error));
    const values = parsed.data as Record<string, unknown>;

    const guard = spec.tenantScoped && typeof values.tenant_id === 'string' ? values.tenant_id : undefined;
    if (guard !== undefined && guard !== tenantAtStart) {
      return fail({ code: 'tenant_mismatch', message: `This session's active tenant is ${tenantAtStart ?? '(none)'}, not ${guard}; nothing was done. Call nevent_switch_tenant first, or drop tenant_id.`, param: 'tenant_id' });
    }
    const { tenant_id: _guard, ...toolArgs } = values;

    let output: Record<string, unknown>;
    try {
      output = (await spec.run(spec.tenantScoped ? toolArgs : values, { session })) as Record<string, unknown>;
    } catch (error) {
      const data = errorDataOf(error);
      if (data.code === 'internal_error') log(`nevent-companion mcp: ${spec.name} failed unexpectedly: ${error instanceof Error ? error.name : typeof error}`);
      return fail(data);
    }

    const checked = spec.output.safeParse(output);
    if (!checked.success) {
      log(`nevent-companion mcp: ${spec.name} produced a result that does not match its output schema (${firstIssue(checked.error).path || '(root)'})`);
      return fail({ code: 'internal_error', message: 'The Nevent API answered with data this bridge could not read.' });
    }
    const structured = checked.data as Record<string, unknown>;
    const answeredIn = typeof structured.tenant_id === 'string' ? structured.tenant_id : typeof structured.active_tenant_id === 'string' ? structured.active_tenant_id : tenantAtStart;
    // A switch completed while this call ran: the answer is for another tenant than the guard named.
    if (guard !== undefined && answeredIn !== guard) {
      return fail({ code: 'tenant_mismatch', message: `The tenant changed to ${answeredIn ?? '(none)'} while this call ran; its answer was discarded. Check with nevent_get_active_tenant and retry.`, param: 'tenant_id' });
    }
    recordCall(spec, args, answeredIn ?? null, 'ok', startedAt);
    return okResult(structured);
  };

  server.server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const entry = prepared.get(request.params.name);
    if (entry === undefined) {
      // Unknown tool: a protocol error, as the SDK does; tool names are bounded before echoing them.
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name.slice(0, 100)}`);
    }
    return call(entry.spec, entry.input, request.params.arguments);
  });

  return {
    server,
    dispose: unsubscribe,
  };
}
