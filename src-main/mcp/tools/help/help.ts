/** `nevent_help`: in-session guidance on every tool domain, errors and workflows. */
import { z } from 'zod';
import { defineTool } from '../../tool';
import { guidanceFor, helpTopics } from '../../guidance';

/** `nevent_help` tool. */
export const helpTool = defineTool({
  name: 'nevent_help',
  domain: 'help',
  title: 'Nevent help',
  description: 'Explains the Nevent tools, error codes and workflows that chain tools, as markdown; call it with a topic when unsure how to proceed.',
  access: 'read',
  tenantScoped: false,
  input: z.object({
    topic: z.enum(helpTopics).optional(),
  }),
  output: z.object({ guidance: z.string(), topic: z.string().nullable(), topics: z.array(z.string()) }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args) {
    return { guidance: guidanceFor(args.topic), topic: args.topic ?? null, topics: [...helpTopics] };
  },
});
