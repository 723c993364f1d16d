/**
 * Confirmation through the client (person-confirmation.ts): a client that declares elicitation is asked
 * with `elicitation/create` — the same sentence `confirmation_required` carries — and the person's answer
 * decides: accept runs, decline or cancel do nothing and say so, no answer in time is a cancel. Tested
 * with the v2 client on 2026-07-28 (input_required, answered on a retry) and the v1 client on the 2025
 * handshake (a request on the connection), and with clients that do not declare it (`confirmed: true`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfirmationStates } from '../../../src-main/mcp/person-confirmation';
import { defineTool } from '../../../src-main/mcp/tool';
import { connect, failure, ok, type Harness } from './harness';

let runs: string[] = [];
const sendTest = defineTool({
  name: 'test_send',
  domain: 'templates',
  title: 'Send test email',
  description: 'Emails a test to an address (a test tool for the confirmation through the client).',
  access: 'write',
  tenantScoped: true,
  input: z.object({ email: z.string().min(1) }),
  output: z.object({ sent: z.string(), tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  confirmation: (args) => `This emails a test to ${args.email}.`,
  run: async (args, { tenant }) => {
    runs.push(args.email);
    const answer = await tenant.listSegments({ limit: 1 });
    return { sent: args.email, tenant_id: answer.tenantId };
  },
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  runs = [];
});

const eras = ['modern', 'legacy'] as const;

describe('a client that declares elicitation asks the person', () => {
  it.each(eras)('%s: the person is asked with the sentence; accepting runs the tool once', async (era) => {
    const asked: string[] = [];
    h = await connect('STANDARD', { era, tools: [sendTest], elicit: async (message) => (asked.push(message), { action: 'accept', content: { confirm: true } }) });
    expect(ok(await h.call('test_send', { email: 'qa@example.com' }))).toMatchObject({ sent: 'qa@example.com', tenant_id: 'tenant-root' });
    expect(asked).toEqual(['This emails a test to qa@example.com.']);
    expect(runs).toEqual(['qa@example.com']);
    expect(h.audit.entries().map((e) => e.result)).toEqual(['ok']);
  });

  it.each(eras)('%s: declining, cancelling or leaving the box unchecked does nothing and says so', async (era) => {
    const answers = [{ action: 'decline' as const }, { action: 'cancel' as const }, { action: 'accept' as const, content: { confirm: false } }];
    h = await connect('STANDARD', { era, tools: [sendTest], elicit: async () => answers.shift() ?? { action: 'cancel' } });
    for (const why of ['declined', 'cancelled', 'without checking']) {
      const refused = failure(await h.call('test_send', { email: 'qa@example.com' }));
      expect(refused).toMatchObject({ code: 'cancelled' });
      expect(refused.message).toContain(why);
      expect(refused.message).toContain('nothing was done');
    }
    expect(runs).toEqual([]);
    expect(h.audit.entries().map((e) => e.result)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it.each(eras)('%s: the model’s confirmed: true does not replace the person’s answer', async (era) => {
    h = await connect('STANDARD', { era, tools: [sendTest], elicit: async () => ({ action: 'decline' }) });
    expect(failure(await h.call('test_send', { email: 'qa@example.com', confirmed: true })).code).toBe('cancelled');
    expect(runs).toEqual([]);
  });

  it('legacy: a client that declares it but never answers times out as cancelled, nothing done', async () => {
    h = await connect('STANDARD', { era: 'legacy', tools: [sendTest], confirmationTimeoutMs: 200, elicit: () => new Promise(() => undefined) });
    const refused = failure(await h.call('test_send', { email: 'qa@example.com' }));
    expect(refused).toMatchObject({ code: 'cancelled', message: expect.stringContaining('did not answer') });
    expect(runs).toEqual([]);
  });

  it('modern: an answer that comes back after the time allowed is refused as cancelled, nothing done', async () => {
    let now = 1_000_000;
    const states = new ConfirmationStates(() => now);
    h = await connect('STANDARD', {
      era: 'modern',
      tools: [sendTest],
      confirmations: states,
      confirmationTimeoutMs: 60_000,
      elicit: async () => {
        now += 60_001; // the person answered a minute and a bit later
        return { action: 'accept', content: { confirm: true } };
      },
    });
    expect(failure(await h.call('test_send', { email: 'qa@example.com' }))).toMatchObject({ code: 'cancelled', message: expect.stringContaining('came after 1 minute') });
    expect(runs).toEqual([]);
  });

  it('modern: a state minted for one call does not confirm another (other arguments)', () => {
    const states = new ConfirmationStates(() => 0);
    const minted = states.mint({ tool: 'test_send', tenantId: 't1', args: { email: 'qa@example.com' } });
    expect(states.check(minted, { tool: 'test_send', tenantId: 't1', args: { email: 'qa@example.com' } }, 1000)).toBe('fresh');
    expect(states.check(minted, { tool: 'test_send', tenantId: 't1', args: { email: 'everyone@example.com' } }, 1000)).toBe('invalid');
    expect(states.check(minted, { tool: 'test_send', tenantId: 't2', args: { email: 'qa@example.com' } }, 1000)).toBe('invalid');
    expect(states.check(`${minted}x`, { tool: 'test_send', tenantId: 't1', args: { email: 'qa@example.com' } }, 1000)).toBe('invalid');
    expect(new ConfirmationStates(() => 0).check(minted, { tool: 'test_send', tenantId: 't1', args: { email: 'qa@example.com' } }, 1000)).toBe('invalid');
  });
});

describe('a client without elicitation keeps confirmed: true', () => {
  it.each(eras)('%s: confirmation_required with the same sentence, then confirmed: true runs', async (era) => {
    h = await connect('STANDARD', { era, tools: [sendTest] });
    expect(failure(await h.call('test_send', { email: 'qa@example.com' }))).toMatchObject({ code: 'confirmation_required', message: expect.stringMatching(/^This emails a test to qa@example\.com\. Nothing was done\./) });
    expect(runs).toEqual([]);
    expect(ok(await h.call('test_send', { email: 'qa@example.com', confirmed: true })).sent).toBe('qa@example.com');
  });
});
