/**
 * Notifications as data: main says what happened (`code` and `params`), and each place that shows it
 * words it in its own language — the window in the person's, the OS notification in the shell's. The
 * English `title` and `body` travel along for logs and for a window that does not know a code.
 */
import type { MessageId } from './catalog';
import type { Translator } from './translator';
import { roleText } from './words';

/** What a notification can say, with the values each one names. */
export interface NoticeParams {
  /** The desktop switched tenant (`role`: the role there, when known). */
  switched: { tenant: string; role?: string };
  /** The person stopped waiting for a slow switch (`tenant`: where the desktop still is, empty when unknown). */
  switchCancelled: { tenant: string };
  /** The sign-in ended by itself (expired or revoked). */
  signedOut: Record<string, never>;
  /** An open segment editor was closed by a desktop switch (`tenant`: where it was, empty when unknown). */
  editorClosed: { tenant: string };
}

/** A notification's code. */
export type NoticeCode = keyof NoticeParams;

const titles: Record<NoticeCode, MessageId> = {
  switched: 'notice.switched.title',
  switchCancelled: 'notice.switchCancelled.title',
  signedOut: 'notice.signedOut.title',
  editorClosed: 'notice.editorClosed.title',
};

const bodies: Record<NoticeCode, MessageId> = {
  switched: 'notice.switched.body',
  switchCancelled: 'notice.switchCancelled.body',
  signedOut: 'notice.signedOut.body',
  editorClosed: 'notice.editorClosed.body',
};

function isNoticeCode(code: string | undefined): code is NoticeCode {
  return code !== undefined && Object.hasOwn(titles, code);
}

/** A notification in words: by its code when known, else its English title and body as sent. */
export function noticeText(t: Translator, notice: { code?: string | undefined; params?: Record<string, string> | undefined; title: string; body: string }): { title: string; body: string } {
  if (!isNoticeCode(notice.code)) return { title: notice.title, body: notice.body };
  const params = notice.params ?? {};
  const role = params.role;
  const values = { ...params, tenant: params.tenant ?? '', hasTenant: params.tenant === undefined || params.tenant === '' ? 'no' : 'yes', hasRole: role === undefined || role === '' ? 'no' : 'yes', role: role === undefined || role === '' ? '' : roleText(t, role) };
  return { title: t.formatMessage({ id: titles[notice.code] }, values), body: t.formatMessage({ id: bodies[notice.code] }, values) };
}
