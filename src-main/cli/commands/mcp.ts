/** `nevent-companion mcp`: placeholder until its issue lands. */
import type { CliCommand } from '../command';

/** `mcp` command. */
export const mcpCommand: CliCommand = {
  summary: 'Run the MCP bridge over stdio (or attach to the running app)',
  usage: 'nevent-companion mcp',
  async run(_argv, io) {
    io.stderr.write('nevent-companion mcp: not available in this build yet.\n');
    return 2;
  },
};
