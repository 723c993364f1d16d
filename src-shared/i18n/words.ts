/**
 * Words for values that come as codes (roles, membership statuses, operation modes): known values in
 * the person's language, any other as the API sent it, readably (`EVENT_MANAGER` → `Event Manager`).
 */
import type { OperationMode } from '../session';
import type { Translator } from './translator';

/** `SOME_VALUE` → `Some Value`: an API value we have no words for, shown readably. */
export function readableCode(value: string): string {
  return value
    .toLowerCase()
    .split(/[_\s]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** A role (`OWNER` → `Owner` / `Propietario`). */
export function roleText(t: Translator, role: string): string {
  return t.formatMessage({ id: 'words.role' }, { role, other: readableCode(role) });
}

/** A membership status (`SUSPENDED` → `Suspended` / `Suspendida`). */
export function statusText(t: Translator, status: string): string {
  return t.formatMessage({ id: 'words.status' }, { status, other: readableCode(status) });
}

/** An operation mode (`READ_ONLY` → `Read only` / `Solo lectura`). */
export function modeText(t: Translator, mode: OperationMode): string {
  return t.formatMessage({ id: 'words.mode' }, { mode });
}
