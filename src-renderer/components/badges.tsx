/** Role and membership-status badges: what the API said, nothing when it said nothing. */
import type { ReactNode } from 'react';
import { isSwitchableStatus, type MembershipStatus, type Role } from '../../src-shared/api';
import type { Translator } from '../../src-shared/i18n/translator';
import { roleText, statusText } from '../../src-shared/i18n/words';
import { useWords } from '../i18n/use-words';

/** A role badge (`Owner`, `Admin`, `Staff`, any other role as sent, readably); nothing when the role is unknown. */
export function RoleBadge(props: { role: Role | null | undefined }): ReactNode {
  const t = useWords();
  if (props.role === null || props.role === undefined || props.role === '') return null;
  const cssName = props.role.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return <span className={`badge role-${cssName}`}>{roleText(t.translator, props.role)}</span>;
}

/** A status badge, shown only for memberships that cannot be switched to (absent = active). */
export function StatusBadge(props: { status: MembershipStatus | undefined }): ReactNode {
  const t = useWords();
  if (isSwitchableStatus(props.status) || props.status === undefined) return null;
  return <span className={`badge status-${props.status.toLowerCase()}`}>{statusText(t.translator, props.status)}</span>;
}

/** Why a membership cannot be used, in words (the API's reason when it gave one); null when it can. */
export function statusReason(t: Translator, status: MembershipStatus | undefined, reason: string | undefined): string | null {
  if (isSwitchableStatus(status)) return null;
  if (reason !== undefined && reason !== '') return reason;
  return status === 'INVITED' ? t.formatMessage({ id: 'tenant.reason.invited' }) : t.formatMessage({ id: 'tenant.reason.suspended' });
}
