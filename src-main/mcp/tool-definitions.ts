/**
 * A tool as `tools/list` shows it, built one way for the server and for the desktop's byte counts ("Tools
 * the AI sees" says what each toolset costs): the input the server checks (the tool's own, plus `tenant_id`
 * and `confirmed` where they apply), registered with a schema that advertises its lean JSON Schema
 * (lean-schema.ts) and accepts every value, and the entry the server's `tools/list` answers with.
 */
import { McpServer } from '@modelcontextprotocol/server';
import type { CallToolResult, InputRequiredResult, ListToolsResult, ServerContext } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { advertisedInput, leanAnnotations } from './lean-schema';
import type { AnyToolSpec } from './tool';

/** The one shared line every tenant-scoped tool's `tenant_id` carries (the context budget). */
export const tenantIdDescription = 'Tenant id; pass it on every call.';

/** The one line every destructive tool's `confirmed` carries. */
export const confirmedDescription = 'true only once the user agreed to this exact change.';

/** A `tools/list` entry. */
export type ListedDefinition = ListToolsResult['tools'][number];

/** The input the server checks for `spec`: its own, plus `tenant_id` (tenant-scoped) and `confirmed` (asks first). */
export function checkedInput(spec: AnyToolSpec): z.ZodObject {
  const scoped = spec.tenantScoped ? spec.input.extend({ tenant_id: z.string().optional().describe(tenantIdDescription) }) : spec.input;
  return spec.confirmation !== undefined ? scoped.extend({ confirmed: z.boolean().optional().describe(confirmedDescription) }) : scoped;
}

/**
 * Registers `spec` on `server` with `input` advertised and `handler` answering its calls. No output schema
 * is registered: the server checks every answer against the tool's full output schema itself.
 */
export function registerDefinition(server: McpServer, spec: AnyToolSpec, input: z.ZodObject, handler: (args: unknown, ctx: ServerContext) => Promise<CallToolResult | InputRequiredResult>): void {
  server.registerTool(
    spec.name,
    { title: spec.title, description: spec.description, inputSchema: advertisedInput(input), annotations: leanAnnotations(spec.annotations) },
    (args, ctx) => handler(args, ctx),
  );
}

/** `spec`'s `tools/list` entry, as registered on `server` (its JSON Schema of the input; the lean annotations). */
export function listedDefinition(server: McpServer, spec: AnyToolSpec, description: string = spec.description): ListedDefinition {
  return {
    name: spec.name,
    title: spec.title,
    description,
    inputSchema: (server.toolInputSchemaJson(spec.name) ?? { type: 'object', properties: {} }) as ListedDefinition['inputSchema'],
    annotations: leanAnnotations(spec.annotations),
  };
}

/** UTF-8 bytes of a JSON value as a client receives it (compact). */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** The bytes each tool's `tools/list` entry takes (compact JSON, UTF-8), by name. */
export function definitionBytes(tools: readonly AnyToolSpec[]): ReadonlyMap<string, number> {
  const server = new McpServer({ name: 'sizes', version: '0' });
  const unused = (): Promise<CallToolResult> => Promise.resolve({ content: [] });
  for (const spec of tools) registerDefinition(server, spec, checkedInput(spec), unused);
  return new Map(tools.map((spec) => [spec.name, jsonBytes(listedDefinition(server, spec))]));
}
