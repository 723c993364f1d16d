/** `nevent_preview_template`: a template rendered for a sample fan, without sending anything. */
import { z } from 'zod';
import { previewTemplate } from '../../../core/domains/templates';
import { defineTool } from '../../tool';
import { sampleUserBody, sampleUserInput, templateIdInput } from './template-wire';

/** Longest body text a preview answers with; longer ones are cut (context budget) and say so. */
export const previewBodyLimit = 8_000;

/** `nevent_preview_template` tool. */
export const previewTemplateTool = defineTool({
  name: 'nevent_preview_template',
  domain: 'templates',
  title: 'Preview template rendering',
  description: 'Renders a template (and a subject) for a sample fan and lists its merge tags, to check it without sending anything.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ template_id: templateIdInput, ...sampleUserInput }),
  output: z.object({ preview: z.object({ detectedMergeTags: z.array(z.string()) }).loose(), bodies_truncated: z.boolean(), tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await previewTemplate(tenant, args.template_id, sampleUserBody(args));
    const preview: Record<string, unknown> & { detectedMergeTags: string[] } = { ...answer.value };
    let truncated = false;
    for (const key of ['originalBody', 'personalizedBody']) {
      const body = preview[key];
      if (typeof body === 'string' && body.length > previewBodyLimit) {
        preview[key] = body.slice(0, previewBodyLimit);
        truncated = true;
      }
    }
    return { preview, bodies_truncated: truncated, tenant_id: answer.tenantId };
  },
});
