/**
 * Asking the person before a tool that sends or deletes runs (scheduling a campaign, a test email,
 * deleting images). A model's `confirmed: true` only says the model believes the person agreed; a client
 * that can ask the person itself (it declares the elicitation capability) is asked instead, with the
 * same sentence `confirmation_required` carries: what, to whom, the cost, when.
 *
 *   client declares elicitation (form)?
 *     no ───────────────> `confirmed: true` in the input runs it; without it: confirmation_required
 *     yes, 2025 era ────> elicitation/create on the connection, waited for (no answer in time = cancelled)
 *     yes, 2026-07-28 ──> input_required with the form and a signed state ─> the client asks the person and
 *                         calls again with the answer (the state ties it to this tool, these arguments,
 *                         this tenant, and expires like the 2025 wait)
 *   accept (confirm) ─> run        decline / cancel / unchecked / late ─> `cancelled`, nothing done
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { inputRequired, inputResponse } from '@modelcontextprotocol/server';
import type { ClientCapabilities, ElicitRequestFormParams, InputRequiredResult, ServerContext } from '@modelcontextprotocol/server';
import type { AppErrorData } from '../../src-shared/errors';
import { requestCapabilities } from './client-capabilities';

/** How the person is asked on this request: not at all (the client cannot), or by era. */
export type ElicitationChannel = 'none' | 'legacy' | 'modern';

/** How long the person has to answer (a 2025 client's wait; a 2026-07-28 answer arriving later is refused). */
export const defaultConfirmationTimeoutMs = 10 * 60 * 1000;

/** What to do with the call. */
export type PersonDecision = { kind: 'run' } | { kind: 'refuse'; error: AppErrorData } | { kind: 'ask'; result: InputRequiredResult };

/** The call being confirmed: what the state is bound to. */
export interface ConfirmedCall {
  tool: string;
  /** The tenant the call runs in. */
  tenantId: string | null;
  /** The arguments it runs with (the model's `confirmed` excluded). */
  args: unknown;
}

const responseKey = 'confirm';

/** The form the person sees: the sentence, and one box that says yes. */
const confirmationForm = {
  type: 'object',
  properties: { confirm: { type: 'boolean', title: 'Yes, do this', description: 'Leave unchecked, decline or cancel to do nothing.', default: false } },
  required: ['confirm'],
} as const satisfies ElicitRequestFormParams['requestedSchema'];

/** True when `capabilities` include form elicitation (an empty `elicitation` object means form). */
function declaresForms(capabilities: ClientCapabilities | undefined): boolean {
  const elicitation = capabilities?.elicitation;
  if (elicitation === undefined || elicitation === null || typeof elicitation !== 'object') return false;
  const modes = elicitation as { form?: unknown; url?: unknown };
  return modes.form !== undefined || modes.url === undefined;
}

/** How this request can ask the person: the per-request envelope (2026-07-28) or the handshake (2025 era). */
export function elicitationChannel(ctx: ServerContext, handshakeCapabilities: ClientCapabilities | undefined): ElicitationChannel {
  const { era, capabilities } = requestCapabilities(ctx, handshakeCapabilities);
  return declaresForms(capabilities) ? era : 'none';
}

/** Signs the state a 2026-07-28 client echoes back, so a forged or replayed answer cannot run another call. */
export class ConfirmationStates {
  private readonly key = randomBytes(32);

  constructor(private readonly now: () => number = Date.now) {}

  mint(call: ConfirmedCall): string {
    const payload = Buffer.from(JSON.stringify({ c: this.fingerprint(call), i: this.now() }), 'utf8').toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** `fresh` for a state this process minted for exactly this call, within `maxAgeMs`; else why not. */
  check(raw: unknown, call: ConfirmedCall, maxAgeMs: number): 'fresh' | 'expired' | 'invalid' {
    if (typeof raw !== 'string' || raw.length > 1024) return 'invalid';
    const [payload, signature] = raw.split('.');
    if (payload === undefined || signature === undefined) return 'invalid';
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    let state: { c?: unknown; i?: unknown };
    try {
      state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { c?: unknown; i?: unknown };
    } catch {
      return 'invalid';
    }
    if (state.c !== this.fingerprint(call) || typeof state.i !== 'number') return 'invalid';
    return this.now() - state.i > maxAgeMs ? 'expired' : 'fresh';
  }

  private fingerprint(call: ConfirmedCall): string {
    return createHmac('sha256', this.key).update(JSON.stringify([call.tool, call.tenantId, call.args])).digest('base64url');
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

const minutes = (ms: number): string => (ms % 60_000 === 0 ? `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}` : `${Math.round(ms / 1000)} seconds`);

/** What the person's answer means for the call. */
function decide(action: unknown, content: unknown, tool: string): PersonDecision {
  const checked = (content as { confirm?: unknown } | undefined)?.confirm;
  if (action === 'accept' && checked !== false) return { kind: 'run' };
  const why = action === 'accept' ? 'accepted the form without checking "Yes, do this"' : action === 'decline' ? 'declined' : 'cancelled';
  return { kind: 'refuse', error: { code: 'cancelled', message: `The user ${why} when asked to confirm ${tool}: nothing was done. Do not retry unless they ask for it again.` } };
}

/**
 * Asks the person through the client. `sentence` says what the call would do (read only when the person
 * is to be asked). Answers run, refuse (nothing done, saying why) or ask (a 2026-07-28 input_required
 * result for the handler to return).
 */
export async function confirmWithPerson(channel: 'legacy' | 'modern', ctx: ServerContext, call: ConfirmedCall, sentence: () => Promise<string>, options: { states: ConfirmationStates; timeoutMs: number }): Promise<PersonDecision> {
  if (channel === 'legacy') {
    let answer: { action: unknown; content?: unknown };
    try {
      answer = await ctx.mcpReq.elicitInput({ mode: 'form', message: await sentence(), requestedSchema: confirmationForm }, { timeout: options.timeoutMs });
    } catch (error) {
      if (ctx.mcpReq.signal.aborted) throw error;
      return { kind: 'refuse', error: { code: 'cancelled', message: `The user did not answer the confirmation of ${call.tool} within ${minutes(options.timeoutMs)}: nothing was done.` } };
    }
    return decide(answer.action, answer.content, call.tool);
  }
  const response = inputResponse(ctx.mcpReq.inputResponses, responseKey);
  if (response.kind === 'elicit') {
    const state = options.states.check(ctx.mcpReq.requestState(), call, options.timeoutMs);
    if (state === 'expired') return { kind: 'refuse', error: { code: 'cancelled', message: `The user's answer to the confirmation of ${call.tool} came after ${minutes(options.timeoutMs)}: nothing was done. Ask again if they still want it.` } };
    if (state === 'fresh') return decide(response.action, response.content, call.tool);
    // A state this call did not mint (another call's, forged, or from before a restart): ask afresh.
  }
  return {
    kind: 'ask',
    result: inputRequired({
      inputRequests: { [responseKey]: inputRequired.elicit({ message: await sentence(), requestedSchema: confirmationForm }) },
      requestState: options.states.mint(call),
    }),
  };
}
