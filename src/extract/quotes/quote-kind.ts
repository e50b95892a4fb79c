// Direct or partial, and whether quoted words are speech at all.

import type { LanguagePack } from '../language/pack.ts';
import { isCueToken } from '../text/article-index.ts';
import type { Token } from '../text/tokens.ts';
import type { AttributionPattern, FoundQuote } from './found.ts';

/** Where a quotation sits: its marks, the words around it, its sentence. */
export interface QuoteWindow {
  /** Index of the quotation in the article's quote spans. */
  quote: number;
  open: number;
  inner: number;
  close: number;
  floor: number;
  limit: number;
  sentenceFirst: number;
  sentence: number;
}

/**
 * "Meet the Press", "The X-Files": short title-cased quotations name works,
 * not words anyone said.
 */
export function looksLikeWorkTitle(text: string): boolean {
  // "But why?", "Is he off the list?": a question or an exclamation is something said.
  if (/[?!]["”’']*$/.test(text.trim()) && !/^\p{Lu}\S*(\s+\p{Lu}\S*)+[?!]$/u.test(text.trim())) return false;
  const words = text
    .replace(/[.,!?;:]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 8 || !/^[\p{Lu}\p{N}]/u.test(words[0] ?? '')) return false;
  // "For me,", "Word is,", "We'll see,": only the first word capitalised is a sentence, not title case.
  if (words.length > 1 && words.slice(1).every((w) => !/^[\p{Lu}\p{N}]/u.test(w))) return false;
  const significant = words.filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 4 || /^\p{Lu}/u.test(w));
  const capitalised = significant.filter((w) => /^[\p{Lu}\p{N}]/u.test(w));
  return significant.length > 0 && capitalised.length === significant.length;
}

/**
 * Partial when the quotation is woven into a sentence: a word of the
 * sentence runs straight into it, or out of it without an attribution.
 */
export function quoteKind(
  tokens: Token[],
  w: QuoteWindow,
  pattern: AttributionPattern,
  text: string,
  lang: LanguagePack,
): 'direct' | 'partial' {
  const before = tokens[w.open - 1];
  const after = tokens[w.close];
  const introduced =
    !before ||
    before.sentence !== w.sentence ||
    [',', ':', '—', '–', '(', '-'].includes(before.text) ||
    isCueToken(before, lang);
  const wovenAfter =
    !!after && after.sentence === w.sentence && after.isWord && pattern !== 'trailing' && !/[,.?!]$/.test(text);
  if (!introduced) return 'partial';
  if (wovenAfter) return 'partial';
  const words = text.split(/\s+/).length;
  const attributedAsSpeech = pattern === 'trailing' || pattern === 'leading' || pattern === 'according';
  if (words <= 3 && !attributedAsSpeech && before?.text !== ':' && !/[.?!]$/.test(text)) return 'partial';
  return 'direct';
}

/** An attributed quotation, or a nickname someone gave ("called her an ''Aunt Tom''"), is kept even when title-cased. */
export function givesAName(q: FoundQuote): boolean {
  if (q.pattern === 'trailing' || q.pattern === 'leading') return true;
  return (
    q.pattern === 'embedded' &&
    /^(called|calls|calling|dubbed|dubs|labeled|labelled|nicknamed|branded|named|referred|refers|referring|termed|coined)$/.test(
      q.cue ?? '',
    )
  );
}
