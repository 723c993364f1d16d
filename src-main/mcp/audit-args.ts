/**
 * What the audit log shows of a tool call's arguments: enough to answer "what did the AI try?" (ids,
 * names, numbers, short text, the shape of a segment definition) and never a secret or a piece of free
 * text (descriptions, bodies, messages), whoever sent them (DESIGN §4). Every value is bounded, since a
 * client chooses them and the log keeps thousands of entries.
 */
import type { AuditArg } from '../../src-shared/session';

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

/** A segment definition read as its shape: "every fan", or "2 groups, 3 conditions". */
function definitionSummary(value: { stanzas?: unknown }): string | null {
  if (!Array.isArray(value.stanzas)) return null;
  if (value.stanzas.length === 0) return 'every fan (no conditions)';
  const conditions = value.stanzas.reduce<number>((sum, stanza) => sum + (Array.isArray((stanza as { criteria?: unknown } | null)?.criteria) ? ((stanza as { criteria: unknown[] }).criteria.length) : 0), 0);
  return `${plural(value.stanzas.length, 'group')}, ${plural(conditions, 'condition')}`;
}

/** One value as the log shows it. */
function shown(key: string, value: unknown): string {
  if (secretKey.test(key)) return '(hidden)';
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return freeTextKey.test(key) ? `(text, ${plural(value.length, 'character')})` : elide(value);
  if (Array.isArray(value)) {
    const simple = value.every((item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean');
    if (!simple || freeTextKey.test(key) || value.length === 0) return `(${plural(value.length, 'item')})`;
    const listed = value.slice(0, maxListed).map((item) => elide(String(item), 24)).join(', ');
    return elide(value.length > maxListed ? `${listed} +${value.length - maxListed} more` : listed);
  }
  if (typeof value === 'object') {
    const summary = definitionSummary(value as { stanzas?: unknown });
    return summary ?? `(${plural(Object.keys(value).length, 'field')})`;
  }
  return `(${typeof value})`;
}

/** The arguments of a call as `{key, value}` pairs the audit log may keep and show. */
export function auditArgsOf(args: unknown): AuditArg[] {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return [];
  return Object.entries(args as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .slice(0, maxAuditArgs)
    .map(([key, value]) => ({ key: key.length > maxKeyLength ? `${key.slice(0, maxKeyLength)}…` : key, value: shown(key, value) }));
}
