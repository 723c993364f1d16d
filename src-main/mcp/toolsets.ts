/**
 * Which domains' tools a conversation is shown: the toolsets the person chose (the app's "Tools the AI
 * sees", or `--toolsets` / `NEVENT_TOOLSETS` for a standalone bridge), plus the ones the conversation turned
 * on for itself with `nevent_enable_tools`. A model pays context for every tool definition on every turn, so
 * a conversation starts with a few domains and reaches the rest on demand (docs/toolsets.md).
 *
 *   person's choice ──onDidChange──┐
 *                                  ├─> SessionToolsets.filter() ──> ListedTools (tool-listing.ts) ──> tools/list_changed
 *   nevent_enable_tools ─> OnDemandToolsets.enable(session) ──┘
 *
 * A domain that is off is only unlisted: a call to one of its tools is answered with the envelope naming
 * the domain and how to turn it on (server.ts), and once on, its tools run by name even for a client that
 * never re-reads the list. The operation mode applies on top, as its own filter.
 */
import { orderedDomains, toolDomains, type ToolDomain } from '../../src-shared/tool-domains';
import { Emitter } from '../core/common/emitter';
import type { ToolFilter } from './tool-listing';
import type { AnyToolSpec } from './tool';

/** The name of the on-demand tool: listed while a domain is off for the conversation. */
export const enableToolsName = 'nevent_enable_tools';

/** The toolsets the person chose, read on every list and call: a change applies to open conversations at once. */
export interface ToolsetSource {
  get(): readonly ToolDomain[];
  /** Fires after the choice changed (a source that never changes has none); returns the unsubscribe function. */
  onDidChange?(listener: () => void): () => void;
}

/** A choice that never changes (`mcp --toolsets`, NEVENT_TOOLSETS; tests). */
export function fixedToolsets(domains: readonly ToolDomain[]): ToolsetSource {
  const fixed = orderedDomains(domains);
  return { get: () => fixed };
}

/** Every domain on: what a server lists when it is given no choice (tests, and the full toolset). */
export function everyToolset(): ToolsetSource {
  return fixedToolsets(toolDomains);
}

/**
 * The domains each conversation turned on for itself, kept for as long as its session lives (a session
 * object is the key: a 2026-07-28 HTTP request's server is gone after the request, its session is not).
 */
export class OnDemandToolsets {
  private readonly bySession = new WeakMap<object, Set<ToolDomain>>();
  private readonly enabled = new Emitter<object>();
  /** Fires with the session after it turned a domain on. */
  readonly onDidEnable = this.enabled.event;

  /** The domains `session` turned on. */
  of(session: object): ReadonlySet<ToolDomain> {
    return this.bySession.get(session) ?? new Set();
  }

  /** Turns `domain` on for `session`; false when it already was. */
  enable(session: object, domain: ToolDomain): boolean {
    const domains = this.bySession.get(session) ?? new Set<ToolDomain>();
    if (domains.has(domain)) return false;
    domains.add(domain);
    this.bySession.set(session, domains);
    this.enabled.fire(session);
    return true;
  }
}

/** One conversation's view: the person's choice, what it turned on itself, and the domains its tool table has. */
export class SessionToolsets {
  /** The domains some tool of the table belongs to, in `toolDomains` order. */
  readonly domains: readonly ToolDomain[];

  constructor(
    private readonly choice: ToolsetSource,
    private readonly onDemand: OnDemandToolsets,
    /** The session whose on-demand domains count (a getter: an HTTP endpoint's shared session is replaced after a sign-out). */
    private readonly session: () => object,
    tools: readonly AnyToolSpec[],
  ) {
    this.domains = orderedDomains(tools.map((tool) => tool.domain));
  }

  /** True when `domain`'s tools are shown (and run) in this conversation. */
  isOn(domain: ToolDomain): boolean {
    return this.choice.get().includes(domain) || this.onDemand.of(this.session()).has(domain);
  }

  /** The domains of the table that are off now, in `toolDomains` order. */
  off(): ToolDomain[] {
    return this.domains.filter((domain) => !this.isOn(domain));
  }

  /** True when the person chose `domain` (it is on for every conversation, not only this one). */
  chosen(domain: ToolDomain): boolean {
    return this.choice.get().includes(domain);
  }

  /** Turns `domain` on for this conversation; false when it already was on. */
  enable(domain: ToolDomain): boolean {
    if (this.isOn(domain)) return false;
    return this.onDemand.enable(this.session(), domain);
  }

  /**
   * The listing filter: a tool is listed while its domain is on; `nevent_enable_tools` while some domain is
   * off (with everything on it has nothing to offer, and the list is exactly the full toolset).
   */
  filter(): ToolFilter {
    return {
      lists: (spec) => (spec.name === enableToolsName ? this.off().length > 0 : this.isOn(spec.domain)),
      onDidChange: (listener) => {
        const offChoice = this.choice.onDidChange?.(listener) ?? (() => undefined);
        const offDemand = this.onDemand.onDidEnable((session) => {
          if (session === this.session()) listener();
        });
        return () => {
          offChoice();
          offDemand();
        };
      },
    };
  }
}
