/** `nevent_help` guidance on short URLs. */
import type { HelpGuide } from '../../tool';

const guidance = `# Short URLs

Links are addressed by \`id\` (from \`nevent_list_short_urls\`); per-user links by the parent link's \`parentShortCode\`.

- Find: \`nevent_list_short_urls({ search?, isActive?, page?, pageSize? })\` (answer has \`next_page\`);
  \`nevent_list_short_url_destinations({ origin? })\` groups links by where they lead.
- Measure: \`nevent_get_short_url_metrics({ id, days? })\`, \`nevent_get_short_url_clicks({ id, limit? })\` (no IPs or
  user agents), \`nevent_get_short_url_campaign_metrics({ parentShortCode, days?, topN? })\`.
- Shorten a link for each fan (STANDARD mode): \`nevent_create_short_url({ longUrl })\` → its \`shortCode\` →
  \`nevent_create_bulk_user_short_urls({ parentShortCode, userIds })\` with fan ids (e.g. from
  \`nevent_segment_execute\`) → \`nevent_list_short_url_user_links({ parentShortCode })\`. Users who already have a
  link are skipped.
- Change: \`nevent_update_short_url({ id, ... })\`: \`isActive: false\` stops a link, \`expiresAt: null\` removes
  the expiry, \`longUrl\` sends every later click elsewhere (say so before doing it).`;

/** The short URLs help topics (upstream's name: `short_urls`). */
export const shortUrlsGuides: readonly HelpGuide[] = [{ topic: 'short_urls', guidance }];
