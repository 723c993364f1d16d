import { describe, expect, it } from 'vitest';
import { sentence, switchErrorText } from '../../../src-renderer/lib/error-text';

describe('error wording', () => {
  it('makes one sentence of what main says: a capital, one full stop', () => {
    expect(sentence('the Nevent API did not answer')).toBe('The Nevent API did not answer.');
    expect(sentence('ask them to restore it.')).toBe('Ask them to restore it.');
    expect(sentence('ask them to restore it..')).toBe('Ask them to restore it.');
    expect(sentence('Done!')).toBe('Done!');
    expect(sentence('  ')).toBe('');
  });

  it('never joins a lower-case message after a full stop', () => {
    expect(switchErrorText({ code: 'timeout', message: 'the Nevent API did not answer within 15 s' })).toBe('The server did not answer in time. The Nevent API did not answer within 15 s.');
  });
});
