// What the extractor knows about one language, in one typed value. Stages read
// words and conventions from the pack they are handed, so a language is added
// by writing a pack, not by editing stages.

import type { CueInfo } from './en/cues.ts';
import type { KnownOrganization } from './en/organizations.ts';
import type { Gender, OrganizationKindHint } from './en/roles.ts';
import type { PlaceKind } from './en/names.ts';
import type { OrganizationKind } from '../types.ts';

export type { CueInfo, Gender, KnownOrganization, OrganizationKindHint, PlaceKind };

export interface QuoteMarkConvention {
  /** Glyphs that open a quotation whatever surrounds them (unless spacing says otherwise). */
  opening: readonly string[];
  closing: readonly string[];
  /** Glyphs that open or close, as the spacing around them says. */
  either: readonly string[];
  /** Single marks that, doubled, stand for a double mark. */
  doubledSingles: readonly string[];
  /** Single marks a house style may quote with instead of double ones. */
  singleOpening: readonly string[];
  singleClosing: readonly string[];
  /** A single mark before a word that starts like this is an apostrophe. */
  elidedWordStart: RegExp;
}

export type PronounReference = 'male' | 'female' | 'plural' | 'thing' | 'self';

export interface LanguagePack {
  /** Primary language subtag: "en". */
  code: string;
  quoteMarks: QuoteMarkConvention;
  cues: {
    speechCue(lowerWord: string): CueInfo | undefined;
    isAccordingTo(lower: string, nextLower: string | undefined): boolean;
    framingVerbs: ReadonlySet<string>;
    subjectVerbFillers: ReadonlySet<string>;
    infinitiveAdjectives: ReadonlySet<string>;
    /** Whether a cue speaks where it stands: the words around it (see en/cue-context.ts for what each holds). */
    context: {
      notBeforeTo: ReadonlySet<string>;
      toSpeechLemmas: ReadonlySet<string>;
      participleLemmas: ReadonlySet<string>;
      describingLemmas: ReadonlySet<string>;
      participleComplements: ReadonlySet<string>;
      nounDeterminers: ReadonlySet<string>;
      beForms: ReadonlySet<string>;
      statementCarriers: ReadonlySet<string>;
      participleOpeners: ReadonlySet<string>;
    };
  };
  abbreviations: {
    nonFinal: ReadonlySet<string>;
    ambiguous: ReadonlySet<string>;
    sentenceOpeners: ReadonlySet<string>;
  };
  words: {
    pronouns: ReadonlyMap<string, PronounReference>;
    determiners: ReadonlySet<string>;
    prepositions: ReadonlySet<string>;
    clauseWords: ReadonlySet<string>;
    lexiconTags(lower: string): readonly string[];
    isFunctionWord(lower: string): boolean;
    isCommonWord(lower: string): boolean;
    isCalendarWord(lower: string): boolean;
    /** The lexicon tags the word as a noun of role or occupation: "plumber", "senator". */
    isRoleNounInLexicon(lower: string): boolean;
  };
  roles: {
    honorifics: ReadonlyMap<string, Gender | null>;
    nameTitles: ReadonlyMap<string, string>;
    titleGender: ReadonlyMap<string, Gender>;
    personRoleNouns: ReadonlySet<string>;
    groupRoleNouns: ReadonlySet<string>;
    organizationNouns: ReadonlySet<string>;
    documentNouns: ReadonlySet<string>;
    personalDocumentNouns: ReadonlySet<string>;
    isCourtesyTitle(title: string): boolean;
  };
  organizations: {
    /** Heads that make a capitalised run an organization's name: "Ministry", "Council". */
    nameHeads: ReadonlyMap<string, OrganizationKindHint>;
    nameOpeners: ReadonlyMap<string, OrganizationKindHint>;
    kindsOfNoun: ReadonlyMap<string, readonly OrganizationKind[]>;
    corporateSuffixes: ReadonlySet<string>;
    /** Openers of an organization's name beyond the role-noun ones: "Bank", "Friends". */
    extraOpeners: ReadonlyMap<string, OrganizationKindHint>;
    /** Capitalised acronyms that are not organizations: "CEO", "GDP". */
    notAcronyms: ReadonlySet<string>;
    known(name: string): KnownOrganization | undefined;
    /** The lexicon names this phrase as an organization. */
    isInLexicon(lowerPhrase: string): boolean;
    /** The key two spellings of one organization's name share. */
    normaliseKey(name: string): string;
    canonicalSpelling(name: string): string;
    stripCorporateSuffix(name: string): string;
  };
  names: {
    isKnownGivenName(lower: string): boolean;
    isKnownSurname(lower: string): boolean;
    givenNameGender(lower: string): Gender | null | undefined;
    placeKind(lowerPhrase: string): PlaceKind | undefined;
    countryOf(form: string): string | undefined;
    countryAdjective(country: string): string | undefined;
    isDemonym(lower: string): boolean;
    /** Lower-case words inside a person's name: "van", "de", "bin". */
    particles: ReadonlySet<string>;
    /** The particles a surname may start with (not the ones that join two surnames, like Spanish "y"). */
    surnameParticles: ReadonlySet<string>;
    /** Words after a name that are no part of the surname: "Jr.", "III". */
    suffixes: ReadonlySet<string>;
    placeNameOpeners: ReadonlySet<string>;
    placeNameHeads: ReadonlySet<string>;
    governmentUnits: ReadonlySet<string>;
    governableHeads: ReadonlySet<string>;
  };
}
