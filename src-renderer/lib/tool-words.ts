/**
 * Tools and their domains in the person's language. The MCP tools keep Nevent AI's English titles for
 * the models; the panel shows each tool's title from the catalogs (`tool.<name>`), or the title the
 * bridge gave when the catalogs do not know the tool yet.
 */
import { catalogs, isMessageId } from '../../src-shared/i18n/catalog';
import { foldText } from '../../src-shared/text-fold';
import type { Translator } from '../../src-shared/i18n/translator';
import { toolDomainLabels, type ToolDomain } from '../../src-shared/tool-domains';
import type { ToolAccess } from '../../src-shared/tool-access';

/** "nevent_list_segments" → "List segments", for a tool the bridge gave no title. */
export function toolWords(name: string): string {
  const words = name.replace(/^nevent_/, '').replace(/_/g, ' ').trim();
  return words === '' ? name : `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** The catalog key of a tool's title. */
export function toolTitleKey(name: string): string {
  return `tool.${name}`;
}

/** A tool's title: the catalog's, else `fallback` (the bridge's English title). */
export function toolTitle(t: Translator, name: string, fallback: string): string {
  const key = toolTitleKey(name);
  return isMessageId(key) ? t.formatMessage({ id: key }) : fallback;
}

/** A tool domain's name ("Paid media" / "Medios de pago"). */
export function toolDomainText(t: Translator, domain: ToolDomain): string {
  // ICU select keys cannot hold a hyphen: `paid-media` is asked for as `paid_media`.
  return t.formatMessage({ id: 'tools.domain' }, { domain: domain.replace(/-/g, '_'), other: toolDomainLabels[domain] });
}

/** A tool's class as a badge word ("Read", "Delete"). */
export function toolAccessText(t: Translator, access: ToolAccess): string {
  return t.formatMessage({ id: 'tools.access' }, { access });
}

/** Every tool the catalogs have words for. */
const titledTools = Object.keys(catalogs.en)
  .filter((key) => key.startsWith('tool.'))
  .map((key) => key.slice('tool.'.length));

/**
 * The tools whose words in `t`'s language hold `text` (case and accents aside): what the audit filter
 * also matches, so a Spanish reader finds "Listar segmentos" by typing "listar". Switches and resets read
 * as actions ("Cambió de organización"), so their words count for their tools too.
 */
export function toolNamesMatching(t: Translator, text: string): string[] {
  const wanted = foldText(text.trim());
  if (wanted === '') return [];
  const holds = (words: string): boolean => foldText(words).includes(wanted);
  const names = titledTools.filter((name) => holds(toolTitle(t, name, name)));
  if (holds(t.formatMessage({ id: 'audit.action.switched' })) || holds(t.formatMessage({ id: 'audit.action.triedSwitch' }))) names.push('nevent_switch_tenant');
  if (holds(t.formatMessage({ id: 'audit.action.reset' })) || holds(t.formatMessage({ id: 'audit.action.triedReset' }))) names.push('nevent_reset_tenant');
  return [...new Set(names)];
}
