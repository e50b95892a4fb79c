// Noun phrases that can name a speaker, read backwards from their last word
// or built from a known span: names, pronouns, role nouns ("the spokesman"),
// groups ("analysts"), organization nouns ("the company") and documents.

import type { LanguagePack } from '../language/pack.ts';
import type { NameMention } from '../entities/mention-types.ts';
import { type ArticleIndex, isCueToken } from '../text/article-index.ts';
import type { Token } from '../text/tokens.ts';
import { VERB_TAGS } from './clause.ts';

export type PhraseKind = 'name' | 'pronoun' | 'role' | 'group' | 'organization-noun' | 'document' | 'other';

export interface SpeakerPhrase {
  kind: PhraseKind;
  firstToken: number;
  endToken: number;
  mention: NameMention | null;
  /** Lower-case head word: "spokesman", "he", "obama". */
  head: string;
  /** An organization named inside a role phrase: "Foreign Ministry" in "a Foreign Ministry spokesman". */
  innerOrganization: NameMention | null;
  /** "the/this/his spokesman" (refers back) rather than "a spokesman" (introduces). */
  definite: boolean;
  /** Whose it is: "Sanders' email" (a possessive name) or "her statement" (a possessive pronoun). */
  owner?: { mention: NameMention } | { pronoun: 'he' | 'she' | 'it' } | null;
}

/** Possessive pronouns, and the pronoun for their owner: "his" → "he". */
export const POSSESSIVE_PRONOUNS: ReadonlyMap<string, 'he' | 'she' | 'it'> = new Map<string, 'he' | 'she' | 'it'>([
  ['his', 'he'],
  ['her', 'she'],
  ['its', 'it'],
]);

export const MAX_NP_TOKENS = 8;

export function phraseKindOfHead(head: string, lang: LanguagePack): PhraseKind {
  if (lang.words.pronouns.has(head)) return 'pronoun';
  if (lang.roles.personRoleNouns.has(head)) return 'role';
  if (lang.roles.groupRoleNouns.has(head)) return 'group';
  if (lang.roles.documentNouns.has(head)) return 'document';
  if (lang.roles.organizationNouns.has(head)) return 'organization-noun';
  if (lang.words.isRoleNounInLexicon(head)) return lang.words.lexiconTags(head).includes('Plural') ? 'group' : 'role';
  return 'other';
}

/** A speaker phrase whose last token is j. */
export function phraseEndingAt(index: ArticleIndex, end: number, floor: number): SpeakerPhrase | null {
  const lang = index.doc.language;
  let j = end;
  const { tokens } = index.doc;
  let t = tokens[j];
  // "Rep. Elias Cumming (D-Md.)": a parenthetical after a name is no part of the phrase.
  if (t?.text === ')') {
    let open = j - 1;
    while (open > floor && j - open < 10 && tokens[open]?.text !== '(') open--;
    if (tokens[open]?.text !== '(') return null;
    j = open - 1;
    t = tokens[j];
  }
  if (!t || j < floor || t.quote >= 0) return null;
  const mention = index.mentionEndingAt.get(j);
  // "The owner of a café on Quay Street says": a street or town after a preposition only says where; the speaker is before it.
  const located =
    mention && !mention.inQuote && mention.firstToken >= floor ? placeModifies(index, mention, floor) : null;
  if (located) return located;
  if (mention && !mention.inQuote && mention.firstToken >= floor) {
    const governed = governingPhrase(index, mention.firstToken, floor);
    if (governed) return namedBeforeAppositive(index, governed, floor) ?? governed;
    const member = personOfOrganization(index, mention, floor);
    if (member) return nameOrNounPhrase(index, member.firstToken, mention.endToken, member);
    return nameOrNounPhrase(index, mention.firstToken, mention.endToken, mention);
  }
  if (!t.isWord) return null;
  if (lang.words.pronouns.has(t.lower)) return t.lower === 'i' ? null : pronounPhrase(j, t.lower);
  if (!couldHeadSpeakerPhrase(t, lang)) return null;
  let k = j;
  while (k - 1 >= floor && j - k < MAX_NP_TOKENS) {
    const prev = tokens[k - 1];
    if (!prev?.isWord || prev.quote >= 0) break;
    if (lang.words.determiners.has(prev.lower)) {
      k--;
      break;
    }
    if (
      lang.words.prepositions.has(prev.lower) ||
      lang.words.clauseWords.has(prev.lower) ||
      isCueToken(prev, lang) ||
      lang.words.pronouns.has(prev.lower) ||
      prev.lower === 'what'
    )
      break;
    k--;
  }
  const phrase = governingPhrase(index, k, floor, j + 1) ?? nounPhrase(index, k, j + 1);
  return phrase ? (namedBeforeAppositive(index, phrase, floor) ?? phrase) : null;
}

