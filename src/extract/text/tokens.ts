// Words and punctuation with their offsets in the body. Every later stage scans
// these token arrays instead of re-running regular expressions over raw text.

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  isWord: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  paragraph: number;
  sentence: number;
  /** Index of the quote span whose words contain this token, or -1. */
  quote: number;
}

// Dotted acronyms (U.S., a.m., J.F.K.) | numbers with separators | words with
// inner apostrophes or hyphens | any single other visible character.
const TOKEN_PATTERN =
  /\p{L}(?:\.\p{L})+\.?|\p{N}+(?:[.,:]\p{N}+)*(?:\p{L}{1,2}\b)?|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string, base: number, paragraph: number): Token[] {
  const tokens: Token[] = [];
  // exec on the one global pattern, not matchAll, which copies the pattern for every paragraph.
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(text); match !== null; match = TOKEN_PATTERN.exec(text)) {
    const word = match[0];
    const start = base + match.index;
    const c = word.charCodeAt(0);
    // ASCII first: most tokens are, and a character-code test is far cheaper than a Unicode regex.
    const upperAscii = c >= 65 && c <= 90;
    const isWord =
      upperAscii || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && /[\p{L}\p{N}]/u.test(word[0] ?? ''));
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      isWord,
      cap: upperAscii || (isWord && c > 127 && /^\p{Lu}/u.test(word)),
      paragraph,
      sentence: -1,
      quote: -1,
    });
  }
  return tokens;
}

/** "Obama's" → "Obama"; the possessive is a separate fact about the mention. */
export function withoutPossessive(word: string): { base: string; possessive: boolean } {
  const m = /^(.+?)['’]s$/.exec(word);
  if (m?.[1]) return { base: m[1], possessive: true };
  if (/s['’]$/.test(word)) return { base: word.slice(0, -1), possessive: true };
  return { base: word, possessive: false };
}
