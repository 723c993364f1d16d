/**
 * The toolsets every AI conversation is shown at first ("Tools the AI sees"): one value in main, one event
 * when it changes. Like the operation mode:
 *
 *   start:  --toolsets flag  >  NEVENT_TOOLSETS  >  the settings file  >  the default set
 *   later:  mcp.setToolsets (window or serve's web UI)  ─┐
 *           the settings file edited by hand            ─┴─> set() ──> onDidChange ──> the desktop store (settings pushed);
 *                                                                      open conversations: tools/list_changed
 */
import { defaultToolDomains, orderedDomains, parseToolsets, type ToolDomain } from '../../src-shared/tool-domains';
import { Emitter } from '../core/common/emitter';
import type { ToolsetSource } from '../mcp/toolsets';

/** Who changed the toolsets. */
export type ToolsetsChangeSource = 'app' | 'settings file';

/** The person's toolsets and their change event. */
export class ToolsetsSetting implements ToolsetSource {
  private readonly changed = new Emitter<{ toolsets: readonly ToolDomain[]; by: ToolsetsChangeSource }>();
  private domains: readonly ToolDomain[];
  /** Fires after every real change. */
  readonly onDidChange = (listener: () => void): (() => void) => this.changed.event(() => listener());
  /** Fires after every real change, with the new toolsets and who made it. */
  readonly onDidChangeToolsets = this.changed.event;

  constructor(domains: readonly ToolDomain[]) {
    this.domains = orderedDomains(domains);
  }

  get(): readonly ToolDomain[] {
    return this.domains;
  }

  /** Changes the toolsets; returns false when they already were these. */
  set(domains: readonly ToolDomain[], by: ToolsetsChangeSource): boolean {
    const next = orderedDomains(domains);
    if (next.length === this.domains.length && next.every((domain, i) => domain === this.domains[i])) return false;
    this.domains = next;
    this.changed.fire({ toolsets: next, by });
    return true;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * The toolsets at start. A flag value is checked by the command line before it gets here; a variable that
 * is not a toolset list is reported through `warn` and skipped (never silently): the next source decides.
 */
export function initialToolsets(sources: { flag?: readonly ToolDomain[] | undefined; env: string | undefined; saved: readonly ToolDomain[] | null }, warn: (line: string) => void): readonly ToolDomain[] {
  if (sources.flag !== undefined) return sources.flag;
  if (sources.env !== undefined && sources.env.trim() !== '') {
    const parsed = parseToolsets(sources.env);
    if (parsed.ok) return parsed.domains;
    warn(`NEVENT_TOOLSETS: ${parsed.message}; using ${sources.saved === null ? 'the default toolsets' : 'the saved toolsets'}.`);
  }
  return sources.saved ?? defaultToolDomains;
}