const PLACE_PREPOSITIONS = new Set(['in', 'on', 'at', 'near', 'from', 'of', 'off']);

/** The noun phrase a place modifies: "The owner of a café on Quay Street" → "The owner". */
function placeModifies(index: ArticleIndex, place: NameMention, floor: number): SpeakerPhrase | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  let k = place.firstToken - 1;
  if (tokens[k]?.lower === 'the') k--;
  const prep = tokens[k]?.lower ?? '';
  // A one-word name read as a person ("Denholm said") is a town after "in", "on" or "near".
  // So is any name "on" which something stands ("a shop on Elm Grove"): people are not stood on.
  const townAsPerson =
    place.kind === 'person' &&
    place.titles.length === 0 &&
    ((place.nameTokens.length === 1 && /^(in|on|near)$/.test(prep)) || prep === 'on');
  if (place.kind !== 'place' && place.kind !== 'unknown' && !townAsPerson) return null;
  if (!PLACE_PREPOSITIONS.has(prep) || (place.kind !== 'place' && prep === 'of')) return null;
  // Back over "prep NP" links to the first noun phrase of the chain.
  let start = -1;
  for (let steps = 0; steps < 4 && PLACE_PREPOSITIONS.has(tokens[k]?.lower ?? '') && k - 1 >= floor; steps++) {
    const m = index.mentionEndingAt.get(k - 1);
    let i = m && !m.inQuote ? m.firstToken : k - 1;
    if (!m) {
      while (i - 1 >= floor && i > k - 1 - MAX_NP_TOKENS) {
        const prev = tokens[i - 1];
        if (
          !prev?.isWord ||
          prev.quote >= 0 ||
          lang.words.prepositions.has(prev.lower) ||
          lang.words.clauseWords.has(prev.lower) ||
          isCueToken(prev, lang)
        )
          break;
        i--;
        if (lang.words.determiners.has(prev.lower)) break;
      }
    }
    start = i;
    k = i - 1;
  }
  if (start < floor || start < 0) return null;
  const head = index.mentionStartingAt.get(start);
  if (head && head.kind === 'person') return null;
  const first = nounPhrase(index, start, place.endToken);
  return first && first.kind !== 'other' ? first : null;
}

/** "Professor Tomas Lindqvist of Northfield University called …": the person, not the body they are of. */
function personOfOrganization(index: ArticleIndex, org: NameMention, floor: number): NameMention | null {
  if (org.kind !== 'organization' && org.kind !== 'country') return null;
  const { tokens } = index.doc;
  let p = org.firstToken - 1;
  if (tokens[p]?.lower === 'the') p--;
  if (tokens[p]?.lower !== 'of') return null;
  const person = index.mentionEndingAt.get(p - 1);
  return person && person.kind === 'person' && !person.possessive && !person.inQuote && person.firstToken >= floor
    ? person
    : null;
}

/**
 * "Sam Lau, the communications director for the party said …" (the closing
 * comma forgotten): a role phrase right after "NAME," describes that person.
 */
