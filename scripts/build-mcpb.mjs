// `npm run bundle`: the MCP Bundle for Claude Desktop, dist/nevent-companion.mcpb (`--out FILE` elsewhere),
// and the official MCP Registry's server.json beside it, naming it with its SHA-256 (`--release-url BASE`:
// where releases are downloaded from, when not the default in src-main/mcp/registry-server-json.ts).
//
//   src-main/mcp/mcpb-entry.ts ──esbuild (everything inlined, Node 20)──> server/nevent-companion-attach.mjs
//   src-main/mcp/mcpb-manifest.ts + the tool list ──────────────────────> manifest.json
//   build/icon.png ─────────────────────────────────────────────────────> icon.png
//   staged in a temp folder ──@anthropic-ai/mcpb: validate, pack──> the .mcpb (a zip) ──sha256──> server.json
//
// The server is `mcp --attach` alone: it reaches the running app over its socket, so the bundle carries
// no token and no native module (the build fails if one slips in). The official mcpb tooling validates
// the manifest against its schema and packs the archive, as `mcpb pack` does.
import { MANIFEST_SCHEMAS, packExtension, validateManifest } from '@anthropic-ai/mcpb';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, 'release-url': { type: 'string' } } });
const output = resolve(values.out ?? join(root, 'dist', 'nevent-companion.mcpb'));
// A folder of this run's own: builds running side by side (the app's, a test's) never touch each other's files.
const work = mkdtempSync(join(tmpdir(), 'nevent-mcpb-'));
const stage = join(work, 'nevent-companion');
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

const say = (line) => process.stdout.write(`nevent-companion bundle: ${line}\n`);
const fail = (line) => {
  process.stderr.write(`nevent-companion bundle: ${line}\n`);
  process.exit(1);
};

mkdirSync(join(stage, 'server'), { recursive: true });

// The manifest's tool list comes from the toolset itself: build the manifest module once, then import it.
// Inside the checkout, so that the packages it imports resolve; named for this run, removed at the end.
const manifestModule = join(root, 'out', `mcpb-manifest-${process.pid}.mjs`);
process.on('exit', () => rmSync(manifestModule, { force: true }));
await build({
  stdin: {
    contents: "export { bundleManifest, bundleEntryPoint } from './src-main/mcp/mcpb-manifest'; export { registryServerJson, releaseBundleUrl } from './src-main/mcp/registry-server-json'; export { allTools } from './src-main/mcp/tools';",
    resolveDir: root,
    loader: 'ts',
  },
  outfile: manifestModule,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { bundleManifest, bundleEntryPoint, registryServerJson, releaseBundleUrl, allTools } = await import(pathToFileURL(manifestModule).href);
const manifest = bundleManifest(version, allTools);
writeFileSync(join(stage, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
copyFileSync(join(root, 'build', 'icon.png'), join(stage, 'icon.png'));

const server = await build({
  entryPoints: [join(root, 'src-main', 'mcp', 'mcpb-entry.ts')],
  outfile: join(stage, bundleEntryPoint),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Bundled CommonJS dependencies call require() for Node built-ins; an ES module has none of its own.
  banner: { js: "import { createRequire as __cjsRequire } from 'node:module'; const require = __cjsRequire(import.meta.url);" },
  minify: true,
  legalComments: 'inline',
  metafile: true,
  logLevel: 'warning',
});
const inputs = Object.keys(server.metafile.inputs);
const native = inputs.filter((input) => /keytar|\.node$/.test(input));
if (native.length > 0) fail(`a native module reached the bundle's server: ${native.join(', ')}`);
const external = Object.values(server.metafile.outputs).flatMap((out) => out.imports.filter((i) => i.external && !i.path.startsWith('node:')));
if (external.length > 0) fail(`the bundle's server still imports ${external.map((i) => i.path).join(', ')}: it must be self-contained`);

// The schema the packed manifest must satisfy (the package's strict zod schema for 0.3), then mcpb's own checks.
const schema = MANIFEST_SCHEMAS[manifest.manifest_version];
const checked = schema.safeParse(manifest);
if (!checked.success) fail(`manifest.json does not match the MCPB ${manifest.manifest_version} schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
// mcpb reports on the console as it goes (also when packing "silently"): keep it for when something fails.
const heard = [];
const quietly = async (work) => {
  const log = console.log;
  console.log = (...parts) => heard.push(parts.join(' '));
  try {
    return await work();
  } finally {
    console.log = log;
  }
};
if (!(await quietly(() => validateManifest(stage)))) fail(`@anthropic-ai/mcpb refused the manifest:\n${heard.join('\n')}`);

mkdirSync(dirname(output), { recursive: true });
if (!(await quietly(() => packExtension({ extensionPath: stage, outputPath: output, silent: true })))) fail(`@anthropic-ai/mcpb could not pack the bundle:\n${heard.join('\n')}`);
const sha256 = createHash('sha256').update(readFileSync(output)).digest('hex');
const bundleUrl = values['release-url'] === undefined ? releaseBundleUrl(version) : releaseBundleUrl(version, values['release-url']);
const serverJson = join(dirname(output), 'server.json');
writeFileSync(serverJson, `${JSON.stringify(registryServerJson({ version, bundleSha256: sha256, bundleUrl, tools: allTools }), null, 2)}\n`);
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
say(`${relative(process.cwd(), output) || output} (${kib(statSync(output).size)}; server ${kib(statSync(join(stage, bundleEntryPoint)).size)}, ${manifest.tools.length} tools listed)`);
say(`${relative(process.cwd(), serverJson) || serverJson} for the MCP Registry (sha256 ${sha256.slice(0, 12)}…, ${bundleUrl})`);
