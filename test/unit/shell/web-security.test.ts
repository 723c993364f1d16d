import { describe, expect, it, vi } from 'vitest';
import { createSenderCheck } from '../../../src-main/electron/ipc-main';
import { rendererUrlCheck } from '../../../src-main/electron/web-security';

vi.mock('electron', () => ({ ipcMain: null }));

describe('renderer URL check', () => {
  it('built renderer: exactly our index.html (hash and query allowed), nothing else on file:', () => {
    const ours = rendererUrlCheck({ file: 'file:///opt/Nevent/resources/app.asar/out/renderer/index.html' });
    expect(ours('file:///opt/Nevent/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(ours('file:///opt/Nevent/resources/app.asar/out/renderer/index.html#/segments?x=1')).toBe(true);
    expect(ours('file:///etc/passwd')).toBe(false);
    expect(ours('file:///opt/Nevent/resources/app.asar/out/renderer/other.html')).toBe(false);
    expect(ours('https://evil.example/out/renderer/index.html')).toBe(false);
    expect(ours('not a url')).toBe(false);
  });

  it('dev server: its origin only', () => {
    const ours = rendererUrlCheck({ devServerUrl: 'http://localhost:5173/' });
    expect(ours('http://localhost:5173/index.html')).toBe(true);
    expect(ours('http://localhost:5174/')).toBe(false);
    expect(ours('http://127.0.0.1:5173/')).toBe(false);
  });
});

describe('IPC sender check', () => {
  const check = createSenderCheck(() => 3, (url) => url === 'file:///app/index.html');
  it('trusts our window’s top frame showing our renderer only', () => {
    expect(check({ sender: { id: 3 }, senderFrame: { url: 'file:///app/index.html', parent: null } })).toBe(true);
    expect(check({ sender: { id: 4 }, senderFrame: { url: 'file:///app/index.html', parent: null } })).toBe(false);
    expect(check({ sender: { id: 3 }, senderFrame: { url: 'file:///app/index.html', parent: { url: 'x' } } })).toBe(false);
    expect(check({ sender: { id: 3 }, senderFrame: { url: 'https://evil.example', parent: null } })).toBe(false);
  });
  it('trusts nobody while the window is closed', () => {
    expect(createSenderCheck(() => null, () => true)({ sender: { id: 3 }, senderFrame: { url: 'file:///app/index.html', parent: null } })).toBe(false);
  });
});
