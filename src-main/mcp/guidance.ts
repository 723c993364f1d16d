/**
 * The in-session guidance `nevent_help` returns (markdown): each domain's topics (`tools/<domain>/guidance.ts`,
 * written from the Nevent AI multi-tenant seed and the AuthVital multi-tenancy seed) and the general ones,
 * and the server `instructions` a client shows its model.
 */
import { missingCaseError } from '../../src-shared/errors';
import type { OperationMode } from '../../src-shared/session';

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
      return 'Writes (creates, updates, uploads) and DELETE-class tools fail with operation_not_permitted; reads, quotes, switch and reset work.';
    case 'STANDARD':
      return 'Creates and updates are allowed (name the tenant_id on every write); DELETE-class tools (scheduling a campaign, deleting images) are not.';
    case 'FULL':
      return 'Every tool is allowed; DELETE-class tools (scheduling a campaign, deleting images) still need confirmed: true, only after the user agreed to what their first answer says.';
    default:
      return missingCaseError(mode);
  }
}

/** The `instructions` the server sends in `initialize`: the tenant workflow in a few lines, and the mode in effect. */
export function serverInstructions(mode: OperationMode): string {
  return [
    'Nevent Companion gives you Nevent tools for the user\'s organizations (tenants).',
    'Every tool except the tenant tools and nevent_help runs in one tenant and reports it as tenant_id in its answer.',
    'Pass tenant_id on every such call: the call runs in that tenant, so parallel conversations stay apart even when your client shares one connection between them. Without it a call runs in the connection\'s active tenant, which another conversation may have moved.',
    'Workflow: nevent_list_tenants (ids, roles, status) → pick a tenant → pass its id as tenant_id from then on. nevent_switch_tenant / nevent_reset_tenant move the active tenant and answer switched_to_tenant_id: keep passing it.',
    'Only ACTIVE memberships can be used; a tenant you cannot reach fails with tenant_forbidden or tenant_not_found.',
    `Operation mode when you connected: ${mode}. ${modeSentence(mode)} The user can change the mode at any time; a call the mode does not allow fails with operation_not_permitted and names the mode it needs.`,
    `Errors are {error:{type, code, message, param?}}. For more, call nevent_help({topic}) with ${helpTopicList}.`,
  ].join('\n');
}
