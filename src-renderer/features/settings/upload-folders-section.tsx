/**
 * Settings → AI uploads: the folders AI clients may upload local images from (`nevent_upload_image`).
 * Main checks each folder (a full path to an existing folder, not a disk's root) before it saves any;
 * a refused path stays in the box with the reason, so nothing typed is lost. The list is main's, as
 * pushed: a change in another window or a hand edit of preferences.json shows here at once.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { maxUploadFolders } from '../../../src-shared/ipc';
import type { AppErrorData } from '../../../src-shared/errors';
import type { Message } from '../../../src-shared/i18n/translator';
import { message } from '../../../src-shared/i18n/translator';
import { useCommands, useUi } from '../../app/app-context';
import { Text } from '../../i18n/text';
import { useWords } from '../../i18n/use-words';
import { errorReason } from '../../lib/error-text';

/** The AI uploads section of Settings. */
export function UploadFoldersSection(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const saved = useUi((s) => s.settings?.uploadFolders ?? []);
  const fromEnvironment = useUi((s) => s.settings?.environmentUploadFolders ?? []);
  const [path, setPath] = useState('');
  // What failed (worded when shown) and main's reason.
  const [error, setError] = useState<{ what: Message; error: AppErrorData } | null>(null);
  const [busy, setBusy] = useState(false);

  // `what` says what failed ("The folder was not added"), followed by main's reason.
  const save = async (folders: string[], what: Message): Promise<boolean> => {
    setBusy(true);
    const result = await commands.updateSettings({ uploadFolders: folders });
    setBusy(false);
    setError(result.ok ? null : { what, error: result.error });
    return result.ok;
  };
  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const folder = path.trim();
    if (folder === '') return;
    if (await save([...saved, folder], message('uploads.notAdded'))) setPath('');
  };

  return (
    <section className="panel-section" aria-labelledby="uploads-title">
      <h2 id="uploads-title">{t('uploads.title')}</h2>
      <p className="muted">{t('uploads.intro')}</p>
      {saved.length === 0 && fromEnvironment.length === 0 ? <p className="empty-note muted">{t('uploads.empty')}</p> : null}
      <ul className="folder-list" aria-label={t('uploads.list')}>
        {saved.map((folder) => (
          <li key={folder}>
            <span className="mono">{folder}</span>
            <button type="button" className="link" disabled={busy} aria-label={t('uploads.removeLabel', { folder })} onClick={() => void save(saved.filter((f) => f !== folder), message('uploads.notRemoved', { folder }))}>
              {t('uploads.remove')}
            </button>
          </li>
        ))}
        {fromEnvironment.map((folder) => (
          <li key={`env:${folder}`}>
            <span className="mono">{folder}</span>
            <span className="muted small">
              <Text id="uploads.fromEnvironment" values={{ variable: 'NEVENT_UPLOAD_DIRS' }} />
            </span>
          </li>
        ))}
      </ul>
      {saved.length < maxUploadFolders ? (
        <form className="inline-form" onSubmit={(e) => void add(e)}>
          <label className="grow">
            {t('uploads.addLabel')}
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
            {t('uploads.add')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('uploads.full', { max: maxUploadFolders })}</p>
      )}
      {error === null ? null : (
        <p id="upload-folder-error" className="form-error" role="alert">
          {t('uploads.failed', { what: t.message(error.what), reason: errorReason(t.translator, error.error) })}
        </p>
      )}
    </section>
  );
}
