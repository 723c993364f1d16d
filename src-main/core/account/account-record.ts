/**
 * Non-secret account metadata in a JSON file in the per-OS config directory: which API, which email,
 * which store holds the tokens. Never a token: those live only in the SecretStore.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** The saved account, as stored in `account.json`. */
export const AccountRecordSchema = z.object({
  apiUrl: z.string().url(),
  dataApiUrl: z.string().url(),
  email: z.string().min(1).max(320),
  store: z.enum(['keychain', 'memory']),
  savedAt: z.string(),
});
/** The saved account. */
export type AccountRecord = z.infer<typeof AccountRecordSchema>;

/**
 * The app's config directory: `NEVENT_COMPANION_CONFIG_DIR` when set (tests), else per OS:
 * `$XDG_CONFIG_HOME/nevent-companion` (Linux, default `~/.config`), `~/Library/Application Support/
 * nevent-companion` (macOS), `%APPDATA%\nevent-companion` (Windows).
 */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  const override = env.NEVENT_COMPANION_CONFIG_DIR;
  if (override !== undefined && override !== '') return override;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'nevent-companion');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'nevent-companion');
  const xdg = env.XDG_CONFIG_HOME;
  return join(xdg !== undefined && xdg !== '' ? xdg : join(home, '.config'), 'nevent-companion');
}

/** Reads and writes `account.json` in a config directory (0700 dir, 0600 file, atomic replace). */
export class AccountRecordFile {
  readonly path: string;

  constructor(readonly dir: string) {
    this.path = join(dir, 'account.json');
  }

  /** The saved account, or null when there is none or the file is unreadable. */
  async read(): Promise<AccountRecord | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = AccountRecordSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Saves the record (validated: the schema has no field a token could hide in). */
  async write(record: AccountRecord): Promise<void> {
    const safe = AccountRecordSchema.parse(record);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(safe, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, this.path);
  }

  /** Removes the record. */
  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
