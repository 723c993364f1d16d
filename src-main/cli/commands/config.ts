/**
 * `nevent-companion config claude|cursor|vscode [--write] [--file PATH]`: prints the MCP entry an AI
 * client needs to use Nevent Companion (the JSON on stdout, where it goes on stderr), or with
 * `--write` shows the change and merges it into the client's config file.
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { missingCaseError } from '../../../src-shared/errors';
import type { CliCommand, CliIo } from '../command';
import { buildConfigSnippet, clientKinds, clientLabel } from '../../mcp/client-config/entry';
import type { ClientKind, Launcher } from '../../mcp/client-config/entry';
import { clientConfigPath } from '../../mcp/client-config/paths';
import { applyClientConfigWrite, planClientConfigWrite } from '../../mcp/client-config/write';

const usage = `Usage: nevent-companion config claude|cursor|vscode [--write] [--file PATH]

Prints the MCP server entry that makes an AI client use Nevent Companion (it runs
\`nevent-companion mcp --attach\`, so the client works through the running app's sign-in; no token is
ever written into a client's config).

Options:
  --write       show the change, then merge the entry into the client's config file (other entries
                are kept; the old file is saved as <file>.bak-<timestamp>)
  --file PATH   use this config file instead of the client's default one`;

/**
 * How a client should start us: node + our launcher script, both absolute, because desktop apps do
 * not see the shell's PATH. Falls back to `nevent-companion` on PATH when the script is unknown.
 */
export function currentLauncher(argv1: string | undefined = process.argv[1]): Launcher {
  if (argv1 !== undefined && /^nevent-companion(\.mjs)?$/.test(basename(argv1))) {
    const script = realpathSync(resolve(argv1));
    // npm's bin shims point at bin/nevent-companion.mjs; prefer it over a bundle path.
    const bin = join(dirname(script), '..', 'bin', 'nevent-companion.mjs');
    return { command: process.execPath, args: [existsSync(bin) ? resolve(bin) : script] };
  }
  return { command: 'nevent-companion', args: [] };
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let values: { write?: boolean; file?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: { write: { type: 'boolean' }, file: { type: 'string' } }, strict: true, allowPositionals: true }));
  } catch (error) {
    io.stderr.write(`nevent-companion config: ${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return 2;
  }
  const [kindArg, ...extra] = positionals;
  if (kindArg === undefined || extra.length > 0 || !(clientKinds as readonly string[]).includes(kindArg)) {
    io.stderr.write(`nevent-companion config: name one client: ${clientKinds.join(', ')}.\n\n${usage}\n`);
    return 2;
  }
  const kind = kindArg as ClientKind;
  const file = values.file === undefined ? clientConfigPath(kind, { env: io.env }) : resolve(values.file);
  const launcher = currentLauncher();

  if (values.write !== true) {
    io.stderr.write(`${clientLabel(kind)}: add this to ${file} (or run with --write to merge it there):\n`);
    io.stdout.write(`${JSON.stringify(buildConfigSnippet(kind, launcher), null, 2)}\n`);
    return 0;
  }

  const plan = planClientConfigWrite(file, kind, launcher);
  switch (plan.status) {
    case 'refused':
      io.stderr.write(`nevent-companion config: cannot update ${file}: ${plan.reason}. The file was left untouched; fix it or add the entry by hand (\`nevent-companion config ${kind}\` prints it).\n`);
      return 1;
    case 'unchanged':
      io.stdout.write(`${file} already has the Nevent Companion entry; nothing to change.\n`);
      return 0;
    case 'change': {
      io.stdout.write(`${plan.existing === null ? 'Creating' : 'Updating'} ${file}:\n${plan.diff}\n`);
      try {
        const { backup } = applyClientConfigWrite(plan);
        io.stdout.write(`${backup === null ? '' : `Saved the previous file as ${backup}.\n`}Done. Restart ${clientLabel(kind)} to pick up the change.\n`);
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
