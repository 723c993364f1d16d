/**
 * Email templates of the token's tenant (core API `/templates…`), in the real shapes: bare records on
 * every write except create, which wraps the record in `{template}` with a Mongo-style `_id` (both
 * seen upstream); a preview with `detectedMergeTags`; a test send that answers 200 with `success:
 * false` for an address the sender has not verified (`…@unverified.example` in the demo).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { TemplateFormatSchema, TemplateIdSchema } from '../../../src-shared/api';
import { authenticateScoped, type DemoContext } from '../demo-context';
import { badRequest, notFound } from '../http-error';
import { PerTenant } from '../per-tenant';
import { readJsonBody } from '../request-body';
import { checkMarkup, generateTemplates, mergeTags, newTemplateId, personalize, requireTemplate, sampleFan, type DemoTemplate } from '../template-data';

const name = z.string().trim().min(1, 'Name is required').max(255);
const CreateSchema = z.object({ name, format: TemplateFormatSchema, mjmlBody: z.string().max(500_000).optional(), htmlBody: z.string().max(500_000).optional(), tags: z.array(z.string().max(100)).max(50).optional() }).loose();
const UpdateSchema = CreateSchema.partial().loose();
const RenameSchema = z.object({ name }).loose();
const SampleSchema = z.object({ sampleUserId: z.string().max(64).optional(), sampleUserEmail: z.string().max(320).optional(), subject: z.string().max(998).optional() }).loose();
const TestSchema = SampleSchema.extend({ emails: z.array(z.email('Invalid email')).min(1).max(10), parameters: z.record(z.string(), z.unknown()).optional() });

function idOf(raw: string): string {
  if (!TemplateIdSchema.safeParse(raw).success) throw notFound('HTTP 404');
  return raw;
}

function bodyOf(template: DemoTemplate): string {
  return template.htmlBody ?? template.mjmlBody ?? '';
}

/** Registers the template routes. */
export function registerTemplateRoutes(app: Hono, deps: DemoContext): void {
  const store = new PerTenant(deps.directory, generateTemplates);
  const tenantOf = async (c: Parameters<typeof authenticateScoped>[0]) => store.of((await authenticateScoped(c, deps)).tenantId);

  app.post('/templates', async (c) => {
    const data = await tenantOf(c);
    const input = await readJsonBody(c, CreateSchema);
    checkMarkup(input.format, input.mjmlBody);
    const at = deps.now().toISOString();
    const template: DemoTemplate = {
      id: newTemplateId(data),
      name: input.name,
      format: input.format,
      tags: input.tags ?? [],
      tenantId: data.tenant.id,
      ...(input.htmlBody === undefined ? {} : { htmlBody: input.htmlBody }),
      ...(input.mjmlBody === undefined ? {} : { mjmlBody: input.mjmlBody }),
      createdAt: at,
      createdBy: 'api',
      modifiedAt: at,
    };
    data.templates.set(template.id, template);
    const { id, ...rest } = template;
    return c.json({ template: { _id: id, ...rest } }, 201);
  });

  app.put('/templates/:id', async (c) => {
    const data = await tenantOf(c);
    const current = requireTemplate(data, idOf(c.req.param('id')));
    const input = await readJsonBody(c, UpdateSchema);
    const format = input.format ?? current.format;
    checkMarkup(format, input.mjmlBody);
    const next: DemoTemplate = {
      ...current,
      ...(input.name === undefined ? {} : { name: input.name }),
      format,
      ...(input.tags === undefined ? {} : { tags: input.tags }),
      ...(input.htmlBody === undefined ? {} : { htmlBody: input.htmlBody }),
      ...(input.mjmlBody === undefined ? {} : { mjmlBody: input.mjmlBody }),
      modifiedAt: deps.now().toISOString(),
    };
    data.templates.set(next.id, next);
    return c.json(next);
  });

  app.post('/templates/:id/clone', async (c) => {
    const data = await tenantOf(c);
    const source = requireTemplate(data, idOf(c.req.param('id')));
    const at = deps.now().toISOString();
    const copy: DemoTemplate = { ...source, tags: [...source.tags], id: newTemplateId(data), name: `${source.name} (Copy)`, createdAt: at, modifiedAt: at };
    data.templates.set(copy.id, copy);
    return c.json(copy);
  });

  app.patch('/templates/:id/rename', async (c) => {
    const data = await tenantOf(c);
    const current = requireTemplate(data, idOf(c.req.param('id')));
    const input = await readJsonBody(c, RenameSchema);
    const next = { ...current, name: input.name, modifiedAt: deps.now().toISOString() };
    data.templates.set(next.id, next);
    return c.json(next);
  });

  app.post('/templates/:id/preview', async (c) => {
    const data = await tenantOf(c);
    const template = requireTemplate(data, idOf(c.req.param('id')));
    const input = await readJsonBody(c, SampleSchema);
    const fan = sampleFan(data, input);
    const body = bodyOf(template);
    const subject = input.subject ?? null;
    return c.json({
      templateId: template.id,
      userId: fan?.id ?? null,
      userEmail: fan?.email ?? null,
      userDisplayName: fan?.name ?? null,
      originalSubject: subject,
      personalizedSubject: fan === null || subject === null ? null : personalize(subject, fan),
      originalBody: body,
      personalizedBody: fan === null ? null : personalize(body, fan),
      detectedMergeTags: mergeTags(`${subject ?? ''} ${body}`),
      userResolved: fan !== null,
    });
  });

  app.post('/templates/:id/test', async (c) => {
    const data = await tenantOf(c);
    const template = requireTemplate(data, idOf(c.req.param('id')));
    const input = await readJsonBody(c, TestSchema);
    const unverified = input.emails.find((email) => email.toLowerCase().endsWith('@unverified.example'));
    if (unverified !== undefined) return c.json({ success: false, sentTo: null, subject: null, errorMessage: `Email address is not verified in SES: ${unverified}` });
    if (template.format === 'mjml' && template.mjmlBody === undefined) throw badRequest('Template has no body to send');
    return c.json({ success: true, sentTo: input.emails, subject: input.subject ?? `Test: ${template.name}`, errorMessage: null });
  });
}
