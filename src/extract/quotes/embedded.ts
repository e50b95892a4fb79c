// The embedded pattern: a quotation woven into a sentence whose speech verb,
// framing verb or statement noun stands elsewhere in it — X said it was a
// "mistake", X called it "outrageous", his claim that "…", "…" that Sanders
// can win, said X — and whether a title-cased quotation inside a report is
// part of the words reported.

import type { LanguagePack } from '../language/pack.ts';
import { type ArticleIndex, isCueAt, isCueToken } from '../text/article-index.ts';
import type { Token } from '../text/tokens.ts';
import { finiteAt } from './clause.ts';
import type { FoundQuote } from './found.ts';
import { cueText, type Explicit, nameOnly } from './explicit.ts';
import { firstTokenAtOrAfter } from './locate.ts';
import { POSSESSIVE_PRONOUNS, pronounPhrase } from './noun-phrase.ts';
import type { QuoteWindow } from './quote-kind.ts';
import { firstSubject, speakerAfterVerb, subjectBefore } from './speaker-phrase.ts';

const EMBEDDED_CUE_WINDOW = 30;

/** X said it was a "mistake"; "…" that Sanders can win, said X. */
export function embedded(index: ArticleIndex, w: QuoteWindow): Explicit | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  for (let c = w.open - 1; c >= w.floor && w.open - c <= EMBEDDED_CUE_WINDOW; c--) {
    const t = tokens[c];
    if (!t || t.quote >= 0) continue;
    if (t.lower === 'according' && tokens[c + 1]?.lower === 'to') {
      const phrase = speakerAfterVerb(index, c + 2, w.open);
      if (phrase) return { phrase, pattern: 'according', cue: 'according to', via: 'according-before' };
    }
    const owned = ownedStatement(index, c, w.open, w.sentenceFirst);
    if (owned) return owned;
    if (!isCueAt(tokens, c, lang) && !(t.isWord && lang.cues.framingVerbs.has(t.lower) && isCueAtLike(tokens, c)))
      continue;
    // "Clinton told the meeting … while her opponent wants to "take America backward"": wanting is no speech, so
    // inside someone's report the words are the reporter's.
    if (/^(wants|wanted|want)$/.test(t.lower) && reportedBefore(tokens, w.sentenceFirst, c, lang)) continue;
    // ", calling it a "special place"": a participle, spoken or framing, has the sentence's subject.
    const participle =
      lang.cues.speechCue(t.lower)?.participle || (/ing$/.test(t.lower) && tokens[c - 1]?.text === ',');
    const phrase = participle ? firstSubject(index, w.sentenceFirst, c) : subjectBefore(index, c, w.sentenceFirst);
    if (phrase) return { phrase, pattern: 'embedded', cue: cueText(tokens, c) };
  }
  for (let c = w.close; c < w.limit && c - w.close <= EMBEDDED_CUE_WINDOW; c++) {
    if (!isCueAt(tokens, c, lang)) continue;
    // "needled the "reporter," saying, "…"": a participle right before the next quotation introduces that one.
    if (lang.cues.speechCue(tokens[c]?.lower ?? '')?.participle && introducesNextQuotation(tokens, c, w.limit))
      return null;
    const phrase = speakerAfterVerb(index, c + 1, w.limit) ?? subjectBefore(index, c, w.close);
    if (phrase?.kind === 'other' && !tokens[phrase.firstToken]?.cap) continue;
    if (phrase) return { phrase, pattern: 'embedded', cue: cueText(tokens, c) };
  }
  return null;
}

function reportedBefore(tokens: Token[], from: number, to: number, lang: LanguagePack): boolean {
  for (let k = from; k < to; k++)
    if (isCueAt(tokens, k, lang) && lang.cues.speechCue(tokens[k]?.lower ?? '')?.reports) return true;
  return false;
}

