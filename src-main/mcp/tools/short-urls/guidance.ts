/** `nevent_help` guidance on short URLs. */
import type { HelpGuide } from '../../tool';

/** The short URLs help topics (upstream's name: `short_urls`); none until the domain has tools. */
export const shortUrlsGuides: readonly HelpGuide[] = [];
