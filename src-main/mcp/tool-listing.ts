/**
 * Which tools a session lists in `tools/list`: a model pays context for every tool it is shown, and a tool
 * it may not call is paid for on every turn of every conversation (in READ_ONLY the write tools were about
 * 30 % of the toolset's bytes). A session lists the tools every one of its filters allows; when a filter
 * changes (the operation mode today; chosen toolsets later), the list is recomputed and, if it changed,
 * announced with `notifications/tools/list_changed`.
 *
 *   filters (mode, …) ── onDidChange ──> ListedTools: recompute ── set changed? ──> listeners (the server:
 *                                                                                    tools/list_changed)
 *
 * Listing is only what a client is shown. Every tool stays callable: a call to one that is not listed
 * still runs the server's checks and answers with the envelope (`operation_not_permitted` naming where
 * the mode is changed), never an unknown-tool protocol error.
 */
import { isToolAllowed } from '../../src-shared/tool-access';
import { Emitter } from '../core/common/emitter';
import type { OperationModeSource } from './operation-mode';
import type { AnyToolSpec } from './tool';

/** One reason a tool is listed or not. */
export interface ToolFilter {
  /** True when `spec` is listed now. */
  lists(spec: AnyToolSpec): boolean;
  /** Fires after what `lists` answers may have changed; returns the unsubscribe function. */
  onDidChange(listener: () => void): () => void;
}

/** Lists the tools the operation mode allows (the tenant tools and `nevent_help` in every mode). */
export function modeFilter(mode: OperationModeSource): ToolFilter {
  return {
    lists: (spec) => isToolAllowed(mode.get(), spec.access),
    onDidChange: (listener) => mode.onDidChange?.(listener) ?? (() => undefined),
  };
}

/** The tools a session lists now, kept current while it is open. */
export class ListedTools {
  private names: ReadonlySet<string>;
  private readonly changed = new Emitter<void>();
  private readonly unsubscribers: Array<() => void>;
  /** Fires after the set of listed tools changed (never for a change that left it the same). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly tools: readonly AnyToolSpec[],
    private readonly filters: readonly ToolFilter[],
  ) {
    this.names = this.compute();
    this.unsubscribers = filters.map((filter) => filter.onDidChange(() => this.recompute()));
  }

  /** True when the tool named `name` is listed now. */
  has(name: string): boolean {
    return this.names.has(name);
  }

  /** The listed tools, in the toolset's order. */
  listed(): AnyToolSpec[] {
    return this.tools.filter((spec) => this.names.has(spec.name));
  }

  /** Stops following the filters. */
  dispose(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.changed.dispose();
  }

  private compute(): ReadonlySet<string> {
    return new Set(this.tools.filter((spec) => this.filters.every((filter) => filter.lists(spec))).map((spec) => spec.name));
  }

  private recompute(): void {
    const next = this.compute();
    if (next.size === this.names.size && [...next].every((name) => this.names.has(name))) return;
    this.names = next;
    this.changed.fire();
  }
}
