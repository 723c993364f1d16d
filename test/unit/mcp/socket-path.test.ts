import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SocketPathError, defaultSocketPath, isNamedPipe, prepareSocketDir } from '../../../src-main/mcp/socket-path';

describe('socket path', () => {
  it('is per user and per OS', () => {
    expect(defaultSocketPath({ platform: 'linux', env: { XDG_RUNTIME_DIR: '/run/user/1000' } })).toBe('/run/user/1000/nevent-companion/mcp.sock');
    expect(defaultSocketPath({ platform: 'linux', env: {}, uid: 1000, tmp: '/tmp' })).toBe('/tmp/nevent-companion-1000/mcp.sock');
    expect(defaultSocketPath({ platform: 'linux', env: { XDG_RUNTIME_DIR: 'relative' }, uid: 7, tmp: '/tmp' })).toBe('/tmp/nevent-companion-7/mcp.sock');
    expect(defaultSocketPath({ platform: 'darwin', env: {}, uid: 501, tmp: '/var/folders/x/T' })).toBe('/var/folders/x/T/nevent-companion-501/mcp.sock');
    const pipe = defaultSocketPath({ platform: 'win32', env: {}, username: 'Ana María' });
    expect(pipe).toBe('\\\\.\\pipe\\nevent-companion-Ana_Mar_a-mcp');
    expect(isNamedPipe(pipe)).toBe(true);
    expect(isNamedPipe('/tmp/x.sock')).toBe(false);
  });

  it('refuses a path too long for a unix socket', () => {
    const base = mkdtempSync(join(tmpdir(), 'nc-long-'));
    try {
      expect(() => prepareSocketDir(join(base, 'x'.repeat(120), 'mcp.sock'))).toThrow(SocketPathError);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
