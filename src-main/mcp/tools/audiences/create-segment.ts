/** `nevent_create_segment`: creates a segment in the tenant a call runs in (a write tool). */
import { z } from 'zod';
import { definitionInput } from './definition-input';
import type { SegmentCreate } from '../../../../src-shared/api';
import { defineTool } from '../../tool';
import { SegmentOutSchema, segmentOut } from '../../wire';

/** `nevent_create_segment` tool. */
export const createSegmentTool = defineTool({
  name: 'nevent_create_segment',
  domain: 'audiences',
  title: 'Create a segment',
  description: 'Saves a new segment from a definition (criterion ids and operators from nevent_segmentation_criteria); check its size with nevent_segment_preview first.',
  access: 'write',
  tenantScoped: true,
  input: z.object({
    name: z.string().trim().min(1).max(200).describe('Segment name.'),
    definition: definitionInput,
    description: z.string().max(2000).optional().describe('What the segment is for.'),
  }),
  output: z.object({ segment: SegmentOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  whenMissing: {
    definition:
      'definition is missing: it says who is in the segment, as {stanzas:[{criteria:[{criterion_id, operator, value}]}]} (criteria in a stanza OR, stanzas AND; {stanzas: []} is every fan). criterion_id and the operators each takes come from nevent_segmentation_criteria; check the size with nevent_segment_preview, then create. Nothing was created.',
    name: 'name is missing: every segment needs a name people will recognise. Nothing was created.',
  },
  async run(args, { tenant }) {
    const input: SegmentCreate = { name: args.name, definition: args.definition };
    if (args.description !== undefined) input.description = args.description;
    const created = await tenant.createSegment(input);
    return { segment: segmentOut(created.value, created.tenantId), tenant_id: created.tenantId };
  },
});
