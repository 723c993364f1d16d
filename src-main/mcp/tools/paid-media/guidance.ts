/** `nevent_help` guidance on paid media. */
import type { HelpGuide } from '../../tool';

const guidance = `# Paid media

\`nevent_paid_ads_status({ provider })\` tells whether \`meta\`, \`google\` or \`tiktok\` ads are connected, which
account, and when it last synced. It runs in the tenant you pass as \`tenant_id\` (else the active tenant).`;

/** The paid-media help topics (upstream's name: `paid_media`). */
export const paidMediaGuides: readonly HelpGuide[] = [{ topic: 'paid_media', guidance }];
