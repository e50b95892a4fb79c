// Who is in focus at a given point of the article. Every name adds weight to
// its entity (more as a subject, less as an object or a modifier), every
// "he"/"she" outside quotations adds weight to whoever it most likely means,
// and everything fades sentence by sentence. A pronoun at an attribution
// ("…," she said) then means the most prominent compatible person.

import type { Gender, LanguagePack } from '../language/pack.ts';
import type { Entity, OrganizationEntity, PersonEntity } from '../entities/entity-types.ts';
import type { NameMention } from '../entities/mention-types.ts';
import type { ResolvedEntities } from '../entities/resolve.ts';
import { isRoleNoun } from '../entities/roles.ts';
import type { ArticleIndex } from '../text/article-index.ts';
import { firstTokenAtOrAfter } from './locate.ts';

const SENTENCE_DECAY = 0.65;
const PARAGRAPH_DECAY = 0.75;
const SUBJECT_WEIGHT = 2;
const POSSESSIVE_WEIGHT = 1.2;
const OBJECT_WEIGHT = 0.8;
const MODIFIER_WEIGHT = 0.4;
const PRONOUN_WEIGHT = 1.5;
const POSSESSIVE_PRONOUN_WEIGHT = 0.5;
const SPEAKER_WEIGHT = 3;
const SPEAKER_MEMORY_SENTENCES = 12;
const KNOWN_GENDER_BOOST = 1.6;
const PREVIOUS_SUBJECT_BONUS = 1.5;
const CURRENT_SUBJECT_BONUS = 3;
const SAME_PARAGRAPH_SUBJECT_BONUS = 3;
/** No one stays in focus by sheer repetition: recent mentions and speech must be able to take it over. */
const WEIGHT_CAP = 6;

type Weights = Map<Entity, number>;

export class SalienceModel {
  private readonly snapshots: Weights[] = [];
  /** Speakers noted so far, in order of their offset (noted mostly in reading order, so inserts are appends). */
  private readonly speakerEvents: Array<{ at: number; sentence: number; entity: Entity }> = [];
  private readonly mentionsAt = new Map<number, NameMention>();
  /** Title words ("president", "senator") and the people who hold them in this story. */
  private readonly holders = new Map<string, Set<PersonEntity>>();

  constructor(
    private readonly index: ArticleIndex,
    private readonly entities: ResolvedEntities,
  ) {
    for (const m of index.mentions) if (!m.inQuote) this.mentionsAt.set(m.firstToken, m);
    for (const person of entities.people) {
      for (const role of person.roles) {
        const word = role.toLowerCase().replace(/\.$/, '').split(/\s+/).pop() ?? '';
        const holders = this.holders.get(word) ?? new Set<PersonEntity>();
        holders.add(person);
        this.holders.set(word, holders);
      }
    }
    this.build();
  }

  /**
   * The most prominent person at `at`, excluding one gender ("he" excludes
   * women). Someone known to have the pronoun's gender counts for more than
   * someone whose gender the text never showed.
   */
  person(at: number, excluded: Gender | null): PersonEntity | null {
    const weights = this.weightsAt(at);
    // "Gray, who served under Mr. Bush's father, ticked through the code: ''…,'' he said": a pronoun
    // in the sentence whose subject is a compatible person refers to that subject first.
    const subject = this.subjectBefore(at);
    if (subject && subject.type === 'person' && (excluded === null || subject.gender !== excluded))
      add(weights, subject, CURRENT_SUBJECT_BONUS);
    if (excluded !== null) {
      for (const [e, w] of weights)
        if (e.type === 'person' && e.gender !== null && e.gender !== excluded) weights.set(e, w * KNOWN_GENDER_BOOST);
    }
    return best(weights, (e): e is PersonEntity => e.type === 'person' && (excluded === null || e.gender !== excluded));
  }

  organization(at: number): OrganizationEntity | null {
    const weights = this.weightsAt(at);
    return best(weights, (e): e is OrganizationEntity => e.type === 'organization');
  }

