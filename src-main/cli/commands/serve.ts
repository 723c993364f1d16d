/**
 * `nevent-companion serve [--demo [--demo-user U]] [--api-url URL] [--data-api-url URL] [--port N] [--socket PATH]`: the core, the MCP
 * socket bridge and the web UI, without Electron. stdout carries exactly two lines
 * for people and scripts: `ui: URL` (with this launch's token) and `mcp socket: PATH`.
 */
import { parseArgs } from 'node:util';
import { DemoUserSchema } from '../../../src-shared/ipc';
import { parseOperationMode } from '../../../src-shared/session';
import type { CliCommand, CliIo } from '../command';
import { currentLauncher } from './config';
import { productVersion } from '../../../src-shared/product';

const usage = `Usage: nevent-companion serve [--demo [--demo-user superadmin|owner|admin|staff|solo]] [--api-url URL] [--data-api-url URL] [--port N] [--socket PATH] [--mode M] [--http [--http-port N]]

Runs Nevent Companion without a desktop window: the tenant core, the MCP socket for AI clients
(\`nevent-companion mcp --attach\`) and the app's UI for your browser, all on this machine only.
Prints "ui: URL" (open it; it carries this launch's access token) and "mcp socket: PATH".

Options:
  --demo               start the demo API in-process and sign in as --demo-user (default owner)
  --api-url URL        the Nevent core API the sign-in screen offers (or NEVENT_API_URL;
                       default https://api.nevent.es)
  --data-api-url URL   its data API (or NEVENT_DATA_API_URL; default https://data.nevent.es)
  --port N             port of the web UI on 127.0.0.1 (default: a free one)
  --socket PATH        the MCP socket (default: per user, under $XDG_RUNTIME_DIR where set)
  --mode M             MCP operation mode: READ_ONLY (default), STANDARD or FULL
                       (or NEVENT_OPERATION_MODE)
  --http               also serve MCP over Streamable HTTP at http://127.0.0.1:PORT/mcp for AI
                       clients that prefer it, behind a bridge token (never a Nevent token; kept in
                       the OS keychain, printed once when created as "mcp http token: …"; revoke it
                       in the app). Prints "mcp http: URL".
  --http-port N        port of the MCP HTTP endpoint (default: a free one)

Stop it with Ctrl+C: the socket is removed and every session ends.`;

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { demo: { type: 'boolean' }, 'demo-user': { type: 'string' }, 'api-url': { type: 'string' }, 'data-api-url': { type: 'string' }, port: { type: 'string' }, socket: { type: 'string' }, mode: { type: 'string' }, http: { type: 'boolean' }, 'http-port': { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const user = DemoUserSchema.safeParse(values['demo-user'] ?? 'owner');
  if (!user.success) throw new Error(`--demo-user must be one of ${DemoUserSchema.options.join(', ')}`);
  if (values['demo-user'] !== undefined && values.demo !== true) throw new Error('--demo-user needs --demo');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a number from 0 to 65535');
  if (values.socket === '') throw new Error('--socket needs a path');
  const mode = values.mode === undefined ? undefined : parseOperationMode(values.mode);
  if (mode === null) throw new Error('--mode must be READ_ONLY, STANDARD or FULL');
  const httpPort = values['http-port'] === undefined ? undefined : Number(values['http-port']);
  if (httpPort !== undefined && (values.http !== true || !Number.isInteger(httpPort) || httpPort < 0 || httpPort > 65535)) throw new Error('--http-port needs --http and a number from 0 to 65535');
  for (const flag of ['api-url', 'data-api-url'] as const) {
    const url = values[flag];
    if (url !== undefined && !/^https?:\/\/[^/\s]+/i.test(url)) throw new Error(`--${flag} must be an http(s) URL (got "${url}")`);
  }
  return { demo: values.demo === true ? { user: user.data } : null, port, socketPath: values.socket, operationMode: mode, mcpHttp: values.http === true ? (httpPort === undefined ? {} : { port: httpPort }) : undefined, apiUrl: values['api-url'], dataApiUrl: values['data-api-url'] };
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let flags: ReturnType<typeof parse>;
  try {
    flags = parse(argv);
  } catch (error) {
    io.stderr.write(`nevent-companion serve: ${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return 2;
  }
  const { startServe } = await import('../../serve/run-serve');
  const log = (line: string): void => {
    io.stderr.write(`${line}\n`);
  };
  let running: Awaited<ReturnType<typeof startServe>>;
  try {
    running = await startServe({
      demo: flags.demo,
      port: flags.port,
      ...(flags.socketPath === undefined ? {} : { socketPath: flags.socketPath }),
      ...(flags.operationMode === undefined ? {} : { operationMode: flags.operationMode }),
      ...(flags.mcpHttp === undefined ? {} : { mcpHttp: flags.mcpHttp }),
      // The URL flags stand in for the environment they override (the app reads its defaults there).
      env: { ...io.env, ...(flags.apiUrl === undefined ? {} : { NEVENT_API_URL: flags.apiUrl, NEVENT_DATA_API_URL: flags.dataApiUrl }), ...(flags.apiUrl === undefined && flags.dataApiUrl !== undefined ? { NEVENT_DATA_API_URL: flags.dataApiUrl } : {}) },
      version: productVersion,
      launcher: currentLauncher(),
      log,
    });
  } catch (error) {
    io.stderr.write(`nevent-companion serve: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  io.stdout.write(`ui: ${running.uiUrl}\n`);
  io.stdout.write(`mcp socket: ${running.socketPath ?? 'unavailable (see the message above)'}\n`);
  if (running.mcpHttp !== null) {
    io.stdout.write(`mcp http: ${running.mcpHttp.url ?? 'unavailable (see the message above)'}\n`);
    if (running.mcpHttp.newToken !== null) io.stdout.write(`mcp http token: ${running.mcpHttp.newToken}\n`);
  }
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  log(`nevent-companion serve: ${signal}, shutting down`);
  await running.close();
  return 0;
}

/** `serve` command. */
export const serveCommand: CliCommand = {
  summary: 'Run the core, the MCP socket and the web UI without Electron',
  usage,
  run,
};
