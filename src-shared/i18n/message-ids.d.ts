// FormatJS reads its message ids from this global: `formatMessage({ id })` only takes a key of the catalog.
import type { MessageId } from './catalog';

declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
