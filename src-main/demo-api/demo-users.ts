/** The demo accounts: who they are, their home tenant and their membership quirks. */
import type { KnownRole } from '../../src-shared/api';

/** A demo user as others may list it (e.g. in a sign-in hint). */
export interface DemoUser {
  name: 'superadmin' | 'owner' | 'admin' | 'staff' | 'solo';
  email: string;
  password: 'demo';
  /** What the account may see: SUPERADMIN all, OWNER and STAFF their tenant and below, ADMIN their own. */
  role: KnownRole;
}

/** The demo users; every password is `demo`. */
export const demoUsers: readonly DemoUser[] = [
  { name: 'superadmin', email: 'superadmin@demo.nevent.local', password: 'demo', role: 'SUPERADMIN' },
  { name: 'owner', email: 'owner@demo.nevent.local', password: 'demo', role: 'OWNER' },
  { name: 'admin', email: 'admin@demo.nevent.local', password: 'demo', role: 'ADMIN' },
  { name: 'staff', email: 'staff@demo.nevent.local', password: 'demo', role: 'STAFF' },
  { name: 'solo', email: 'solo@demo.nevent.local', password: 'demo', role: 'OWNER' },
];

/** A membership that is not plainly ACTIVE, with the human reason shown in lists. */
export interface MembershipOverride {
  status: 'INVITED' | 'SUSPENDED';
  statusReason: string;
}

/** Everything the server knows about a demo account. */
export interface DemoAccount extends DemoUser {
  id: string;
  displayName: string;
  homeTenantId: string;
  /** The `role` claim of the account's tokens; null: the token carries none (upstream reads that as ADMIN). */
  tokenRole: KnownRole | null;
  /** Whether sign-in answers carry a refresh token (a real API may send none). */
  issuesRefreshTokens: boolean;
  /** Memberships in the user's visible tenants that are not ACTIVE. */
  memberships: Readonly<Record<string, MembershipOverride>>;
}

/** Builds the account table; tenant ids refer to the base tree in tenant-directory.ts. */
export function demoAccounts(): DemoAccount[] {
  const profile: Record<DemoUser['name'], Omit<DemoAccount, keyof DemoUser>> = {
    superadmin: { id: 'usr-superadmin', displayName: 'Sam Superadmin', homeTenantId: 'tn-nevent', tokenRole: 'SUPERADMIN', issuesRefreshTokens: true, memberships: {} },
    owner: {
      id: 'usr-owner',
      displayName: 'Olivia Owner',
      homeTenantId: 'tn-acme',
      tokenRole: 'OWNER',
      issuesRefreshTokens: true,
      memberships: {
        'tn-acme-lyon': { status: 'INVITED', statusReason: 'Invitation not accepted yet: accept it before switching to this tenant.' },
        'tn-acme-porto': { status: 'SUSPENDED', statusReason: 'Access suspended by an administrator of this tenant; ask them to restore it.' },
      },
    },
    admin: { id: 'usr-admin', displayName: 'Adam Admin', homeTenantId: 'tn-globex-de', tokenRole: 'ADMIN', issuesRefreshTokens: true, memberships: {} },
    staff: { id: 'usr-staff', displayName: 'Stella Staff', homeTenantId: 'tn-globex-uk', tokenRole: 'STAFF', issuesRefreshTokens: true, memberships: {} },
    // A leaf owner whose token carries no role and whose sign-in brings no refresh token: the real API
    // may answer both ways.
    solo: { id: 'usr-solo', displayName: 'Sofia Solo', homeTenantId: 'tn-solo-studio', tokenRole: null, issuesRefreshTokens: false, memberships: {} },
  };
  return demoUsers.map((user) => ({ ...user, ...profile[user.name] }));
}
