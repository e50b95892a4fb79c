// Is this stretch a clause someone could have said? Shape tests for reported
// content: it has a finite verb, it does not open like a subordinate clause,
// and it ends where the reporter's own words resume.

import type { LanguagePack } from '../language/pack.ts';
import { isCueAt } from '../text/article-index.ts';
import type { Token } from '../text/tokens.ts';

export const MIN_CLAUSE_TOKENS = 4;
/** Tokens that end reported content when they follow a comma. */
const CLAUSE_BREAKERS = new Set([
  'which',
  'who',
  'whom',
  'citing',
  'adding',
  'saying',
  'noting',
  'while',
  'although',
  'though',
  'according',
  'as',
]);
/** Finite verbs: a clause has one ("is", "would", "fired", "leads"). */
export const VERB_TAGS = ['Copula', 'Modal', 'Auxiliary', 'PastTense', 'PresentTense'];
/** Subordinate openers: "As Election Day nears, …" is not something anyone said. */
const SUBORDINATE_OPENERS = new Set([
  'as',
  'when',
  'while',
  'after',
  'before',
  'if',
  'although',
  'though',
  'because',
  'since',
  'once',
  'until',
  'unless',
  'asked',
  'like',
  'despite',
  'during',
  'soon',
  'following',
  'speaking',
  'and',
  'but',
  'or',
  'who',
  'which',
  'where',
  'why',
  'how',
]);
const NOT_A_CLAUSE_START = new Set([
  'to',
  'by',
  'of',
  'about',
  'for',
  'with',
  'in',
  'on',
  'at',
  'so',
  'yes',
  'no',
  'nothing',
  'something',
  'anything',
  'goodbye',
  'hello',
  'sorry',
  'thanks',
  'ok',
  'okay',
]);
export const LEADING_CONJUNCTIONS = new Set(['but', 'and', 'yet', 'so', 'still', 'however']);

/** The reported clause ends at the sentence end, or where an appended remark begins. */
export function clauseEnd(tokens: Token[], from: number, to: number, lang: LanguagePack): number {
  let end = to;
  while (end > from && !tokens[end - 1]?.isWord && !/[)\]%$]/.test(tokens[end - 1]?.text ?? '')) end--;
  for (let i = from + 1; i < end; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (!t || !next) break;
    if (t.text === ';' || t.text === ':') return i;
    // ", he maintained that …": a new attribution starts a new report.
    if (t.text === ',' && [1, 2, 3].some((d) => isCueAt(tokens, i + d, lang) && i + d < end)) return i;
    if (t.text === ',' && CLAUSE_BREAKERS.has(next.lower)) return i;
    if ((t.text === '—' || t.text === '--') && i > from + 3) return i;
    // ", and the downgrade is …" starts a new statement; ", and that …" continues the reported one.
    if (t.text === ',' && next.lower === 'and' && tokens[i + 2]?.lower !== 'that' && i > from + 3) return i;
    // ", but the campaign refused …" is the reporter talking again; ", but the U.S. must …" is still the report.
    if (t.text === ',' && next.lower === 'but' && i > from + 3 && !modalFollows(tokens, i + 2, end)) return i;
    if (t.lower === 'and' && isCueAt(tokens, i + 1, lang) && lang.cues.speechCue(next.lower)?.reports) return i;
  }
  return end;
}

function modalFollows(tokens: Token[], from: number, end: number): boolean {
  for (let i = from; i < Math.min(end, from + 6); i++) {
    if (/^(must|should|would|could|will|can|may|might|shall)$/.test(tokens[i]?.lower ?? '')) return true;
  }
  return false;
}

/** `anyOpener`: the clause follows an explicit "that", so it may open with anything. */
export function looksLikeClause(
  tokens: Token[],
  from: number,
  end: number,
  lang: LanguagePack,
  anyOpener = false,
): boolean {
  if (end - from < MIN_CLAUSE_TOKENS) return false;
  const first = tokens[from];
  if (!first?.isWord) return false;
  // "countries he said had sent …": a clause that opens on a verb has lost its subject to a relative clause.
  if (
    /^(had|has|have|was|were|is|are|would|will|could|should|can|may|might|must|did|does|do|been|being)$/.test(
      first.lower,
    )
  )
    return false;
  const noOne = first.lower === 'no' && tokens[from + 1]?.lower === 'one'; // "no one was hurt" is a clause; "no arrests" is not
  if (!anyOpener && !noOne && (NOT_A_CLAUSE_START.has(first.lower) || SUBORDINATE_OPENERS.has(first.lower)))
    return false;
  let verb = false;
  for (let i = from; i < end; i++) {
    const t = tokens[i];
    if (!t || t.quote >= 0) return false;
    if (!verb && finiteAt(tokens, i, lang)) {
      // "declared a state of emergency and opened two shelters": the verb belongs to the reporter's subject.
      if (!anyOpener && i > from && /^(and|or|but)$/.test(tokens[i - 1]?.lower ?? '') && opensObject(tokens[i + 1]))
        return false;
      verb = true;
    }
  }
  return verb;
}

