import { describe, expect, it } from 'vitest';
import { CallLimits } from '../../../src-main/mcp/call-limits';

const bounds = { perConnection: { running: 2, waiting: 2 }, total: { running: 3, waiting: 1 } };

/** Admits a call and records when it got its slot. */
function admitted(limits: CallLimits, connection: object, order: string[], name: string, signal?: AbortSignal) {
  return limits.admit(connection, signal).then((release) => {
    order.push(name);
    return release;
  });
}

describe('CallLimits', () => {
  it('runs a few per connection, keeps a few waiting in order, and refuses the rest with rate_limit_exceeded', async () => {
    const limits = new CallLimits(bounds);
    const a = {};
    const order: string[] = [];
    const first = await admitted(limits, a, order, 'a1');
    const second = await admitted(limits, a, order, 'a2');
    const third = admitted(limits, a, order, 'a3');
    const fourth = admitted(limits, a, order, 'a4');
    await expect(limits.admit(a)).rejects.toMatchObject({ code: 'rate_limit_exceeded', param: '1', message: expect.stringContaining('this connection already has 2 calls running and 2 waiting') });
    expect(order).toEqual(['a1', 'a2']);
    first();
    first(); // a second release changes nothing
    const releaseThird = await third;
    expect(order).toEqual(['a1', 'a2', 'a3']);
    second();
    releaseThird();
    (await fourth)();
    expect(order).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it("one connection's flood does not hold up another's calls beyond the total", async () => {
    const limits = new CallLimits(bounds);
    const flood = {};
    const other = {};
    const order: string[] = [];
    const running = [await admitted(limits, flood, order, 'f1'), await admitted(limits, flood, order, 'f2')];
    const waiting = [admitted(limits, flood, order, 'f3'), admitted(limits, flood, order, 'f4')];
    await expect(limits.admit(flood)).rejects.toMatchObject({ code: 'rate_limit_exceeded' });
    // The other connection gets the third slot of the process at once.
    const otherCall = await admitted(limits, other, order, 'o1');
    // The process is full: the next call of any connection waits in the shared line (one place), then is refused.
    const otherWaiting = admitted(limits, other, order, 'o2');
    await expect(limits.admit({})).rejects.toMatchObject({ code: 'rate_limit_exceeded', message: expect.stringContaining('Nevent Companion already has 3 calls running') });
    otherCall();
    await otherWaiting;
    expect(order).toEqual(['f1', 'f2', 'o1', 'o2']);
    for (const release of running) release();
    for (const release of await Promise.all(waiting)) release();
    expect(order).toEqual(['f1', 'f2', 'o1', 'o2', 'f3', 'f4']);
  });

  it('a call given up while it waits leaves its line, and its place goes to the next', async () => {
    const limits = new CallLimits(bounds);
    const a = {};
    const order: string[] = [];
    const running = [await admitted(limits, a, order, 'a1'), await admitted(limits, a, order, 'a2')];
    const cancel = new AbortController();
    const given = admitted(limits, a, order, 'a3', cancel.signal);
    const next = admitted(limits, a, order, 'a4');
    cancel.abort();
    await expect(given).rejects.toMatchObject({ code: 'cancelled' });
    running[0]?.();
    await next;
    expect(order).toEqual(['a1', 'a2', 'a4']);
  });
});
