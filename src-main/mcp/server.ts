/**
 * The server factory: one McpServer bound to one tenant session, built per connection (stdio, socket,
 * a legacy HTTP session) or per request (2026-07-28 over HTTP). Cheap: the tool table is static; only
 * closures over the session are created.
 *
 *   tools/call ──> known tool? ──> mode allows it? ──> bounded? ──> input valid? ──> tenant_id? ──> run
 *                   │ no: JSON-RPC error  │ no: operation_not_permitted  │ no: invalid_request │ yes: in that tenant
 *                   └────────────── every outcome: one audit entry, the Nevent error envelope ──────┘
 *
 * The SDK validates arguments against a tool's input schema and answers a failure with plain text; ours
 * must use the envelope, and the mode must be checked first. So each tool is registered with a Standard
 * Schema that advertises the zod schema's lean JSON Schema in `tools/list` (lean-schema.ts: the context
 * budget) and accepts every value, and the handler runs the checks in the order above, the answer's
 * check against the tool's output schema last. No SDK handler is replaced.
 *
 * A call that names `tenant_id` runs in that tenant (`session.inTenant`: a token scoped to it, cached per
 * account) and never moves the session's active tenant (DESIGN §4, "Tenant per call").
 */
import { CLIENT_INFO_META_KEY, McpServer } from '@modelcontextprotocol/server';
import type { CallToolResult, ServerContext } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { firstIssue } from '../../src-shared/zod-issue';
import type { AppErrorData, ErrorCode as AppErrorCode } from '../../src-shared/errors';
import type { ToolDomain } from '../../src-shared/tool-domains';
import { jsonBoundsViolation } from '../../src-shared/json-bounds';
import type { TenantScopedOperations, TenantSession } from '../core/tenant-session';
import { auditArgsOf } from './audit-args';
import { argKeysOf } from './audit-log';
import { boundClientText, clientTextLimits } from './client-text';
import type { McpAuditLog } from './audit-log';
import { errorDataOf, errorResult, okResult } from './envelope';
import { serverInstructions } from './guidance';
import { advertisedInput, leanAnnotations } from './lean-schema';
import { isToolAllowed, leastModeFor, type OperationModeSource } from './operation-mode';
import type { AnyToolSpec } from './tool';
import { environmentUploadPolicy, type UploadPolicySource } from './upload-policy';
import { allTools, toolDomainOf } from './tools';
import { productVersion } from '../../src-shared/product';

/** Where the bridge writes diagnostics (stderr for the CLI; never stdout). */
export type McpLogger = (message: string) => void;

/** What the factory needs. */
export interface McpServerOptions {
  session: TenantSession;
  /** Read on every call: a mode change applies to open connections at once. */
  mode: OperationModeSource;
  audit?: McpAuditLog;
  /** Product version reported to clients. */
  version?: string;
  log?: McpLogger;
  /** Tools to expose; all of DESIGN §4 by default (tests pass fakes). */
  tools?: readonly AnyToolSpec[];
  /** Replaces the server instructions (`mcp --attach` while the app is not running). */
  instructions?: string;
  /**
   * When it returns an error, every tool call answers with it and runs nothing (`mcp --attach` while
   * the app is not running: the tools stay listed and each call says why it cannot run; standalone
   * `mcp` after a failed sign-in). A promise is awaited first (standalone `mcp` while it signs in).
   */
  unavailable?: () => AppErrorData | null | Promise<AppErrorData | null>;
  /** What uploads may read, asked on every call (the app's setting can change); default: this process's environment. */
  uploads?: UploadPolicySource;
}

/** A server bound to its session; `dispose` drops the listeners it added to the session. */
export interface BoundMcpServer {
  server: McpServer;
  dispose(): void;
}

/** The one shared line every tenant-scoped tool's `tenant_id` carries (the context budget: DESIGN §4). */
export const tenantIdDescription = 'Tenant id; pass it on every call.';

/** The one line every destructive tool's `confirmed` carries. */
export const confirmedDescription = 'true only once the user agreed to this exact change.';

