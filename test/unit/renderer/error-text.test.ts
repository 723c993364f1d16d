import { describe, expect, it } from 'vitest';
import { errorReason, sentence, signInErrorText, switchErrorText } from '../../../src-renderer/lib/error-text';
import { englishWords as t, spanishWords } from '../../helpers/words';

describe('error wording', () => {
  it('makes one sentence of what main says: a capital, one full stop', () => {
    expect(sentence('the Nevent API did not answer')).toBe('The Nevent API did not answer.');
    expect(sentence('ask them to restore it.')).toBe('Ask them to restore it.');
    expect(sentence('ask them to restore it..')).toBe('Ask them to restore it.');
    expect(sentence('Done!')).toBe('Done!');
    expect(sentence('  ')).toBe('');
  });

  it('never joins a lower-case message after a full stop', () => {
    expect(switchErrorText(t, { code: 'timeout', message: 'the Nevent API did not answer within 15 s' })).toBe('The server did not answer in time. The Nevent API did not answer within 15 s.');
  });

  it('words errors by code in the person’s language, with the API’s own message inside the sentence', () => {
    expect(switchErrorText(spanishWords, { code: 'tenant_forbidden', message: 'You do not have access to tenant Globex' })).toBe('No tienes acceso a esa organización. You do not have access to tenant Globex.');
    expect(switchErrorText(spanishWords, { code: 'not_found', message: 'x' })).toBe('Esa organización ya no existe.');
    expect(signInErrorText(spanishWords, { code: 'authentication_failed', message: 'bad' }, null)).toBe('El correo o la contraseña no son correctos.');
    expect(signInErrorText(spanishWords, { code: 'api_unavailable', message: 'ECONNREFUSED' }, 'https://api.example')).toBe('No se pudo conectar con https://api.example. Comprueba la dirección y que el servidor esté en marcha.');
    expect(errorReason(spanishWords, { code: 'timeout', message: 'no answer within 15 s' })).toBe('el servidor no respondió a tiempo (no answer within 15 s)');
    // Whatever the API said, as it said it.
    expect(errorReason(spanishWords, { code: 'api_error', message: 'Segmento no válido: falta el nombre' })).toBe('Segmento no válido: falta el nombre');
  });
});
