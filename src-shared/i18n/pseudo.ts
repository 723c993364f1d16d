/**
 * The pseudo-locale's catalog (`en-XA`): every English message with accented letters, in brackets, and
 * about 40 % longer, its placeholders, plurals and tags untouched. Text that clips or is hard-coded
 * stands out at once: the first is cut, the second is the only plain English left on screen.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const accented: Readonly<Record<string, string>> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** Words appended to make a message longer (accented too, so they look like the rest). */
const filler = 'ļöŕéɱ îþšûɱ ðöļöŕ šîţ áɱéţ çöñšéçţéţûŕ áðîþîšçîñĝ éļîţ šéð ðö éîûšɱöð ţéɱþöŕ';

/** How much longer a pseudo message is than its English. */
export const pseudoGrowth = 0.4;

/** Letters accented, everything else kept. */
export function accent(text: string): string {
  let out = '';
  for (const char of text) out += accented[char] ?? char;
  return out;
}

/** Accents every literal of a message, inside plurals, selects and tags too; counts the letters seen. */
function transform(elements: readonly MessageFormatElement[], counter: { letters: number }): MessageFormatElement[] {
  return elements.map((element): MessageFormatElement => {
    switch (element.type) {
      case TYPE.literal:
        counter.letters += element.value.length;
        return { ...element, value: accent(element.value) };
      case TYPE.plural:
      case TYPE.select:
        return { ...element, options: Object.fromEntries(Object.entries(element.options).map(([key, option]) => [key, { ...option, value: transform(option.value, counter) }])) };
      case TYPE.tag:
        return { ...element, children: transform(element.children, counter) };
      default:
        return element;
    }
  });
}

/** One message in the pseudo-locale, as parsed elements (what the formatter takes). */
export function pseudoMessage(message: string): MessageFormatElement[] {
  const counter = { letters: 0 };
  const body = transform(parse(message), counter);
  const extra = Math.ceil(counter.letters * pseudoGrowth);
  let padding = '';
  while (padding.length < extra) padding += (padding === '' ? '' : ' ') + filler;
  padding = padding.slice(0, extra).trimEnd();
  const literal = (value: string): MessageFormatElement => ({ type: TYPE.literal, value });
  return [literal('['), ...body, literal(padding === '' ? ']' : ` ${padding}]`)];
}

/** A whole catalog in the pseudo-locale. */
export function pseudoMessages<K extends string>(messages: Readonly<Record<K, string>>): Record<K, MessageFormatElement[]> {
  const out = {} as Record<K, MessageFormatElement[]>;
  for (const key of Object.keys(messages) as K[]) out[key] = pseudoMessage(messages[key]);
  return out;
}
