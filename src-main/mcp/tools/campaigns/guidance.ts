/** `nevent_help` guidance on campaigns. */
import type { HelpGuide } from '../../tool';

const guidance = `# Campaigns

\`nevent_list_campaigns\` lists the tenant's campaigns; filter with \`status\` (EXECUTED, DRAFT, PAUSED,
STOPPED, SCHEDULED), \`channel\` (EMAIL, SMS, WHATSAPP) and \`limit\`. It runs in the tenant you pass as
\`tenant_id\` (else the active tenant) and reports it as \`tenant_id\`:
\`nevent_list_campaigns({ tenant_id: "tenant-xyz" })\`.`;

/** The campaign help topics. */
export const campaignsGuides: readonly HelpGuide[] = [{ topic: 'campaigns', guidance }];
