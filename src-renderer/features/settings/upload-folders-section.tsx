/**
 * Settings → AI uploads: the folders AI clients may upload local images from (`nevent_upload_image`).
 * Main checks each folder (a full path to an existing folder, not a disk's root) before it saves any;
 * a refused path stays in the box with the reason, so nothing typed is lost. The list is main's, as
 * pushed: a change in another window or a hand edit of preferences.json shows here at once.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { maxUploadFolders } from '../../../src-shared/ipc';
import { useCommands, useUi } from '../../app/app-context';

/** The AI uploads section of Settings. */
export function UploadFoldersSection(): ReactNode {
  const commands = useCommands();
  const saved = useUi((s) => s.settings?.uploadFolders ?? []);
  const fromEnvironment = useUi((s) => s.settings?.environmentUploadFolders ?? []);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // `what` says what failed ("The folder was not added"), followed by main's reason.
  const save = async (folders: string[], what: string): Promise<boolean> => {
    setBusy(true);
    const result = await commands.updateSettings({ uploadFolders: folders });
    setBusy(false);
    setError(result.ok ? null : `${what}: ${result.error.message}`);
    return result.ok;
  };
  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const folder = path.trim();
    if (folder === '') return;
    if (await save([...saved, folder], 'The folder was not added')) setPath('');
  };

  return (
    <section className="panel-section" aria-labelledby="uploads-title">
      <h2 id="uploads-title">AI uploads</h2>
      <p className="muted">
        AI clients can upload images to a tenant&apos;s media library from files in these folders only (and their subfolders). Any other file is refused before it is read. Images from the web are fetched only from public addresses.
      </p>
      {saved.length === 0 && fromEnvironment.length === 0 ? <p className="empty-note muted">No folder yet: AI clients can upload from the web or from data they hold, not from files on this computer.</p> : null}
      <ul className="folder-list" aria-label="Upload folders">
        {saved.map((folder) => (
          <li key={folder}>
            <span className="mono">{folder}</span>
            <button type="button" className="link" disabled={busy} aria-label={`Remove ${folder}`} onClick={() => void save(saved.filter((f) => f !== folder), `${folder} was not removed`)}>
              Remove
            </button>
          </li>
        ))}
        {fromEnvironment.map((folder) => (
          <li key={`env:${folder}`}>
            <span className="mono">{folder}</span>
            <span className="muted small">from NEVENT_UPLOAD_DIRS</span>
          </li>
        ))}
      </ul>
      {saved.length < maxUploadFolders ? (
        <form className="inline-form" onSubmit={(e) => void add(e)}>
          <label className="grow">
            Add a folder
            <input
              type="text"
              value={path}
              placeholder="/home/you/Pictures/campaigns"
              spellCheck={false}
              aria-invalid={error !== null}
              aria-describedby={error === null ? undefined : 'upload-folder-error'}
              onChange={(e) => {
                setPath(e.target.value);
                setError(null);
              }}
            />
          </label>
          <button type="submit" disabled={busy || path.trim() === ''}>
            Add folder
          </button>
        </form>
      ) : (
        <p className="muted">{maxUploadFolders} folders is the most; remove one to add another.</p>
      )}
      {error === null ? null : (
        <p id="upload-folder-error" className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
