/**
 * Operation modes (DESIGN §4) decide which tool classes a session may call:
 *
 * | class         | READ_ONLY | STANDARD | FULL |
 * | ------------- | --------- | -------- | ---- |
 * | `read`        | yes       | yes      | yes  |
 * | `tenant`      | yes       | yes      | yes  |  switch / reset: always allowed
 * | `write`       | no        | yes      | yes  |  create / update segments (reversible, versioned)
 * | `destructive` | no        | no       | yes  |  deletes and other irreversible changes (none yet)
 *
 * READ_ONLY is the default so that connecting an assistant never lets it change data by surprise.
 */
import type { OperationMode } from '../../src-shared/session';
import { missingCaseError } from '../../src-shared/errors';

/** What a tool does, for the mode check. */
export type ToolAccess = 'read' | 'tenant' | 'write' | 'destructive';

/** True when `mode` allows tools of class `access`. */
export function isToolAllowed(mode: OperationMode, access: ToolAccess): boolean {
  switch (access) {
    case 'read':
    case 'tenant':
      return true;
    case 'write':
      return mode === 'STANDARD' || mode === 'FULL';
    case 'destructive':
      return mode === 'FULL';
    default:
      return missingCaseError(access);
  }
}

/** The least mode that allows `access`, for error messages. */
export function leastModeFor(access: ToolAccess): OperationMode {
  switch (access) {
    case 'read':
    case 'tenant':
      return 'READ_ONLY';
    case 'write':
      return 'STANDARD';
    case 'destructive':
      return 'FULL';
    default:
      return missingCaseError(access);
  }
}

/**
 * Where the bridge reads the operation mode: on every call, so a change in the app applies at once to
 * every open connection (DESIGN §4). The app passes its one mode cell; the CLI a fixed mode.
 */
export interface OperationModeSource {
  get(): OperationMode;
}

/** A mode that never changes (`mcp --mode M`, NEVENT_OPERATION_MODE). */
export function fixedMode(mode: OperationMode): OperationModeSource {
  return { get: () => mode };
}