/**
 * "CBS said it was canceling the low-rated "Rush Hour."": a title inside what
 * someone reports (after the speech verb, within a clause of its own) is part
 * of their words; one in the attribution ("said on NBC's "Meet the Press"") is not.
 */
export function insideReport(index: ArticleIndex, q: FoundQuote): boolean {
  const lang = index.doc.language;
  if (q.pattern !== 'embedded' || !lang.cues.speechCue(q.cue ?? '')?.reports) return false;
  const { tokens } = index.doc;
  const open = firstTokenAtOrAfter(tokens, q.span.open);
  for (
    let c = open - 1;
    c >= 0 && open - c <= EMBEDDED_CUE_WINDOW && tokens[c]?.sentence === tokens[open]?.sentence;
    c--
  ) {
    if (!isCueAt(tokens, c, lang)) continue;
    for (let k = c + 1; k < open; k++) if (finiteAt(tokens, k, lang) && !isCueToken(tokens[k], lang)) return true;
    return false;
  }
  return false;
}

/** Nouns for something someone said: "his claim that …", "her March comment that, "…"". */
const STATEMENT_NOUNS = new Set([
  'claim',
  'claims',
  'comment',
  'comments',
  'assertion',
  'warning',
  'remark',
  'remarks',
  'statement',
  'promise',
  'pledge',
  'vow',
  'argument',
  'suggestion',
  'insistence',
  'declaration',
  'accusation',
  'boast',
  'prediction',
  'contention',
  'admission',
  'complaint',
  'observation',
  'charge',
  'allegation',
  'threat',
  'announcement',
]);
const MONTHS_AND_DAYS =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/**
 * "De Blasio repeated his claim that "profit-making" was …", "Trump's claim
 * that Obama "founded ISIS"": a statement noun with an owner, then "that" (or
 * the quotation itself), makes the owner the speaker.
 */
function ownedStatement(index: ArticleIndex, c: number, open: number, sentenceFirst: number): Explicit | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  const noun = tokens[c];
  if (!noun?.isWord || noun.cap || !STATEMENT_NOUNS.has(noun.lower)) return null;
  // "The lawmaker said Trump's remarks "have had …"": inside someone's report, the words are the reporter's.
  for (let k = sentenceFirst; k < c; k++) if (isCueAt(tokens, k, lang)) return null;
  const between = tokens.slice(c + 1, open).filter((t) => t.isWord);
  if (between.length > 0 && !between.some((t) => t.lower === 'that')) return null;
  if (between.some((t) => isCueToken(t, lang))) return null;
  // The owner stands at most two words before the noun: "her March comment", "his recent warning".
  for (let k = c - 1; k >= Math.max(0, c - 3); k--) {
    const t = tokens[k];
    if (!t?.isWord || t.quote >= 0) return null;
    const pronoun = POSSESSIVE_PRONOUNS.get(t.lower);
    if (pronoun) return { phrase: pronounPhrase(k, pronoun), pattern: 'embedded', cue: noun.lower };
    if (MONTHS_AND_DAYS.test(t.lower)) continue;
    const m = index.mentionEndingAt.get(k);
    if (m?.possessive && !m.inQuote) return { phrase: nameOnly(index, m), pattern: 'embedded', cue: noun.lower };
    if (m || lang.words.determiners.has(t.lower) || lang.words.prepositions.has(t.lower)) return null;
  }
  return null;
}

function introducesNextQuotation(tokens: Token[], c: number, limit: number): boolean {
  for (let k = c + 1; k < Math.min(limit + 3, c + 4); k++) if ((tokens[k]?.quote ?? -1) >= 0) return true;
  return false;
}

/** A framing verb ("called") is a verb unless a determiner makes it a noun. */
function isCueAtLike(tokens: Token[], c: number): boolean {
  const prev = tokens[c - 1];
  return !prev || !/^(the|a|an|his|her|its|their|our|my|your|this|that)$/.test(prev.lower);
}
