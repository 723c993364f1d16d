import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onAbort } from '../../../src-main/core/http/abort-fanout';

describe('abort fan-out', () => {
  it('keeps one listener on the signal however many waits there are, and fires each live one once', () => {
    const controller = new AbortController();
    const fired: number[] = [];
    const stops = Array.from({ length: 50 }, (_, i) => onAbort(controller.signal, () => fired.push(i)));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    for (const stop of stops.slice(0, 40)) stop();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    expect(fired).toEqual([40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('leaves nothing on the signal once every wait has stopped', () => {
    const controller = new AbortController();
    const stops = Array.from({ length: 20 }, () => onAbort(controller.signal, () => undefined));
    for (const stop of stops) stop();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    let fired = false;
    onAbort(controller.signal, () => (fired = true));
    controller.abort();
    expect(fired).toBe(true);
  });
});
