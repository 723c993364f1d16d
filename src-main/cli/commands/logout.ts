/** `nevent-companion logout`: removes the saved account (keychain entry and account.json). */
import { parseArgs } from 'node:util';
import { defaultConfigDir } from '../../core/account/account-record';
import { createCore } from '../../core/create-core';
import { CoreError } from '../../core/common/core-error';
import type { CliCommand } from '../command';

const usage = `Usage: nevent-companion logout

Signs out: removes the saved account from the OS keychain and the app's config directory.`;

/** `logout` command. */
export const logoutCommand: CliCommand = {
  summary: 'Sign out and remove the account from the OS keychain',
  usage,
  async run(argv, io) {
    try {
      parseArgs({ args: argv, options: {}, strict: true, allowPositionals: false });
    } catch (error) {
      io.stderr.write(`nevent-companion logout: ${(error as Error).message}\n${usage}\n`);
      return 2;
    }
    const core = await createCore({ configDir: defaultConfigDir(io.env), desktop: false });
    try {
      const removed = await core.account.forgetSaved();
      io.stdout.write(removed === null ? 'Not signed in.\n' : `Signed out ${removed.email} from ${removed.apiUrl}; the keychain entry is removed.\n`);
      return 0;
    } catch (error) {
      io.stderr.write(`nevent-companion logout: ${error instanceof CoreError ? error.message : 'sign-out failed unexpectedly'}\n`);
      return 1;
    } finally {
      core.dispose();
    }
  },
};
