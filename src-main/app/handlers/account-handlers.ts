/** `account.*`: sign in (demo, password, token) and out. The account's state reaches the window pushed. */
import { missingCaseError } from '../../../src-shared/missing-case';
import { CoreError } from '../../core/common/core-error';
import type { RequestHandlers } from '../dispatcher';
import type { HandlerContext } from './context';

export function accountHandlers(ctx: HandlerContext): Pick<RequestHandlers, 'account.signIn' | 'account.signOut'> {
  const { account, demo, preferences } = ctx;
  return {
    'account.signIn': async (request) => {
      switch (request.method) {
        case 'demo': {
          if (demo === null) throw new CoreError('invalid_request', 'This build cannot start the demo server.', 'method');
          const urls = await demo.ensureStarted();
          await account.signIn({ kind: 'password', apiUrl: urls.apiUrl, dataApiUrl: urls.dataApiUrl, email: `${request.user}@demo.nevent.local`, password: 'demo', demo: true });
          break;
        }
        case 'password':
          await account.signIn({ kind: 'password', apiUrl: request.apiUrl, dataApiUrl: request.dataApiUrl ?? null, email: request.email, password: request.password, demo: false });
          preferences.updateSettings({ apiUrl: request.apiUrl, ...(request.dataApiUrl === undefined ? {} : { dataApiUrl: request.dataApiUrl }) });
          break;
        case 'token':
          await account.signIn({ kind: 'token', apiUrl: request.apiUrl, dataApiUrl: request.dataApiUrl ?? null, accessToken: request.accessToken, refreshToken: request.refreshToken ?? null });
          preferences.updateSettings({ apiUrl: request.apiUrl, ...(request.dataApiUrl === undefined ? {} : { dataApiUrl: request.dataApiUrl }) });
          break;
        default:
          return missingCaseError(request);
      }
      return account.status();
    },
    'account.signOut': async () => {
      await account.signOut();
      return account.status();
    },
  };
}
