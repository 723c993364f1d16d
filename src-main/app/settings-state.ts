/**
 * The settings the preferences hold, as the desktop store takes them (it adds the operation mode and a
 * version, and pushes them); and the check of upload folders a person names in the window.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, parse, resolve } from 'node:path';
import type { PreferenceSettings } from '../../src-shared/desktop-state';
import { CoreError } from '../core/tenant-session';
import type { Preferences } from './preferences';

/** Where the settings come from. */
export interface SettingsSources {
  preferences: Preferences;
  /** `NEVENT_UPLOAD_DIRS` of the app's process: shown beside the saved folders, not changeable here. */
  environmentUploadFolders: readonly string[];
}

/** The preferences' settings now. */
export function preferenceSettings({ preferences, environmentUploadFolders }: SettingsSources): PreferenceSettings {
  return { ...preferences.settings(), theme: preferences.theme(), language: preferences.language(), uploadFolders: preferences.uploadFolders(), environmentUploadFolders: [...environmentUploadFolders] };
}

const refuse = (message: string): CoreError => new CoreError('validation_failed', message, 'uploadFolders');

/**
 * The folders as they will be saved (resolved, without repeats), or a refusal naming the first one that
 * is not an existing folder. The root of a disk is refused: it would let an AI read every file.
 */
export async function checkUploadFolders(folders: readonly string[]): Promise<string[]> {
  const checked: string[] = [];
  for (const raw of folders) {
    const folder = raw.trim();
    if (!isAbsolute(folder)) throw refuse(`"${folder}" is not a full path; name a folder from the root, like /home/you/Pictures`);
    const path = resolve(folder);
    if (parse(path).root === path) throw refuse(`${path} is the root of a disk, which would let an AI client read every file; name a folder inside it`);
    const found = await stat(path).catch(() => null);
    if (found === null) throw refuse(`there is no folder at ${path}`);
    if (!found.isDirectory()) throw refuse(`${path} is a file, not a folder`);
    if (!checked.includes(path)) checked.push(path);
  }
  return checked;
}
