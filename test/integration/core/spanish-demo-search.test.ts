/**
 * The demo speaks like Nevent's Spanish users (a promoter group with venues in Málaga, Logroño, A Coruña
 * and Cádiz, with Spanish segment names), and the core's segment search folds case and accents, over
 * the real demo API: `publico` finds `Público…`, whatever the API itself does with `search`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { foldText } from '../../../src-shared/text-fold';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { activeTenant } from '../../../src-main/core/session/tenant-session';

let fixture: CoreFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

describe('Spanish demo data and folded search', () => {
  it('the owner reaches the Spanish promoter and its venues, whose segments have Spanish names', async () => {
    fixture = await startCoreFixture({ user: 'owner' });
    const desktop = fixture.core.registry.desktop;
    if (desktop === null) throw new Error('no desktop session');
    const view = await desktop.listTenants();
    const names = new Map(view.tenants.map((t) => [t.id, t.name]));
    expect([...names.entries()].filter(([id]) => id.startsWith('tn-ole'))).toEqual([
      ['tn-ole', 'Olé Producciones'],
      ['tn-ole-malaga', 'Sala Málaga Centro'],
      ['tn-ole-logrono', 'Auditorio de Logroño'],
      ['tn-ole-coruna', 'Coliseo A Coruña'],
      ['tn-ole-cadiz', 'Gran Teatro de Cádiz'],
    ]);
    await desktop.switchTenant('tn-ole-logrono');
    const { value } = await activeTenant(desktop).listSegments({ limit: 50 });
    const spanish = ['Abonados de temporada', 'Público de la zona', 'Suscriptores del boletín', 'Compradores que no han vuelto', 'Amantes del rock y del techno', 'Público joven con la app', 'Campaña de Navidad: todo el público'];
    expect(value.segments.length).toBeGreaterThanOrEqual(3);
    expect(value.segments.every((s) => spanish.includes(s.name))).toBe(true);
  });

  it('a search without accents or case finds the accented segment, in every Spanish venue', async () => {
    fixture = await startCoreFixture({ user: 'owner' });
    const desktop = fixture.core.registry.desktop;
    if (desktop === null) throw new Error('no desktop session');
    let checked = 0;
    for (const venue of ['tn-ole-malaga', 'tn-ole-logrono', 'tn-ole-coruna', 'tn-ole-cadiz']) {
      await desktop.switchTenant(venue);
      const all = (await activeTenant(desktop).listSegments({ limit: 50 })).value.segments;
      for (const segment of all.filter((s) => foldText(s.name) !== s.name.toLowerCase())) {
        // The name as a person types it on a keyboard without accents, in capitals.
        const typed = foldText(segment.name).toUpperCase();
        const found = (await activeTenant(desktop).listSegments({ search: typed, limit: 50 })).value.segments.map((s) => s.id);
        expect(found, `${venue}: ${typed}`).toContain(segment.id);
        checked += 1;
      }
    }
    // The demo gives these venues accented names (público, boletín, campaña…): the loop did check some.
    expect(checked).toBeGreaterThan(0);
  });
});
