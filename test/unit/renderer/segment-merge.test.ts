import { describe, expect, it } from 'vitest';
import type { Criterion, SegmentDefinition } from '../../../src-shared/api';
import { draftFromSegment, draftToDefinition, reduceDraft } from '../../../src-renderer/lib/segment-draft';
import { compareVersions, definitionText, reapplyOnLatest, type SegmentVersion } from '../../../src-renderer/lib/segment-merge';
import { englishWords as t, spanishWords } from '../../helpers/words';

const criteria: Criterion[] = [
  { id: 'country', type: 'profile', label: 'Country', operators: ['is', 'is_not'], valueType: 'ENTITY', options: [{ value: 'ES', label: 'Spain' }, { value: 'FR', label: 'France' }] },
  { id: 'orders', type: 'purchase', label: 'Orders', operators: ['gt', 'lt'], valueType: 'NUMBER' },
];
const catalog = new Map(criteria.map((c) => [c.id, c]));
const spain: SegmentDefinition = { stanzas: [{ id: 's1', criteria: [{ id: 'c1', criterion_id: 'country', operator: 'is', value: ['ES'] }] }] };
const base: SegmentVersion = { name: 'Buyers', description: 'first version', definition: spain };

describe('a save that met a newer version', () => {
  it('reads definitions in words, every fan included', () => {
    expect(definitionText(t, { stanzas: [] }, catalog)).toBe('Every fan (no conditions)');
    expect(definitionText(t, spain, catalog)).toBe('Country is Spain');
    expect(definitionText(t, null, catalog)).toBe('(not readable)');
    expect(definitionText(spanishWords, { stanzas: [] }, catalog)).toBe('Todos los fans (sin condiciones)');
    expect(definitionText(spanishWords, spain, catalog)).toBe('Country es Spain');
  });

  it('shows what changed on each side, and only that', () => {
    const mine = reduceDraft(draftFromSegment(base), { type: 'setName', name: 'Buyers (mine)' });
    const latest: SegmentVersion = { ...base, description: 'changed by an AI', definition: { stanzas: [] } };
    expect(compareVersions(t, base, mine, latest, catalog)).toEqual([
      { field: 'name', label: 'conflict.field.name', base: 'Buyers', mine: 'Buyers (mine)', latest: 'Buyers', mineChanged: true, latestChanged: false },
      { field: 'description', label: 'conflict.field.description', base: 'first version', mine: 'first version', latest: 'changed by an AI', mineChanged: false, latestChanged: true },
      { field: 'definition', label: 'conflict.field.definition', base: 'Country is Spain', mine: 'Country is Spain', latest: 'Every fan (no conditions)', mineChanged: false, latestChanged: true },
    ]);
  });

  it('re-applies the person’s changes on the latest version, keeping everything they did not touch from it', () => {
    const mine = reduceDraft(draftFromSegment(base), { type: 'setName', name: 'Buyers (mine)' });
    const latest: SegmentVersion = { name: 'Buyers (theirs)', description: 'changed by an AI', definition: { stanzas: [] } };
    const merged = reapplyOnLatest(t, base, mine, latest, catalog);
    expect(merged.name).toBe('Buyers (mine)');
    expect(merged.description).toBe('changed by an AI');
    expect(draftToDefinition(merged, catalog)).toEqual({ stanzas: [] });
  });

  it('takes the person’s conditions when they changed them', () => {
    const opened = draftFromSegment(base);
    const stanza = opened.stanzas[0]!;
    const mine = reduceDraft(opened, { type: 'setValues', stanzaKey: stanza.key, conditionKey: stanza.conditions[0]!.key, values: ['FR'] });
    const latest: SegmentVersion = { ...base, name: 'Renamed elsewhere' };
    const merged = reapplyOnLatest(t, base, mine, latest, catalog);
    expect(merged.name).toBe('Renamed elsewhere');
    expect(definitionText(t, draftToDefinition(merged, catalog), catalog)).toBe('Country is France');
  });
});
