/**
 * The server factory: one McpServer bound to one tenant session, built per connection (stdio, socket,
 * a legacy HTTP session) or per request (2026-07-28 over HTTP). Cheap: the tool table is static; only
 * closures over the session are created.
 *
 *   tools/call ──> known tool? ──> mode allows it? ──> domain on? ──> bounded? ──> input valid? ──> a slot? ──> tenant fixed ──> asks first? ──> run
 *                   │ no: JSON-RPC error  │ no: operation_not_permitted │ no: toolset_not_enabled (how to turn it on)
 *                   │                     │                                    │ no: invalid_request │ (call-limits.ts: waits,   │ the person (elicitation)
 *                   │                                                                               │  or rate_limit_exceeded)  │ or confirmed: true
 *                   └────────────── every outcome: one audit entry, the Nevent error envelope ──────┘
 *
 *   tools/list ──> only the tools this session lists (tool-listing.ts: the mode, then the toolsets: toolsets.ts,
 *                  and nevent_enable_tools while a domain is off); a change ──> tools/list_changed
 *                  (a host that renders MCP Apps also sees which tools link a view: apps/app-views.ts)
 *
 * The SDK validates arguments against a tool's input schema and answers a failure with plain text; ours
 * must use the envelope, and the mode must be checked first. So each tool is registered with a Standard
 * Schema that advertises the zod schema's lean JSON Schema in `tools/list` (lean-schema.ts: the context
 * budget) and accepts every value, and the handler runs the checks in the order above, the answer's
 * check against the tool's output schema last. Of the SDK's handlers only `tools/list` is replaced (by
 * one that lists fewer tools, each as the SDK advertises it).
 *
 * A call's tenant is fixed when it starts (`session.openScope`, docs/tenant-isolation.md): the tenant it
 * names (a token scoped to it, cached per account; the session's active tenant never moves), else the
 * active tenant at that moment. Every request of the call uses that tenant's credential, so a switch by
 * another conversation on the same connection cannot redirect a call already running.
 */
import { CLIENT_INFO_META_KEY, McpServer } from '@modelcontextprotocol/server';
import type { CallToolResult, InputRequiredResult, ServerContext } from '@modelcontextprotocol/server';
import type { z } from 'zod';
import { firstIssue } from '../../src-shared/zod-issue';
import type { AppErrorData, ErrorCode as AppErrorCode } from '../../src-shared/errors';
import type { ToolDomain } from '../../src-shared/tool-domains';
import { jsonBoundsViolation } from '../../src-shared/json-bounds';
import { activeTenant, type TenantScopedOperations, type TenantSession } from '../core/session/tenant-session';
import { auditArgsOf } from './audit-args';
import { argKeysOf } from './audit-log';
import { boundClientText, clientFromUserAgent, clientTextLimits } from './client-text';
import type { McpAuditLog } from './audit-log';
import { errorDataOf, errorResult, okResult } from './envelope';
import { serverInstructions } from './guidance';
import { modeChangeHint, modeNames, toolsetChangeHint } from './mode-words';
import { checkedInput, listedDefinition, registerDefinition } from './tool-definitions';
import { isToolAllowed, leastModeFor, type OperationModeSource } from './operation-mode';
import { CallLimits } from './call-limits';
import type { AnyToolSpec } from './tool';
import { environmentUploadPolicy, type UploadPolicySource } from './upload-policy';
import { allTools, toolDomainOf } from './tools';
import { ListedTools, modeFilter, type ToolFilter } from './tool-listing';
import { enableToolsDescription, enableToolsTool } from './enable-tools';
import { enableToolsName, everyToolset, OnDemandToolsets, SessionToolsets, type ToolsetSource } from './toolsets';
import { ConfirmationStates, confirmWithPerson, defaultConfirmationTimeoutMs, elicitationChannel } from './person-confirmation';
import { explainTenantRefusal, isTenantRefusal } from './tenant-refusal';
import { TenantIdSchema } from '../../src-shared/api';
import { mountAppViews, type MountedAppViews } from './apps/app-views';
import { builtAppViews, type AppViewSource } from './apps/view-html';
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
  /** Tools to expose; every tool by default (tests pass fakes). */
  tools?: readonly AnyToolSpec[];
  /**
   * When it returns an error, every tool call answers with it and runs nothing (standalone `mcp` after a
   * failed sign-in: the tools stay listed and each call says why). A promise is awaited first
   * (standalone `mcp` while it signs in).
   */
  unavailable?: () => AppErrorData | null | Promise<AppErrorData | null>;
  /** What uploads may read, asked on every call (the app's setting can change); default: this process's environment. */
  uploads?: UploadPolicySource;
  /** Further reasons a tool is listed or not, beside the operation mode and the toolsets (tool-listing.ts). */
  toolFilters?: readonly ToolFilter[];
  /** The toolsets the person chose, read on every list and call (toolsets.ts); every domain by default. */
  toolsets?: ToolsetSource;
  /**
   * The domains conversations turned on for themselves (`nevent_enable_tools`), per session: one object per
   * transport, so the servers a 2026-07-28 HTTP endpoint builds per request share what their session turned on.
   */
  onDemand?: OnDemandToolsets;
  /**
   * Signs the confirmation state 2026-07-28 clients echo back (person-confirmation.ts). Transports that
   * build a server per request pass one they share, so the request that carries the answer can check it.
   */
  confirmations?: ConfirmationStates;
  /** How long the person has to answer a confirmation asked through the client (default 10 minutes). */
  confirmationTimeoutMs?: number;
  /**
   * Calls in flight, per connection (keyed by the session) and in total: one object shared by every
   * server of the process (the transports pass theirs); a server of its own gets its own.
   */
  calls?: CallLimits;
  /** The views hosts that render MCP Apps show beside some tools' answers (apps/); default: this package's built views. */
  appViews?: AppViewSource;
}

