/**
 * A slow switch can be cancelled: the session stops waiting at once, stays in the
 * tenant it was in with no failure recorded, the API's late answer is never installed, and the next
 * switch runs straight away. Real core against the demo API over HTTP; the demo holds the switch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CoreError } from '../../../src-main/core/tenant-session';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';

let fixture: CoreFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

describe('cancelling a switch', () => {
  it('leaves the session where it was, failure-free, and frees the queue for the next switch', async () => {
    // The core would wait 60 s for the held switch: only a cancel can end it within the test.
    fixture = await startCoreFixture({ core: { requestTimeoutMs: 60_000 } });
    const desktop = fixture.core.registry.desktop;
    if (desktop === null) throw new Error('no desktop session');
    const { faults } = fixture.demo;
    expect(desktop.cancelSwitch()).toBe(false); // nothing in flight

    faults.failNextSwitches(1, 'timeout'); // the demo holds this switch for two minutes
    const calls = faults.stats().switchCalls;
    const slow = desktop.switchTenant('tn-acme-paris');
    const settled = slow.then(
      () => null,
      (error: unknown) => error,
    );
    await expect.poll(() => faults.stats().switchCalls, { timeout: 10_000 }).toBe(calls + 1);
    expect(desktop.snapshot().switchingTo).toBe('tn-acme-paris');

    expect(desktop.cancelSwitch()).toBe(true);
    const error = await settled;
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('cancelled');
    expect((error as CoreError).message).toContain('still in tn-acme');
    const after = desktop.snapshot();
    expect(after).toMatchObject({ activeTenantId: 'tn-acme', switchingTo: null, lastSwitchError: null });

    // The queue is free: the next switch does not wait for the held request.
    const next = await desktop.switchTenant('tn-acme-madrid');
    expect(next.activeTenantId).toBe('tn-acme-madrid');
    expect(desktop.snapshot().activeTenantId).toBe('tn-acme-madrid');
    expect(desktop.cancelSwitch()).toBe(false);
  }, 60_000);
});
