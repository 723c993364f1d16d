/**
 * Operation modes decide which tool classes a session may call; the table and the rule are
 * in src-shared/tool-access.ts (the desktop shows it too). READ_ONLY is the default so that connecting
 * an assistant never lets it change data by surprise.
 */
import type { OperationMode } from '../../src-shared/session';

export { isToolAllowed, leastModeFor, type ToolAccess } from '../../src-shared/tool-access';

/**
 * Where the bridge reads the operation mode: on every call, so a change in the app applies at once to
 * every open connection. The app passes its one mode cell; the CLI a fixed mode.
 */
export interface OperationModeSource {
  get(): OperationMode;
  /** Fires after the mode changed (a source that never changes has none); returns the unsubscribe function. */
  onDidChange?(listener: () => void): () => void;
}

/** A mode that never changes (`mcp --mode M`, NEVENT_OPERATION_MODE). */
export function fixedMode(mode: OperationMode): OperationModeSource {
  return { get: () => mode };
}
