/**
 * The operation mode every MCP session obeys: one value in main, one event when it changes.
 *
 *   start:  --mode flag  >  NEVENT_OPERATION_MODE  >  the settings file  >  READ_ONLY
 *   later:  mcp.setMode (window or serve's web UI)  ─┐
 *           the settings file edited by hand        ─┴─> set() ──> onDidChange ──> app state + audit
 *
 * MCP servers read `get()` on every call, so a change applies to every open connection before its next
 * call, in both directions (STYLE.md 3: main owns the truth).
 */
import { Emitter } from '../core/common/emitter';
import { defaultOperationMode, parseOperationMode, type OperationMode } from '../../src-shared/session';

/** Who changed the mode. */
export type ModeChangeSource = 'app' | 'settings file';

/** One mode change. */
export interface ModeChange {
  mode: OperationMode;
  previous: OperationMode;
  by: ModeChangeSource;
}

/** The operation mode and its change event. */
export class OperationModeSetting {
  private readonly changed = new Emitter<ModeChange>();
  /** Fires after every real change. */
  readonly onDidChange = this.changed.event;

  constructor(private mode: OperationMode) {}

  get(): OperationMode {
    return this.mode;
  }

  /** Changes the mode; returns false when it already was `mode`. */
  set(mode: OperationMode, by: ModeChangeSource): boolean {
    if (mode === this.mode) return false;
    const previous = this.mode;
    this.mode = mode;
    this.changed.fire({ mode, previous, by });
    return true;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * The mode at start. A flag or variable that is not a mode is reported through `warn` and skipped (never
 * silently): the next source decides.
 */
export function initialOperationMode(sources: { flag?: OperationMode | undefined; env: string | undefined; saved: OperationMode | null }, warn: (line: string) => void): OperationMode {
  if (sources.flag !== undefined) return sources.flag;
  if (sources.env !== undefined && sources.env.trim() !== '') {
    const parsed = parseOperationMode(sources.env);
    if (parsed !== null) return parsed;
    warn(`NEVENT_OPERATION_MODE="${sources.env.slice(0, 40)}" is not an operation mode (READ_ONLY, STANDARD or FULL); using ${sources.saved ?? defaultOperationMode}.`);
  }
  return sources.saved ?? defaultOperationMode;
}
