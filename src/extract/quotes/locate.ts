// Small positional helpers shared by the quote stages.

import { PRONOUNS, PREPOSITIONS, type ArticleIndex } from '../text/article-index.ts';
import type { Token } from '../text/tokens.ts';
import { phraseEndingAt, type SpeakerPhrase } from './speaker-phrase.ts';

/** Index of the first token starting at or after `offset` (tokens.length if none). */
export function firstTokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? Infinity) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The subject of a sentence's main clause, for participle cues: in "Clinton
 * tweeted congratulations, adding …" the speaker of "adding" is Clinton.
 */
export function mainSubject(index: ArticleIndex, from: number, before: number): SpeakerPhrase | null {
  const { tokens } = index.doc;
  for (let k = from; k < before; k++) {
    const t = tokens[k];
    if (!t || t.quote >= 0) continue;
    const m = index.mentionStartingAt.get(k);
    const prev = tokens[k - 1];
    const isObject = prev && k > from && PREPOSITIONS.has(prev.lower);
    if (m && !m.inQuote && !m.possessive && !isObject && m.kind !== 'place') return phraseEndingAt(index, m.endToken - 1, k);
    if (t.isWord && PRONOUNS.has(t.lower) && !isObject) return phraseEndingAt(index, k, k);
  }
  return null;
}
