/**
 * `nevent-companion` entry: dispatches to one module per command.
 * Commands are loaded lazily so `mcp` starts without loading the demo API or the web UI server.
 */
import type { CliCommand, CliIo } from './command';
import { productVersion } from '../../src-shared/product';

const commands: Record<string, () => Promise<CliCommand>> = {
  'demo-api': async () => (await import('./commands/demo-api')).demoApiCommand,
  mcp: async () => (await import('./commands/mcp')).mcpCommand,
  serve: async () => (await import('./commands/serve')).serveCommand,
  login: async () => (await import('./commands/login')).loginCommand,
  logout: async () => (await import('./commands/logout')).logoutCommand,
  status: async () => (await import('./commands/status')).statusCommand,
  config: async () => (await import('./commands/config')).configCommand,
};

async function printHelp(io: CliIo): Promise<void> {
  const lines = ['Nevent Companion — one sign-in for all your Nevent organizations, and a local MCP bridge for AI assistants.', '', 'Usage: nevent-companion <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', 'Run `nevent-companion <command> --help` for its options.', '');
  io.stdout.write(lines.join('\n'));
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    await printHelp(io);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`nevent-companion ${productVersion}\n`);
    return 0;
  }
  const load = commands[name];
  if (load === undefined) {
    io.stderr.write(`nevent-companion: unknown command "${name}". Run \`nevent-companion --help\` for the list.\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest, io);
}
