/** A listener that throws is reported, and the others still hear the event. */
import { afterEach, describe, expect, it } from 'vitest';
import { Emitter, setListenerErrorReporter, type ListenerErrorReporter } from '../../../src-main/core/emitter';

let previous: ListenerErrorReporter | null = null;
afterEach(() => {
  if (previous !== null) setListenerErrorReporter(previous);
  previous = null;
});

describe('Emitter', () => {
  it('reports a throwing listener and still calls the rest, in order', () => {
    const reported: unknown[] = [];
    previous = setListenerErrorReporter((error) => reported.push(error));
    const emitter = new Emitter<number>();
    const heard: string[] = [];
    emitter.event((n) => heard.push(`a${n}`));
    emitter.event(() => {
      throw new Error('listener bug');
    });
    emitter.event((n) => heard.push(`c${n}`));
    emitter.fire(1);
    expect(heard).toEqual(['a1', 'c1']);
    expect(reported).toEqual([expect.objectContaining({ message: 'listener bug' })]);
  });

  it('unsubscribes, and drops every listener on dispose', () => {
    const emitter = new Emitter<void>();
    let calls = 0;
    const off = emitter.event(() => (calls += 1));
    emitter.fire();
    off();
    emitter.fire();
    emitter.event(() => (calls += 10));
    emitter.dispose();
    emitter.fire();
    expect(calls).toBe(1);
  });
});
