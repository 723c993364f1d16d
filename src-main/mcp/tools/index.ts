/**
 * Every MCP tool, in the order `tools/list` shows them: one folder per domain, each with an
 * `index.ts` exporting its tools and its `nevent_help` topics (`guidance.ts`).
 */
import { toolDomains, type ToolDomain } from '../../../src-shared/tool-domains';
import type { AnyToolSpec } from '../tool';
import { analyticsTools } from './analytics';
import { audiencesTools } from './audiences';
import { campaignsTools } from './campaigns';
import { helpTools } from './help';
import { mediaTools } from './media';
import { paidMediaTools } from './paid-media';
import { shortUrlsTools } from './short-urls';
import { templatesTools } from './templates';
import { tenantsTools } from './tenants';

/** Each domain's tools (a record over the domain union: a new domain without tools fails to compile). */
export const toolsByDomain: Readonly<Record<ToolDomain, readonly AnyToolSpec[]>> = {
  tenants: tenantsTools,
  audiences: audiencesTools,
  campaigns: campaignsTools,
  analytics: analyticsTools,
  'paid-media': paidMediaTools,
  templates: templatesTools,
  'short-urls': shortUrlsTools,
  media: mediaTools,
  help: helpTools,
};

/** All tools, domain by domain in `toolDomains` order. */
export const allTools: readonly AnyToolSpec[] = toolDomains.flatMap((domain) => toolsByDomain[domain]);

const domainByTool = new Map<string, ToolDomain>(toolDomains.flatMap((domain) => toolsByDomain[domain].map((tool) => [tool.name, domain] as const)));

/** The domain a tool belongs to; undefined for a tool outside the toolset (tests' fakes). */
export function toolDomainOf(name: string): ToolDomain | undefined {
  return domainByTool.get(name);
}
