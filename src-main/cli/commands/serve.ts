/** `nevent-companion serve`: placeholder until its issue lands. */
import type { CliCommand } from '../command';

/** `serve` command. */
export const serveCommand: CliCommand = {
  summary: 'Run the core, the MCP socket and the web UI without Electron',
  usage: 'nevent-companion serve',
  async run(_argv, io) {
    io.stderr.write('nevent-companion serve: not available in this build yet.\n');
    return 2;
  },
};
