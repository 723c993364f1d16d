/** Role and membership-status badges. */
import type { ReactNode } from 'react';
import type { MembershipStatus, Role } from '../../src-shared/api';

/** A role badge (`Owner`, `Admin`, `Superadmin`). */
export function RoleBadge(props: { role: Role }): ReactNode {
  return <span className={`badge role-${props.role.toLowerCase()}`}>{props.role.charAt(0) + props.role.slice(1).toLowerCase()}</span>;
}

/** A status badge, shown only for memberships that cannot be switched to. */
export function StatusBadge(props: { status: MembershipStatus }): ReactNode {
  if (props.status === 'ACTIVE') return null;
  return <span className={`badge status-${props.status.toLowerCase()}`}>{props.status === 'INVITED' ? 'Invited' : 'Suspended'}</span>;
}

/** Why a membership cannot be used, in words. */
export function statusReason(status: MembershipStatus, reason: string | undefined): string | null {
  if (status === 'ACTIVE') return null;
  if (reason !== undefined && reason !== '') return reason;
  return status === 'INVITED' ? 'Invitation not accepted yet.' : 'Membership suspended by an administrator.';
}
