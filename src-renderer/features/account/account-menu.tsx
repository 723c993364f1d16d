/**
 * The account menu at the end of the navigation bar: who is signed in, and from there Settings and
 * Sign out (as in GitHub Desktop or 1Password, sign out is one click away from the account's name).
 * A WAI-ARIA menu button: Enter/Space/↓ open it, ↑ ↓ move, Escape closes and gives focus back.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useAppState, useCommands, useSetUi } from '../../app/app-context';
import { useWords } from '../../i18n/use-words';

/** The account menu button and its menu. */
export function AccountMenu(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const setUi = useSetUi();
  const user = useAppState((a) => a?.account.user ?? null);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: MouseEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  if (user === null) return null;
  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  const items: { label: string; run: () => void; danger?: boolean }[] = [
    { label: t('nav.settings'), run: () => setUi({ view: 'settings' }) },
    { label: t('account.signOut'), run: () => void commands.signOut(), danger: true },
  ];

  return (
    <div className="account-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('account.button', { email: user.email })}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span className="account-email">{user.email}</span> <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div
          className="account-popup"
          role="menu"
          aria-label={t('account.menu')}
          onKeyDown={(e) => {
            const entries = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
            const at = entries.indexOf(document.activeElement as HTMLElement);
            if (e.key === 'Escape') close();
            else if (e.key === 'ArrowDown') entries[(at + 1) % entries.length]?.focus();
            else if (e.key === 'ArrowUp') entries[(at - 1 + entries.length) % entries.length]?.focus();
            else return;
            e.preventDefault();
          }}
        >
          <p className="account-popup-head small">
            <strong>{user.name}</strong>
            <span className="muted">{user.email}</span>
          </p>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className={`account-item${item.danger ? ' danger' : ''}`}
              onClick={() => {
                setOpen(false);
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
