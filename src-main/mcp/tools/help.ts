/** `nevent_help`: in-session guidance on tenants, segments, campaigns, errors and workflows. */
import { z } from 'zod';
import { defineTool } from '../tool';
import { guidanceFor, helpTopics } from '../guidance';

/** `nevent_help` tool. */
export const helpTool = defineTool({
  name: 'nevent_help',
  title: 'Nevent help',
  description: [
    'Explains the Nevent tools in this session: the multi-tenant model, switching and resetting tenants, segment definitions, campaigns, error codes and common workflows, as markdown.',
    'Call it with a topic (tenants, segments, campaigns, errors, workflows) when unsure how to proceed; without one it gives an overview.',
  ].join(' '),
  access: 'read',
  tenantScoped: false,
  input: z.object({
    topic: z.enum(helpTopics).optional().describe('tenants, segments, campaigns, errors or workflows.'),
  }),
  output: z.object({ guidance: z.string(), topic: z.string().nullable(), topics: z.array(z.string()) }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args) {
    return { guidance: guidanceFor(args.topic), topic: args.topic ?? null, topics: [...helpTopics] };
  },
});
