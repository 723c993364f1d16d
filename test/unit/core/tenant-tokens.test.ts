import { describe, expect, it } from 'vitest';
import { TenantTokens } from '../../../src-main/core/tokens/tenant-tokens';
import type { Credential } from '../../../src-main/core/tokens/credential';
import { FakeClock } from '../../helpers/fake-clock';

const credential = (tenantId: string): Credential => ({ accessToken: `at-${tenantId}`, refreshToken: `rt-${tenantId}`, claims: { sub: 'u', tenantId } as Credential['claims'] });

describe('TenantTokens', () => {
  it('mints once per tenant, also when callers arrive while minting', async () => {
    const tokens = new TenantTokens({ clock: new FakeClock(0) });
    let mints = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const mint = async (): Promise<Credential> => {
      mints += 1;
      await gate;
      return credential('t1');
    };
    const waiting = [tokens.cell('t1', mint), tokens.cell('t1', mint), tokens.cell('t1', mint)];
    release();
    const cells = await Promise.all(waiting);
    expect(mints).toBe(1);
    expect(new Set(cells).size).toBe(1);
    expect(await tokens.cell('t1', mint)).toBe(cells[0]);
    expect(mints).toBe(1);
  });

  it('does not cache a failed mint: the next call mints again', async () => {
    const tokens = new TenantTokens({ clock: new FakeClock(0) });
    await expect(tokens.cell('t1', () => Promise.reject(new Error('403')))).rejects.toThrow('403');
    expect(tokens.size).toBe(0);
    const cell = await tokens.cell('t1', async () => credential('t1'));
    expect(cell.current.accessToken).toBe('at-t1');
  });

  it('is bounded: a flood of tenants keeps at most maxEntries, least recently used evicted first', async () => {
    const tokens = new TenantTokens({ clock: new FakeClock(0), maxEntries: 4 });
    for (const t of ['t1', 't2', 't3', 't4']) await tokens.cell(t, async () => credential(t));
    await tokens.cell('t1', async () => credential('t1')); // t1 used again: t2 is now the oldest
    for (let i = 0; i < 50; i += 1) await tokens.cell(`flood-${i}`, async () => credential(`flood-${i}`));
    expect(tokens.size).toBe(4);
    expect(tokens.has('t2')).toBe(false);
    expect(tokens.has('flood-49')).toBe(true);
  });

  it('drops entries idle for longer than idleMs, keeps the ones in use', async () => {
    const clock = new FakeClock(0);
    const tokens = new TenantTokens({ clock, idleMs: 1000 });
    await tokens.cell('idle', async () => credential('idle'));
    await tokens.cell('busy', async () => credential('busy'));
    clock.advance(800);
    await tokens.cell('busy', async () => credential('busy'));
    clock.advance(800);
    await tokens.cell('other', async () => credential('other'));
    expect(tokens.has('idle')).toBe(false);
    expect(tokens.has('busy')).toBe(true);
    let minted = false;
    await tokens.cell('idle', async () => ((minted = true), credential('idle')));
    expect(minted).toBe(true);
  });
});