  /** The speaker noted last before `at`, if within `maxSentences` sentences. */
  lastSpeaker(at: number, maxSentences: number): Entity | null {
    const { tokens } = this.index.doc;
    const sentence = tokens[firstTokenAtOrAfter(tokens, at)]?.sentence ?? 0;
    const last = this.speakerEvents[this.eventsBefore(at) - 1];
    return last && sentence - last.sentence <= maxSentences ? last.entity : null;
  }

  noteSpeaker(entity: Entity, at: number): void {
    const { tokens } = this.index.doc;
    const sentence = tokens[firstTokenAtOrAfter(tokens, at)]?.sentence ?? 0;
    // After the events at the same offset, as an append would have put it.
    const i = this.eventsBefore(at + 1);
    if (i === this.speakerEvents.length) this.speakerEvents.push({ at, sentence, entity });
    else this.speakerEvents.splice(i, 0, { at, sentence, entity });
  }

  /** How many noted speakers stand before `at`. */
  private eventsBefore(at: number): number {
    let lo = 0;
    let hi = this.speakerEvents.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.speakerEvents[mid]?.at ?? Infinity) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private build(): void {
    const { tokens, sentences } = this.index.doc;
    const weights: Weights = new Map();
    sentences.forEach((s, si) => {
      const previous = sentences[si - 1];
      const factor = SENTENCE_DECAY * (previous && previous.paragraph !== s.paragraph ? PARAGRAPH_DECAY : 1);
      for (const [e, w] of weights) {
        const next = w * factor;
        if (next < 0.01) weights.delete(e);
        else weights.set(e, next);
      }
      this.snapshots.push(new Map(weights));
      for (let k = s.firstToken; k < s.endToken; k++) this.absorb(weights, k);
      void tokens;
    });
  }

