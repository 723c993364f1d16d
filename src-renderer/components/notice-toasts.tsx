/** Main's notifications for the window (a switch from the tray, an expired sign-in) as brief toasts. */
import { useEffect, type ReactNode } from 'react';
import { useSetUi, useUi } from '../app/app-context';

const visibleMs = 5_000;

/** Shows the newest notices; each fades out after a few seconds or on Dismiss. */
export function NoticeToasts(): ReactNode {
  const notices = useUi((s) => s.notices);
  const setUi = useSetUi();
  const newest = notices[0];
  useEffect(() => {
    if (!newest) return;
    const timer = setTimeout(() => setUi({ notices: [] }), visibleMs);
    return () => clearTimeout(timer);
  }, [newest, setUi]);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {notices.slice(0, 2).map((n) => (
        <div key={n.id} className={`toast ${n.level}`}>
          <strong>{n.title}</strong>
          <span>{n.body}</span>
        </div>
      ))}
    </div>
  );
}
