/**
 * What one MCP tool is: its contract (name, schemas, annotations, description written for a model)
 * and its behaviour against one tenant session. One file per tool in `tools/` exports one of these;
 * the server factory registers them and runs every call through the same checks (mode, input,
 * the tenant it runs in, output, audit).
 */
import type { z } from 'zod';
import type { ToolAnnotations } from '@modelcontextprotocol/server';
import type { TenantScopedOperations, TenantSession } from '../core/session/tenant-session';
import type { ToolDomain } from '../../src-shared/tool-domains';
import type { ToolAccess } from './operation-mode';

export type { ToolDomain } from '../../src-shared/tool-domains';

/** What a tool's `run` gets besides its arguments. */
export interface ToolContext {
  /** The connection's session (tenant listing, switch, reset). */
  session: TenantSession;
  /**
   * Where tenant-scoped work runs, fixed when the call started: the tenant the call named (`tenant_id`),
   * else the session's active one at that moment. A switch while the tool runs never moves it
   * (docs/tenant-isolation.md).
   */
  tenant: TenantScopedOperations;
  /** What the person allowed `nevent_upload_image` to read, as it stands for this call. */
  uploads: UploadPolicy;
}

/** Where uploads may come from: local files only inside named folders; URLs only on public addresses unless allowed. */
export interface UploadPolicy {
  /** Folders the person named for uploads of local files; empty: none allowed. */
  folders: readonly string[];
  /** URLs on this computer or its local network may be fetched (`NEVENT_UPLOAD_LOCAL_URLS=1`). */
  allowLocalUrls: boolean;
}

/**
 * A tool definition. `tenantScoped` tools answer with `tenant_id` (the tenant the answer came from)
 * and accept an optional `tenant_id` naming the tenant to run in; the factory adds that input field.
 */
export interface ToolSpec<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  name: string;
  /** The domain (folder under `tools/`) the tool belongs to: its `nevent_help` topic and MCP panel group. */
  domain: ToolDomain;
  title: string;
  description: string;
  access: ToolAccess;
  tenantScoped: boolean;
  input: I;
  /** What every answer must be: the server checks each one against it (internal_error otherwise); not advertised. */
  output: O;
  annotations: ToolAnnotations;
  /**
   * Tools that ask the person first (every DELETE-class tool, and writes that reach people, such as a test
   * email): what the call would do, in a sentence for the person. The server asks through the client
   * (`elicitation/create`) when it can; otherwise it adds a `confirmed` input, and without `confirmed: true`
   * the call does nothing and answers `confirmation_required` with this sentence. It runs in the call's
   * tenant and may read (never write) to say exactly what would happen (which campaign, to how many).
   */
  confirmation?: (args: z.output<I>, context: ToolContext) => string | Promise<string>;
  /** What to tell a model that left out a required input (by input name), instead of "expected …, received undefined". */
  whenMissing?: Readonly<Record<string, string>>;
  run(args: z.output<I>, context: ToolContext): Promise<z.input<O>>;
}

/** Erases a tool's type parameters so tools of different shapes fit in one list. */
export type AnyToolSpec = ToolSpec<z.ZodObject, z.ZodObject>;

/** Declares a tool with its types checked, returning it in the erased form the server takes. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(spec: ToolSpec<I, O>): AnyToolSpec {
  return spec as unknown as AnyToolSpec;
}

/** One `nevent_help` topic: the markdown a domain (or the general help) contributes. */
export interface HelpGuide {
  /** The topic name a model passes (upstream's names: `segments`, `paid_media`, …). */
  topic: string;
  guidance: string;
}
