// What the reported-speech patterns share: where a reported clause may start
// after its verb, and whether the words before a verb can be a speaker.

import type { CueInfo, LanguagePack } from '../language/pack.ts';
import { type ArticleIndex, isCueAt } from '../text/article-index.ts';
import type { Sentence } from '../text/document.ts';
import type { Token } from '../text/tokens.ts';
import { clauseEnd, LEADING_CONJUNCTIONS, looksLikeClause, MIN_CLAUSE_TOKENS } from './clause.ts';
import type { ReportedCandidate as Candidate } from './patterns/unit.ts';
import { subjectBefore, type SpeakerPhrase } from './speaker-phrase.ts';

export const THAT_WINDOW = 10;
/** Verbs that put their subject after them: "…, said Dan Gerstein". */
export const INVERTING_LEMMAS = new Set([
  'say',
  'add',
  'write',
  'note',
  'explain',
  'argue',
  'insist',
  'continue',
  'conclude',
  'reply',
  'counter',
  'recall',
  'warn',
  'observe',
  'remark',
  'ask',
  'declare',
  'report',
]);

/**
 * A speech verb at k that can introduce reported speech: not "…," he said
 * right after a quotation (that attributes the quotation), and a verb that
 * reports ("said", "warned") or asks.
 */
export function reportingCue(index: ArticleIndex, s: Sentence, k: number, hasQuote: boolean): CueInfo | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  const t = tokens[k];
  if (!t || t.quote >= 0 || !isCueAt(tokens, k, lang)) return null;
  const cue = index.doc.language.cues.speechCue(t.lower);
  if (!cue || (!cue.reports && cue.lemma !== 'ask')) return null;
  // The first cue right after a quotation ("…," he said) attributes that quotation; a later one
  // ("…," he said, arguing that …) may report something else.
  if (hasQuote && attributesQuotation(tokens, s.firstToken, k, lang)) return null;
  return cue;
}

function attributesQuotation(tokens: Token[], first: number, k: number, lang: LanguagePack): boolean {
  for (let i = k - 1; i >= first && k - i <= 5; i--) {
    const t = tokens[i];
    if (!t) break;
    if (t.quote >= 0 || /["”“'’]/.test(t.text)) return true;
    if (isCueAt(tokens, i, lang)) return false;
  }
  return false;
}

/** "In particular, he said, the foundation had …": the attribution interrupts the clause. */
export function interrupted(
  index: ArticleIndex,
  s: Sentence,
  comma: number,
  k: number,
  phrase: SpeakerPhrase,
): Candidate | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  const after = Math.max(phrase.endToken, k + 1);
  if (tokens[after]?.text !== ',') return null;
  const end = clauseEnd(tokens, after + 1, s.endToken, lang);
  // "In particular, he said, the foundation …" reports what follows the aside;
  // "The noise, she added, starts at six" reports the whole sentence around it.
  const opener = tokens[s.firstToken];
  const adverbialLead =
    comma - s.firstToken <= 3 &&
    !!opener &&
    (index.doc.language.words.prepositions.has(opener.lower) ||
      index.doc.language.words.lexiconTags(opener.lower).includes('Adverb') ||
      LEADING_CONJUNCTIONS.has(opener.lower));
  const first = adverbialLead ? after + 1 : s.firstToken;
  // "Sales were great, he said, wiping his face": what follows the aside is the reporter's, not the report.
  const resumesClause = /^(had|has|have|was|were|is|are|would|will|could|should|can|may|might|must)$/.test(
    tokens[after + 1]?.lower ?? '',
  );
  if (
    !adverbialLead &&
    !resumesClause &&
    looksLikeClause(tokens, s.firstToken, comma, lang) &&
    !looksLikeClause(tokens, after + 1, end, lang, true)
  ) {
    return { first: s.firstToken, end: comma, cue: tokens[k]?.lower ?? 'said', phrase };
  }
  if (!looksLikeClause(tokens, first, end, lang, true)) return null;
  return { first, end, cue: tokens[k]?.lower ?? 'said', phrase };
}

/**
 * "According to AP, analysts find the proposition to be a ploy": the
 * source reports what the analysts hold, so the analysts are the speaker.
 */
export function innerHolder(index: ArticleIndex, first: number, end: number): Candidate | null {
  const { tokens } = index.doc;
  for (let k = first + 1; k < Math.min(end, first + 6); k++) {
    const t = tokens[k];
    if (!t || !VIEW_VERBS.has(t.lower)) continue;
    const holder = subjectBefore(index, k, first);
    if (!holder || (holder.kind !== 'group' && holder.kind !== 'role' && holder.kind !== 'name')) return null;
    let start = k + 1;
    if (tokens[start]?.lower === 'that') start++;
    if (end - start < MIN_CLAUSE_TOKENS) return null;
    return { first: start, end, cue: t.lower, phrase: holder };
  }
  return null;
}

export function speakerLike(phrase: SpeakerPhrase, tokens: Token[]): boolean {
  if (phrase.kind === 'pronoun') return phrase.head !== 'it' || true;
  if (phrase.kind === 'other') return tokens[phrase.endToken - 1]?.cap === true;
  return true;
}

export function isPassive(tokens: Token[], k: number): boolean {
  const prev = tokens[k - 1];
  return !!prev && /^(was|were|been|being|is|are|be|get|got)$/.test(prev.lower);
}

export function followsConjunction(tokens: Token[], k: number): boolean {
  return /^(and|but|or)$/.test(tokens[k - 1]?.lower ?? '');
}

export function findWithin(tokens: Token[], from: number, to: number, test: (t: Token) => boolean): number {
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t || (t.text === ',' && !test(t))) {
      if (t?.text === ',') continue;
      return -1;
    }
    if (test(t)) return i;
  }
  return -1;
}

