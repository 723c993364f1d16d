/** A failed tool call in the person's words: the window's wording by code, and the view's own for what only a view meets. */
import type { Translator } from '../../src-shared/i18n/translator';
import { errorReason, sentence } from '../../src-renderer/lib/error-text';
import type { ToolOutcome } from '../host/tool-outcome';

/** Why the call did nothing, as a sentence. */
export function failureText(t: Translator, outcome: Exclude<ToolOutcome, { kind: 'ok' }>): string {
  if (outcome.kind === 'host-error') return t.formatMessage({ id: 'apps.error.host' }, { reason: sentence(outcome.reason) });
  switch (outcome.error.code) {
    case 'operation_not_permitted':
      return t.formatMessage({ id: 'apps.error.mode' });
    case 'cancelled':
      return t.formatMessage({ id: 'apps.error.cancelled' });
    default:
      return sentence(errorReason(t, outcome.error));
  }
}
