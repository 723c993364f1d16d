/** The analytics domain: what the tenant's analytics hold, and queries and reports over them (data API). */
import type { AnyToolSpec } from '../../tool';
import { analyticsCapabilitiesTool } from './analytics-capabilities';

/** The analytics tools, in `tools/list` order. */
export const analyticsTools: readonly AnyToolSpec[] = [analyticsCapabilitiesTool];

export { analyticsGuides } from './guidance';
