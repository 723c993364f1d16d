/**
 * Which tool classes each operation mode allows: one rule for the bridge's check, the
 * desktop's tool list and the renderer, which shows it against the pushed mode.
 *
 * | class         | READ_ONLY | STANDARD | FULL |
 * | ------------- | --------- | -------- | ---- |
 * | `read`        | yes       | yes      | yes  |
 * | `tenant`      | yes       | yes      | yes  |  switch / reset: always allowed
 * | `write`       | no        | yes      | yes  |  creates and reversible changes
 * | `destructive` | no        | no       | yes  |  DELETE class: sends, schedules, deletes
 */
import { missingCaseError } from './missing-case';
import type { OperationMode } from './session';

/** Every tool class. */
export const toolAccesses = ['read', 'tenant', 'write', 'destructive'] as const;

/** What a tool does, for the mode check. */
export type ToolAccess = (typeof toolAccesses)[number];

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