/** A determiner or a number: what follows a verb that takes an object ("opened two shelters"). */
function opensObject(t: Token | undefined): boolean {
  return (
    !!t &&
    (/^(a|an|the|two|three|four|five|several|many|some|its|his|her|their|new)$/.test(t.lower) || /^\p{N}/u.test(t.text))
  );
}

/**
 * compromise's lexicon lists base and irregular forms only, so regular
 * inflections are recognised by shape: "planned", "make" after a subject.
 */
export function looksFinite(t: Token, prev: Token | undefined, lang: LanguagePack): boolean {
  const tags = lang.words.lexiconTags(t.lower);
  if (tags.some((x) => VERB_TAGS.includes(x))) return true;
  // The lexicon knows many verbs only as nouns ("stop", "starts"); right after a pronoun they are verbs.
  if (prev?.isWord && lang.words.pronouns.has(prev.lower) && (tags.includes('Singular') || tags.includes('Plural')))
    return true;
  if (/^(is|was|are|were|has|have|had|will|would|could|should|can|may|might|must|did|does|do)$/.test(t.lower))
    return true;
  if (/['’](d|s|ll|re|ve|m)$/.test(t.lower) && lang.words.pronouns.has(t.lower.replace(/['’].*$/, ''))) return true;
  if (/n['’]t$/.test(t.lower)) return true;
  if (/[a-z]{3,}ed$/.test(t.lower) && !tags.includes('Plural')) return true;
  if (!prev?.isWord) return false;
  const prevTags = lang.words.lexiconTags(prev.lower);
  // After a pronoun or a plural noun a bare verb form is finite ("they make", "outlets undercount");
  // after a name only an inflected one is ("Trump undercounts"), since names also modify nouns ("a Sanders supporter").
  if (lang.words.pronouns.has(prev.lower) || prevTags.includes('Plural'))
    return tags.includes('Infinitive') || tags.length === 0;
  const isName =
    prev.cap &&
    !prevTags.some((x) => x === 'Determiner' || x === 'Preposition' || x === 'Conjunction' || x === 'Adverb');
  return isName && tags.length === 0 && /[a-z](s|ed)$/.test(t.lower);
}

/** Like looksFinite, but lets an adverb stand between subject and verb: "the trucks never stop". */
export function finiteAt(tokens: Token[], i: number, lang: LanguagePack): boolean {
  const t = tokens[i];
  if (!t?.isWord || t.cap) return false;
  if (looksFinite(t, tokens[i - 1], lang)) return true;
  const prev = tokens[i - 1];
  if (!prev || !/^(never|not|also|still|always|often|just|only|already|now|usually|rarely)$|ly$/.test(prev.lower))
    return false;
  // "the trucks never stop": an adverb between a subject and what must then be its verb.
  const subject = tokens[i - 2];
  return (
    !!subject && subject.isWord && !lang.words.prepositions.has(subject.lower) && !/^(the|a|an)$/.test(subject.lower)
  );
}

export function tailIsAdverbial(
  tokens: Token[],
  from: number,
  to: number,
  allowAppositive: boolean,
  lang: LanguagePack,
): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t) break;
    if (t.text === ',') {
      if (!allowAppositive) return false;
      // "said Dan Gerstein, director of …": an appositive (no verb of its own) may follow to the end.
      const rest = tokens.slice(i + 1, to);
      return !rest.some((x, j) => x.isWord && (isCueLike(x, lang) || (!x.cap && looksFinite(x, rest[j - 1], lang))));
    }
    if (t.isWord && lang.words.lexiconTags(t.lower).some((x) => x === 'PastTense' || x === 'Copula' || x === 'Modal'))
      return false;
  }
  return true;
}

export function isCueLike(t: Token, lang: LanguagePack): boolean {
  return lang.cues.speechCue(t.lower) !== undefined;
}
