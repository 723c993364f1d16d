/**
 * What the install's closing lines and `nevent-companion status` say about the OS keychain module: that
 * it works, or what is wrong and what to install on this OS (a checkout rebuilds it; the installed app
 * is reinstalled, or on Linux gets libsecret).
 */
import { describe, expect, it } from 'vitest';
import { keychainInstallLine, keychainModuleAdvice } from '../../../src-main/core/keychain-module';

const checkout = (platform: NodeJS.Platform) => ({ platform, installedApp: false });

describe('keychain module advice', () => {
  it('says nothing is wrong when keytar loads', () => {
    expect(keychainModuleAdvice({ kind: 'ok' }, checkout('linux'))).toBeNull();
    expect(keychainInstallLine({ kind: 'ok' }, 'linux')).toMatch(/keytar\) works/);
  });

  it('names what to install per OS when npm left keytar out, then `npm install` again', () => {
    const linux = keychainModuleAdvice({ kind: 'missing' }, checkout('linux'));
    expect(linux).toMatch(/^npm left out the OS keychain module \(keytar\)/);
    expect(linux).toMatch(/not remembered after each run/);
    expect(linux).toContain('sudo apt install build-essential libsecret-1-dev');
    expect(linux).toContain('sudo dnf install gcc-c++ make libsecret-devel');
    expect(linux).toMatch(/then run `npm install` again in the checkout\. The keychain also needs a Secret Service/);
    expect(keychainModuleAdvice({ kind: 'missing' }, checkout('darwin'))).toContain('xcode-select --install');
    expect(keychainModuleAdvice({ kind: 'missing' }, checkout('darwin'))).not.toMatch(/Secret Service|apt/);
    expect(keychainModuleAdvice({ kind: 'missing' }, checkout('win32'))).toMatch(/Visual Studio Build Tools .*Desktop development with C\+\+/);
    expect(keychainInstallLine({ kind: 'missing' }, 'win32')).toBe(keychainModuleAdvice({ kind: 'missing' }, checkout('win32')));
  });

  it('a module that does not load: the reason, then a rebuild; a missing libsecret is named as such', () => {
    const broken = keychainModuleAdvice({ kind: 'broken', detail: 'keytar.node was compiled against a different Node.js version' }, checkout('darwin'));
    expect(broken).toMatch(/is installed but does not load: keytar\.node was compiled against/);
    expect(broken).toMatch(/then run `npm rebuild keytar`/);
    const noLib = keychainModuleAdvice({ kind: 'broken', detail: 'libsecret-1.so.0: cannot open shared object file: No such file or directory' }, checkout('linux'));
    expect(noLib).toContain('sudo apt install libsecret-1-0');
    expect(noLib).not.toContain('rebuild');
  });

  it('the installed app is reinstalled, never rebuilt with npm', () => {
    for (const state of [{ kind: 'missing' } as const, { kind: 'broken', detail: 'bad' } as const]) {
      const advice = keychainModuleAdvice(state, { platform: 'win32', installedApp: true });
      expect(advice).toMatch(/Reinstall Nevent Companion\.$/);
      expect(advice).not.toMatch(/npm/);
    }
  });
});
