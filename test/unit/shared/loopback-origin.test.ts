/** The loopback Host/Origin rule `serve` and the MCP HTTP endpoint share. */
import { describe, expect, it } from 'vitest';
import { checkHostAndOrigin } from '../../../src-shared/loopback-origin';

describe('checkHostAndOrigin', () => {
  it('lets our own loopback pages in, with or without an Origin', () => {
    expect(checkHostAndOrigin(4321, '127.0.0.1:4321', undefined, undefined)).toBeNull();
    expect(checkHostAndOrigin(4321, 'LOCALHOST:4321', 'http://localhost:4321', 'same-origin')).toBeNull();
  });

  it('refuses a rebound name, another port, another origin and a cross-site fetch', () => {
    expect(checkHostAndOrigin(4321, 'evil.example:4321', undefined, undefined)).toBe('unexpected Host header');
    expect(checkHostAndOrigin(4321, undefined, undefined, undefined)).toBe('unexpected Host header');
    expect(checkHostAndOrigin(4321, '127.0.0.1:4322', undefined, undefined)).toBe('unexpected Host header');
    expect(checkHostAndOrigin(4321, '127.0.0.1:4321', 'http://evil.example', undefined)).toBe('cross-origin request');
    expect(checkHostAndOrigin(4321, '127.0.0.1:4321', undefined, 'cross-site')).toBe('cross-site request');
  });
});
