import { describe, expect, it } from 'vitest';
import { boundClientText } from '../../../src-main/mcp/client-text';
import { limitInbound, maxInitializeBytes } from '../../../src-main/mcp/inbound-limits';

const initialize = (clientInfo: unknown) => ({ jsonrpc: '2.0' as const, id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo } });

describe('client-supplied strings', () => {
  it('are cut, cleaned of control and bidi characters, and kept whole when short', () => {
    expect(boundClientText('Claude Desktop', 100)).toBe('Claude Desktop');
    expect(boundClientText(' a\u0000b\u202ec\n ', 100)).toBe('abc');
    expect(boundClientText('x'.repeat(3_000_000), 100)).toBe(`${'x'.repeat(99)}…`);
    expect(Array.from(boundClientText('😀'.repeat(200), 10) ?? '')).toHaveLength(10);
    expect(boundClientText(42, 10)).toBeNull();
  });

  it('initialize: clientInfo strings are cut before the SDK keeps them; an oversized one is answered, not delivered', () => {
    const decided = limitInbound(initialize({ name: 'n'.repeat(50_000), version: 'v'.repeat(500), title: 'Title' }), 51_000);
    if (!('deliver' in decided)) throw new Error('expected delivery');
    const info = (decided.deliver as ReturnType<typeof initialize>).params.clientInfo as Record<string, string>;
    expect(info.name).toHaveLength(100);
    expect(info.version).toHaveLength(50);
    expect(info.title).toBe('Title');
    expect(limitInbound(initialize({ name: 'x', version: '1' }), maxInitializeBytes + 1)).toMatchObject({ answer: { id: 1, error: { code: -32600 } } });
    const other = { jsonrpc: '2.0' as const, id: 2, method: 'tools/call', params: { name: 'x'.repeat(1000) } };
    expect(limitInbound(other, 2_000_000)).toEqual({ deliver: other });
    expect(limitInbound(initialize('not an object'), 100)).toEqual({ deliver: initialize('not an object') });
  });
});
