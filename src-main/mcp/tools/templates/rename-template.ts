/** `nevent_rename_template`: gives a template a new name. */
import { z } from 'zod';
import { renameTemplate } from '../../../core/domains/templates';
import { defineTool } from '../../tool';
import { TemplateOutSchema, templateIdInput, templateOut } from './template-wire';

/** `nevent_rename_template` tool. */
export const renameTemplateTool = defineTool({
  name: 'nevent_rename_template',
  domain: 'templates',
  title: 'Rename email template',
  description: 'Gives a template a new name; its format, body and tags stay as they are.',
  access: 'write',
  tenantScoped: true,
  input: z.object({ template_id: templateIdInput, name: z.string().trim().min(1).max(255) }),
  output: z.object({ template: TemplateOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await renameTemplate(tenant, args.template_id, args.name);
    return { template: templateOut(answer.value), tenant_id: answer.tenantId };
  },
});
