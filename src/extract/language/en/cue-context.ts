// The words around a speech verb that say whether it is used as one here:
// "continues to grow" is no speech, "went on to say" is; "accused of" describes
// someone; ", adding that" and "released a statement saying" still speak.

/** Lemmas that say nothing when "to" follows them: "the movement continues to grow", "added to the list". */
export const NOT_BEFORE_TO: ReadonlySet<string> = new Set([
  'continue',
  'begin',
  'add',
  'promise',
  'vow',
  'agree',
  'threaten',
  'pledge',
  'urge',
  'demand',
  'post',
  'respond',
  'reply',
  'answer',
  'admit',
  'confess',
  'testify',
  'swear',
]);

/** Lemmas that still speak after "to": "went on to say"; other cues after "to" do not ("decided to add the plank"). */
export const TO_SPEECH_LEMMAS: ReadonlySet<string> = new Set([
  'say',
  'tell',
  'explain',
  'argue',
  'insist',
  'warn',
  'write',
  'note',
  'claim',
  'ask',
]);

/** Lemmas whose past participle may describe someone instead of speaking: "accused of", "told by". */
export const PARTICIPLE_LEMMAS: ReadonlySet<string> = new Set([
  'accuse',
  'declare',
  'charge',
  'allege',
  'name',
  'report',
  'tell',
  'write',
]);

/** Of those, the ones that describe after a comma when a complement follows: "Anna Voss, declared the winner, said". */
export const DESCRIBING_LEMMAS: ReadonlySet<string> = new Set(['accuse', 'declare', 'charge', 'name']);

/** The complements that make such a participle describe: "declared dead", "named the winner". */
export const PARTICIPLE_COMPLEMENTS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'dead',
  'bankrupt',
  'insolvent',
  'unfit',
  'fit',
  'guilty',
  'innocent',
  'missing',
  'winner',
]);

/** Words before which a cue is a noun: "the report", "his remarks", "a thunderous chant". */
export const NOUN_DETERMINERS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'this',
  'that',
  'these',
  'those',
  'whose',
]);

/** Forms of "be": "is now claiming" speaks. */
export const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'been', 'be', "'s", '’s', 'am']);

/** Nouns of written statements: "released a statement saying that …", "posted a tweet saying". */
export const STATEMENT_CARRIERS: ReadonlySet<string> = new Set([
  'statement',
  'letter',
  'email',
  'e-mail',
  'tweet',
  'post',
  'message',
  'memo',
  'note',
  'release',
  'video',
  'ad',
  'advertisement',
]);

/** What may stand before a gerund that speaks: "…, adding that", "after telling", "while insisting". */
export const PARTICIPLE_OPENERS: ReadonlySet<string> = new Set([
  ',',
  'and',
  '—',
  'after',
  'before',
  'while',
  'by',
  'when',
  'without',
  'in',
]);
