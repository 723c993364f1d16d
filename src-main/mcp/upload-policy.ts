/**
 * Where the upload policy of `nevent_upload_image` comes from: this process's environment
 * (`NEVENT_UPLOAD_DIRS`, `NEVENT_UPLOAD_LOCAL_URLS`) and, in the app, the folders named in Settings.
 * It is asked on every call, so a folder added or removed in the app applies to open connections at once.
 */
import { delimiter } from 'node:path';
import { localUrlsAllowed } from '../core/domains/address-policy';
import { uploadFoldersFrom } from '../core/domains/image-source';
import type { UploadPolicy } from './tool';

/** The policy as it stands now. */
export type UploadPolicySource = () => UploadPolicy;

/** The policy the environment of this process gives (the `mcp` command, and the base of the app's). */
export function environmentUploadPolicy(env: NodeJS.ProcessEnv): UploadPolicySource {
  const policy: UploadPolicy = { folders: uploadFoldersFrom(env.NEVENT_UPLOAD_DIRS, delimiter), allowLocalUrls: localUrlsAllowed(env) };
  return () => policy;
}

/** The environment's policy with the folders the person named in the app added (read on each call). */
export function appUploadPolicy(env: NodeJS.ProcessEnv, savedFolders: () => readonly string[]): UploadPolicySource {
  const base = environmentUploadPolicy(env)();
  return () => {
    const saved = savedFolders();
    return saved.length === 0 ? base : { ...base, folders: [...new Set([...base.folders, ...saved])] };
  };
}
