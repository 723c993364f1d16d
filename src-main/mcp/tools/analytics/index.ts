/** The analytics domain: what the tenant's analytics hold, and queries and reports over them (data API). */
import type { AnyToolSpec } from '../../tool';
import { analyticsCapabilitiesTool } from './analytics-capabilities';
import { analyticsFilterValuesTool } from './analytics-filter-values';
import { analyticsQueryTool } from './analytics-query';
import { analyticsTableSchemaTool } from './analytics-table-schema';
import { campaignReportTool } from './campaign-report';

/** The analytics tools, in `tools/list` order. */
export const analyticsTools: readonly AnyToolSpec[] = [analyticsCapabilitiesTool, analyticsTableSchemaTool, analyticsFilterValuesTool, analyticsQueryTool, campaignReportTool];

export { analyticsGuides } from './guidance';
