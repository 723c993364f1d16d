/** `nevent-companion demo-api`: placeholder until its issue lands. */
import type { CliCommand } from '../command';

/** `demo-api` command. */
export const demoApiCommand: CliCommand = {
  summary: 'Run the embedded demo Nevent API on loopback',
  usage: 'nevent-companion demo-api',
  async run(_argv, io) {
    io.stderr.write('nevent-companion demo-api: not available in this build yet.\n');
    return 2;
  },
};
