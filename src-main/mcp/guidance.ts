/**
 * The in-session guidance `nevent_help` returns (markdown): each domain's topics (`tools/<domain>/guidance.ts`,
 * written from the Nevent AI multi-tenant seed and the AuthVital multi-tenancy seed) and the general ones,
 * and the server `instructions` a client shows its model.
 */
import { missingCaseError } from '../../src-shared/missing-case';
import type { OperationMode } from '../../src-shared/session';
import { toolDomains, type ToolDomain } from '../../src-shared/tool-domains';
import { enableToolsName } from './toolsets';

import { modeChangeHint, modeNames } from './mode-words';
import type { HelpGuide } from './tool';
import { analyticsGuides } from './tools/analytics/guidance';
import { audiencesGuides } from './tools/audiences/guidance';
import { campaignsGuides } from './tools/campaigns/guidance';
import { helpGuides, overviewGuidance } from './tools/help/guidance';
import { mediaGuides } from './tools/media/guidance';
import { paidMediaGuides } from './tools/paid-media/guidance';
import { shortUrlsGuides } from './tools/short-urls/guidance';
import { templatesGuides } from './tools/templates/guidance';
import { tenantsGuides } from './tools/tenants/guidance';

/** Every help topic with its markdown: one or more per domain, then errors and workflows. */
const guides: readonly HelpGuide[] = [
  ...tenantsGuides,
  ...audiencesGuides,
  ...campaignsGuides,
  ...analyticsGuides,
  ...paidMediaGuides,
  ...templatesGuides,
  ...shortUrlsGuides,
  ...mediaGuides,
  ...helpGuides,
];

/** Help topics, in the order the overview lists them (never empty: the general topics are always there). */
export const helpTopics = guides.map((guide) => guide.topic) as [string, ...string[]];
/** A help topic. */
export type HelpTopic = string;

const byTopic = new Map(guides.map((guide) => [guide.topic, guide.guidance]));

/** The topic list in prose, as the overview and the server instructions name it. */
export const helpTopicList = helpTopics.join(', ');

/** Returns the guidance for `topic`, or the overview (with the topic list) when none is given. */
export function guidanceFor(topic: HelpTopic | undefined): string {
  if (topic === undefined) return `${overviewGuidance}\n\nMore help: \`nevent_help({ topic })\` with topic ${helpTopics.map((t) => `\`${t}\``).join(', ')}.`;
  const guidance = byTopic.get(topic);
  if (guidance === undefined) throw new RangeError(`No help topic ${topic}`);
  return guidance;
}

/** What the mode in effect lets a model do, in one sentence. */
function modeSentence(mode: OperationMode): string {
  switch (mode) {
    case 'READ_ONLY':
      return 'Only reads, quotes, switch and reset are listed; creates, updates and uploads need Standard mode, scheduling campaigns and deleting images need Full mode.';
    case 'STANDARD':
      return 'Creates and updates are listed (name the tenant_id on every write); scheduling a campaign and deleting images need Full mode.';
    case 'FULL':
      return 'Every tool is listed; the ones that send or delete (scheduling a campaign, a test email, deleting images) still ask the user first.';
    default:
      return missingCaseError(mode);
  }
}

/** The toolsets in effect when a conversation connects: which domains it lists, which are one call away. */
export interface ToolsetsAtConnect {
  on: readonly ToolDomain[];
  off: readonly ToolDomain[];
}

/** What the toolsets in effect mean for a model, in one sentence (none when every domain is on). */
function toolsetSentence({ on, off }: ToolsetsAtConnect): string | null {
  if (off.length === 0) return null;
  const listed = on.length === 0 ? 'no group of tools is listed yet' : `the ${on.join(', ')} tools are listed`;
  return `Tools come in groups: ${listed}. ${enableToolsName} lists the others (${off.join(', ')}) and turns one on for this conversation; a tool of a group that is off answers toolset_not_enabled.`;
}

/** The `instructions` the server sends in `initialize`: the tenant workflow in a few lines, the mode and toolsets in effect. */
export function serverInstructions(mode: OperationMode, toolsets: ToolsetsAtConnect = { on: toolDomains, off: [] }): string {
  const groups = toolsetSentence(toolsets);
  return [
    'Nevent Companion gives you Nevent tools for the user\'s organizations (tenants).',
    'Every tool except the tenant tools and nevent_help runs in one tenant and reports it as tenant_id in its answer.',
    'Pass tenant_id on every such call: the call runs in that tenant, so parallel conversations stay apart even when your client shares one connection between them. Without it a call runs in the connection\'s active tenant, which another conversation may have moved.',
    'Workflow: nevent_list_tenants (ids, roles, status) → pick a tenant → pass its id as tenant_id from then on. nevent_switch_tenant / nevent_reset_tenant move the active tenant and answer switched_to_tenant_id: keep passing it.',
    'Only ACTIVE memberships can be used; a tenant the account cannot use fails with tenant_not_found. Names are not ids: pass ids from nevent_list_tenants.',
    `Operation mode when you connected: ${modeNames[mode]}. ${modeSentence(mode)} ${modeChangeHint} A tool the mode does not allow fails with operation_not_permitted and names the mode it needs.`,
    ...(groups === null ? [] : [groups]),
    `Errors are {error:{type, code, message, param?}}. For more, call nevent_help({topic}) with ${helpTopicList}.`,
  ].join('\n');
}
