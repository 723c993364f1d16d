/**
 * `nevent-companion mcp`: the MCP bridge over stdio.
 *
 *   mcp [--demo [--demo-user U]] [--api-url URL] [--data-api-url URL] [--mode M]   standalone, in-process core
 *   mcp --attach [--socket PATH]                                                   pipe to the running app
 *
 * stdout carries JSON-RPC only: every message for people goes to stderr.
 */
import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../command';
import { productVersion } from '../../../src-shared/product';

const usage = `Usage: nevent-companion mcp [--demo [--demo-user superadmin|owner|admin|staff|solo]] [--api-url URL] [--data-api-url URL] [--mode M]
       nevent-companion mcp --attach [--socket PATH]

Runs the Nevent MCP bridge on stdin/stdout for an AI client (Claude Desktop, Cursor, VS Code, ...).

Credentials, in order: --demo (embedded demo API), NEVENT_JWT_TOKEN (+ NEVENT_REFRESH_TOKEN), then the
account saved by the app or \`nevent-companion login\`. Without a URL, Nevent itself is used
(https://api.nevent.es and https://data.nevent.es).

Options:
  --demo               start the demo API in-process and sign in as --demo-user (default owner)
  --api-url URL        Nevent's core API (or NEVENT_API_URL; default https://api.nevent.es)
  --data-api-url URL   Nevent's data API (or NEVENT_DATA_API_URL; default https://data.nevent.es,
                       required with any other --api-url except a local demo API, which serves it at /data)
  --mode M             READ_ONLY (default), STANDARD (also create/update segments) or FULL
                       (or NEVENT_OPERATION_MODE)
  --attach             connect to the running app (or \`nevent-companion serve\`) instead; while it
                       cannot be reached, answer the AI client with one status tool that says why
                       (and which socket was tried), then bring the app's tools as soon as it is up
  --socket PATH        the app's MCP socket (default, also when empty: per user, see
                       \`nevent-companion serve\`)`;

/** Reads the flags; throws a readable error for bad ones. */
function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      demo: { type: 'boolean' },
      'demo-user': { type: 'string' },
      'api-url': { type: 'string' },
      'data-api-url': { type: 'string' },
      mode: { type: 'string' },
      attach: { type: 'boolean' },
      socket: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  return values;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let flags: ReturnType<typeof parse>;
  try {
    flags = parse(argv);
  } catch (error) {
    io.stderr.write(`nevent-companion mcp: ${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return 2;
  }
  const { redactTokens } = await import('../../mcp/envelope');
  const say = (line: string): void => {
    io.stderr.write(`${redactTokens(line)}\n`);
  };

  if (flags.attach === true) {
    if (flags.mode !== undefined || flags.demo === true || flags['api-url'] !== undefined) {
      say('nevent-companion mcp --attach: the running app decides the sign-in and operation mode; --demo, --api-url and --mode are ignored.');
    }
    const { runAttachCommand } = await import('../../mcp/attach-command');
    return runAttachCommand(flags.socket, io, productVersion);
  }
  if (flags.socket !== undefined) {
    say('nevent-companion mcp: --socket only applies with --attach.');
    return 2;
  }

  const { parseOperationMode } = await import('../../../src-shared/session');
  const { fixedMode } = await import('../../mcp/operation-mode');
  const mode = parseOperationMode(flags.mode ?? io.env.NEVENT_OPERATION_MODE);
  if (mode === null) {
    say(`nevent-companion mcp: unknown operation mode "${flags.mode ?? io.env.NEVENT_OPERATION_MODE}"; use READ_ONLY, STANDARD or FULL.`);
    return 2;
  }

  // Anything in this process that logs with console.log would corrupt the JSON-RPC stream: send it to stderr.
  for (const method of ['log', 'info', 'debug'] as const) console[method] = (...args: unknown[]) => say(args.map(String).join(' '));

  // Answer `initialize` at once and sign in meanwhile (start-up): the server is loaded first (loading
  // the sign-in's modules alongside made the answer a little later here), then the sign-in runs while the server
  // answers, and the first tool call waits for it. A failed sign-in is said on stderr as it happens
  // and answered by every tool call (authentication_error, the same sentence); the exit code says it too.
  const { runStdioServer } = await import('../../mcp/stdio-runner');
  const signingIn = import('../../mcp/standalone').then(async ({ openStandaloneSession, signInFailure }) => {
    try {
      return { ok: true, standalone: await openStandaloneSession({ demo: flags.demo === true, demoUser: flags['demo-user'], apiUrl: flags['api-url'], dataApiUrl: flags['data-api-url'], env: io.env }) } as const;
    } catch (error) {
      return { ok: false, failure: signInFailure(error) } as const;
    }
  });
  const { DeferredSession } = await import('../../mcp/deferred-session');
  const session = new DeferredSession(signingIn.then((outcome) => (outcome.ok ? { ok: true, session: outcome.standalone.session } : outcome)));
  void signingIn.then((outcome) => {
    if (!outcome.ok) {
      say(`nevent-companion mcp: ${outcome.failure.message}`);
      return;
    }
    const snapshot = outcome.standalone.session.snapshot();
    say(`nevent-companion mcp: ready on stdio (credentials: ${outcome.standalone.source}, tenant: ${snapshot.activeTenantId ?? 'none'}, mode: ${mode})`);
  });
  try {
    await runStdioServer({ session, unavailable: () => session.gate(), mode: fixedMode(mode), stdin: io.stdin as NodeJS.ReadStream, stdout: io.stdout as NodeJS.WriteStream, log: say, version: productVersion });
  } finally {
    // The client may leave before the sign-in ends: wait for it (it is bounded by its own time-outs), then tear down.
    const outcome = await signingIn;
    if (outcome.ok) await outcome.standalone.close();
  }
  // A bridge that never had a sign-in did not do its job: say so to whoever started it.
  if (!(await signingIn).ok) return 1;
  return 0;
}

/** `mcp` command. */
export const mcpCommand: CliCommand = {
  summary: 'Run the MCP bridge over stdio (or attach to the running app)',
  usage,
  run,
};
