/**
 * Answers a model can act on, as an AI client sees them: a campaign list filtered on a value the API does
 * not know is refused naming the values it knows (never an empty list that looks like a fact) and says
 * how many there are; a segment without its definition is explained; drafts without their text say what
 * is missing; a draft named like an existing campaign comes with a warning; `nevent_get_campaign` reads one
 * campaign; the mode refusals name the mode that is needed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connect, failure, ok, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('nevent_list_campaigns', () => {
  it('refuses a status or channel upstream does not have, naming the valid values, before any request', async () => {
    h = await connect();
    const sent = failure(await h.call('nevent_list_campaigns', { status: 'SENT' }));
    expect(sent).toMatchObject({ type: 'invalid_request', code: 'invalid_request', param: 'status' });
    expect(sent.message).toContain('(for that, use EXECUTED)');
    expect(sent.message).toContain('EXECUTED, DRAFT, PAUSED, STOPPED, SCHEDULED');
    expect(failure(await h.call('nevent_list_campaigns', { channel: 'PUSH' }))).toMatchObject({ code: 'invalid_request', param: 'channel', message: expect.stringContaining('EMAIL, SMS, WHATSAPP') });
    expect(h.session.calls).not.toContain('listCampaigns');
  });

  it('takes upstream values in any letter case, and says how many there are and whether more exist', async () => {
    h = await connect();
    expect(ok(await h.call('nevent_list_campaigns', { status: 'executed', limit: 5 }))).toMatchObject({ count: 1, total: 1, has_more: false, campaigns: [{ status: 'EXECUTED' }] });
    expect(ok(await h.call('nevent_list_campaigns', { limit: 1 }))).toMatchObject({ count: 1, total: 2, has_more: true });
  });
});

describe('drafts and segments', () => {
  it('nevent_create_segment without a definition explains what one is and where criteria come from', async () => {
    h = await connect('STANDARD');
    const missing = failure(await h.call('nevent_create_segment', { name: 'VIP' }));
    expect(missing).toMatchObject({ code: 'validation_failed', param: 'definition' });
    expect(missing.message).toContain('{stanzas:[{criteria:[{criterion_id, operator, value}]}]}');
    expect(missing.message).toContain('nevent_segmentation_criteria');
    expect(h.session.calls).toEqual([]);
  });

  it('a draft named like an existing campaign is made, with a warning naming it', async () => {
    h = await connect('STANDARD', { apiRoutes: { 'core POST /campaigns': (call) => ({ id: 'c-new', ...(call.body as object) }) } });
    const made = ok(await h.call('nevent_create_campaign', { name: 'spring sale', channel: 'EMAIL', email_subject: 'Sale', email_body: '<p>Sale</p>' }));
    expect(made.warning).toMatch(/^A campaign named "Spring sale" already exists \(tenant-root-c1, EXECUTED\)/);
    const fresh = ok(await h.call('nevent_create_campaign', { name: 'Autumn', channel: 'SMS', message: 'Doors at 8' }));
    expect(fresh).not.toHaveProperty('warning');
  });
});

describe('nevent_get_campaign', () => {
  it('reads GET /campaigns/{id}, without empty fields, a long body cut with its length said', async () => {
    const body = `<p>${'x'.repeat(5000)}</p>`;
    h = await connect('READ_ONLY', { apiRoutes: { 'core GET /campaigns/c1': () => ({ _id: 'c1', name: 'Spring', status: 'DRAFT', channel: 'EMAIL_ONLY', emailBody: body, segmentIds: [], scheduledTime: null }) } });
    const answer = ok(await h.call('nevent_get_campaign', { campaign_id: 'c1' }));
    const campaign = answer.campaign as Record<string, unknown>;
    expect(campaign).toMatchObject({ id: 'c1', name: 'Spring', status: 'DRAFT', channel: 'EMAIL_ONLY', emailBodyLength: body.length });
    expect((campaign.emailBody as string).length).toBe(4001);
    expect(campaign).not.toHaveProperty('segmentIds');
    expect(campaign).not.toHaveProperty('scheduledTime');
    expect(answer.tenant_id).toBe('tenant-root');
  });
});
