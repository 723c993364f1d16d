import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newPipeName, pipeRendezvousFile, publishPipeName, readPublishedPipeName, unpublishPipeName } from '../../../src-main/mcp/pipe-rendezvous';
import { SocketPathError, attachSocketPath, defaultSocketPath, isNamedPipe, prepareSocketDir } from '../../../src-main/mcp/socket-path';

describe('socket path', () => {
  it('is per user and per OS', () => {
    expect(defaultSocketPath({ platform: 'linux', env: { XDG_RUNTIME_DIR: '/run/user/1000' } })).toBe('/run/user/1000/nevent-companion/mcp.sock');
    // Without XDG_RUNTIME_DIR: in the home folder, which no other user can pre-create, never a shared /tmp.
    expect(defaultSocketPath({ platform: 'linux', env: {}, home: '/home/ana', uid: 1000, tmp: '/tmp' })).toBe('/home/ana/.local/state/nevent-companion/mcp.sock');
    expect(defaultSocketPath({ platform: 'linux', env: { HOME: '/home/env' }, uid: 1000, tmp: '/tmp' })).toBe('/home/env/.local/state/nevent-companion/mcp.sock');
    expect(defaultSocketPath({ platform: 'linux', env: { XDG_RUNTIME_DIR: 'relative' }, home: '/home/b', uid: 7, tmp: '/tmp' })).toBe('/home/b/.local/state/nevent-companion/mcp.sock');
    expect(defaultSocketPath({ platform: 'darwin', env: {}, home: '/Users/ana', uid: 501, tmp: '/var/folders/x/T' })).toBe('/Users/ana/Library/Caches/nevent-companion/mcp.sock');
    // Only a home too deep for a unix socket path falls back to a per-uid folder (checked like any other).
    expect(defaultSocketPath({ platform: 'linux', env: {}, home: `/home/${'x'.repeat(90)}`, uid: 7, tmp: '/tmp' })).toBe('/tmp/nevent-companion-7/mcp.sock');
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

  it('Windows: attach finds the pipe the app published for this launch, never a fixed name', () => {
    const base = mkdtempSync(join(tmpdir(), 'nc-pipe-'));
    try {
      const env = { LOCALAPPDATA: base };
      const file = pipeRendezvousFile(env);
      expect(file).toBe(join(base, 'nevent-companion', 'mcp-pipe'));
      expect(attachSocketPath({ platform: 'win32', env })).toBeNull();
      const pipe = newPipeName('Ana María');
      expect(pipe).toMatch(/^\\\\\.\\pipe\\nevent-companion-Ana_Mar_a-[0-9a-f]{32}$/);
      expect(newPipeName('Ana María')).not.toBe(pipe);
      expect(isNamedPipe(pipe)).toBe(true);
      publishPipeName(file, pipe);
      expect(attachSocketPath({ platform: 'win32', env })).toBe(pipe);
      // Anything else in the file (a path, another program's pipe) is not followed.
      publishPipeName(file, '\\\\.\\pipe\\someone-else');
      expect(readPublishedPipeName(file)).toBeNull();
      publishPipeName(file, pipe);
      unpublishPipeName(file, newPipeName('x'));
      expect(readPublishedPipeName(file)).toBe(pipe);
      unpublishPipeName(file, pipe);
      expect(attachSocketPath({ platform: 'win32', env })).toBeNull();
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