function namedBeforeAppositive(index: ArticleIndex, phrase: SpeakerPhrase, floor: number): SpeakerPhrase | null {
  if (phrase.kind !== 'role') return null;
  const { tokens } = index.doc;
  if (tokens[phrase.firstToken - 1]?.text !== ',') return null;
  const named = index.mentionEndingAt.get(phrase.firstToken - 2);
  if (named?.kind !== 'person' || named.weak || named.firstToken < floor || named.inQuote) return null;
  const before = tokens[named.firstToken - 1];
  if (
    before &&
    before.sentence === tokens[named.firstToken]?.sentence &&
    before.text !== ',' &&
    !/^(and|but)$/.test(before.lower)
  )
    return null;
  return nameOrNounPhrase(index, named.firstToken, named.endToken, named);
}

/**
 * A name or noun phrase that is the object of a preposition belongs to the
 * phrase before it: "a spokesman for Platte River", "Another intelligence
 * source speaking to Fox News". Returns that larger phrase, or null.
 */
function governingPhrase(index: ArticleIndex, objectStart: number, floor: number, end?: number): SpeakerPhrase | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  let p = objectStart - 1;
  // "a spokesman for the state Coastal Waters Commission": a level of government may stand before the name.
  if (/^(state|federal|city|county|town|local|national|regional|provincial)$/.test(tokens[p]?.lower ?? '')) p--;
  if (tokens[p]?.lower === 'the') p--;
  const prep = tokens[p];
  if (!prep || !['for', 'of', 'at', 'with', 'to', 'from'].includes(prep.lower) || p - 1 < floor) return null;
  let headAt = p - 1;
  if (prep.lower === 'to' && /ing$/.test(tokens[headAt]?.lower ?? '')) headAt--; // "speaking to", "talking to"
  const head = tokens[headAt];
  const sentenceInitial = !!head && tokens[headAt - 1]?.sentence !== head.sentence;
  if (!head?.isWord || (head.cap && !sentenceInitial) || head.quote >= 0) return null;
  const kind = phraseKindOfHead(head.lower, lang);
  // "Sanders' email to his supporters notes": a document is who wrote it, not whom it went to.
  const document = kind === 'document' && (prep.lower === 'to' || prep.lower === 'from');
  if (kind !== 'role' && kind !== 'group' && !document) return null;
  if (prep.lower === 'from' && !document) return null;
  const inner = phraseEndingAt(index, headAt, floor);
  if (!inner) return null;
  // Who someone speaks *to* is not who they speak for.
  if (prep.lower === 'to') return inner;
  const objectEnd = end ?? index.mentionStartingAt.get(objectStart)?.endToken ?? objectStart + 1;
  const object = index.mentionStartingAt.get(objectStart);
  const organization =
    object && (object.kind === 'organization' || object.kind === 'country') ? object : inner.innerOrganization;
  // "a letter from Senator Ruth Hale": the person it came from owns it.
  const owner = document && object && object.kind === 'person' && !inner.owner ? { mention: object } : inner.owner;
  return { ...inner, endToken: Math.max(inner.endToken, objectEnd), innerOrganization: organization, owner };
}

export function isVerbForm(lower: string, lang: LanguagePack): boolean {
  return lang.words.lexiconTags(lower).some((t) => VERB_TAGS.includes(t));
}

