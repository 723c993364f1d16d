/**
 * The `mcp --attach` relay's machine: every state × every event, so a new state or event that is not
 * handled fails here; the flows the relay relies on; refusals that change nothing.
 */
import { describe, expect, it } from 'vitest';
import { initialAttachState, sideOf, transitionAttach, type AttachEvent, type AttachState } from '../../../src-main/mcp/attach-machine';

type Side = { name: string };
const socket: Side = { name: 'socket' };
const offline: Side = { name: 'offline' };

function next(state: AttachState<Side>, event: AttachEvent<Side>): AttachState<Side> {
  const result = transitionAttach(state, event);
  if (!result.ok) throw new Error(`refused: ${result.rejection.reason}`);
  return result.state;
}

const states: AttachState<Side>[] = [initialAttachState, { type: 'introducing', side: offline, replayKey: '"r1"' }, { type: 'relaying', side: offline }, { type: 'finished' }];
const events: AttachEvent<Side>[] = [
  { type: 'sideChosen', side: socket, replayKey: null },
  { type: 'introduced', side: offline, replayKey: '"r1"' },
  { type: 'sideLost', side: offline },
  { type: 'clientGone' },
];

describe('attach machine', () => {
  it('walks start → offline → the app is up: the client, initialized offline, is introduced to the socket before its lines go there', () => {
    let state: AttachState<Side> = initialAttachState;
    expect(sideOf(state)).toBeNull();
    state = next(state, { type: 'sideChosen', side: offline, replayKey: null });
    expect(state).toEqual({ type: 'relaying', side: offline });
    state = next(state, { type: 'sideChosen', side: socket, replayKey: '"r1"' });
    expect(state).toEqual({ type: 'introducing', side: socket, replayKey: '"r1"' });
    expect(sideOf(state)).toBe(socket);
    state = next(state, { type: 'introduced', side: socket, replayKey: '"r1"' });
    expect(state).toEqual({ type: 'relaying', side: socket });
  });

  it('the socket lost: waiting (lines queue) until the next side; an old side or an old replay changes nothing', () => {
    const relaying: AttachState<Side> = { type: 'relaying', side: socket };
    expect(transitionAttach(relaying, { type: 'sideLost', side: offline })).toMatchObject({ ok: false, rejection: { from: 'relaying', event: 'sideLost' } });
    const waiting = next(relaying, { type: 'sideLost', side: socket });
    expect(waiting).toEqual({ type: 'waiting' });
    const introducing: AttachState<Side> = { type: 'introducing', side: socket, replayKey: '"r2"' };
    expect(transitionAttach(introducing, { type: 'introduced', side: socket, replayKey: '"r1"' }).ok).toBe(false);
    expect(transitionAttach(introducing, { type: 'introduced', side: offline, replayKey: '"r2"' }).ok).toBe(false);
    expect(next(introducing, { type: 'sideLost', side: socket })).toEqual({ type: 'waiting' });
  });

  it('answers every state × event; finished is final', () => {
    const table = states.map((state) => events.map((event) => (transitionAttach(state, event).ok ? 'ok' : 'refused')));
    expect(table).toEqual([
      // sideChosen, introduced, sideLost, clientGone
      ['ok', 'refused', 'refused', 'ok'],
      ['ok', 'ok', 'ok', 'ok'],
      ['ok', 'refused', 'ok', 'ok'],
      ['refused', 'refused', 'refused', 'refused'],
    ]);
    expect(transitionAttach({ type: 'finished' }, { type: 'clientGone' })).toEqual({ ok: false, rejection: { from: 'finished', event: 'clientGone', reason: expect.stringMatching(/hung up/) } });
  });
});
