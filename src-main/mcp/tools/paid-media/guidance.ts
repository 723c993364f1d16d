/** `nevent_help` guidance on paid media. */
import type { HelpGuide } from '../../tool';

const guidance = `# Paid media

Every tool takes \`provider\`: \`meta\`, \`google\` or \`tiktok\`; ids (\`campaignId\`, \`adGroupId\`, \`adId\`) are the
provider's own. All are reads (any mode) in the tenant you pass as \`tenant_id\`.

1. \`nevent_paid_ads_status({ provider })\`: is it connected, which account, last sync.
2. \`nevent_list_paid_campaigns\` → \`nevent_list_paid_ad_groups({ campaignId })\` → \`nevent_list_paid_ads({ adGroupId })\`
   (pages: \`limit\`/\`cursor\`).
3. Results: \`nevent_get_paid_campaign_insights\` / \`nevent_get_paid_ad_group_insights({ from?, to? })\` (days as
   yyyy-MM-dd, default the last 7 days) answer daily rows and \`totals\` whose rates are computed from the sums;
   \`nevent_get_paid_ad_group_comparative_stats\` compares an ad group with the rest of its campaign;
   \`nevent_paid_attribution\` gives tickets and revenue per campaign ("what did the campaign earn?").
4. Why: \`nevent_get_paid_ad_group_targeting\`, \`nevent_get_paid_ad_creative\`; stale numbers → \`nevent_paid_ads_health\`.

Health, insights, comparative stats, targeting and creative need the provider's insights pilot: outside it they
answer \`feature_gate_not_enrolled\` (the lists and attribution still work).`;

/** The paid-media help topics (upstream's name: `paid_media`). */
export const paidMediaGuides: readonly HelpGuide[] = [{ topic: 'paid_media', guidance }];
