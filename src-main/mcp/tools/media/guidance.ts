/** `nevent_help` guidance on the image library. */
import type { HelpGuide } from '../../tool';

/** The the image library help topics (upstream's name: `media`); none until the domain has tools. */
export const mediaGuides: readonly HelpGuide[] = [];
