/** `nevent-companion status`: placeholder until its issue lands. */
import type { CliCommand } from '../command';

/** `status` command. */
export const statusCommand: CliCommand = {
  summary: 'Show who is signed in, where, and which store holds it',
  usage: 'nevent-companion status',
  async run(_argv, io) {
    io.stderr.write('nevent-companion status: not available in this build yet.\n');
    return 2;
  },
};
