/** `ui.*`: what the window tells main about itself (unsaved edits the shell must not drop without asking). */
import type { RequestHandlers } from '../dispatcher';
import type { WindowEdits } from '../window-edits';

export function uiHandlers(edits: WindowEdits): Pick<RequestHandlers, 'ui.setUnsavedEdits'> {
  return {
    'ui.setUnsavedEdits': async ({ unsaved }) => {
      edits.set(unsaved);
      return { unsaved: edits.hasUnsavedEdits() };
    },
  };
}
