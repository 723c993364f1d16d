/** `nevent-companion logout`: placeholder until its issue lands. */
import type { CliCommand } from '../command';

/** `logout` command. */
export const logoutCommand: CliCommand = {
  summary: 'Sign out and remove the account from the keychain',
  usage: 'nevent-companion logout',
  async run(_argv, io) {
    io.stderr.write('nevent-companion logout: not available in this build yet.\n');
    return 2;
  },
};
