/** `nevent_help` guidance on analytics. */
import type { HelpGuide } from '../../tool';

const guidance = `# Analytics

\`nevent_analytics_capabilities\` tells which analytics the tenant has (cached per tenant). It runs in the
tenant you pass as \`tenant_id\` (else the active tenant) and reports it as \`tenant_id\`.`;

/** The analytics help topics. */
export const analyticsGuides: readonly HelpGuide[] = [{ topic: 'analytics', guidance }];
