/** `nevent_update_segment`: changes a segment of the tenant a call runs in (a write tool). */
import { z } from 'zod';
import { SegmentIdSchema } from '../../../../src-shared/api';
import { optionalDefinitionInput } from './definition-input';
import type { SegmentUpdate } from '../../../../src-shared/api';
import { CoreError } from '../../../core/common/core-error';
import { defineTool } from '../../tool';
import { SegmentOutSchema, segmentOut } from '../../wire';

/** `nevent_update_segment` tool. */
export const updateSegmentTool = defineTool({
  name: 'nevent_update_segment',
  domain: 'audiences',
  title: 'Update a segment',
  description: 'Changes a segment\'s name, description or definition (a new one replaces the old); read it with nevent_get_segment first: a change made since fails with conflict.',
  access: 'write',
  tenantScoped: true,
  input: z.object({
    segment_id: SegmentIdSchema.describe('From nevent_list_segments.'),
    name: z.string().trim().min(1).max(200).optional().describe('New name.'),
    definition: optionalDefinitionInput,
    description: z.string().max(2000).optional().describe('New description.'),
  }),
  output: z.object({ segment: SegmentOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    if (args.name === undefined && args.definition === undefined && args.description === undefined) {
      throw new CoreError('validation_failed', 'Nothing to update: pass name, description and/or definition.', 'segment_id');
    }
    const input: SegmentUpdate = {};
    if (args.name !== undefined) input.name = args.name;
    if (args.definition !== undefined) input.definition = args.definition;
    if (args.description !== undefined) input.description = args.description;
    const updated = await tenant.updateSegment(args.segment_id, input);
    return { segment: segmentOut(updated.value, updated.tenantId), tenant_id: updated.tenantId };
  },
});
