/**
 * What a save that met a newer version shows, in the window's editor and in the MCP App's segment view
 * alike: each field that changed, your version beside the latest (tagged with the side that changed it),
 * and the two ways on — re-apply your edit on the latest version, or drop it for the latest. The box
 * around it (its alert role, the explanation, where focus goes) stays with each caller.
 */
import type { ReactNode } from 'react';
import type { FieldComparison } from '../lib/segment-merge';
import { useWords } from '../i18n/use-words';

/** Props of the conflict table: the compared fields, and what the person chose (`true`: keep my edit). */
export interface ConflictTableProps {
  changes: readonly FieldComparison[];
  onResolve: (keepMine: boolean) => void;
}

/** The field-by-field comparison of a conflicting save, with its two choices. */
export function ConflictTable(props: ConflictTableProps): ReactNode {
  const t = useWords();
  const { changes, onResolve } = props;
  return (
    <>
      <table className="conflict-table" aria-label={t('conflict.table')}>
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{t('conflict.yours')}</th>
            <th scope="col">{t('conflict.latest')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{t(c.label)}</th>
              <td className={c.mineChanged ? 'changed' : 'same'}>
                {c.mine || <span className="muted">{t('conflict.empty')}</span>}
                {c.mineChanged ? <span className="change-tag">{t('conflict.youChanged')}</span> : null}
              </td>
              <td className={c.latestChanged ? 'changed' : 'same'}>
                {c.latest || <span className="muted">{t('conflict.empty')}</span>}
                {c.latestChanged ? <span className="change-tag">{t('conflict.changedElsewhere')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes.some((c) => c.mineChanged && c.latestChanged) ? <p className="small">{t('conflict.bothChanged')}</p> : null}
      <div className="conflict-actions">
        <button type="button" className="primary" onClick={() => onResolve(true)}>
          {t('conflict.reapply')}
        </button>
        <button type="button" onClick={() => onResolve(false)}>
          {t('conflict.discard')}
        </button>
      </div>
    </>
  );
}