/** The audit entry's `domain`, when the tool belongs to the toolset. */
function domainField(name: string): { domain?: ToolDomain } {
  const domain = toolDomainOf(name);
  return domain === undefined ? {} : { domain };
}

interface Prepared {
  spec: AnyToolSpec;
  input: z.ZodObject;
}

/** Builds an McpServer with every Nevent tool, bound to `options.session`. */
export function createMcpServer(options: McpServerOptions): BoundMcpServer {
  const { session, audit } = options;
  const log = options.log ?? (() => undefined);
  const uploads = options.uploads ?? environmentUploadPolicy(process.env);
  const server = new McpServer(
    { name: 'nevent-companion', title: 'Nevent Companion', version: options.version ?? productVersion },
    { instructions: options.instructions ?? serverInstructions(options.mode.get()) },
  );

  // What the client said it is: from `initialize` (2025 era) or each request's envelope (2026-07-28).
  let client: { name: string | null; version: string | null } = { name: null, version: null };
  const noteClient = (info: { name?: unknown; version?: unknown } | undefined): void => {
    if (info === undefined) return;
    // Bounded here, whatever transport delivered it: these strings are kept and repeated.
    const next = { name: boundClientText(info.name, clientTextLimits.name), version: boundClientText(info.version, clientTextLimits.version) };
    if (next.name === client.name && next.version === client.version) return;
    client = next;
    session.setClientInfo(client);
  };
  server.server.oninitialized = () => noteClient(server.server.getClientVersion());

  // The desktop moved this session (sessions panel): announced by the session, recorded as a move.
  const unsubscribe = session.onDidMove((outcome) => {
    if (audit === undefined) return;
    audit.record({ sessionId: session.id, clientName: client.name, clientVersion: client.version, kind: 'move', name: 'move', tenantId: outcome.activeTenantId, fromTenantId: outcome.previousTenantId, targetTenantId: outcome.activeTenantId, argKeys: [], result: 'ok', durationMs: 0 });
  });

  /** One entry per call; a switch or reset is one entry of its own kind, with where it went from and to. */
  const recordCall = (spec: AnyToolSpec, args: unknown, tenantId: string | null, result: 'ok' | AppErrorCode, startedAt: number, tenantAtStart: string | null): void => {
    session.recordToolCall(spec.name);
    if (audit === undefined) return;
    const durationMs = Math.max(0, performance.now() - startedAt);
    const common = { sessionId: session.id, clientName: client.name, clientVersion: client.version, name: spec.name, title: spec.title, ...domainField(spec.name), tenantId, argKeys: argKeysOf(args), args: auditArgsOf(args), result, durationMs };
    if (spec.access !== 'tenant') {
      audit.record({ ...common, kind: 'tool' });
      return;
    }
    const asked = (args ?? {}) as { tenantId?: unknown; tenant_id?: unknown };
    const requested = typeof asked.tenantId === 'string' ? asked.tenantId : typeof asked.tenant_id === 'string' ? asked.tenant_id : null;
    const reset = spec.name === 'nevent_reset_tenant';
    audit.record({ ...common, kind: reset ? 'reset' : 'switch', fromTenantId: tenantAtStart, targetTenantId: reset ? session.snapshot().homeTenantId : requested });
  };

  const call = async ({ spec, input }: Prepared, args: unknown, ctx: ServerContext): Promise<CallToolResult> => {
    const startedAt = performance.now();
    noteClient(ctx.mcpReq.envelope?.[CLIENT_INFO_META_KEY as keyof typeof ctx.mcpReq.envelope] as { name?: unknown; version?: unknown } | undefined);
    // First of all: a bridge that cannot run tools now (the app is down, the sign-in failed) says why;
    // while a sign-in is still running, the call waits for it (synchronous once it is done).
    const gate = options.unavailable?.() ?? null;
    const unavailable = gate instanceof Promise ? await gate : gate;
    if (unavailable !== null) return errorResult(unavailable);
    const tenantAtStart = session.snapshot().activeTenantId;
    // The tenant the call names, once its input is read (failures before that are recorded in the active one).
    const named: { tenant?: string } = {};
    const fail = (data: AppErrorData): CallToolResult => {
      recordCall(spec, args, named.tenant ?? session.snapshot().activeTenantId ?? tenantAtStart, data.code, startedAt, tenantAtStart);
      return errorResult(data);
    };

    const mode = options.mode.get();
    if (!isToolAllowed(mode, spec.access)) {
      return fail({ code: 'operation_not_permitted', message: `${spec.name} changes data and is not allowed in operation mode ${mode}; it needs ${leastModeFor(spec.access)} or higher (the user can change the mode with --mode or NEVENT_OPERATION_MODE, or in the app's settings).` });
    }
    // Before zod (which recurses): a pathologically nested value is a bad request, not a crash.
    const tooComplex = jsonBoundsViolation(args);
    if (tooComplex !== null) return fail({ code: 'invalid_request', message: `The arguments of ${spec.name} are too complex: ${tooComplex}.` });
    const parsed = input.safeParse(args ?? {});
    if (!parsed.success) return fail(errorDataOf(parsed.error));
    const { confirmed, ...values } = parsed.data as Record<string, unknown>;
    const { tenant_id: tenantId, ...toolArgs } = values;
    const target = spec.tenantScoped && typeof tenantId === 'string' ? tenantId : undefined;
    if (target !== undefined) named.tenant = target;
    const runArgs = spec.tenantScoped ? toolArgs : values;

    let output: Record<string, unknown>;
    try {
      // The tenant is resolved before the tool runs: an unreachable one fails here and nothing else happens.
      const tenant: TenantScopedOperations = target === undefined ? session : await session.inTenant(target);
      if (spec.access === 'destructive' && confirmed !== true) {
        // After the mode, the input and the tenant: what would happen is said with the arguments it would
        // run with, in the tenant it would run in (a confirmation may read, e.g. the campaign's audience).
        const would = (await spec.confirmation?.(runArgs, { session, tenant, uploads: uploads() })) ?? `${spec.name} changes data in a way that cannot be undone.`;
        return fail({ code: 'confirmation_required', message: `${would} Nothing was done. Ask the user, then call again with confirmed: true.`, param: 'confirmed' });
      }
      output = (await spec.run(runArgs, { session, tenant, uploads: uploads() })) as Record<string, unknown>;
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
    // Never an answer from another tenant than the one the call named (the scoped token guarantees it;
    // this is the last line of defence against an API that answers for another tenant).
    if (target !== undefined && answeredIn !== target) {
      return fail({ code: 'api_error', message: `The answer came from tenant ${answeredIn ?? '(none)'}, not ${target}; it was discarded.`, param: 'tenant_id' });
    }
    recordCall(spec, args, answeredIn ?? null, 'ok', startedAt, tenantAtStart);
    return okResult(structured);
  };

  // The output schema's validator accepts anything: `call` has already checked every answer against the
  // tool's full output schema and returns exactly what it checked, so the SDK's own pass over it repeated
  // that work on every call (issue 17, per-call cost).
  for (const spec of options.tools ?? allTools) {
    const scoped = spec.tenantScoped ? spec.input.extend({ tenant_id: z.string().optional().describe(tenantIdDescription) }) : spec.input;
    const input = spec.access === 'destructive' ? scoped.extend({ confirmed: z.boolean().optional().describe(confirmedDescription) }) : scoped;
    const prepared: Prepared = { spec, input };
    server.registerTool(
      spec.name,
      {
        title: spec.title,
        description: spec.description,
        inputSchema: advertisedInput(input),
        // No outputSchema (lean-schema.ts): every answer is checked against spec.output in `call` instead.
        annotations: leanAnnotations(spec.annotations),
      },
      (args, ctx) => call(prepared, args, ctx),
    );
  }

  return {
    server,
    dispose: unsubscribe,
  };
}
