/**
 * The MCP Bundle's server (scripts/build-mcpb.mjs bundles it, with everything it imports, into one
 * file): the same relay as `nevent-companion mcp --attach`, on this process's stdio, to the app's socket
 * named by `--socket` (empty: the default). Nothing else of the CLI comes along: no core, no toolset, no
 * keytar.
 */
import { parseArgs } from 'node:util';
import { productVersion } from '../../src-shared/product';
import { runAttachCommand } from './attach-command';

const { values } = parseArgs({ args: process.argv.slice(2), options: { socket: { type: 'string' } }, strict: false, allowPositionals: true });
const socket = typeof values.socket === 'string' ? values.socket : undefined;
const code = await runAttachCommand(socket, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }, productVersion);
// Leave once what was written is flushed (a stray handle must never keep Claude Desktop's server alive).
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
