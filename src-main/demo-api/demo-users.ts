/** The demo accounts (DESIGN §3): who they are, their home tenant and their membership quirks. */
import type { MembershipStatus, Role } from '../../src-shared/api';

/** A demo user as others may list it (e.g. in a sign-in hint). */
export interface DemoUser {
  name: 'superadmin' | 'owner' | 'admin' | 'solo';
  email: string;
  password: 'demo';
  role: Role;
}

/** The four demo users; every password is `demo`. */
export const demoUsers: readonly DemoUser[] = [
  { name: 'superadmin', email: 'superadmin@demo.nevent.local', password: 'demo', role: 'SUPERADMIN' },
  { name: 'owner', email: 'owner@demo.nevent.local', password: 'demo', role: 'OWNER' },
  { name: 'admin', email: 'admin@demo.nevent.local', password: 'demo', role: 'ADMIN' },
  { name: 'solo', email: 'solo@demo.nevent.local', password: 'demo', role: 'OWNER' },
];

/** A membership that is not plainly ACTIVE, with the human reason shown in lists. */
export interface MembershipOverride {
  status: Exclude<MembershipStatus, 'ACTIVE'>;
  statusReason: string;
}

/** Everything the server knows about a demo account. */
export interface DemoAccount extends DemoUser {
  id: string;
  displayName: string;
  homeTenantId: string;
  /** Memberships in the user's visible tenants that are not ACTIVE. */
  memberships: Readonly<Record<string, MembershipOverride>>;
}

/** Builds the account table; tenant ids refer to the base tree in tenant-directory.ts. */
export function demoAccounts(): DemoAccount[] {
  const profile: Record<DemoUser['name'], Omit<DemoAccount, keyof DemoUser>> = {
    superadmin: { id: 'usr-superadmin', displayName: 'Sam Superadmin', homeTenantId: 'tn-nevent', memberships: {} },
    owner: {
      id: 'usr-owner',
      displayName: 'Olivia Owner',
      homeTenantId: 'tn-acme',
      memberships: {
        'tn-acme-lyon': { status: 'INVITED', statusReason: 'Invitation not accepted yet: accept it before switching to this tenant.' },
        'tn-acme-porto': { status: 'SUSPENDED', statusReason: 'Access suspended by an administrator of this tenant; ask them to restore it.' },
      },
    },
    admin: { id: 'usr-admin', displayName: 'Adam Admin', homeTenantId: 'tn-globex-de', memberships: {} },
    solo: { id: 'usr-solo', displayName: 'Sofia Solo', homeTenantId: 'tn-solo-studio', memberships: {} },
  };
  return demoUsers.map((user) => ({ ...user, ...profile[user.name] }));
}