  /** Adds what token k contributes: a name's weight, or a pronoun's to its likely referent. */
  private absorb(weights: Weights, k: number): void {
    const { tokens } = this.index.doc;
    const m = this.mentionsAt.get(k);
    if (m) {
      const e = this.entities.entityOf.get(m);
      if (e) add(weights, e, this.mentionWeight(m));
      return;
    }
    const t = tokens[k];
    if (!t?.isWord || t.quote >= 0) return;
    // "The president's roots": a title with "the" points at the one person who holds it here.
    if (tokens[k - 1]?.lower === 'the') {
      const holders = this.holders.get(t.lower.replace(/['’]s$/, ''));
      if (holders && holders.size > 0) {
        const holder =
          holders.size === 1
            ? holders.values().next().value
            : best(weights, (e): e is PersonEntity => holders.has(e as PersonEntity));
        if (holder) add(weights, holder, PRONOUN_WEIGHT);
        return;
      }
    }
    const pronoun = PRONOUN_GENDER.get(t.lower);
    if (!pronoun) return;
    const referent = best(weights, (e): e is PersonEntity => e.type === 'person' && e.gender !== pronoun.excluded);
    if (referent) add(weights, referent, pronoun.subject ? PRONOUN_WEIGHT : POSSESSIVE_PRONOUN_WEIGHT);
  }

  /** The first person named as a subject in a sentence (not after a preposition, not as a modifier). */
  private subjectOf(sentence: number): Entity | null {
    const s = this.index.doc.sentences[sentence];
    if (!s) return null;
    for (let k = s.firstToken; k < s.endToken; k++) {
      const m = this.mentionsAt.get(k);
      if (!m) continue;
      const e = this.entities.entityOf.get(m);
      if (e && e.type === 'person' && this.mentionWeight(m) === SUBJECT_WEIGHT) return e;
      if (e) return null;
    }
    return null;
  }

  /** The first person named in subject position in the sentence that holds `at`, before it. */
  private subjectBefore(at: number): PersonEntity | null {
    const { tokens, sentences } = this.index.doc;
    const k = firstTokenAtOrAfter(tokens, at);
    const s = sentences[tokens[k]?.sentence ?? -1];
    if (!s) return null;
    for (let j = s.firstToken; j < k; j++) {
      // Only the narration before the sentence's first quotation introduces its subject.
      if ((tokens[j]?.quote ?? -1) >= 0) return null;
      const m = this.mentionsAt.get(j);
      if (!m) continue;
      const e = this.entities.entityOf.get(m);
      if (e && e.type === 'person' && this.mentionWeight(m) === SUBJECT_WEIGHT) return e;
      j = m.endToken - 1;
    }
    return null;
  }

  private mentionWeight(m: NameMention): number {
    const lang = this.index.doc.language;
    const { tokens } = this.index.doc;
    const before = tokens[m.firstToken - 1];
    const after = tokens[m.endToken];
    if (before && lang.words.prepositions.has(before.lower)) return OBJECT_WEIGHT;
    // "The Clinton approach": a person's name after an article modifies the noun that follows.
    if (
      before &&
      /^(the|a|an)$/.test(before.lower) &&
      m.kind === 'person' &&
      m.titles.length === 0 &&
      after?.isWord &&
      !after.cap
    )
      return MODIFIER_WEIGHT;
    // "the same fire Mr. Obama has": a name right after an ordinary noun opens a relative clause.
    if (before?.isWord && !before.cap && isNounish(before.lower, lang) && !isRoleNoun(before.lower, lang))
      return OBJECT_WEIGHT;
    if (m.possessive) return POSSESSIVE_WEIGHT;
    if (after?.isWord && !after.cap && after.start - m.end === 1 && isNounish(after.lower, lang))
      return MODIFIER_WEIGHT;
    return SUBJECT_WEIGHT;
  }

  private weightsAt(at: number): Weights {
    const { tokens } = this.index.doc;
    const k = firstTokenAtOrAfter(tokens, at);
    const sentence = tokens[k]?.sentence ?? this.snapshots.length - 1;
    const start = this.index.doc.sentences[sentence]?.firstToken ?? k;
    const weights: Weights = new Map(this.snapshots[sentence] ?? []);
    // The subject of the sentence just before is the likeliest "he" or "she" at the start of this one.
    const previousSubject = this.subjectOf(sentence - 1);
    // Within a paragraph the sentence before introduces who speaks next: "Rep. X addressed it. "…," he said."
    const sameParagraph =
      this.index.doc.sentences[sentence - 1]?.paragraph === this.index.doc.sentences[sentence]?.paragraph;
    if (previousSubject)
      add(weights, previousSubject, sameParagraph ? SAME_PARAGRAPH_SUBJECT_BONUS : PREVIOUS_SUBJECT_BONUS);
    for (let j = start; j < k; j++) this.absorb(weights, j);
    // Speakers noted in reading order; beyond a dozen sentences their weight has faded to nothing.
    for (let e = this.eventsBefore(at) - 1; e >= 0; e--) {
      const ev = this.speakerEvents[e];
      if (!ev) continue;
      if (sentence - ev.sentence > SPEAKER_MEMORY_SENTENCES) break;
      add(weights, ev.entity, SPEAKER_WEIGHT * SENTENCE_DECAY ** Math.max(0, sentence - ev.sentence));
    }
    return weights;
  }
}

const PRONOUN_GENDER = new Map<string, { excluded: Gender; subject: boolean }>([
  ['he', { excluded: 'female', subject: true }],
  ['she', { excluded: 'male', subject: true }],
  ['his', { excluded: 'female', subject: false }],
  ['him', { excluded: 'female', subject: false }],
  ['her', { excluded: 'male', subject: false }],
]);

function add(weights: Weights, e: Entity, w: number): void {
  weights.set(e, Math.min(WEIGHT_CAP, (weights.get(e) ?? 0) + w));
}

function best<T extends Entity>(weights: Weights, accept: (e: Entity) => e is T): T | null {
  let winner: T | null = null;
  let top = 0;
  for (const [e, w] of weights) {
    if (accept(e) && w > top) {
      winner = e;
      top = w;
    }
  }
  return winner;
}

const NOUN_TAGS: ReadonlySet<string> = new Set(['Singular', 'Plural', 'Actor', 'Noun', 'Uncountable']);
const NOT_NOUN_TAG = /Tense|Infinitive|Gerund|Participle|Copula|Modal|Adverb/;

function isNounish(lower: string, lang: LanguagePack): boolean {
  const tags = lang.words.lexiconTags(lower);
  return tags.some((t) => NOUN_TAGS.has(t)) && !tags.some((t) => NOT_NOUN_TAG.test(t));
}
