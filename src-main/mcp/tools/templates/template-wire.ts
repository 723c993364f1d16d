/** What the template tools answer with and take: the projected record, the shared inputs. */
import { z } from 'zod';
import { emailInput } from '../lean-inputs';
import { TemplateFormatSchema, TemplateIdSchema, type Template } from '../../../../src-shared/api';

/** The template fields a tool answers with (the bodies stay out: they can be large). */
export const TemplateOutSchema = z.object({ id: z.string(), name: z.string().nullable(), format: z.string().nullable(), tags: z.array(z.string()) });

/** The record projected to `TemplateOutSchema`. */
export function templateOut(template: Template): z.infer<typeof TemplateOutSchema> {
  const tags = Array.isArray(template.tags) ? template.tags.filter((tag): tag is string => typeof tag === 'string') : [];
  return { id: template.id, name: typeof template.name === 'string' ? template.name : null, format: typeof template.format === 'string' ? template.format : null, tags };
}

/** The `template_id` input. */
export const templateIdInput = TemplateIdSchema.describe('Template id (24 hex).');

/** The content inputs of create and update. */
export const templateContentInput = {
  format: TemplateFormatSchema,
  mjml_body: z.string().max(500_000).optional().describe('MJML source, for format mjml.'),
  html_body: z.string().max(500_000).optional().describe('HTML, for format html.'),
  tags: z.array(z.string().min(1).max(100)).max(50).optional(),
};

/** The sample-user inputs of preview and test send (camelCase on the wire). */
export const sampleUserInput = {
  sample_user_id: z.string().min(1).max(64).optional().describe('Fan whose data fills the merge tags.'),
  sample_user_email: emailInput().optional().describe('Or that fan\'s email.'),
  subject: z.string().max(998).optional(),
};

/** The sample-user inputs as the API names them. */
export function sampleUserBody(args: { sample_user_id?: string | undefined; sample_user_email?: string | undefined; subject?: string | undefined }): { sampleUserId?: string; sampleUserEmail?: string; subject?: string } {
  return { ...(args.sample_user_id === undefined ? {} : { sampleUserId: args.sample_user_id }), ...(args.sample_user_email === undefined ? {} : { sampleUserEmail: args.sample_user_email }), ...(args.subject === undefined ? {} : { subject: args.subject }) };
}
