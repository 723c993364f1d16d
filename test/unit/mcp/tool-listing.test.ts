/**
 * Which tools a session lists (tool-listing.ts): every filter must allow a tool; a filter's change is
 * announced only when the set of listed tools changed, and a listener's failure does not stop the others.
 */
import { describe, expect, it } from 'vitest';
import { OperationModeSetting } from '../../../src-main/app/operation-mode-setting';
import { ListedTools, modeFilter, type ToolFilter } from '../../../src-main/mcp/tool-listing';
import { allTools } from '../../../src-main/mcp/tools';

/** A filter the test flips: hides one tool by name, or none. */
function hiding(): ToolFilter & { hide(name: string | null): void } {
  let hidden: string | null = null;
  const listeners = new Set<() => void>();
  return {
    lists: (spec) => spec.name !== hidden,
    onDidChange: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    hide: (name) => {
      hidden = name;
      for (const listener of listeners) listener();
    },
  };
}

describe('ListedTools', () => {
  it('lists what the mode and every other filter allow, announcing only real changes', () => {
    const mode = new OperationModeSetting('READ_ONLY');
    const extra = hiding();
    const listed = new ListedTools(allTools, [modeFilter(mode), extra]);
    let announced = 0;
    listed.onDidChange(() => (announced += 1));
    expect(listed.has('nevent_list_segments')).toBe(true);
    expect(listed.has('nevent_create_segment')).toBe(false);

    // A change that hides a tool the mode already hides leaves the list as it was: not announced.
    extra.hide('nevent_create_segment');
    expect(announced).toBe(0);
    mode.set('STANDARD', 'app');
    expect(announced).toBe(1);
    expect(listed.has('nevent_create_segment')).toBe(false);
    expect(listed.has('nevent_update_segment')).toBe(true);
    extra.hide(null);
    expect(announced).toBe(2);
    expect(listed.listed().map((spec) => spec.name)).toContain('nevent_create_segment');

    listed.dispose();
    mode.set('FULL', 'app');
    expect(announced).toBe(2);
  });
});
