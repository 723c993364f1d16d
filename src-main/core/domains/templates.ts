/**
 * Email templates of a tenant (core API `/templates…`). Requests are built field by field in the API's
 * camelCase; answers read by src-shared/api/templates.ts. A test send that the API answers 200 with
 * `success: false` failed: it is raised as an `api_error` with the API's own words.
 */
import { normalizeTemplateAnswer, normalizeTemplatePreview, normalizeTestSendResult, readApiErrorBody, type Template } from '../../../src-shared/api';
import type { Scoped, ApiCaller } from '../http/api-call';
import { CoreError } from '../common/core-error';
import { definedFields, readApi, segment } from './api-read';

/** A new template (`POST /templates`). */
export interface TemplateCreate {
  name: string;
  format: 'html' | 'mjml';
  mjmlBody?: string;
  htmlBody?: string;
  tags?: string[];
}

/** The fields of a template that change (`PUT /templates/{id}`); tags replace the old ones. */
export type TemplateUpdate = Partial<TemplateCreate>;

/** Who a preview or a test send renders the template for. */
export interface SampleUser {
  sampleUserId?: string;
  sampleUserEmail?: string;
  subject?: string;
}

/** A test send (`POST /templates/{id}/test`). */
export interface TestSend extends SampleUser {
  emails: string[];
  parameters?: Record<string, unknown>;
}

// Upstream creates with these flags off: the API stores the template even with warnings in its markup.
const createFlags = { ensureValidation: 'false', strict: 'false', force: 'false' };

/** `POST /templates`. */
export function createTemplate(ops: ApiCaller, input: TemplateCreate): Promise<Scoped<Template>> {
  return readApi(ops, { api: 'core', method: 'POST', path: '/templates', query: createFlags, body: definedFields(input) }, normalizeTemplateAnswer);
}

/** `PUT /templates/{id}` with only the given fields. */
export function updateTemplate(ops: ApiCaller, id: string, input: TemplateUpdate): Promise<Scoped<Template>> {
  return readApi(ops, { api: 'core', method: 'PUT', path: `/templates/${segment(id)}`, body: definedFields(input) }, normalizeTemplateAnswer);
}

/** `POST /templates/{id}/clone`: a copy (the API names it "… (Copy)"). */
export function cloneTemplate(ops: ApiCaller, id: string): Promise<Scoped<Template>> {
  return readApi(ops, { api: 'core', method: 'POST', path: `/templates/${segment(id)}/clone`, body: {} }, normalizeTemplateAnswer);
}

/** `PATCH /templates/{id}/rename`. */
export function renameTemplate(ops: ApiCaller, id: string, name: string): Promise<Scoped<Template>> {
  return readApi(ops, { api: 'core', method: 'PATCH', path: `/templates/${segment(id)}/rename`, body: { name } }, normalizeTemplateAnswer);
}

/** `POST /templates/{id}/preview`: the template rendered for a sample user. */
export function previewTemplate(ops: ApiCaller, id: string, sample: SampleUser): Promise<Scoped<ReturnType<typeof normalizeTemplatePreview>>> {
  return readApi(ops, { api: 'core', method: 'POST', path: `/templates/${segment(id)}/preview`, body: definedFields(sample) }, normalizeTemplatePreview);
}

/** `POST /templates/{id}/test`: emails the rendered template to `emails`; a `success: false` answer is raised. */
export async function sendTestTemplate(ops: ApiCaller, id: string, input: TestSend): Promise<Scoped<ReturnType<typeof normalizeTestSendResult>>> {
  const answer = await readApi(ops, { api: 'core', method: 'POST', path: `/templates/${segment(id)}/test`, body: definedFields(input) }, normalizeTestSendResult);
  if (!answer.value.success) {
    const said = readApiErrorBody(answer.value).message ?? 'no reason given';
    throw new CoreError('api_error', `the test email was not sent: ${said}`);
  }
  return answer;
}