/** A server bound to its session; `dispose` drops the listeners it added to the session. */
export interface BoundMcpServer {
  server: McpServer;
  dispose(): void;
}

export { confirmedDescription, tenantIdDescription } from './tool-definitions';

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
  const confirmations = options.confirmations ?? new ConfirmationStates();
  const confirmationTimeoutMs = options.confirmationTimeoutMs ?? defaultConfirmationTimeoutMs;
  const uploads = options.uploads ?? environmentUploadPolicy(process.env);
  const calls = options.calls ?? new CallLimits();
  const given = options.tools ?? allTools;
  // What this conversation is shown of the table: the person's toolsets plus what it turned on itself.
  const toolsets = new SessionToolsets(options.toolsets ?? everyToolset(), options.onDemand ?? new OnDemandToolsets(), () => session, given);
  const enableSpec = enableToolsTool({ toolsets, tools: given, mode: options.mode });
  const tools = [...given, enableSpec];
  const server = new McpServer(
    { name: 'nevent-companion', title: 'Nevent Companion', version: options.version ?? productVersion },
    { instructions: serverInstructions(options.mode.get(), { on: toolsets.domains.filter((domain) => toolsets.isOn(domain)), off: toolsets.off() }) },
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
  // A name from the handshake (2025 era) stands; a 2026-07-28 request names its client in its envelope,
  // and a stateless client that sends none may still name itself in its HTTP User-Agent. Read on every
  // request the bridge answers itself, not only on calls: a client that only lists the tools (Claude
  // Code's `mcp list`: `server/discover`, then `tools/list`) is named too.
  const noteRequestClient = (ctx: ServerContext): void => {
    const said = envelopeClient(ctx);
    if (said !== undefined) noteClient(said);
    else if (client.name === null) noteClient(clientFromUserAgent(ctx.http?.req?.headers.get('user-agent')) ?? undefined);
  };

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

  const call = async ({ spec, input }: Prepared, args: unknown, ctx: ServerContext): Promise<CallToolResult | InputRequiredResult> => {
    const startedAt = performance.now();
    noteRequestClient(ctx);
    // First of all: a bridge that cannot run tools now (the app is down, the sign-in failed) says why;
    // while a sign-in is still running, the call waits for it (synchronous once it is done).
    const gate = options.unavailable?.() ?? null;
    const unavailable = gate instanceof Promise ? await gate : gate;
    if (unavailable !== null) return errorResult(unavailable);
    const tenantAtStart = session.snapshot().activeTenantId;
    // The tenant the call names: recorded as where it ran, also when it is refused before its input is read.
    const named: { tenant?: string } = {};
    const raw = spec.tenantScoped ? (args as { tenant_id?: unknown } | undefined)?.tenant_id : undefined;
    if (typeof raw === 'string' && TenantIdSchema.safeParse(raw).success) named.tenant = raw;
    /** Records the refusal (`recorded`: what the person's audit log says, when the model is told less) and answers it. */
    const fail = (data: AppErrorData, recorded: AppErrorCode = data.code): CallToolResult => {
      recordCall(spec, args, named.tenant ?? session.snapshot().activeTenantId ?? tenantAtStart, recorded, startedAt, tenantAtStart);
      return errorResult(data);
    };

    const mode = options.mode.get();
    if (!isToolAllowed(mode, spec.access)) {
      return fail({ code: 'operation_not_permitted', message: `${spec.name} needs ${modeNames[leastModeFor(spec.access)]} mode; this connection is in ${modeNames[mode]} mode, so nothing was done. ${modeChangeHint}` });
    }
    // After the mode (turning the domain on would not help a call the mode refuses), before the input.
    if (spec !== enableSpec && !toolsets.isOn(spec.domain)) return fail(toolsetOff(spec));
    // Before zod (which recurses): a pathologically nested value is a bad request, not a crash.
    const tooComplex = jsonBoundsViolation(args);
    if (tooComplex !== null) return fail({ code: 'invalid_request', message: `The arguments of ${spec.name} are too complex: ${tooComplex}.` });
    const parsed = input.safeParse(args ?? {});
    if (!parsed.success) return fail(inputFailure(spec, parsed.error));
    const { confirmed, ...values } = parsed.data as Record<string, unknown>;
    const { tenant_id: tenantId, ...toolArgs } = values;
    const target = spec.tenantScoped && typeof tenantId === 'string' ? tenantId : undefined;
    const runArgs = spec.tenantScoped ? toolArgs : values;
    // The tenant a switch names (its own input), for a refusal said in a model's terms.
    const asked = target ?? (spec.access === 'tenant' ? switchTarget(runArgs) : undefined);

    // A slot for the call (a few per connection, a few more in all): waits its turn, or is refused at once.
    let release: () => void;
    try {
      release = await calls.admit(session, ctx.mcpReq.signal);
    } catch (error) {
      return fail(errorDataOf(error));
    }
    let output: Record<string, unknown>;
    try {
      // The tenant is fixed before the tool runs: an unreachable one fails here and nothing else happens.
      const tenant: TenantScopedOperations = spec.tenantScoped ? await session.openScope(target) : activeTenant(session);
      const context = { session, tenant, uploads: uploads() };
      if (spec.confirmation !== undefined) {
        // After the mode, the input and the tenant: what would happen is said with the arguments it would
        // run with, in the tenant it would run in (a confirmation may read, e.g. the campaign's audience).
        const sentence = (): Promise<string> => Promise.resolve(spec.confirmation?.(runArgs, context) ?? '');
        const channel = elicitationChannel(ctx, server.server.getClientCapabilities());
        if (channel === 'none') {
          if (confirmed !== true) return fail({ code: 'confirmation_required', message: `${await sentence()} Nothing was done. Ask the user, then call again with confirmed: true.`, param: 'confirmed' });
        } else {
          // The client can ask the person: it does, whatever the model put in `confirmed`.
          const decision = await confirmWithPerson(channel, ctx, { tool: spec.name, tenantId: target ?? tenantAtStart, args: runArgs }, sentence, { states: confirmations, timeoutMs: confirmationTimeoutMs });
          if (decision.kind === 'ask') return decision.result;
          if (decision.kind === 'refuse') return fail(decision.error);
        }
      }
      output = (await spec.run(runArgs, context)) as Record<string, unknown>;
    } catch (error) {
      const data = errorDataOf(error);
      if (data.code === 'internal_error') log(`nevent-companion mcp: ${spec.name} failed unexpectedly: ${error instanceof Error ? error.name : typeof error}`);
      // The model hears a neutral refusal; the person's audit log keeps what the API said (their own memberships).
      if (asked !== undefined && isTenantRefusal(data, asked)) return fail(await explainTenantRefusal(data, asked, session, target === undefined ? 'tenantId' : 'tenant_id'), data.code);
      return fail(data);
    } finally {
      release();
    }

    const checked = spec.output.safeParse(output);
    if (!checked.success) {
      // What the tool builds comes from the API's answer: one that does not fit is the API's, never an internal error.
      const where = firstIssue(checked.error).path || '(root)';
      log(`nevent-companion mcp: ${spec.name} produced a result that does not match its output schema (${where})`);
      return fail({ code: 'api_error', message: `The Nevent API answered ${spec.name} with data this bridge could not read (at ${where}); nothing was changed by reading it.` });
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

  // No output schema is registered: `call` checks every answer against the tool's full output schema and
  // returns exactly what it checked, so the SDK's own pass over it would repeat that work on every call.
  const views = mountAppViews(server, { source: options.appViews ?? builtAppViews(), mode: options.mode });
  for (const spec of tools) {
    const prepared: Prepared = { spec, input: checkedInput(spec) };
    registerDefinition(server, spec, prepared.input, async (args, ctx) => views.annotate(spec.name, await call(prepared, args, ctx), ctx));
  }

  // Every tool stays registered (and callable, so an unlisted one still answers with the envelope);
  // `tools/list` shows only what this session lists, and says so when that changes (tool-listing.ts).
  const listed = new ListedTools(tools, [modeFilter(options.mode), toolsets.filter(), ...(options.toolFilters ?? [])]);
  // The on-demand tool's description lists the domains that are off now (they change only with the list itself).
  listOnly(server, listed, (spec) => (spec === enableSpec ? enableToolsDescription(toolsets.off()) : spec.description), views, noteRequestClient);
  const stopAnnouncing = listed.onDidChange(() => server.sendToolListChanged());

  return {
    server,
    dispose: () => {
      unsubscribe();
      stopAnnouncing();
      listed.dispose();
    },
  };
}

/**
 * Answers `tools/list` with the listed tools only, each exactly as the SDK advertises it (its JSON Schema
 * of the input; the lean annotations). A custom handler on the underlying Server, as the SDK intends for
 * what McpServer does not offer; everything else about tools stays the SDK's.
 */
function listOnly(server: McpServer, listed: ListedTools, describe: (spec: AnyToolSpec) => string, views: Pick<MountedAppViews, 'link'>, noteRequestClient: (ctx: ServerContext) => void): void {
  server.server.removeRequestHandler('tools/list');
  server.server.setRequestHandler('tools/list', (_request, ctx) => {
    noteRequestClient(ctx);
    return { tools: listed.listed().map((spec) => views.link(listedDefinition(server, spec, describe(spec)), ctx)) };
  });
}

/** A call to a tool whose domain is off for this conversation: which domain, and the two ways to turn it on. */
function toolsetOff(spec: AnyToolSpec): AppErrorData {
  return {
    code: 'toolset_not_enabled',
    message: `${spec.name} is one of the ${spec.domain} tools, which are off in this conversation, so nothing was done. Call ${enableToolsName}({"domain": "${spec.domain}"}) to turn them on, then call ${spec.name} again. ${toolsetChangeHint}`,
    param: 'domain',
  };
}

/** The client a 2026-07-28 request's envelope names; undefined when it names none. */
function envelopeClient(ctx: ServerContext): { name?: unknown; version?: unknown } | undefined {
  const info = ctx.mcpReq.envelope?.[CLIENT_INFO_META_KEY as keyof typeof ctx.mcpReq.envelope] as { name?: unknown; version?: unknown } | undefined;
  return info !== undefined && typeof info.name === 'string' && info.name.trim() !== '' ? info : undefined;
}

/** The tenant a switch's input names (`tenantId`, or `tenant_id`). */
function switchTarget(args: Record<string, unknown>): string | undefined {
  const named = args.tenantId ?? args.tenant_id;
  return typeof named === 'string' ? named : undefined;
}

/** An input that failed its schema, said with the tool's own explanation of a missing input when it has one. */
function inputFailure(spec: AnyToolSpec, error: z.ZodError): AppErrorData {
  const data = errorDataOf(error);
  const issue = error.issues[0];
  const missing = issue !== undefined && issue.code === 'invalid_type' && issue.path.length === 1 && issue.input === undefined;
  const explained = missing ? spec.whenMissing?.[String(issue.path[0])] : undefined;
  return explained === undefined ? data : { code: 'validation_failed', message: explained, param: String(issue?.path[0]) };
}
