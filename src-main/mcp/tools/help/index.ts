/** The help domain: `nevent_help` and the general guidance (overview, errors, workflows). */
import type { AnyToolSpec } from '../../tool';
import { helpTool } from './help';

/** The help tools. */
export const helpTools: readonly AnyToolSpec[] = [helpTool];

export { helpGuides } from './guidance';