/** A word that can end a noun phrase naming a speaker: not a function word, number or date. */
export function couldHeadSpeakerPhrase(t: Token, lang: LanguagePack): boolean {
  if (
    lang.words.clauseWords.has(t.lower) ||
    lang.words.prepositions.has(t.lower) ||
    lang.words.determiners.has(t.lower) ||
    isCueToken(t, lang)
  )
    return false;
  if (/^\p{N}/u.test(t.text) || lang.words.isCalendarWord(t.lower)) return false;
  if (lang.words.isFunctionWord(t.lower) || /^(why|how|what|when|where|who|i|you)$/.test(t.lower)) return false;
  if (t.cap) return true;
  if (phraseKindOfHead(t.lower.replace(/['’]s$/, ''), lang) !== 'other') return true;
  const tags = lang.words.lexiconTags(t.lower);
  if (tags.length === 0) return true;
  return tags.some((x) =>
    ['Singular', 'Plural', 'Noun', 'Actor', 'Uncountable', 'Person', 'Organization', 'Demonym'].includes(x),
  );
}

export function pronounPhrase(i: number, lower: string): SpeakerPhrase {
  return {
    kind: 'pronoun',
    firstToken: i,
    endToken: i + 1,
    mention: null,
    head: lower,
    innerOrganization: null,
    definite: true,
  };
}

/** A name, possibly a possessive one opening a noun phrase ("Clinton's spokesman"). */
export function nameOrNounPhrase(
  _index: ArticleIndex,
  first: number,
  end: number,
  mention: NameMention,
): SpeakerPhrase {
  return {
    kind: 'name',
    firstToken: first,
    endToken: end,
    mention,
    head: (mention.nameTokens[mention.nameTokens.length - 1] ?? '').toLowerCase(),
    innerOrganization: null,
    definite: true,
  };
}

export function nounPhrase(index: ArticleIndex, first: number, end: number): SpeakerPhrase | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  // The head is the last word before any prepositional phrase.
  let headAt = end - 1;
  for (let k = first + 1; k < end; k++) {
    if (lang.words.prepositions.has(tokens[k]?.lower ?? '')) {
      headAt = k - 1;
      break;
    }
  }
  const headToken = tokens[headAt];
  if (!headToken) return null;
  const head = headToken.lower.replace(/['’]s$/, '');
  const kind = phraseKindOfHead(head, lang);
  let innerOrganization: NameMention | null = null;
  for (let k = first; k < end; k++) {
    const m = index.mentionStartingAt.get(k);
    if (m && m.endToken <= end && (m.kind === 'organization' || m.kind === 'country')) {
      innerOrganization = m;
      break;
    }
  }
  const opener = tokens[first]?.lower ?? '';
  return {
    kind,
    firstToken: first,
    endToken: end,
    mention: null,
    head,
    innerOrganization,
    definite: !['a', 'an', 'one', 'another', 'some', 'several'].includes(opener),
    owner: ownerAt(index, first, headAt) ?? (kind === 'document' ? personSource(index, headAt, end) : null),
  };
}

/** "an update from Maha Metro", "a letter from Senator Ruth Hale": the person a document came from. */
function personSource(index: ArticleIndex, headAt: number, end: number): SpeakerPhrase['owner'] {
  const { tokens } = index.doc;
  if (tokens[headAt + 1]?.lower !== 'from') return null;
  const at = tokens[headAt + 2]?.lower === 'the' ? headAt + 3 : headAt + 2;
  const m = index.mentionStartingAt.get(at);
  return m && m.kind === 'person' && m.endToken <= end && !m.inQuote ? { mention: m } : null;
}

/** "Sanders' fundraising email", "her statement": the possessive that opens a phrase. */
function ownerAt(index: ArticleIndex, first: number, headAt: number): SpeakerPhrase['owner'] {
  const { tokens } = index.doc;
  const pronoun = POSSESSIVE_PRONOUNS.get(tokens[first]?.lower ?? '');
  if (pronoun) return { pronoun };
  const m = index.mentionStartingAt.get(first);
  if (m?.possessive && m.endToken <= headAt && !m.inQuote) return { mention: m };
  // The phrase may begin right after the possessive: "Reyes' | email", "Obama's | spokesman".
  const before = tokens[first - 1]?.text === "'" || tokens[first - 1]?.text === '’' ? first - 2 : first - 1;
  const owner = index.mentionEndingAt.get(before);
  return owner?.possessive && !owner.inQuote && tokens[before]?.sentence === tokens[first]?.sentence
    ? { mention: owner }
    : null;
}
