/**
 * The catalogs are complete and correct: the same keys in Spanish and English, every message valid ICU
 * with the same arguments in both, plurals that cover their language, no key left unused, and a missing
 * translation that fails here and falls back to English in the app (never a raw key on screen).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { allTools } from '../../../src-main/mcp/tools';
import { catalogs, isMessageId, overReference } from '../../../src-shared/i18n/catalog';
import { languages } from '../../../src-shared/i18n/languages';
import { pseudoMessage } from '../../../src-shared/i18n/pseudo';
import { createTranslator } from '../../../src-shared/i18n/translator';
import { englishWords, spanishWords } from '../../helpers/words';

const root = join(import.meta.dirname, '../../..');
const en = catalogs.en;
const es = catalogs.es;

/** Every argument a message takes, with its kind (`argument`, `plural`, `select`, `number`, `tag`…). */
function argumentsOf(elements: readonly MessageFormatElement[], out = new Map<string, string>()): Map<string, string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        if (!out.has(element.value)) out.set(element.value, 'argument');
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        out.set(element.value, TYPE[element.type]);
        break;
      case TYPE.plural:
      case TYPE.select:
        out.set(element.value, TYPE[element.type]);
        for (const option of Object.values(element.options)) argumentsOf(option.value, out);
        break;
      case TYPE.tag:
        out.set(`<${element.value}>`, 'tag');
        argumentsOf(element.children, out);
        break;
      default:
        break;
    }
  }
  return out;
}

/** Every plural in a message, with the categories it gives. */
function pluralsOf(elements: readonly MessageFormatElement[], out: string[][] = []): string[][] {
  for (const element of elements) {
    if (element.type === TYPE.plural) out.push(Object.keys(element.options));
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) pluralsOf(option.value, out);
    if (element.type === TYPE.tag) pluralsOf(element.children, out);
  }
  return out;
}

/** The app's source files that may name a message (TypeScript and TSX, tests excluded). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('message catalogs', () => {
  it('Spanish and English have exactly the same keys', () => {
    expect(Object.keys(es).filter((key) => !Object.hasOwn(en, key))).toEqual([]);
    expect(Object.keys(en).filter((key) => !Object.hasOwn(es, key))).toEqual([]);
    expect(languages).toEqual(['es', 'en']);
  });

  it('every message is valid ICU, with the same arguments and tags in both languages', () => {
    // The names must agree; how each language uses one may differ (a number in English, a plural in Spanish).
    for (const key of Object.keys(en)) {
      const english = argumentsOf(parse(en[key] as string));
      const spanish = argumentsOf(parse(es[key] as string));
      expect([...spanish.keys()].sort(), key).toEqual([...english.keys()].sort());
    }
  });

  it('every plural gives `other` and only categories its language has (or exact =N cases)', () => {
    for (const language of languages) {
      const categories = new Set<string>(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
      for (const [key, text] of Object.entries(catalogs[language])) {
        for (const options of pluralsOf(parse(text))) {
          expect(options, `${language} ${key}`).toContain('other');
          for (const option of options) expect(categories.has(option) || /^=\d+$/.test(option), `${language} ${key}: ${option}`).toBe(true);
        }
      }
    }
  });

  it('plurals read right: 1 segmento / 2 segmentos, 1 segment / 2 segments', () => {
    expect(spanishWords.formatMessage({ id: 'segments.count' }, { count: 1, tenant: 'Sala Málaga Centro' })).toBe('1 segmento en Sala Málaga Centro');
    expect(spanishWords.formatMessage({ id: 'segments.count' }, { count: 2, tenant: 'Sala Málaga Centro' })).toBe('2 segmentos en Sala Málaga Centro');
    expect(englishWords.formatMessage({ id: 'segments.count' }, { count: 1, tenant: 'Acme' })).toBe('1 segment in Acme');
    expect(englishWords.formatMessage({ id: 'segments.count' }, { count: 2, tenant: 'Acme' })).toBe('2 segments in Acme');
    // Numbers inside messages follow the locale: Spanish groups from five digits.
    expect(spanishWords.formatMessage({ id: 'picker.count' }, { total: 14710 })).toBe('14.710 organizaciones');
    expect(englishWords.formatMessage({ id: 'picker.count' }, { total: 1 })).toBe('1 tenant');
    expect(spanishWords.formatMessage({ id: 'tray.sessions' }, { count: 0 })).toBe('Sesiones de IA: ninguna conectada');
  });

  it('every key is used: named in the app’s code, or (tool titles) naming a tool of the bridge', () => {
    const code = [...sourceFiles(join(root, 'src-renderer')), ...sourceFiles(join(root, 'src-apps')), ...sourceFiles(join(root, 'src-main')), ...sourceFiles(join(root, 'src-shared'))].map((path) => readFileSync(path, 'utf8')).join('\n');
    const toolNames = new Set(allTools.map((tool) => tool.name));
    const unused = Object.keys(en).filter((key) => (key.startsWith('tool.') ? !toolNames.has(key.slice('tool.'.length)) : !code.includes(`'${key}'`) && !code.includes(`"${key}"`)));
    expect(unused).toEqual([]);
  });

  it('a key missing from a language fails here, and shows in English in the app, never as its key', () => {
    const partialSpanish = { ...es };
    delete partialSpanish['segments.new'];
    const merged = overReference(en, partialSpanish);
    expect(merged['segments.new']).toBe('New segment');
    expect(merged['segments.search']).toBe('Buscar segmentos');
    // A strict translator (as the tests use) refuses an id that is in no catalog.
    expect(isMessageId('segments.nope')).toBe(false);
    expect(() => spanishWords.formatMessage({ id: 'segments.nope' as never })).toThrow();
  });

  it('the pseudo-locale: every message accented, about 40 % longer, its arguments and tags intact', () => {
    const pseudo = createTranslator({ catalog: 'pseudo', locale: 'en-XA' }, (error) => {
      throw error;
    });
    for (const key of Object.keys(en)) {
      const elements = pseudoMessage(en[key] as string);
      expect([...argumentsOf(elements).entries()].sort(), key).toEqual([...argumentsOf(parse(en[key] as string)).entries()].sort());
      // The formatter takes it as it is (placeholders filled with a sample of every kind).
      const values = Object.fromEntries([...argumentsOf(elements).entries()].map(([name, kind]) => (kind === 'tag' ? [name.slice(1, -1), (chunks: string[]) => chunks.join('')] : [name, kind === 'argument' ? 'x' : 1])));
      expect(() => pseudo.formatMessage({ id: key as never }, values as never), key).not.toThrow();
    }
    const text = pseudo.formatMessage({ id: 'segments.choose' });
    expect(text.startsWith('[Çĥöö')).toBe(true);
    expect(text.length).toBeGreaterThanOrEqual(Math.floor((en['segments.choose'] as string).length * 1.4));
    expect(pseudo.formatMessage({ id: 'segments.count' }, { count: 2, tenant: 'Acme' })).toMatch(/^\[2 šéĝɱéñţš îñ Acme/);
  });

  it('names every source file it reads relative to the repository (sanity of the scan)', () => {
    expect(relative(root, join(root, 'src-renderer'))).toBe('src-renderer');
    expect(sourceFiles(join(root, 'src-renderer')).length).toBeGreaterThan(20);
  });
});
