/**
 * The one rule for searching text a person typed (docs/i18n.md): case and accents do not matter, so
 * `malaga` finds `Málaga`, `logrono` finds `Logroño` and `CADIZ` finds `Cádiz`. Every search uses it —
 * the org-picker (its index, built in a worker, and its scan), the segment list, the core's segment
 * filter and the audit log's filter — so they all find the same things.
 *
 *   fold(c) per character: decompose (NFD); a letter with marks loses them (á → a, ñ → n, ç → c);
 *   a lone combining mark disappears; everything else stays as it is (Hangul keeps its syllables);
 *   then lower case.
 *
 * Folding keeps a map back to the original text, so a match is highlighted on what the person sees.
 */

// Combining marks: accents, tildes, cedillas, diaereses…
const marks = /\p{M}/gu;
const lone = /^\p{M}+$/u;
// Only text with a character outside ASCII needs more than lower-casing (the common case is fast).
const beyondAscii = /[\u0080-\uffff]/;

function foldCodePoint(char: string): string {
  if (lone.test(char)) return '';
  const decomposed = char.normalize('NFD');
  const stripped = decomposed.replace(marks, '');
  // No marks to drop (or a decomposition without marks: Hangul syllables into jamo): keep the character.
  return (stripped === decomposed ? char : stripped).toLowerCase();
}

/** `text` without case or accents (see the file comment). */
export function foldText(text: string): string {
  if (!beyondAscii.test(text)) return text.toLowerCase();
  let out = '';
  for (const char of text) out += foldCodePoint(char);
  return out;
}

/** True when `text` holds `query`, both folded. An empty query matches everything. */
export function foldedIncludes(text: string, query: string): boolean {
  return foldText(text).includes(foldText(query));
}

/** Folded text and, for each of its UTF-16 units, where it came from in the original (plus the end). */
export interface FoldedText {
  text: string;
  /** `origin[i]` is the index in the original of folded unit i; `origin[text.length]` is the original's length. */
  origin: Int32Array;
}

/** Folds `text` keeping where each folded unit came from (for highlighting on the original). */
export function foldWithOrigin(text: string): FoldedText {
  if (!beyondAscii.test(text)) {
    // ASCII: one unit each, in place.
    const origin = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) origin[i] = i;
    return { text: text.toLowerCase(), origin };
  }
  let folded = '';
  const origin: number[] = [];
  let at = 0;
  for (const char of text) {
    const piece = beyondAscii.test(char) ? foldCodePoint(char) : char.toLowerCase();
    for (let k = 0; k < piece.length; k++) origin.push(at);
    folded += piece;
    at += char.length;
  }
  origin.push(at);
  return { text: folded, origin: Int32Array.from(origin) };
}

/** One piece of a highlighted label. */
export interface HighlightPart {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into the parts that match any of `tokens` (already folded) and the rest, on the
 * original text: `malaga` marks `Málaga` whole.
 */
export function highlightFolded(text: string, tokens: readonly string[]): HighlightPart[] {
  if (tokens.length === 0 || text.length === 0) return [{ text, match: false }];
  const folded = foldWithOrigin(text);
  const marked = new Uint8Array(text.length);
  for (const token of tokens) {
    if (token === '') continue;
    let from = 0;
    for (;;) {
      const at = folded.text.indexOf(token, from);
      if (at < 0) break;
      const { origin } = folded;
      const start = origin[at] as number;
      // The match ends where the next original character starts: a character folded into several units
      // is marked whole, and so are the combining marks that follow it (they folded to nothing).
      const last = origin[at + token.length - 1] as number;
      let k = at + token.length;
      while ((origin[k] as number) <= last) k++;
      marked.fill(1, start, origin[k] as number);
      from = at + 1;
    }
  }
  const parts: HighlightPart[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[start]) {
      parts.push({ text: text.slice(start, i), match: marked[start] === 1 });
      start = i;
    }
  }
  return parts;
}
