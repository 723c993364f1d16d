/**
 * The template tools against real-shaped answers (test/fixtures/nevent-api/core.templates.*): upstream's
 * snake_case inputs sent as the API's camelCase (only what was given), the projected record, previews
 * with long bodies cut, and the test send: DELETE class, nothing sent without `confirmed: true`, and a
 * 200 `success: false` answered as an error with the mail service's reason.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../../src-main/core/http/api-call';
import { previewBodyLimit } from '../../../src-main/mcp/tools/templates/preview-template';
import { loadNeventCorpus } from '../../helpers/nevent-fixtures';
import { connect, failure, ok, type Harness } from './harness';

const corpus = await loadNeventCorpus();
const body = (file: string, index = 0): unknown => corpus.files.find((f) => f.file === file)?.cases[index]?.body;
const id = '64f3a1b2c8e94d001e2a7f3c';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function withRoutes(mode: 'READ_ONLY' | 'STANDARD' | 'FULL', routes: Record<string, (call: ApiCall) => unknown>): Promise<{ h: Harness; sent: ApiCall[] }> {
  const sent: ApiCall[] = [];
  const apiRoutes = Object.fromEntries(Object.entries(routes).map(([key, answer]) => [key, (call: ApiCall) => (sent.push(call), answer(call))]));
  h = await connect(mode, { apiRoutes });
  return { h, sent };
}

describe('writes', () => {
  it('create sends camelCase bodies with upstream flags and reads a {template} answer with _id', async () => {
    const { h, sent } = await withRoutes('STANDARD', { 'core POST /templates': () => body('core.templates.create.json', 1) });
    const out = ok(await h.call('nevent_create_template', { name: 'Event Reminder — Spring 2026', format: 'mjml', mjml_body: '<mjml><mj-body></mj-body></mjml>', tags: ['event'] }));
    expect(sent[0]).toMatchObject({ query: { ensureValidation: 'false', strict: 'false', force: 'false' }, body: { name: 'Event Reminder — Spring 2026', format: 'mjml', mjmlBody: '<mjml><mj-body></mj-body></mjml>', tags: ['event'] } });
    expect(Object.keys(sent[0]?.body as object).sort()).toEqual(['format', 'mjmlBody', 'name', 'tags']);
    expect(out).toEqual({ template: { id, name: 'Event Reminder — Spring 2026', format: 'mjml', tags: [] }, tenant_id: 'tenant-root' });
  });

  it('update sends only what changes; clone and rename answer the record', async () => {
    const { h, sent } = await withRoutes('STANDARD', {
      [`core PUT /templates/${id}`]: () => body('core.templates.update.json'),
      [`core POST /templates/${id}/clone`]: () => body('core.templates.clone.json'),
      [`core PATCH /templates/${id}/rename`]: () => body('core.templates.rename.json'),
    });
    expect(ok(await h.call('nevent_update_template', { template_id: id, tags: ['event', 'reminder', 'updated'] })).template).toMatchObject({ tags: ['event', 'reminder', 'updated'] });
    expect(ok(await h.call('nevent_clone_template', { template_id: id })).template).toMatchObject({ name: 'Spring Sale (Copy)' });
    expect(ok(await h.call('nevent_rename_template', { template_id: id, name: 'Renamed Template' })).template).toMatchObject({ name: 'Renamed Template' });
    expect(sent.map((c) => c.body)).toEqual([{ tags: ['event', 'reminder', 'updated'] }, {}, { name: 'Renamed Template' }]);
    expect(failure(await h.call('nevent_update_template', { template_id: id })).message).toContain('nothing to change');
    expect(sent).toHaveLength(3);
  });

  it('are refused in READ_ONLY; the preview is a read and runs', async () => {
    const { h, sent } = await withRoutes('READ_ONLY', { [`core POST /templates/${id}/preview`]: () => body('core.templates.preview.json') });
    for (const name of ['nevent_create_template', 'nevent_update_template', 'nevent_clone_template', 'nevent_rename_template', 'nevent_send_test_template']) {
      expect(failure(await h.call(name, { template_id: id, name: 'x', format: 'html', emails: ['a@b.es'] })).code).toBe('operation_not_permitted');
    }
    const preview = ok(await h.call('nevent_preview_template', { template_id: id, sample_user_id: '507f1f77bcf86cd799439011', sample_user_email: 'test@example.com', subject: 'Hello {{name}}, your summary' }));
    expect(sent.map((c) => c.body)).toEqual([{ sampleUserId: '507f1f77bcf86cd799439011', sampleUserEmail: 'test@example.com', subject: 'Hello {{name}}, your summary' }]);
    expect(preview).toMatchObject({ preview: { personalizedSubject: 'Hello Test User, your summary', detectedMergeTags: ['name', 'email'] }, bodies_truncated: false });
  });

  it('cuts long preview bodies and says so', async () => {
    const long = `<p>${'x'.repeat(previewBodyLimit * 2)}</p>`;
    const { h } = await withRoutes('READ_ONLY', { [`core POST /templates/${id}/preview`]: () => ({ templateId: id, originalBody: long, personalizedBody: null, detectedMergeTags: 'name, email' }) });
    const out = ok(await h.call('nevent_preview_template', { template_id: id }));
    expect(out.bodies_truncated).toBe(true);
    expect((out.preview as { originalBody: string }).originalBody).toHaveLength(previewBodyLimit);
    expect((out.preview as { detectedMergeTags: string[] }).detectedMergeTags).toEqual(['name', 'email']);
  });
});

describe('send test (WRITE class, asks first)', () => {
  const args = { template_id: id, emails: ['qa@example.com', 'boss@example.com'], subject: 'Test: Spring Sale' };

  it('runs in STANDARD as upstream has it, does nothing without confirmed: true but say whom it would email, and is refused in READ_ONLY', async () => {
    const { h, sent } = await withRoutes('STANDARD', { [`core POST /templates/${id}/test`]: () => body('core.templates.test.json') });
    const asked = failure(await h.call('nevent_send_test_template', args));
    expect(asked).toMatchObject({ code: 'confirmation_required', param: 'confirmed' });
    expect(asked.message).toContain(id);
    expect(asked.message).toContain('qa@example.com, boss@example.com');
    expect(failure(await h.call('nevent_send_test_template', { ...args, confirmed: 'yes' })).code).toBe('validation_failed');
    expect(sent).toEqual([]);
    const done = ok(await h.call('nevent_send_test_template', { ...args, confirmed: true, sample_user_id: 'u1', parameters: { count: 42 } }));
    expect(sent[0]?.body).toEqual({ emails: ['qa@example.com', 'boss@example.com'], subject: 'Test: Spring Sale', sampleUserId: 'u1', parameters: { count: 42 } });
    expect(done.result).toMatchObject({ success: true, sentTo: ['dev@example.com'] });
    await h.close();
    const readOnly = await withRoutes('READ_ONLY', {});
    const refused = failure(await readOnly.h.call('nevent_send_test_template', { ...args, confirmed: true }));
    expect(refused).toMatchObject({ code: 'operation_not_permitted', message: expect.stringContaining('needs Standard mode') });
  });

  it('answers a 200 success:false as an api_error with the reason', async () => {
    const { h } = await withRoutes('FULL', { [`core POST /templates/${id}/test`]: () => body('core.templates.test.json', 1) });
    const error = failure(await h.call('nevent_send_test_template', { ...args, confirmed: true }));
    expect(error).toMatchObject({ type: 'api_error', code: 'api_error' });
    expect(error.message).toContain('Email address is not verified in SES');
  });
});

describe('bad input', () => {
  it.each(
    (
      [
        ['nevent_create_template', 'format', { name: 'x', format: 'docx' }],
        ['nevent_create_template', 'name', { name: '   ', format: 'html' }],
        ['nevent_create_template', 'html_body', { name: 'x', format: 'html', html_body: 'x'.repeat(600_000) }],
        ['nevent_update_template', 'template_id', { template_id: '../../auth', name: 'x' }],
        ['nevent_rename_template', 'name', { template_id: id, name: 'x'.repeat(300) }],
        ['nevent_clone_template', 'template_id', { template_id: 7 }],
        ['nevent_preview_template', 'sample_user_email', { template_id: id, sample_user_email: 'not-an-email' }],
        ['nevent_send_test_template', 'emails', { template_id: id, emails: [] }],
        ['nevent_send_test_template', 'emails', { template_id: id, emails: Array.from({ length: 11 }, (_, i) => `a${i}@b.es`) }],
        ['nevent_send_test_template', 'emails.0', { template_id: id, emails: ['nobody'] }],
      ] as const
    ).map((row) => row),
  )('%s with a bad %s (case %#): invalid input, nothing sent', async (name, param, args) => {
    const { h, sent } = await withRoutes('FULL', {});
    const error = failure(await h.call(name, { ...args, confirmed: true }));
    expect(error).toMatchObject({ type: 'invalid_request', code: 'validation_failed', param });
    expect(sent).toEqual([]);
  });
});
