// The English pack: everything the extractor knows about English, gathered.

import type { LanguagePack } from '../pack.ts';
import { AMBIGUOUS_ABBREVIATIONS, NON_FINAL_ABBREVIATIONS, SENTENCE_OPENERS } from './abbreviations.ts';
import {
  BE_FORMS,
  DESCRIBING_LEMMAS,
  NOT_BEFORE_TO,
  NOUN_DETERMINERS,
  PARTICIPLE_COMPLEMENTS,
  PARTICIPLE_LEMMAS,
  PARTICIPLE_OPENERS,
  STATEMENT_CARRIERS,
  TO_SPEECH_LEMMAS,
} from './cue-context.ts';
import { FRAMING_VERBS, INFINITIVE_ADJECTIVES, isAccordingTo, SUBJECT_VERB_FILLERS, speechCue } from './cues.ts';
import { CLAUSE_WORDS, DETERMINERS, PREPOSITIONS, PRONOUNS } from './function-words.ts';
import {
  CORPORATE_SUFFIXES,
  EXTRA_ORGANIZATION_OPENERS,
  GOVERNABLE_HEADS,
  GOVERNMENT_UNITS,
  PLACE_NAME_HEADS,
  PLACE_NAME_OPENERS,
  stripCorporateSuffix,
} from './name-shapes.ts';
import {
  givenNameGender,
  isCalendarWord,
  isCommonWord,
  isDemonym,
  isFunctionWord,
  isLexiconOrganization,
  isRoleNounInLexicon,
  isKnownGivenName,
  isKnownSurname,
  lexiconTags,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  placeKind,
  SURNAME_PARTICLES,
} from './names.ts';
import {
  canonicalSpelling,
  KINDS_OF_ORGANIZATION_NOUN,
  knownOrganization,
  NOT_ORGANIZATION_ACRONYMS,
  normaliseOrgKey,
} from './organizations.ts';
import { countryAdjective, countryOf } from './places.ts';
import { ENGLISH_QUOTE_MARKS } from './quote-marks.ts';
import {
  DOCUMENT_NOUNS,
  GROUP_ROLE_NOUNS,
  HONORIFICS,
  isCourtesyTitle,
  NAME_TITLES,
  ORGANIZATION_NAME_HEADS,
  ORGANIZATION_NAME_OPENERS,
  ORGANIZATION_NOUNS,
  PERSON_ROLE_NOUNS,
  PERSONAL_DOCUMENT_NOUNS,
  TITLE_GENDER,
} from './roles.ts';

export const english: LanguagePack = {
  code: 'en',
  quoteMarks: ENGLISH_QUOTE_MARKS,
  cues: {
    speechCue,
    isAccordingTo,
    framingVerbs: FRAMING_VERBS,
    subjectVerbFillers: SUBJECT_VERB_FILLERS,
    infinitiveAdjectives: INFINITIVE_ADJECTIVES,
    context: {
      notBeforeTo: NOT_BEFORE_TO,
      toSpeechLemmas: TO_SPEECH_LEMMAS,
      participleLemmas: PARTICIPLE_LEMMAS,
      describingLemmas: DESCRIBING_LEMMAS,
      participleComplements: PARTICIPLE_COMPLEMENTS,
      nounDeterminers: NOUN_DETERMINERS,
      beForms: BE_FORMS,
      statementCarriers: STATEMENT_CARRIERS,
      participleOpeners: PARTICIPLE_OPENERS,
    },
  },
  abbreviations: {
    nonFinal: NON_FINAL_ABBREVIATIONS,
    ambiguous: AMBIGUOUS_ABBREVIATIONS,
    sentenceOpeners: SENTENCE_OPENERS,
  },
  words: {
    pronouns: PRONOUNS,
    determiners: DETERMINERS,
    prepositions: PREPOSITIONS,
    clauseWords: CLAUSE_WORDS,
    lexiconTags,
    isFunctionWord,
    isCommonWord,
    isCalendarWord,
    isRoleNounInLexicon,
  },
  roles: {
    honorifics: HONORIFICS,
    nameTitles: NAME_TITLES,
    titleGender: TITLE_GENDER,
    personRoleNouns: PERSON_ROLE_NOUNS,
    groupRoleNouns: GROUP_ROLE_NOUNS,
    organizationNouns: ORGANIZATION_NOUNS,
    documentNouns: DOCUMENT_NOUNS,
    personalDocumentNouns: PERSONAL_DOCUMENT_NOUNS,
    isCourtesyTitle,
  },
  organizations: {
    nameHeads: ORGANIZATION_NAME_HEADS,
    nameOpeners: ORGANIZATION_NAME_OPENERS,
    kindsOfNoun: KINDS_OF_ORGANIZATION_NOUN,
    corporateSuffixes: CORPORATE_SUFFIXES,
    extraOpeners: EXTRA_ORGANIZATION_OPENERS,
    notAcronyms: NOT_ORGANIZATION_ACRONYMS,
    known: knownOrganization,
    isInLexicon: isLexiconOrganization,
    normaliseKey: normaliseOrgKey,
    canonicalSpelling,
    stripCorporateSuffix,
  },
  names: {
    isKnownGivenName,
    isKnownSurname,
    givenNameGender,
    placeKind,
    countryOf,
    countryAdjective,
    isDemonym,
    particles: NAME_PARTICLES,
    surnameParticles: SURNAME_PARTICLES,
    suffixes: NAME_SUFFIXES,
    placeNameOpeners: PLACE_NAME_OPENERS,
    placeNameHeads: PLACE_NAME_HEADS,
    governmentUnits: GOVERNMENT_UNITS,
    governableHeads: GOVERNABLE_HEADS,
  },
};
