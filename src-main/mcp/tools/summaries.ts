/**
 * Each domain in one line, for a model deciding which toolset to turn on (`nevent_enable_tools` lists the
 * domains that are off with these). Short on purpose: the list is paid for on every turn while it is shown.
 */
import type { ToolDomain } from '../../../src-shared/tool-domains';

/** One line per domain: what its tools do. */
export const toolsetSummaries: Readonly<Record<ToolDomain, string>> = {
  tenants: 'list, switch and reset the organization (tenant) you work in',
  audiences: 'segments: list, read, create, update, preview, contacts, criteria and values',
  campaigns: 'campaigns: list, details, metrics, recipients, quotes, drafts, scheduling',
  analytics: 'query event-marketing data, table schemas, filter values, monthly campaign report',
  'paid-media': 'Meta, Google and TikTok ads: status, campaigns, ad groups, ads, insights, attribution',
  templates: 'email templates: create, update, clone, rename, preview, send a test',
  'short-urls': 'short links: list, details, clicks, metrics, per-user links, create, update',
  media: 'image library: list, upload, delete',
  help: 'nevent_help: guidance on workflows, errors and every domain',
};