/** Between a verb and "that" only time, place and manner: "on Tuesday in a statement". */
export function adverbialOnly(
  language: LanguagePack,
  tokens: Token[],
  from: number,
  to: number,
  allowObject: boolean,
): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t) return false;
    if (!t.isWord) continue;
    const tags = language.words.lexiconTags(t.lower);
    if (!allowObject && tags.some((x) => x === 'PastTense' || x === 'Copula' || x === 'Modal')) return false;
  }
  return true;
}

export function skipAdverbials(language: LanguagePack, tokens: Token[], from: number, to: number): number {
  let i = from;
  while (i < to) {
    const t = tokens[i];
    if (!t?.isWord) break;
    const tags = language.words.lexiconTags(t.lower);
    const timeWord =
      tags.some((x) => x === 'WeekDay' || x === 'Month' || x === 'Date') ||
      /^(today|yesterday|tonight|recently|earlier|later|previously|privately|publicly|repeatedly|again|also|last|this|on|friday|monday|tuesday|wednesday|thursday|saturday|sunday)$/.test(
        t.lower,
      );
    if (!timeWord) break;
    i++;
  }
  return i;
}

/** After "told": the person told ("reporters", "CNN", "him"), then the clause. */
export function skipObject(index: ArticleIndex, from: number, to: number): number {
  const { tokens } = index.doc;
  const t = tokens[from];
  if (!t) return -1;
  const m =
    index.mentionStartingAt.get(from) ??
    (/^(the|a|an)$/.test(t.lower) ? index.mentionStartingAt.get(from + 1) : undefined);
  // "told CNN", "told the National Post" — but "told USA TODAY's weekly series" goes on past the name.
  if (m && !m.possessive) return m.endToken;
  if (
    /^(him|her|them|me|us|you|reporters|journalists|supporters|voters|listeners|viewers|lawmakers|members|investigators|agents|officials)$/.test(
      t.lower,
    )
  )
    return from + 1;
  if (m || /^(the|a|an|his|her|their)$/.test(t.lower)) {
    for (let i = from + 1; i < Math.min(to, from + 8); i++) {
      const w = tokens[i];
      if (w?.isWord && (index.doc.language.words.pronouns.has(w.lower) || /^(he|she|they|we|it|i)['’]/.test(w.lower)))
        return i;
    }
  }
  return -1;
}

/** Verbs by which a group holds or voices a view: "According to AP, analysts find …". */
const VIEW_VERBS = new Set([
  'say',
  'says',
  'said',
  'find',
  'found',
  'believe',
  'believes',
  'think',
  'thinks',
  'agree',
  'agreed',
  'expect',
  'expects',
  'argue',
  'argued',
  'consider',
  'considers',
  'see',
  'suspect',
  'suspects',
  'warn',
  'warned',
  'predict',
  'predicted',
]);
