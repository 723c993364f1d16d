/** `nevent_create_template`: a new email template. */
import { z } from 'zod';
import { createTemplate } from '../../../core/domains/templates';
import { defineTool } from '../../tool';
import { TemplateOutSchema, templateContentInput, templateOut } from './template-wire';

/** `nevent_create_template` tool. */
export const createTemplateTool = defineTool({
  name: 'nevent_create_template',
  domain: 'templates',
  title: 'Create email template',
  description: 'Creates an email template from HTML or MJML (merge tags such as {{first_name}} allowed), for campaigns to use.',
  access: 'write',
  tenantScoped: true,
  input: z.object({ name: z.string().trim().min(1).max(255), ...templateContentInput }),
  output: z.object({ template: TemplateOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await createTemplate(tenant, { name: args.name, format: args.format, mjmlBody: args.mjml_body, htmlBody: args.html_body, tags: args.tags });
    return { template: templateOut(answer.value), tenant_id: answer.tenantId };
  },
});
