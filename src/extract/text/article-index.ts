// Lookups over the analysed text that several stages share: which name
// mention starts or ends at a token, and small token predicates.

import type { NameMention } from '../entities/mention-types.ts';
import { datelineEnd } from '../styles/index.ts';
import type { LanguagePack } from '../language/pack.ts';
import type { ArticleText } from './document.ts';
import type { Token } from './tokens.ts';

export interface ArticleIndex {
  doc: ArticleText;
  mentions: NameMention[];
  mentionStartingAt: Map<number, NameMention>;
  mentionEndingAt: Map<number, NameMention>;
}

export function indexArticle(doc: ArticleText, mentions: NameMention[]): ArticleIndex {
  const mentionStartingAt = new Map<number, NameMention>();
  const mentionEndingAt = new Map<number, NameMention>();
  mentions.forEach((m, i) => {
    mentionStartingAt.set(m.firstToken, m);
    mentionEndingAt.set(m.endToken - 1, m);
    // "Retired Army Col. Lawrence Wilkerson": reading from the start of the run finds the person.
    const next = mentions[i + 1];
    if (
      next &&
      next.kind === 'person' &&
      next.titles.length > 0 &&
      next.firstToken === m.endToken &&
      m.kind !== 'person'
    ) {
      mentionStartingAt.set(m.firstToken, next);
    }
  });
  return { doc, mentions, mentionStartingAt, mentionEndingAt };
}

export function isCueToken(t: Token | undefined, lang: LanguagePack): boolean {
  return !!t && t.isWord && t.quote < 0 && lang.cues.speechCue(t.lower) !== undefined;
}

/**
 * A cue word used as a verb here, not as a noun: "the FBI's report", "his
 * remarks", "a tweet" are nouns; "Obama said", "the agency reported" verbs.
 */
export function isCueAt(tokens: readonly Token[], k: number, lang: LanguagePack): boolean {
  const t = tokens[k];
  // The test of isCueToken, keeping the cue it finds.
  const cue = t?.isWord && t.quote < 0 ? lang.cues.speechCue(t.lower) : undefined;
  if (!t || cue === undefined) return false;
  const prev = tokens[k - 1];
  const context = lang.cues.context;
  // "the movement continues to grow", "added to the list": a cue followed by "to" is not introducing speech.
  if (tokens[k + 1]?.lower === 'to' && context.notBeforeTo.has(cue.lemma)) return false;
  // "went on to say" is speech; "decided to add the plank to the platform" is not.
  // "was quick to admit that": an adjective that takes the infinitive leaves it a speech verb.
  if (
    prev?.lower === 'to' &&
    !context.toSpeechLemmas.has(cue.lemma) &&
    !lang.cues.infinitiveAdjectives.has(tokens[k - 2]?.lower ?? '')
  )
    return false;
  if (isParticiple(tokens, k, cue.lemma, lang)) return false;
  // "…, adding that", "is now claiming", "after telling" are speech; "with the economy adding jobs" is not.
  if (/ing$/.test(t.lower) && prev && !gerundIsSpeech(tokens, k, lang)) return false;
  if (!prev?.isWord) return true;
  if (context.nounDeterminers.has(prev.lower)) return false;
  // "a thunderous chant of", "his latest claims": an adjective between a determiner and the word makes it a noun.
  const prev2 = tokens[k - 2];
  if (prev2 && context.nounDeterminers.has(prev2.lower) && !prev.cap && isAdjective(prev.lower, lang)) return false;
  return !/['’]s$/.test(prev.text) || lang.words.pronouns.has(prev.lower);
}

/**
 * "Tom Reed, accused of stealing the van, denied …", "Anna Voss, declared the
 * winner on Friday, said …": a past participle describing someone, not a verb of speech.
 */
export function isParticipleAt(tokens: readonly Token[], k: number, lang: LanguagePack): boolean {
  const t = tokens[k];
  const cue = t?.isWord ? lang.cues.speechCue(t.lower) : undefined;
  return !!cue && isParticiple(tokens, k, cue.lemma, lang);
}

function isParticiple(tokens: readonly Token[], k: number, lemma: string, lang: LanguagePack): boolean {
  const context = lang.cues.context;
  const t = tokens[k];
  const next = tokens[k + 1]?.lower ?? '';
  if (!t || !/(ed|told|written)$/.test(t.lower) || !context.participleLemmas.has(lemma)) return false;
  // "accused of", "told by"; but "responded by saying", "warned of" are speech.
  if (next === 'of' || next === 'by') return true;
  // "Anna Voss, declared the winner, said"; but "Ben Jealous, a former president, told the Post".
  return tokens[k - 1]?.text === ',' && context.describingLemmas.has(lemma) && context.participleComplements.has(next);
}

function isAdjective(lower: string, lang: LanguagePack): boolean {
  const tags = lang.words.lexiconTags(lower);
  if (tags.some((t) => t === 'Singular' || t === 'Plural' || t === 'Noun' || t === 'Actor' || t === 'Uncountable'))
    return false;
  return (
    tags.some((t) => t === 'Adjective' || t === 'Comparative' || t === 'Superlative') ||
    (tags.length === 0 && /(ous|ful|ive|ic|less|able|ible)$/.test(lower))
  );
}

function gerundIsSpeech(tokens: readonly Token[], k: number, lang: LanguagePack): boolean {
  const context = lang.cues.context;
  // "needled the "reporter," saying": a closing quote mark after the comma still leaves the participle after a comma.
  const mark = /^["”’']$/.test(tokens[k - 1]?.text ?? '') ? 1 : 0;
  const prev = tokens[k - 1 - mark];
  const prev2 = tokens[k - 2 - mark];
  if (!prev) return true;
  if (context.participleOpeners.has(prev.lower) || context.beForms.has(prev.lower)) return true;
  // "released a statement saying that …", "posted a tweet saying": a written statement speaks.
  if (context.statementCarriers.has(prev.lower)) return true;
  return !!prev2 && context.beForms.has(prev2.lower) && /ly$|^(now|also|still|again|not)$/.test(prev.lower);
}

export function tokenAt(index: ArticleIndex, i: number): Token | undefined {
  return index.doc.tokens[i];
}

/**
 * "PORT CALDER — …", "WASHINGTON, Dec. 8 (UPI) — …", "Pune, Mar 4 (PTI) …":
 * where a sentence starts once the dateline that opens it is skipped (`from`
 * when there is none). The house-style registry decides what a dateline is.
 */
export function afterDateline(doc: ArticleText, from: number, to: number): number {
  const end = datelineEnd(doc.tokens, from);
  return end < to ? end : from;
}
