/** The keychain module check loads keytar in a child process and reports what it found. */
import { describe, expect, it } from 'vitest';
import { checkKeychainModule, resolveKeytarPath } from '../../../src-main/core/keychain-module';

describe('checkKeychainModule', () => {
  it('finds the keytar this checkout installed, and tells a missing module from one that does not load', () => {
    expect(resolveKeytarPath()).toMatch(/keytar/);
    expect(checkKeychainModule()).toEqual({ kind: 'ok' });
    expect(checkKeychainModule(null)).toEqual({ kind: 'missing' });
    const broken = checkKeychainModule('/nowhere/keytar/lib/keytar.js');
    expect(broken).toMatchObject({ kind: 'broken', detail: expect.stringMatching(/Cannot find module '\/nowhere\/keytar\/lib\/keytar\.js'/) });
  });
});
