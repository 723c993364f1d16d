/**
 * A save that met a newer version (`conflict`): what changed on each side since the edit began, and
 * the person's edit re-applied on the latest version, field by field (pure).
 *
 *   base (opened) ──your edit──> mine        base ──someone else──> latest
 *   reapply: latest, with every field you changed taken from mine (yours wins where both changed)
 */
import type { Criterion, SegmentDefinition } from '../../src-shared/api';
import type { MessageId } from '../../src-shared/i18n/catalog';
import type { Translator } from '../../src-shared/i18n/translator';
import { describeCondition } from './operator-labels';
import { draftFromSegment, draftToDefinition, type SegmentDraft } from './segment-draft';

/** The fields a segment edit can change. */
export type MergeField = 'name' | 'description' | 'definition';

/** One field compared across the three versions, as text a person can read. */
export interface FieldComparison {
  field: MergeField;
  label: MessageId;
  base: string;
  mine: string;
  latest: string;
  mineChanged: boolean;
  latestChanged: boolean;
}

/** A version of a segment, as the merge reads it. */
export interface SegmentVersion {
  name: string;
  description?: string | null;
  definition: SegmentDefinition | null;
}

/** A definition in words: "every fan", or its groups joined by "and" and conditions by "or". */
export function definitionText(t: Translator, definition: SegmentDefinition | null, catalog: ReadonlyMap<string, Criterion>): string {
  if (definition === null) return t.formatMessage({ id: 'definition.notReadable' });
  if (definition.stanzas.length === 0) return t.formatMessage({ id: 'definition.everyFanShort' });
  const or = ` ${t.formatMessage({ id: 'definition.or' })} `;
  const and = ` ${t.formatMessage({ id: 'definition.and' })} `;
  return definition.stanzas
    .map((stanza) => {
      const text = stanza.criteria.map((c) => describeCondition(t, c, catalog)).join(or);
      return definition.stanzas.length > 1 && stanza.criteria.length > 1 ? `(${text})` : text;
    })
    .join(and);
}

function texts(t: Translator, version: SegmentVersion, catalog: ReadonlyMap<string, Criterion>): Record<MergeField, string> {
  return { name: version.name.trim(), description: (version.description ?? '').trim(), definition: definitionText(t, version.definition, catalog) };
}

function draftVersion(draft: SegmentDraft, catalog: ReadonlyMap<string, Criterion>): SegmentVersion {
  return { name: draft.name, description: draft.description, definition: draftToDefinition(draft, catalog) };
}

const labels: Record<MergeField, MessageId> = { name: 'conflict.field.name', description: 'conflict.field.description', definition: 'conflict.field.definition' };

/** Every field that changed on either side since `base` (the definitions compared as `t` words them). */
export function compareVersions(t: Translator, base: SegmentVersion, mine: SegmentDraft, latest: SegmentVersion, catalog: ReadonlyMap<string, Criterion>): FieldComparison[] {
  const b = texts(t, base, catalog);
  const m = texts(t, draftVersion(mine, catalog), catalog);
  const l = texts(t, latest, catalog);
  return (['name', 'description', 'definition'] as const)
    .map((field) => ({ field, label: labels[field], base: b[field], mine: m[field], latest: l[field], mineChanged: m[field] !== b[field], latestChanged: l[field] !== b[field] }))
    .filter((c) => c.mineChanged || c.latestChanged);
}

/** The latest version with the person's changes on top: the draft to review and save again. */
export function reapplyOnLatest(t: Translator, base: SegmentVersion, mine: SegmentDraft, latest: SegmentVersion, catalog: ReadonlyMap<string, Criterion>): SegmentDraft {
  const changed = new Set(compareVersions(t, base, mine, latest, catalog).filter((c) => c.mineChanged).map((c) => c.field));
  const next = draftFromSegment(latest);
  if (changed.has('name')) next.name = mine.name;
  if (changed.has('description')) next.description = mine.description;
  if (changed.has('definition')) {
    next.stanzas = mine.stanzas;
    next.nextKey = Math.max(next.nextKey, mine.nextKey);
    if (mine.definitionExtra === undefined) delete next.definitionExtra;
    else next.definitionExtra = mine.definitionExtra;
  }
  return next;
}
