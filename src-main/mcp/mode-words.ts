/** How a model is told about operation modes and toolsets: mode names as the app shows them, and where the person changes either. */
import type { OperationMode } from '../../src-shared/session';

/** Each operation mode as the app's settings name it (what a model tells the person to pick). */
export const modeNames: Readonly<Record<OperationMode, string>> = { READ_ONLY: 'Read only', STANDARD: 'Standard', FULL: 'Full' };

/** How writes become available: only the person can change the mode, and where. */
export const modeChangeHint =
  'Only the user can change the operation mode: in Nevent Companion (MCP panel → Operation mode), or for a standalone `nevent-companion mcp` with --mode or NEVENT_OPERATION_MODE. This connection\'s tool list then updates by itself.';

/** Where the person keeps a toolset on for every conversation (a conversation turns one on with nevent_enable_tools). */
export const toolsetChangeHint =
  'The user can keep them on for every conversation in Nevent Companion (MCP panel → Tools the AI sees), or for a standalone `nevent-companion mcp` with --toolsets or NEVENT_TOOLSETS.';
