import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CoreError } from '../../../src-main/core/common/core-error';
import { errorDataOf, errorResult, okResult, redactTokens } from '../../../src-main/mcp/envelope';
import { fakeSecretToken } from '../../helpers/fake-tenant-session';

describe('error envelope', () => {
  it('keeps core errors, maps zod errors to validation_failed with the param, hides everything else', () => {
    expect(errorDataOf(new CoreError('conflict', 'stale', 'version'))).toEqual({ code: 'conflict', message: 'stale', param: 'version' });
    expect(errorDataOf({ code: 'tenant_forbidden', message: 'no' })).toEqual({ code: 'tenant_forbidden', message: 'no' });
    expect(errorDataOf({ code: 'ENOENT', message: '/etc/secret' })).toEqual({ code: 'internal_error', message: expect.not.stringContaining('/etc') });
    const zodError = z.object({ a: z.object({ b: z.number() }) }).safeParse({ a: { b: 'x' } }).error;
    expect(errorDataOf(zodError)).toMatchObject({ code: 'validation_failed', param: 'a.b' });
    expect(errorDataOf(new TypeError('x is undefined')).code).toBe('internal_error');
  });

  it('builds isError results with the envelope as JSON text and redacts token-shaped text', () => {
    const result = errorResult({ code: 'authentication_failed', message: `bad token ${fakeSecretToken}`, param: 'token' });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
    expect(JSON.parse(text)).toEqual({ error: { type: 'authentication_error', code: 'authentication_failed', message: 'bad token [redacted token]', param: 'token' } });
    expect(redactTokens(`Authorization: Bearer abcdefghijklmnop`)).toBe('Authorization: Bearer [redacted]');
    expect(redactTokens('segment 0123456789abcdef01234567 in tn-acme')).toBe('segment 0123456789abcdef01234567 in tn-acme');
  });

  it('builds success results with the same object as text and structuredContent', () => {
    const result = okResult({ a: 1 });
    expect(result.structuredContent).toEqual({ a: 1 });
    expect(result.content).toEqual([{ type: 'text', text: '{"a":1}' }]);
  });
});
