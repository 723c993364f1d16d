/** `nevent_update_template`: changes a template's name, format, body or tags. */
import { z } from 'zod';
import { updateTemplate } from '../../../core/domains/templates';
import { CoreError } from '../../../core/common/core-error';
import { defineTool } from '../../tool';
import { TemplateOutSchema, templateContentInput, templateIdInput, templateOut } from './template-wire';

/** `nevent_update_template` tool. */
export const updateTemplateTool = defineTool({
  name: 'nevent_update_template',
  domain: 'templates',
  title: 'Update email template',
  description: 'Edits the given fields of a template; a body replaces the old one and tags replace the old tags.',
  access: 'write',
  tenantScoped: true,
  input: z.object({ template_id: templateIdInput, name: z.string().trim().min(1).max(255).optional(), ...templateContentInput, format: templateContentInput.format.optional() }),
  output: z.object({ template: TemplateOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const fields = { name: args.name, format: args.format, mjmlBody: args.mjml_body, htmlBody: args.html_body, tags: args.tags };
    if (Object.values(fields).every((value) => value === undefined)) throw new CoreError('invalid_request', 'nothing to change: give at least one of name, format, mjml_body, html_body, tags');
    const answer = await updateTemplate(tenant, args.template_id, fields);
    return { template: templateOut(answer.value), tenant_id: answer.tenantId };
  },
});
