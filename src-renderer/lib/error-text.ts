/**
 * Errors in the person's language, by code (errors cross from main as `{code, message}`): our own
 * sentence for what the code means, with main's or the API's message inside it where it adds the detail
 * (an API's words are shown as it sent them).
 */
import type { AppErrorData } from '../../src-shared/errors';
import type { Translator } from '../../src-shared/i18n/translator';

/** A sign-in failure as a sentence a user can act on. */
export function signInErrorText(t: Translator, error: AppErrorData, apiUrl: string | null): string {
  switch (error.code) {
    case 'authentication_failed':
    case 'forbidden':
      return t.formatMessage({ id: 'error.signIn.wrongPassword' });
    case 'invalid_token':
    case 'token_expired':
      return t.formatMessage({ id: 'error.signIn.tokenRefused' }, { reason: error.message });
    case 'api_unavailable':
    case 'timeout':
      return apiUrl === null ? t.formatMessage({ id: 'error.signIn.unreachableServer' }) : t.formatMessage({ id: 'error.signIn.unreachable' }, { url: apiUrl });
    case 'keychain_unavailable':
    case 'keychain_timeout':
      return t.formatMessage({ id: 'error.signIn.noKeychain' });
    case 'keychain_locked':
      return t.formatMessage({ id: 'error.keychainLocked' });
    default:
      return errorReason(t, error);
  }
}

/**
 * What went wrong, to stand alone or inside a sentence ("Could not load segments: …"): our wording for
 * the codes whose message is our own and general, the message as sent for the rest (it is the detail).
 */
export function errorReason(t: Translator, error: AppErrorData): string {
  switch (error.code) {
    case 'api_unavailable':
      return t.formatMessage({ id: 'error.apiUnavailable' }, { reason: error.message });
    case 'timeout':
      return t.formatMessage({ id: 'error.timeout' }, { reason: error.message });
    case 'rate_limit_exceeded':
      return t.formatMessage({ id: 'error.rateLimited' }, { reason: error.message });
    case 'signed_out':
      return t.formatMessage({ id: 'error.signedOut' });
    case 'keychain_locked':
      return t.formatMessage({ id: 'error.keychainLocked' });
    case 'internal_error':
      return t.formatMessage({ id: 'error.internal' });
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
export function switchErrorText(t: Translator, error: AppErrorData): string {
  switch (error.code) {
    case 'tenant_forbidden':
    case 'forbidden':
      return t.formatMessage({ id: 'error.switch.forbidden' }, { reason: sentence(error.message) });
    case 'tenant_not_found':
    case 'not_found':
      return t.formatMessage({ id: 'error.switch.notFound' });
    case 'no_home_tenant':
      return t.formatMessage({ id: 'error.switch.noHome' });
    case 'timeout':
    case 'api_unavailable':
      return t.formatMessage({ id: 'error.switch.unreachable' }, { reason: sentence(error.message) });
    default:
      return sentence(errorReason(t, error));
  }
}
