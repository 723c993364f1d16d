/** `nevent_help` guidance on email templates. */
import type { HelpGuide } from '../../tool';

/** The email templates help topics (upstream's name: `templates`); none until the domain has tools. */
export const templatesGuides: readonly HelpGuide[] = [];
