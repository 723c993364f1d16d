/**
 * `nevent_send_test_template`: emails a rendered template to up to ten addresses. WRITE class as upstream
 * has it (it runs in Standard mode), and it still asks the person first: it emails real inboxes.
 */
import { z } from 'zod';
import { sendTestTemplate } from '../../../core/domains/templates';
import { defineTool } from '../../tool';
import { emailInput, flatRecordInput } from '../lean-inputs';
import { sampleUserBody, sampleUserInput, templateIdInput } from './template-wire';

/** `nevent_send_test_template` tool. */
export const sendTestTemplateTool = defineTool({
  name: 'nevent_send_test_template',
  domain: 'templates',
  title: 'Send test email',
  description: 'Emails a test of a template to 1-10 real addresses, after nevent_preview_template, when the user wants to see it in an inbox.',
  access: 'write',
  tenantScoped: true,
  input: z.object({
    template_id: templateIdInput,
    emails: z.array(emailInput()).min(1).max(10).describe('Recipients, 1-10.'),
    ...sampleUserInput,
    parameters: flatRecordInput().optional().describe('Values for custom merge tags.'),
  }),
  output: z.object({ result: z.object({ success: z.boolean(), sentTo: z.array(z.string()) }).loose(), tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  confirmation: (args) => `This emails template ${args.template_id} as a test to ${args.emails.length} real inbox${args.emails.length === 1 ? '' : 'es'}: ${args.emails.join(', ')}.`,
  async run(args, { tenant }) {
    const answer = await sendTestTemplate(tenant, args.template_id, { emails: args.emails, ...sampleUserBody(args), ...(args.parameters === undefined ? {} : { parameters: args.parameters }) });
    return { result: answer.value, tenant_id: answer.tenantId };
  },
});
