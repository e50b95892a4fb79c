// What compromise knows about words: its lexicon tags thousands of given names
// (with gender), surnames, places and organizations. Looking words up there is
// a hash lookup; running the full tagger is reserved for the few name
// candidates the lexicon and our own rules cannot settle.

import nlp from 'compromise';
import type { Gender } from './roles.ts';

type LexiconEntry = string | string[];

const LEXICON: Readonly<Record<string, LexiconEntry>> = readLexicon();

function readLexicon(): Record<string, LexiconEntry> {
  const model = nlp.model() as { one?: { lexicon?: Record<string, LexiconEntry> } };
  return model.one?.lexicon ?? {};
}

const NO_TAGS: readonly string[] = Object.freeze([]);
const tagCache = new Map<string, readonly string[]>();
const TAG_CACHE_LIMIT = 50_000;

export function lexiconTags(lower: string): readonly string[] {
  const cached = tagCache.get(lower);
  if (cached) return cached;
  // Own keys only: article words such as "constructor" must not reach Object.prototype.
  let tags = NO_TAGS;
  if (Object.hasOwn(LEXICON, lower)) {
    const entry = LEXICON[lower];
    if (typeof entry === 'string') tags = Object.freeze([entry]);
    else if (Array.isArray(entry)) tags = entry;
  }
  if (tagCache.size >= TAG_CACHE_LIMIT) tagCache.clear();
  tagCache.set(lower, tags);
  return tags;
}

function hasTag(lower: string, ...tags: string[]): boolean {
  return lexiconTags(lower).some((t) => tags.includes(t));
}

/** Gender of a given name, null when the name is given to anyone, undefined when not a known given name. */
export function givenNameGender(lower: string): Gender | null | undefined {
  const tags = lexiconTags(lower);
  if (tags.includes('MaleName')) return 'male';
  if (tags.includes('FemaleName')) return 'female';
  if (tags.includes('FirstName')) return null;
  return undefined;
}

export function isKnownGivenName(lower: string): boolean {
  return givenNameGender(lower) !== undefined;
}

export function isKnownSurname(lower: string): boolean {
  return hasTag(lower, 'LastName', 'Person');
}

/** Lower-case words that belong inside a person's name: "Ludwig van Beethoven", "Gabriel García y Márquez". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'da',
  'di',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'la',
  'le',
  'du',
  'dos',
  'das',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
  'ter',
  'zu',
]);

/** Particles that join two surnames rather than open one: "García y Márquez" has the surname "Márquez", not "y Márquez". */
const JOINING_PARTICLES: ReadonlySet<string> = new Set(['y']);

/** The particles a surname may start with: "van Beethoven", "de la Cruz". */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set(
  [...NAME_PARTICLES].filter((p) => !JOINING_PARTICLES.has(p)),
);

export type PlaceKind = 'country' | 'region' | 'city' | 'place';

export function placeKind(lowerPhrase: string): PlaceKind | undefined {
  const tags = lexiconTags(lowerPhrase);
  if (tags.includes('Country')) return 'country';
  if (tags.includes('Region')) return 'region';
  if (tags.includes('City')) return 'city';
  if (tags.includes('Place')) return 'place';
  return undefined;
}

export function isLexiconOrganization(lowerPhrase: string): boolean {
  return hasTag(lowerPhrase, 'Organization', 'Company', 'School', 'SportsTeam');
}

/** Tags of ordinary vocabulary: a capitalised word with one of these opens a sentence rather than a name. */
const FUNCTION_TAGS = [
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Adverb',
  'QuestionWord',
  'Modal',
  'Copula',
  'Auxiliary',
  'Expression',
  'Negative',
  'Possessive',
  'Reflexive',
];
const CONTENT_TAGS = [
  'Adjective',
  'PastTense',
  'PresentTense',
  'Infinitive',
  'Gerund',
  'Participle',
  'Plural',
  'Singular',
  'Uncountable',
  'Comparative',
  'Superlative',
  'Noun',
  'Actor',
  'Value',
  'Cardinal',
  'Ordinal',
  'TextValue',
  'Date',
  'WeekDay',
  'Month',
  'Duration',
  'Time',
  'Unit',
  'Activity',
  'Demonym',
];

export function isFunctionWord(lower: string): boolean {
  return hasTag(lower, ...FUNCTION_TAGS);
}

/** An ordinary word that is not also somebody's name. */
export function isCommonWord(lower: string): boolean {
  const tags = lexiconTags(lower);
  if (tags.length === 0) return false;
  if (
    tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName' || t === 'LastName' || t === 'Person')
  ) {
    return false;
  }
  return tags.some((t) => FUNCTION_TAGS.includes(t) || CONTENT_TAGS.includes(t));
}

export function isCalendarWord(lower: string): boolean {
  return hasTag(lower, 'WeekDay', 'Month', 'Holiday', 'Date');
}

export function isRoleNounInLexicon(lower: string): boolean {
  return hasTag(lower, 'Actor');
}

export function isDemonym(lower: string): boolean {
  return hasTag(lower, 'Demonym');
}

const personVerdicts = new Map<string, boolean>();
const VERDICT_CACHE_LIMIT = 5_000;

/**
 * compromise's tagger on a short candidate ("Joey Salceda"): does it read as a
 * person? Cached, because the same names recur across articles.
 */
export function taggerSaysPerson(candidate: string): boolean {
  const cached = personVerdicts.get(candidate);
  if (cached !== undefined) return cached;
  const doc = nlp(candidate);
  const verdict = doc.has('^#Person+$') && !doc.has('#Organization') && !doc.has('#Place');
  if (personVerdicts.size >= VERDICT_CACHE_LIMIT) personVerdicts.clear();
  personVerdicts.set(candidate, verdict);
  return verdict;
}
