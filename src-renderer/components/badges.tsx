/** Role and membership-status badges: what the API said, nothing when it said nothing. */
import type { ReactNode } from 'react';
import { isSwitchableStatus, type MembershipStatus, type Role } from '../../src-shared/api';

function titleCase(value: string): string {
  return value
    .toLowerCase()
    .split(/[_\s]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** A role badge (`Owner`, `Admin`, `Staff`, any other role as sent); nothing when the role is unknown. */
export function RoleBadge(props: { role: Role | null | undefined }): ReactNode {
  if (props.role === null || props.role === undefined || props.role === '') return null;
  const cssName = props.role.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return <span className={`badge role-${cssName}`}>{titleCase(props.role)}</span>;
}

/** A status badge, shown only for memberships that cannot be switched to (absent = active). */
export function StatusBadge(props: { status: MembershipStatus | undefined }): ReactNode {
  if (isSwitchableStatus(props.status) || props.status === undefined) return null;
  return <span className={`badge status-${props.status.toLowerCase()}`}>{titleCase(props.status)}</span>;
}

/** Why a membership cannot be used, in words; null when it can. */
export function statusReason(status: MembershipStatus | undefined, reason: string | undefined): string | null {
  if (isSwitchableStatus(status)) return null;
  if (reason !== undefined && reason !== '') return reason;
  return status === 'INVITED' ? 'Invitation not accepted yet.' : 'Membership suspended by an administrator.';
}
