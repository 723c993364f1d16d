/** `nevent-companion config`: placeholder until its issue lands. */
import type { CliCommand } from '../command';

/** `config` command. */
export const configCommand: CliCommand = {
  summary: 'Print or write the MCP configuration for an AI client',
  usage: 'nevent-companion config',
  async run(_argv, io) {
    io.stderr.write('nevent-companion config: not available in this build yet.\n');
    return 2;
  },
};
