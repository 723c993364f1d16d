/**
 * `nevent-companion config <client> [--socket PATH] [--write] [--file PATH]`: prints the MCP entry an
 * AI client needs to use Nevent Companion (the snippet on stdout in the client's format, where it goes
 * on stderr), or with `--write` shows the change and merges it into the client's config file. Without a
 * client it lists them all, with where each keeps its file and whether it looks installed.
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { missingCaseError } from '../../../src-shared/missing-case';
import type { CliCommand, CliIo } from '../command';
import { bridgeTokenEnvVar, buildConfigSnippet, clientKinds, clientLabel, httpServerKey, httpUnsupportedReason } from '../../mcp/client-config/entry';
import type { ClientKind, EntryOptions, Launcher } from '../../mcp/client-config/entry';
import { clientConfigPath, isClientInstalled } from '../../mcp/client-config/paths';
import { entryOptionsFor } from '../../mcp/client-config/socket-option';
import { applyClientConfigWrite, planClientConfigWrite } from '../../mcp/client-config/write';

const usage = `Usage: nevent-companion config <client> [--socket PATH | --http-url URL] [--write] [--file PATH]
       nevent-companion config            (lists the clients)

Clients: ${clientKinds.join(', ')}

Prints the MCP server entry that makes an AI client use Nevent Companion (it runs
\`nevent-companion mcp --attach\`, so the client works through the running app's sign-in; no token is
ever written into a client's config).

Options:
  --socket PATH the app's MCP socket, when it is not the default (as given to \`serve --socket\`);
                the entry then passes it on
  --http-url URL
                an entry for the app's loopback HTTP endpoint instead (the URL the MCP panel or
                \`serve --http\` shows, http://127.0.0.1:PORT/mcp). It is written as
                "${httpServerKey}", beside the socket entry, and reads the bridge token
                from ${bridgeTokenEnvVar} in the client's environment: the token itself
                is never written. Not for Claude Desktop or Zed (they cannot read it from there)
  --write       show the change, then merge the entry into the client's config file: only the
                Nevent Companion entry changes (comments, other servers and settings stay as they
                are, your own env and args in the entry too), the old file is kept as
                <file>.bak-<timestamp>, a symlinked file is written through the link, a read-only
                file is left alone
  --file PATH   use this config file instead of the client's default one`;

function listClients(io: CliIo): void {
  const lines = clientKinds.map((kind) => `  ${kind.padEnd(12)} ${clientLabel(kind).padEnd(19)} ${isClientInstalled(kind, { env: io.env }) ? '' : '(not installed) '}${clientConfigPath(kind, { env: io.env })}`);
  io.stdout.write(`AI clients Nevent Companion can configure (\`nevent-companion config <client>\`):\n${lines.join('\n')}\n`);
}

/**
 * How a client should start us: node + our launcher script, both absolute, because desktop apps do
 * not see the shell's PATH. Falls back to `nevent-companion` on PATH when the script is unknown.
 */
export function currentLauncher(argv1: string | undefined = process.argv[1]): Launcher {
  if (argv1 !== undefined && /^nevent-companion(\.mjs)?$/.test(basename(argv1))) {
    const script = realpathSync(resolve(argv1));
    // npm's bin shims point at bin/nevent-companion.mjs; prefer it over a bundle path.
    const bin = join(dirname(script), '..', 'bin', 'nevent-companion.mjs');
    // Run from an installed app's CLI, process.execPath is the app's Electron: it must start in Node mode.
    const env = process.versions.electron === undefined ? undefined : { ELECTRON_RUN_AS_NODE: '1' };
    return { command: process.execPath, args: [existsSync(bin) ? resolve(bin) : script], ...(env === undefined ? {} : { env }) };
  }
  return { command: 'nevent-companion', args: [] };
}

