/**
 * The MCP Bundle for Claude Desktop, as Claude Desktop meets it: `npm run bundle` (scripts/build-mcpb.mjs) makes
 * a small archive that `@anthropic-ai/mcpb` validates; unpacked into a temp folder, its server runs
 * exactly as the manifest's `mcp_config` says — the command line worked out by mcpb's own
 * `getMcpConfigForManifest`, the code Claude Desktop loads bundles with — and a real MCP client reaches a
 * running `serve` through it: with the socket setting left empty (the default socket) and with one set.
 * With no app behind it, it lists the status tool. The server.json written beside it validates against
 * the MCP Registry's published schema (a copy in test/fixtures/mcp-registry) and names this very archive.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { getMcpConfigForManifest, unpackExtension, v0_3, validateManifest } from '@anthropic-ai/mcpb';
import { Ajv } from 'ajv';
import { default as addFormats } from 'ajv-formats';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { statusToolName } from '../../../src-main/mcp/attach-offline';
import { defaultSocketPath } from '../../../src-main/mcp/socket-path';
import { registrySchemaUrl } from '../../../src-main/mcp/registry-server-json';
import { allTools } from '../../../src-main/mcp/tools';
import { contractToolNames } from '../../helpers/contract-tools';
import { repoRoot } from '../mcp/cli-helpers';
import { startServe, type ServeProcess } from '../serve/serve-process';

const work = mkdtempSync(join(tmpdir(), 'nc-mcpb-'));
const archive = join(work, 'nevent-companion.mcpb');
const unpacked = join(work, 'unpacked');
type Manifest = Parameters<typeof getMcpConfigForManifest>[0]['manifest'];
let manifest: Manifest & { tools: { name: string; description: string }[]; user_config: Record<string, { default?: unknown; required?: boolean }> };
let built: { stdout: string; stderr: string };

beforeAll(async () => {
  const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-mcpb.mjs'), '--out', archive], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run bundle failed: ${run.stderr}${run.stdout}`);
  built = { stdout: run.stdout, stderr: run.stderr };
  expect(await unpackExtension({ mcpbPath: archive, outputDir: unpacked, silent: true })).toBe(true);
  manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as typeof manifest;
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file in the unpacked archive, relative. */
function filesIn(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesIn(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]));
}

