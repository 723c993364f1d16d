/**
 * Our entry for the official MCP Registry (`server.json`), written by `npm run bundle` beside the bundle
 * it names (dist/server.json), because the registry wants the archive's SHA-256 and every build makes a
 * new archive. Its schema is the registry's published one (test/fixtures/mcp-registry holds a copy the
 * tests validate against).
 *
 * The one package is the MCP Bundle (registryType "mcpb": a download URL of a release plus its hash,
 * stdio). The registry's schema has no field for tools, so what the server offers — its tools, the
 * operation modes and the transports of the app — goes under the publisher-provided `_meta` key.
 */
import type { AnyToolSpec } from './tool';

/** The registry schema version our server.json follows. */
export const registrySchemaUrl = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

/** Our name in the registry: the GitHub namespace the bundle is released under. */
const registryName = 'io.github.nevent-dev/nevent-companion';

/** Where a release's bundle is downloaded from (the registry accepts GitHub and GitLab release assets). */
export function releaseBundleUrl(version: string, base = 'https://github.com/nevent-dev/nevent-companion/releases/download'): string {
  return `${base.replace(/\/+$/, '')}/v${version}/nevent-companion.mcpb`;
}

/** What the registry entry needs from a build. */
export interface RegistryEntryInput {
  version: string;
  /** SHA-256 of the .mcpb, lowercase hex. */
  bundleSha256: string;
  /** The URL the .mcpb is published at. */
  bundleUrl: string;
  tools: readonly Pick<AnyToolSpec, 'name'>[];
}

/** `server.json` for the MCP Registry. */
export function registryServerJson(input: RegistryEntryInput): Record<string, unknown> {
  return {
    $schema: registrySchemaUrl,
    name: registryName,
    title: 'Nevent Companion',
    description: 'Nevent for AI assistants through the Nevent Companion app: tenants, segments, campaigns, analytics.',
    version: input.version,
    packages: [
      {
        registryType: 'mcpb',
        identifier: input.bundleUrl,
        version: input.version,
        fileSha256: input.bundleSha256,
        transport: { type: 'stdio' },
      },
    ],
    _meta: {
      'io.modelcontextprotocol.registry/publisher-provided': {
        requires: 'The Nevent Companion desktop app, running and signed in (the bundle attaches to it; it holds no token).',
        tools: input.tools.map((tool) => tool.name),
        operationModes: ['READ_ONLY', 'STANDARD', 'FULL'],
        protocolVersions: ['2026-07-28', '2025-11-25'],
      },
    },
  };
}
