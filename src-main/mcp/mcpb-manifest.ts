/**
 * The MCP Bundle's manifest (`manifest.json` in dist/nevent-companion.mcpb), in the MCPB manifest spec
 * version 0.3 that `@anthropic-ai/mcpb` validates (its package holds the spec; 0.4 only adds Python's uv
 * runtime and is marked experimental there). scripts/build-mcpb.mjs writes it; the bundle test validates
 * it with the package's own schema and runs the server exactly as `mcp_config` says.
 *
 * The bundle holds only `mcp --attach` (mcpb-entry.ts): it connects Claude Desktop to the running app,
 * which holds the sign-in, so no token and no native module is inside. `socket` is optional: left empty,
 * the entry gets `--socket=` and uses the per-user default socket.
 */
import type { AnyToolSpec } from './tool';

/** Where the bundle's server lives inside the archive. */
export const bundleEntryPoint = 'server/nevent-companion-attach.mjs';

/** The manifest for `version`, listing `tools` (what the app serves; the live list can differ, hence tools_generated). */
export function bundleManifest(version: string, tools: readonly Pick<AnyToolSpec, 'name' | 'description'>[]): Record<string, unknown> {
  return {
    manifest_version: '0.3',
    name: 'nevent-companion',
    display_name: 'Nevent Companion',
    version,
    description: 'Nevent inside Claude: tenants, segments, campaigns, analytics, paid media, templates and short URLs, through the Nevent Companion app.',
    long_description: [
      'Connects Claude Desktop to the **Nevent Companion** desktop app, which holds your Nevent sign-in in the OS keychain. Every conversation gets its own tenant session; the operation mode you choose in the app (read only by default) decides what the AI may do, and the app records every call.',
      '',
      'Nevent Companion must be running. While it is not, the extension lists one tool, `nevent_companion_status`, that says what is wrong and how to fix it; the Nevent tools appear as soon as the app is up.',
    ].join('\n'),
    author: { name: 'Nevent', email: 'support@nevent.es' },
    icon: 'icon.png',
    server: {
      type: 'node',
      entry_point: bundleEntryPoint,
      mcp_config: {
        command: 'node',
        // One argument, so an empty setting arrives as `--socket=` (the default socket), never as a bare value.
        args: [`\${__dirname}/${bundleEntryPoint}`, '--socket=${user_config.socket}'],
      },
    },
    tools: tools.map((tool) => ({ name: tool.name, description: tool.description })),
    tools_generated: true,
    keywords: ['nevent', 'crm', 'events', 'campaigns', 'segments', 'analytics', 'multi-tenant'],
    compatibility: { platforms: ['darwin', 'win32', 'linux'], runtimes: { node: '>=20.0.0' } },
    user_config: {
      socket: {
        type: 'string',
        title: 'MCP socket',
        description: "Nevent Companion's MCP socket, only when it is not the default one (the app's MCP panel shows it). Leave empty for the default.",
        required: false,
        default: '',
      },
    },
  };
}
