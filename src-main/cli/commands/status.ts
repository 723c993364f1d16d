/** `nevent-companion status`: who is signed in, where, and which store holds it (no network). */
import { parseArgs } from 'node:util';
import type { SavedAccount } from '../../core/account';
import { AccountRecordFile, defaultConfigDir } from '../../core/account-record';
import { checkKeychainModule, keychainModuleAdvice, type KeychainModuleState } from '../../core/keychain-module';
import { lockedMessage } from '../../core/secret-store';
import { createCore } from '../../core/create-core';
import { CoreError } from '../../core/tenant-session';
import type { CliCommand } from '../command';

const usage = `Usage: nevent-companion status [--json]

Shows the account saved on this machine: email, API URLs, home tenant and role, and where the
credentials are kept; when the OS keychain cannot be used, why, and what to install. Exits 0 when
signed in, 1 when not.`;

/** Why secrets are not kept in the OS keychain, and what to do: the module's advice, else the store's warning. */
function keychainNote(warning: string): { module: KeychainModuleState['kind']; note: string } {
  const state = checkKeychainModule();
  const advice = keychainModuleAdvice(state, { platform: process.platform, installedApp: process.versions.electron !== undefined });
  return { module: state.kind, note: advice ?? warning };
}

/** `status` command. */
export const statusCommand: CliCommand = {
  summary: 'Show who is signed in, where, and which store holds it',
  usage,
  async run(argv, io) {
    let json: boolean;
    try {
      json = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: false }).values.json === true;
    } catch (error) {
      io.stderr.write(`nevent-companion status: ${(error as Error).message}\n${usage}\n`);
      return 2;
    }
    const configDir = defaultConfigDir(io.env);
    const core = await createCore({ configDir, desktop: false });
    try {
      // The record (no secret) says which account is saved even when the keychain cannot be read.
      const record = await new AccountRecordFile(configDir).read();
      let keychain: 'ok' | 'locked' | 'unavailable' = core.secretStore.kind === 'keychain' ? 'ok' : 'unavailable';
      let read: SavedAccount | null = null;
      if (keychain === 'ok') {
        try {
          read = await core.account.savedAccount();
        } catch (error) {
          if (!(error instanceof CoreError && error.code === 'keychain_locked')) throw error;
          keychain = 'locked';
        }
      }
      const saved = read;
      const signedIn = saved !== null && saved.present;
      // Only when the keychain is not in use: then say whether its module is the reason, and what to install.
      const note = core.secretStoreWarning === null ? null : keychainNote(core.secretStoreWarning);
      if (json) {
        io.stdout.write(`${JSON.stringify({ signedIn, email: saved?.email ?? record?.email ?? null, apiUrl: saved?.apiUrl ?? record?.apiUrl ?? null, dataApiUrl: saved?.dataApiUrl ?? record?.dataApiUrl ?? null, tenantId: saved?.tenantId ?? null, role: saved?.role ?? null, store: signedIn ? 'keychain' : null, keychainService: signedIn ? saved.keychainService : null, keychain, keychainModule: note?.module ?? 'ok', warning: note?.note ?? null })}\n`);
        return signedIn ? 0 : 1;
      }
      if (!signedIn) {
        if (record !== null && keychain === 'locked') io.stdout.write(`Signed out for now: ${record.email} is saved for ${record.apiUrl}, but ${lockedMessage}.\n`);
        else if (record !== null && record.store === 'keychain' && keychain === 'unavailable') io.stdout.write(`Signed out for now: ${record.email} is saved for ${record.apiUrl}, but the OS keychain cannot be reached, so the sign-in cannot be read. Run status again once it answers.\n`);
        else io.stdout.write(saved === null ? 'Not signed in. Run `nevent-companion login` (or sign in in the app).\n' : `Not signed in: ${saved.email} was saved for ${saved.apiUrl}, but its keychain entry is gone. Run \`nevent-companion login\`.\n`);
        if (note !== null) io.stdout.write(`Keychain: ${note.note}\n`);
        return 1;
      }
      const lines = [
        `Signed in as ${saved.email}`,
        `  API:       ${saved.apiUrl}`,
        `  Data API:  ${saved.dataApiUrl}`,
        `  Tenant:    ${saved.tenantId ?? '(none in the token)'}${saved.role === null ? '' : ` (${saved.role})`}`,
        `  Stored in: the OS keychain (service "${saved.keychainService}", account "${saved.email}")`,
      ];
      io.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    } catch (error) {
      io.stderr.write(`nevent-companion status: ${error instanceof CoreError ? error.message : 'could not read the saved account'}\n`);
      return 1;
    } finally {
      core.dispose();
    }
  },
};
