/** Translators for tests: the catalogs as the app loads them, in English and in Spanish. */
import { createTranslator, type Translator } from '../../src-shared/i18n/translator';

/** Fails the test on a message that cannot be formatted (a missing key, a bad value). */
const strict = (error: Error): void => {
  throw error;
};

/** English, as a US system speaks it. */
export const englishWords: Translator = createTranslator({ catalog: 'en', locale: 'en-US' }, strict);
/** Spanish, as a Spanish system speaks it. */
export const spanishWords: Translator = createTranslator({ catalog: 'es', locale: 'es-ES' }, strict);
