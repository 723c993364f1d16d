/**
 * What the audit log shows of a tool call's arguments: enough to answer "what did the AI try?" (ids,
 * names, numbers, short text, the shape of a segment definition) and never a secret or a piece of free
 * text (descriptions, bodies, messages), whoever sent them. Every value is bounded, since a
 * client chooses them and the log keeps thousands of entries.
 */
import type { AuditArg, AuditArgShape } from '../../src-shared/session';

/** At most this many arguments per entry. */
export const maxAuditArgs = 12;
/** A shown value longer than this is cut, with "…". */
export const maxAuditValueLength = 60;
const maxKeyLength = 64;
const maxListed = 4;

// Keys whose value is never shown: credentials, whatever the tool.
const secretKey = /token|password|passwd|secret|api[-_]?key|authori[sz]ation|cookie|credential|bearer|jwt/i;
// Keys whose value is the person's (or the model's) own prose or a payload: shown as its size only.
const freeTextKey = /description|body|html|content|text|message|prompt|note|comment|subject|preheader|image|file|base64|data$|query$|sql/i;

/** A string cut to the limit. */
function elide(text: string, limit = maxAuditValueLength): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A segment definition read as its shape: its groups and conditions (none: every fan). */
function definitionShape(value: { stanzas?: unknown }): AuditArgShape | null {
  if (!Array.isArray(value.stanzas)) return null;
  const conditions = value.stanzas.reduce<number>((sum, stanza) => sum + (Array.isArray((stanza as { criteria?: unknown } | null)?.criteria) ? ((stanza as { criteria: unknown[] }).criteria.length) : 0), 0);
  return { kind: 'definition', groups: value.stanzas.length, conditions };
}

/** A shape in English: the `value` logs and older windows read (the window words the shape itself). */
function shapeText(shape: AuditArgShape): string {
  switch (shape.kind) {
    case 'hidden':
      return '(hidden)';
    case 'text':
      return `(text, ${plural(shape.length, 'character')})`;
    case 'items':
      return `(${plural(shape.count, 'item')})`;
    case 'fields':
      return `(${plural(shape.count, 'field')})`;
    case 'definition':
      return shape.groups === 0 ? 'every fan (no conditions)' : `${plural(shape.groups, 'group')}, ${plural(shape.conditions, 'condition')}`;
    case 'more':
      return elide(`${shape.listed} +${shape.more} more`);
  }
}

/** One value as the log shows it: the value itself, or its shape. */
function shown(key: string, value: unknown): { value: string; shape?: AuditArgShape } {
  const ofShape = (shape: AuditArgShape): { value: string; shape: AuditArgShape } => ({ value: shapeText(shape), shape });
  if (secretKey.test(key)) return ofShape({ kind: 'hidden' });
  if (value === null) return { value: 'null' };
  if (typeof value === 'number' || typeof value === 'boolean') return { value: String(value) };
  if (typeof value === 'string') return freeTextKey.test(key) ? ofShape({ kind: 'text', length: value.length }) : { value: elide(value) };
  if (Array.isArray(value)) {
    const simple = value.every((item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean');
    if (!simple || freeTextKey.test(key) || value.length === 0) return ofShape({ kind: 'items', count: value.length });
    const listed = value.slice(0, maxListed).map((item) => elide(String(item), 24)).join(', ');
    return value.length > maxListed ? ofShape({ kind: 'more', listed, more: value.length - maxListed }) : { value: elide(listed) };
  }
  if (typeof value === 'object') return ofShape(definitionShape(value as { stanzas?: unknown }) ?? { kind: 'fields', count: Object.keys(value).length });
  return { value: `(${typeof value})` };
}

/** The arguments of a call as `{key, value}` pairs the audit log may keep and show. */
export function auditArgsOf(args: unknown): AuditArg[] {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return [];
  return Object.entries(args as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .slice(0, maxAuditArgs)
    .map(([key, value]) => ({ key: key.length > maxKeyLength ? `${key.slice(0, maxKeyLength)}…` : key, ...shown(key, value) }));
}
