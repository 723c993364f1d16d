/** `nevent-companion login`: placeholder until its issue lands. */
import type { CliCommand } from '../command';

/** `login` command. */
export const loginCommand: CliCommand = {
  summary: 'Sign in and keep the account in the OS keychain',
  usage: 'nevent-companion login',
  async run(_argv, io) {
    io.stderr.write('nevent-companion login: not available in this build yet.\n');
    return 2;
  },
};
