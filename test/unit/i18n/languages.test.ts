/** Which language and locale the app speaks, from the setting and the system's (or browser's) languages. */
import { describe, expect, it } from 'vitest';
import { resolveLocale } from '../../../src-shared/i18n/languages';

describe('resolveLocale', () => {
  it('system: the first Spanish or English language the system prefers, in its region', () => {
    expect(resolveLocale('system', ['es-ES', 'en-US'])).toEqual({ catalog: 'es', locale: 'es-ES' });
    expect(resolveLocale('system', ['es-MX'])).toEqual({ catalog: 'es', locale: 'es-MX' });
    expect(resolveLocale('system', ['en-GB', 'es-ES'])).toEqual({ catalog: 'en', locale: 'en-GB' });
    // A language we have no catalog for is skipped, not turned into English at once.
    expect(resolveLocale('system', ['fr-FR', 'es-ES'])).toEqual({ catalog: 'es', locale: 'es-ES' });
    expect(resolveLocale('system', ['fr-FR', 'de'])).toEqual({ catalog: 'en', locale: 'en' });
    expect(resolveLocale('system', [])).toEqual({ catalog: 'en', locale: 'en' });
  });

  it('reads the tags desktops send: POSIX names, odd case, garbage', () => {
    expect(resolveLocale('system', ['es_ES.UTF-8'])).toEqual({ catalog: 'es', locale: 'es-ES' });
    expect(resolveLocale('system', ['EN-us'])).toEqual({ catalog: 'en', locale: 'en-US' });
    expect(resolveLocale('system', ['C', '', '!!', 'es'])).toEqual({ catalog: 'es', locale: 'es' });
  });

  it('a chosen language wins, in the region the person prefers for it', () => {
    expect(resolveLocale('en', ['es-ES', 'en-GB'])).toEqual({ catalog: 'en', locale: 'en-GB' });
    expect(resolveLocale('en', ['es-ES'])).toEqual({ catalog: 'en', locale: 'en' });
    expect(resolveLocale('es', ['en-US'])).toEqual({ catalog: 'es', locale: 'es-ES' });
    expect(resolveLocale('es', ['en-US', 'es-AR'])).toEqual({ catalog: 'es', locale: 'es-AR' });
  });

  it('the pseudo-locale only when the system asks for it exactly, never from a choice', () => {
    expect(resolveLocale('system', ['en-XA'])).toEqual({ catalog: 'pseudo', locale: 'en-XA' });
    expect(resolveLocale('en', ['en-XA'])).toEqual({ catalog: 'en', locale: 'en' });
  });
});
