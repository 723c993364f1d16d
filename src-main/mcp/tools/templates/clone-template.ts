/** `nevent_clone_template`: a copy of a template. */
import { z } from 'zod';
import { cloneTemplate } from '../../../core/domains/templates';
import { defineTool } from '../../tool';
import { TemplateOutSchema, templateIdInput, templateOut } from './template-wire';

/** `nevent_clone_template` tool. */
export const cloneTemplateTool = defineTool({
  name: 'nevent_clone_template',
  domain: 'templates',
  title: 'Clone email template',
  description: 'Copies a template (named "… (Copy)") to edit without touching the original.',
  access: 'write',
  tenantScoped: true,
  input: z.object({ template_id: templateIdInput }),
  output: z.object({ template: TemplateOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await cloneTemplate(tenant, args.template_id);
    return { template: templateOut(answer.value), tenant_id: answer.tenantId };
  },
});
