/** Plain-language wording for errors the window shows, by code; main's message adds the detail. */
import type { AppErrorData } from '../../src-shared/errors';

/** A sign-in failure as a sentence a user can act on. */
export function signInErrorText(error: AppErrorData, apiUrl: string | null): string {
  switch (error.code) {
    case 'authentication_failed':
    case 'forbidden':
      return 'Wrong email or password.';
    case 'invalid_token':
    case 'token_expired':
      return `The token was not accepted: ${error.message}`;
    case 'api_unavailable':
    case 'timeout':
      return `Could not reach ${apiUrl ?? 'the server'}. Check the address and that the server is running.`;
    case 'validation_failed':
    case 'invalid_request':
      return error.message;
    case 'keychain_unavailable':
    case 'keychain_timeout':
      return 'No secret service is available: you are signed in, but the sign-in will not be remembered.';
    case 'keychain_locked':
      return 'Your OS keychain is locked, so the sign-in cannot be read or saved there. Unlock it, then try again.';
    default:
      return error.message;
  }
}

/** `text` as a sentence: a capital first letter and one full stop (messages from main may have neither). */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(/\.{2,}$/, '.');
  if (trimmed === '') return trimmed;
  const capital = `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}`;
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/** A failed switch or reset as a sentence. */
export function switchErrorText(error: AppErrorData): string {
  return sentence(switchErrorWords(error));
}

function switchErrorWords(error: AppErrorData): string {
  switch (error.code) {
    case 'tenant_forbidden':
    case 'forbidden':
      return `You have no access to that tenant. ${sentence(error.message)}`;
    case 'tenant_not_found':
    case 'not_found':
      return 'That tenant no longer exists.';
    case 'no_home_tenant':
      return 'This sign-in has no home tenant to return to.';
    case 'timeout':
    case 'api_unavailable':
      return `The server did not answer in time. ${sentence(error.message)}`;
    default:
      return error.message;
  }
}
