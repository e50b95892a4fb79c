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

/** A word's lexicon tags, and what the predicates below ask of them worked out once (WordFact bits). */
interface WordFacts {
  tags: readonly string[];
  facts: number;
}

const factCache = new Map<string, WordFacts>();
const FACT_CACHE_LIMIT = 50_000;

function wordFacts(lower: string): WordFacts {
  const cached = factCache.get(lower);
  if (cached) return cached;
  // Own keys only: article words such as "constructor" must not reach Object.prototype.
  let tags = NO_TAGS;
  if (Object.hasOwn(LEXICON, lower)) {
    const entry = LEXICON[lower];
    if (typeof entry === 'string') tags = Object.freeze([entry]);
    else if (Array.isArray(entry)) tags = entry;
  }
  const made: WordFacts = { tags, facts: factsOf(tags) };
  if (factCache.size >= FACT_CACHE_LIMIT) factCache.clear();
  factCache.set(lower, made);
  return made;
}

export function lexiconTags(lower: string): readonly string[] {
  return wordFacts(lower).tags;
}

function has(lower: string, fact: number): boolean {
  return (wordFacts(lower).facts & fact) !== 0;
}

/** Gender of a given name, null when the name is given to anyone, undefined when not a known given name. */
export function givenNameGender(lower: string): Gender | null | undefined {
  const { facts } = wordFacts(lower);
  if (facts & WordFact.MaleName) return 'male';
  if (facts & WordFact.FemaleName) return 'female';
  if (facts & WordFact.FirstName) return null;
  return undefined;
}

export function isKnownGivenName(lower: string): boolean {
  return has(lower, WordFact.MaleName | WordFact.FemaleName | WordFact.FirstName);
}

export function isKnownSurname(lower: string): boolean {
  return has(lower, WordFact.Surname);
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

/** Generational suffixes written after a name, no part of the surname: "Martin Luther King Jr.". */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

export type PlaceKind = 'country' | 'region' | 'city' | 'place';

export function placeKind(lowerPhrase: string): PlaceKind | undefined {
  const { facts } = wordFacts(lowerPhrase);
  if (facts & WordFact.Country) return 'country';
  if (facts & WordFact.Region) return 'region';
  if (facts & WordFact.City) return 'city';
  if (facts & WordFact.Place) return 'place';
  return undefined;
}

export function isLexiconOrganization(lowerPhrase: string): boolean {
  return has(lowerPhrase, WordFact.Organization);
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

/** One bit for each question the predicates here ask of a word's tags. */
const WordFact = {
  MaleName: 1 << 0,
  FemaleName: 1 << 1,
  FirstName: 1 << 2,
  /** LastName or Person. */
  Surname: 1 << 3,
  Function: 1 << 4,
  Content: 1 << 5,
  Calendar: 1 << 6,
  Actor: 1 << 7,
  Demonym: 1 << 8,
  Organization: 1 << 9,
  Country: 1 << 10,
  Region: 1 << 11,
  City: 1 << 12,
  Place: 1 << 13,
} as const;

const FACT_OF_TAG: ReadonlyMap<string, number> = (() => {
  const factOf = new Map<string, number>();
  const add = (tags: readonly string[], fact: number) => {
    for (const tag of tags) factOf.set(tag, (factOf.get(tag) ?? 0) | fact);
  };
  add(['MaleName'], WordFact.MaleName);
  add(['FemaleName'], WordFact.FemaleName);
  add(['FirstName'], WordFact.FirstName);
  add(['LastName', 'Person'], WordFact.Surname);
  add(FUNCTION_TAGS, WordFact.Function);
  add(CONTENT_TAGS, WordFact.Content);
  add(['WeekDay', 'Month', 'Holiday', 'Date'], WordFact.Calendar);
  add(['Actor'], WordFact.Actor);
  add(['Demonym'], WordFact.Demonym);
  add(['Organization', 'Company', 'School', 'SportsTeam'], WordFact.Organization);
  add(['Country'], WordFact.Country);
  add(['Region'], WordFact.Region);
  add(['City'], WordFact.City);
  add(['Place'], WordFact.Place);
  return factOf;
})();

function factsOf(tags: readonly string[]): number {
  let facts = 0;
  for (const tag of tags) facts |= FACT_OF_TAG.get(tag) ?? 0;
  return facts;
}

const NAME_FACTS = WordFact.MaleName | WordFact.FemaleName | WordFact.FirstName | WordFact.Surname;

export function isFunctionWord(lower: string): boolean {
  return has(lower, WordFact.Function);
}

/** An ordinary word that is not also somebody's name. */
export function isCommonWord(lower: string): boolean {
  const { facts } = wordFacts(lower);
  return (facts & NAME_FACTS) === 0 && (facts & (WordFact.Function | WordFact.Content)) !== 0;
}

export function isCalendarWord(lower: string): boolean {
  return has(lower, WordFact.Calendar);
}

export function isRoleNounInLexicon(lower: string): boolean {
  return has(lower, WordFact.Actor);
}

export function isDemonym(lower: string): boolean {
  return has(lower, WordFact.Demonym);
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