/** Starts the unpacked server the way Claude Desktop does: mcpb resolves `mcp_config` with the person's settings. */
async function connectAsClaudeDesktop(userConfig: Record<string, string>, env: Record<string, string>): Promise<{ client: Client; stderr: () => string }> {
  const config = await getMcpConfigForManifest({ manifest, extensionPath: unpacked, systemDirs: {}, userConfig, pathSeparator: sep });
  if (config === undefined) throw new Error('mcpb found no runnable configuration');
  const transport = new StdioClientTransport({ command: config.command, args: config.args ?? [], env: { ...getDefaultEnvironment(), ...config.env, ...env }, stderr: 'pipe', cwd: work });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'claude-ai', version: '0.14.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

describe('the MCP Bundle', () => {
  it('is small, self-contained and validated by @anthropic-ai/mcpb', () => {
    expect(built.stdout).toMatch(/nevent-companion\.mcpb \(\d+ KiB; server \d+ KiB, \d+ tools listed\)/);
    expect(statSync(archive).size).toBeLessThan(1024 * 1024);
    expect(v0_3.McpbManifestSchema.safeParse(manifest).success).toBe(true);
    // mcpb's own validation (it reports on the console; kept out of the test output).
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(validateManifest(unpacked)).toBe(true);
    } finally {
      quiet.mockRestore();
    }
    const files = filesIn(unpacked).sort();
    expect(files).toEqual(['icon.png', 'manifest.json', 'server/nevent-companion-attach.mjs']);
    // No native module, no token, no dependency left to install.
    expect(files.some((file) => file.endsWith('.node') || file.includes('node_modules'))).toBe(false);
    const server = readFileSync(join(unpacked, 'server', 'nevent-companion-attach.mjs'), 'utf8');
    expect(server).not.toMatch(/from\s*["'](?!node:)[^"'.][^"']*["']/);
    expect(server).not.toMatch(/ncb_[A-Za-z0-9_-]{20,}|eyJ[A-Za-z0-9_-]{10,}\./);
    expect(manifest).toMatchObject({ name: 'nevent-companion', display_name: 'Nevent Companion', icon: 'icon.png', server: { type: 'node', entry_point: 'server/nevent-companion-attach.mjs' }, compatibility: { runtimes: { node: '>=20.0.0' } } });
    expect(manifest.tools.map((tool) => tool.name)).toEqual(allTools.map((tool) => tool.name));
    expect(manifest.user_config.socket).toMatchObject({ required: false, default: '' });
  });

  it('comes with a server.json for the MCP Registry that its published schema accepts, naming this archive', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'mcp-registry', 'server.schema.2025-12-11.json'), 'utf8')) as { $id: string };
    expect(schema.$id).toBe(registrySchemaUrl);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const serverJson = JSON.parse(readFileSync(join(work, 'server.json'), 'utf8')) as { $schema: string; version: string; packages: { registryType: string; identifier: string; version: string; fileSha256: string; transport: { type: string } }[]; _meta: Record<string, { tools: string[] }> };
    expect(validate(serverJson), JSON.stringify(validate.errors)).toBe(true);
    expect(serverJson.$schema).toBe(registrySchemaUrl);
    expect(serverJson.version).toBe(manifest.version);
    const [bundle] = serverJson.packages;
    expect(bundle).toMatchObject({ registryType: 'mcpb', version: manifest.version, transport: { type: 'stdio' } });
    expect(bundle?.identifier).toMatch(/^https:\/\/github\.com\/.+\/releases\/download\/v\d+\.\d+\.\d+\/nevent-companion\.mcpb$/);
    expect(bundle?.fileSha256).toBe(createHash('sha256').update(readFileSync(archive)).digest('hex'));
    expect(serverJson._meta['io.modelcontextprotocol.registry/publisher-provided']?.tools).toEqual(allTools.map((tool) => tool.name));
    // The validator is live: what the registry refuses, it refuses.
    expect(validate({ ...serverJson, description: 'x'.repeat(101) })).toBe(false);
    expect(validate({ ...serverJson, name: 'no-namespace' })).toBe(false);
  });

  describe('run as its manifest says', () => {
    let serve: ServeProcess;
    let runtime: string;
    beforeAll(async () => {
      runtime = mkdtempSync(join(tmpdir(), 'nc-mcpb-run-'));
      // serve listens on the default socket of a session whose XDG_RUNTIME_DIR is `runtime`.
      // FULL: every tool is listed, so the bundle's listing can be compared with the whole toolset.
      serve = await startServe(['--demo', '--mode', 'FULL'], { socketPath: defaultSocketPath({ env: { XDG_RUNTIME_DIR: runtime }, platform: 'linux' }) });
    }, 60_000);
    afterAll(async () => {
      await serve?.stop();
      serve?.cleanup();
      rmSync(runtime, { recursive: true, force: true });
    });

    it.skipIf(process.platform === 'win32').each([
      ['the socket setting left empty (the default socket)', {}],
      ['the socket setting naming it', null],
    ] as const)('reaches the running app with %s', async (_label, setting) => {
      const userConfig = setting ?? { socket: serve.socketPath };
      const { client } = await connectAsClaudeDesktop(userConfig, { XDG_RUNTIME_DIR: runtime });
      try {
        const tools = (await client.listTools()).tools.map((tool) => tool.name);
        for (const name of contractToolNames) expect(tools).toContain(name);
        const active = (await client.callTool({ name: 'nevent_get_active_tenant', arguments: {} })) as CallToolResult;
        expect(active.isError).not.toBe(true);
        expect(active.structuredContent).toMatchObject({ active_tenant_id: expect.any(String) });
      } finally {
        await client.close();
      }
    }, 60_000);

    it.skipIf(process.platform === 'win32')('with no app at the socket, lists the status tool and says which socket it tried', async () => {
      const nowhere = join(runtime, 'elsewhere', 'mcp.sock');
      const { client } = await connectAsClaudeDesktop({ socket: nowhere }, { XDG_RUNTIME_DIR: runtime });
      try {
        expect(client.getInstructions()).toContain(nowhere);
        expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual([statusToolName]);
        const said = (await client.callTool({ name: statusToolName, arguments: {} })) as CallToolResult;
        expect(said.structuredContent).toMatchObject({ app_reachable: false, problem: 'not_running', socket: nowhere });
      } finally {
        await client.close();
      }
      expect(existsSync(nowhere)).toBe(false);
    }, 60_000);
  });
});