/** The URL as an entry carries it, when it names a loopback http endpoint; null otherwise. */
export function loopbackMcpUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'http:' || !loopback || url.port === '' || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
  return url.href;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let values: { write?: boolean; file?: string; socket?: string; 'http-url'?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: { write: { type: 'boolean' }, file: { type: 'string' }, socket: { type: 'string' }, 'http-url': { type: 'string' } }, strict: true, allowPositionals: true }));
  } catch (error) {
    io.stderr.write(`nevent-companion config: ${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return 2;
  }
  const [kindArg, ...extra] = positionals;
  if (kindArg === undefined && extra.length === 0 && values.write !== true && values.file === undefined) {
    listClients(io);
    return 0;
  }
  if (kindArg === undefined || extra.length > 0 || !(clientKinds as readonly string[]).includes(kindArg)) {
    io.stderr.write(`nevent-companion config: name one client: ${clientKinds.join(', ')}.\n\n${usage}\n`);
    return 2;
  }
  if (values.socket === '') {
    io.stderr.write('nevent-companion config: --socket needs a path.\n');
    return 2;
  }
  const kind = kindArg as ClientKind;
  let entry: EntryOptions;
  if (values['http-url'] !== undefined) {
    if (values.socket !== undefined) {
      io.stderr.write('nevent-companion config: choose one: --socket (the socket entry) or --http-url (the HTTP entry).\n');
      return 2;
    }
    const url = loopbackMcpUrl(values['http-url']);
    if (url === null) {
      io.stderr.write(`nevent-companion config: --http-url must be the app's loopback endpoint, like http://127.0.0.1:PORT/mcp (got "${values['http-url'].slice(0, 200)}").\n`);
      return 2;
    }
    const unsupported = httpUnsupportedReason(kind);
    if (unsupported !== null) {
      io.stderr.write(`nevent-companion config: ${clientLabel(kind)} cannot use the HTTP endpoint: ${unsupported} (\`nevent-companion config ${kind}\`).\n`);
      return 2;
    }
    entry = { http: { url } };
  } else {
    entry = entryOptionsFor(values.socket, io.env);
  }
  const file = values.file === undefined ? clientConfigPath(kind, { env: io.env }) : resolve(values.file);
  const launcher = currentLauncher();
  const tokenNote = entry.http === undefined ? '' : `The entry reads the bridge token from ${bridgeTokenEnvVar}: set it, in the environment ${clientLabel(kind)} starts from, to the token the app showed when you created it (create a new one in the MCP panel if it is lost).\n`;

  if (values.write !== true) {
    const installed = values.file !== undefined || isClientInstalled(kind, { env: io.env });
    io.stderr.write(`${clientLabel(kind)}${installed ? '' : ' (it does not look installed here)'}: add this to ${file} (or run with --write to merge it there):\n`);
    io.stdout.write(buildConfigSnippet(kind, launcher, entry));
    io.stderr.write(tokenNote);
    return 0;
  }

  const plan = planClientConfigWrite(file, kind, launcher, entry);
  switch (plan.status) {
    case 'refused':
      io.stderr.write(`nevent-companion config: cannot update ${file}: ${plan.reason}. The file was left untouched; fix it or add the entry by hand (\`nevent-companion config ${kind}\` prints it).\n`);
      return 1;
    case 'unchanged':
      io.stdout.write(`${file} already has the Nevent Companion entry; nothing to change.\n`);
      return 0;
    case 'change': {
      io.stdout.write(`${plan.existing === null ? 'Creating' : 'Updating'} ${file}${plan.target === resolve(file) ? '' : ` (through the symlink, in ${plan.target})`}:\n${plan.diff}\n`);
      try {
        const { backup } = applyClientConfigWrite(plan);
        io.stdout.write(`${backup === null ? '' : `Saved the previous file as ${backup}.\n`}${tokenNote}Done. Restart ${clientLabel(kind)} to pick up the change.\n`);
        return 0;
      } catch (error) {
        io.stderr.write(`nevent-companion config: could not write ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
      }
    }
    default:
      return missingCaseError(plan);
  }
}

/** `config` command. */
export const configCommand: CliCommand = {
  summary: 'Print or write the MCP configuration for an AI client',
  usage,
  run,
};
