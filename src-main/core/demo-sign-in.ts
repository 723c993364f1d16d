/** Quick start for `mcp --demo` / `serve --demo` / `npm start`: sign in to the embedded demo API. */
import type { AccountStatus } from './account';
import type { Core } from './create-core';

/** The demo users: `<name>@demo.nevent.local`, password `demo`. */
export const demoUserNames = ['superadmin', 'owner', 'admin', 'staff', 'solo'] as const;
/** A demo user name. */
export type DemoUserName = (typeof demoUserNames)[number];

/** The part of the running demo API this needs. */
export interface DemoApiEndpoint {
  url: string;
  dataUrl: string;
}

/** Signs `core` in to the demo API as `user` (default `owner`), for this run only (nothing saved). */
export function signInToDemo(core: Pick<Core, 'account'>, demoApi: DemoApiEndpoint, user: DemoUserName = 'owner'): Promise<AccountStatus> {
  return core.account.signIn({ type: 'password', email: `${user}@demo.nevent.local`, password: 'demo' }, { apiUrl: demoApi.url, dataApiUrl: demoApi.dataUrl, persist: false });
}
