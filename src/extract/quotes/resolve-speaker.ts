// Turning a speaker phrase into a speaker: a name to its entity, "he" to the
// right person, "the spokesman" to whoever was introduced as spokesman (or the
// organization an unnamed spokesman speaks for), "the company" to the company.

import type { Entity, OrganizationEntity, PersonEntity } from '../entities/entity-types.ts';
import type { ResolvedEntities } from '../entities/resolve.ts';
import type { Affiliation } from '../entities/roles.ts';
import {
  latestOrganization,
  mostMentionedOrganization,
  organizationsChanged,
} from '../entities/organization-reference.ts';
import { type Timeline, timelineOf } from '../entities/timeline.ts';
import { firstTokenAtOrAfter } from './locate.ts';
import { SalienceModel } from './salience.ts';
import type { ArticleIndex } from '../text/article-index.ts';
import type { ExtractedSpeaker } from '../types.ts';
import type { SpeakerPhrase } from './speaker-phrase.ts';

export interface ResolvedSpeaker {
  speaker: ExtractedSpeaker | null;
  entity: Entity | null;
  label: string;
  /** How much the resolution itself can be trusted, 0..1. */
  certainty: number;
  /** An unnamed spokesperson speaking for the organization: "Foreign Ministry spokesman", role "spokesman". */
  unnamedRole?: { description: string; role: string };
}

/** Words a title may be abbreviated to or paraphrased as. */
const ROLE_SYNONYMS = new Map<string, string[]>(
  Object.entries({
    senator: ['senator', 'sen.', 'sen'],
    congressman: ['representative', 'rep.', 'rep', 'congressman'],
    congresswoman: ['representative', 'rep.', 'rep', 'congresswoman'],
    lawmaker: ['senator', 'sen.', 'representative', 'rep.', 'congressman', 'congresswoman', 'lawmaker', 'assemblyman'],
    governor: ['governor', 'gov.', 'gov'],
    president: ['president'],
    mayor: ['mayor'],
    secretary: ['secretary'],
    candidate: ['candidate', 'nominee', 'hopeful', 'front-runner'],
    nominee: ['nominee', 'candidate'],
    chief: ['chief', 'ceo', 'chief executive'],
    executive: ['ceo', 'chief executive', 'executive'],
  }),
);

/** "The company" may be named this many sentences after it speaks. */
const NAMED_NEXT_SENTENCES = 2;
/** "The email goes on to say" continues an author quoted at most this many sentences before. */
const DOCUMENT_AUTHOR_SENTENCES = 4;

export class SpeakerResolver {
  private readonly roleMemory = new Map<string, ResolvedSpeaker>();
  private readonly salience: SalienceModel;
  private readonly people: Timeline<PersonEntity>;
  private readonly listed = new Map<PersonEntity | OrganizationEntity, number>();
  private readonly qualified = new Set<OrganizationEntity>();

  constructor(
    private readonly index: ArticleIndex,
    private readonly entities: ResolvedEntities,
    /** Roles found in appositives and before names, per person. */
    private readonly rolesOf: Map<PersonEntity, string[]>,
    /** Who works for which organization, as the story introduces them. */
    private readonly affiliations: readonly Affiliation[] = [],
  ) {
    this.salience = new SalienceModel(index, entities);
    this.people = timelineOf(entities.people);
    for (const [i, p] of entities.people.entries()) this.listed.set(p, i);
    for (const [i, o] of entities.organizations.entries()) this.listed.set(o, i);
  }

  resolve(phrase: SpeakerPhrase): ResolvedSpeaker {
    const { tokens, body } = this.index.doc;
    const first = tokens[phrase.firstToken];
    const last = tokens[phrase.endToken - 1];
    const at = first?.start ?? 0;
    const label = first && last ? body.slice(first.start, last.end) : '';
    const result = this.resolveAt(phrase, at, label);
    if (result.entity) this.salience.noteSpeaker(result.entity, at);
    if ((phrase.kind === 'role' || phrase.kind === 'organization-noun') && result.speaker)
      this.roleMemory.set(phrase.head, result);
    return result;
  }

  /** A speaker the text names without words to resolve ("VOSS:", the interviewee of an "A:" turn). */
  resolveKnown(entity: Entity, label: string, at: number): ResolvedSpeaker {
    const result = this.speakerFor(entity, label, 0.85, at);
    this.salience.noteSpeaker(entity, at);
    return result;
  }

  /** Record a speaker attributed without a phrase (inherited), for pronoun salience. */
  noteSpeaker(entity: Entity | null, at: number): void {
    if (entity) this.salience.noteSpeaker(entity, at);
  }

  private resolveAt(phrase: SpeakerPhrase, at: number, label: string): ResolvedSpeaker {
    switch (phrase.kind) {
      case 'name': {
        const entity = phrase.mention ? (this.entities.entityOf.get(phrase.mention) ?? null) : null;
        if (entity) return this.speakerFor(entity, label, 0.95, at);
        const name = phrase.mention?.nameTokens.join(' ') ?? label;
        return { speaker: { name, type: 'person' }, entity: null, label, certainty: 0.6 };
      }
      case 'pronoun':
        return this.resolvePronoun(phrase.head, at, label);
      case 'role':
        return this.resolveRole(phrase, at, label);
      case 'organization-noun':
        return this.resolveOrganizationNoun(phrase, at, label);
      case 'document':
        return this.resolveDocument(phrase, at, label);
      case 'group':
        return { speaker: null, entity: null, label, certainty: 0.7 };
      default:
        return { speaker: null, entity: null, label, certainty: 0.4 };
    }
  }

  /**
   * A document speaks for whoever wrote it: its owner ("Sanders' email",
   * "her statement"), the organization it came from, or, for "the email" or
   * "the statement" with no owner, the author whose words it continues.
   */
  private resolveDocument(phrase: SpeakerPhrase, at: number, label: string): ResolvedSpeaker {
    const lang = this.index.doc.language;
    const owner = phrase.owner;
    if (owner && 'mention' in owner) {
      const entity = this.entities.entityOf.get(owner.mention);
      if (entity) return this.speakerFor(entity, label, 0.7, at);
    }
    if (owner && 'pronoun' in owner) {
      const resolved = this.resolvePronoun(owner.pronoun, at, label);
      if (resolved.entity) return { ...resolved, certainty: 0.65 };
    }
    if (phrase.innerOrganization) {
      const org = this.entities.entityOf.get(phrase.innerOrganization);
      if (org) return this.speakerFor(org, label, 0.7, at);
    }
    if (phrase.definite && !owner && lang.roles.personalDocumentNouns.has(phrase.head)) {
      const author = this.salience.lastSpeaker(at, DOCUMENT_AUTHOR_SENTENCES);
      if (author) return this.speakerFor(author, label, 0.6, at);
    }
    return { speaker: null, entity: null, label, certainty: 0.7 };
  }

  private speakerFor(entity: Entity, label: string, certainty: number, at: number): ResolvedSpeaker {
    if (entity.type === 'organization') this.qualifyGovernmentBody(entity, at);
    return { speaker: { name: entity.name, type: entity.type }, entity, label, certainty };
  }

  private resolvePronoun(pronoun: string, at: number, label: string): ResolvedSpeaker {
    if (pronoun === 'he' || pronoun === 'she') {
      const person = this.salience.person(at, pronoun === 'he' ? 'female' : 'male');
      return person ? this.speakerFor(person, label, 0.8, at) : { speaker: null, entity: null, label, certainty: 0.3 };
    }
    if (pronoun === 'it') {
      const org = this.salience.organization(at);
      return org ? this.speakerFor(org, label, 0.6, at) : { speaker: null, entity: null, label, certainty: 0.3 };
    }
    return { speaker: null, entity: null, label, certainty: 0.4 };
  }

  private resolveRole(given: SpeakerPhrase, at: number, label: string): ResolvedSpeaker {
    const lang = this.index.doc.language;
    // "the U.S. presidential candidate": a country's adjective describes a person; only its officials speak for it.
    const innerEntity = given.innerOrganization ? this.entities.entityOf.get(given.innerOrganization) : undefined;
    const countryAdjectiveOnly =
      innerEntity?.type === 'organization' && innerEntity.isCountry && !REPRESENTATIVE_ROLES.has(given.head);
    const phrase = countryAdjectiveOnly ? { ...given, innerOrganization: null } : given;
    if (phrase.definite) {
      const person = this.personWithRole(phrase.head, at);
      if (person) return this.speakerFor(person, label, 0.75, at);
      const remembered = this.roleMemory.get(phrase.head);
      if (remembered?.entity && !phrase.innerOrganization) return { ...remembered, label, certainty: 0.75 };
      // "the Utah Republican", "the lawmaker": usually the person the story is about at this point.
      if (!phrase.innerOrganization && ROLE_FALLBACK_OK(phrase)) {
        const gender = lang.roles.titleGender.get(phrase.head);
        const focus = this.protagonistBefore(at, gender === 'male' ? 'female' : gender === 'female' ? 'male' : null);
        if (focus) return this.speakerFor(focus, label, 0.55, at);
      }
      const described = phrase.innerOrganization ? null : this.describedPerson(phrase.head, at);
      if (described) return this.speakerFor(described, label, 0.6, at);
    }
    if (phrase.innerOrganization) {
      const org = this.entities.entityOf.get(phrase.innerOrganization);
      // "The head of the Harbor Association says": the person who leads it, when the story names one; not the body.
      if (org && org.type === 'organization' && LEADING_ROLES.has(phrase.head)) {
        const leader = this.leaderOf(org, phrase.head);
        return leader
          ? this.speakerFor(leader, label, 0.7, at)
          : { speaker: null, entity: null, label, certainty: 0.5 };
      }
      if (org && org.type === 'organization') {
        const description = label.replace(/^(the|a|an|one|another|this|that)\s+/i, '');
        return { ...this.speakerFor(org, label, 0.7, at), unnamedRole: { description, role: phrase.head } };
      }
    }
    // "…, a spokeswoman said": a spokesperson speaks for the organization the story is about at that point.
    if (SPOKESPERSON.has(phrase.head)) {
      const org = this.protagonistOrganization(at);
      if (org && !org.isCountry) {
        const description = label.replace(/^(the|a|an|one|another|this|that)\s+/i, '');
        return {
          ...this.speakerFor(org, label, 0.55, at),
          unnamedRole: { description: `${org.name} ${description}`, role: phrase.head },
        };
      }
    }
    // "A JUDGE has jailed … Judge Helen Marsh", "The owner of a café … says … Zoë Fernández, 51, has run it": named just after.
    const namedNext = phrase.innerOrganization ? null : this.personNamedNext(phrase.head, at, at + label.length);
    if (namedNext) return this.speakerFor(namedNext, label, 0.55, at);
    return { speaker: null, entity: null, label, certainty: 0.5 };
  }

  /**
   * "the defendant": the person the court story introduced with an age ("Liam Carver, 34,");
   * "the man", "the mum of three": the last person of that sex named before.
   */
  private describedPerson(head: string, at: number): PersonEntity | null {
    if (head === 'defendant' || head === 'accused') return this.agedPeople().find((p) => p.at < at)?.person ?? null;
    const sex = DESCRIBED_PEOPLE.get(head);
    if (!sex) return null;
    const other = sex === 'male' ? 'female' : 'male';
    return this.people.latest(at, `described:${sex}`, (e) => !e.inQuote && e.entity.gender !== other);
  }

  private aged: Array<{ person: PersonEntity; at: number }> | null = null;

  /** People introduced with their age, "Liam Carver, 34,", in order of that introduction. */
  private agedPeople(): Array<{ person: PersonEntity; at: number }> {
    if (this.aged) return this.aged;
    const { tokens } = this.index.doc;
    const found: Array<{ person: PersonEntity; at: number }> = [];
    for (const person of this.entities.people) {
      const m = person.mentions.find(
        (x) =>
          x.start >= 0 &&
          !x.inQuote &&
          tokens[x.endToken]?.text === ',' &&
          /^\d{1,3}$/.test(tokens[x.endToken + 1]?.text ?? ''),
      );
      if (m) found.push({ person, at: m.start });
    }
    this.aged = found.sort((a, b) => a.at - b.at);
    return this.aged;
  }

  /**
   * A role with nobody holding it yet, named in the next sentences: the person with that title,
   * or, in a story's opening sentence that has named nobody, the first person named.
   */
  private personNamedNext(head: string, start: number, at: number): PersonEntity | null {
    const { tokens, sentences } = this.index.doc;
    const here = tokens[firstTokenAtOrAfter(tokens, at)]?.sentence ?? -1;
    const horizon = sentences[here + NAMED_NEXT_SENTENCES];
    const until = horizon ? (tokens[horizon.endToken - 1]?.end ?? Infinity) : Infinity;
    const titled = this.people.next(at, until, `titled:${head}`, (e) => !e.inQuote && this.holdsRole(e.entity, head));
    if (titled) return titled;
    const lede = this.people.latest(start, 'anyone', (e) => !e.inQuote) === null && here <= 1;
    return lede ? this.people.next(at, until, 'first-named', (e) => !e.inQuote) : null;
  }

  private holdsRole(person: PersonEntity, head: string): boolean {
    const wanted = ROLE_SYNONYMS.get(head) ?? [head];
    const roles = [...person.roles, ...(this.rolesOf.get(person) ?? [])].map((r) => r.toLowerCase());
    return roles.some((r) => wanted.some((w) => r === w || r.endsWith(` ${w}`) || r.startsWith(`${w} `)));
  }

  /** The one person the story affiliates with `org` in a leading role matching `head` ("head" matches any). */
  private leaderOf(org: OrganizationEntity, head: string): PersonEntity | null {
    const generic = head === 'head' || head === 'leader' || head === 'chief' || head === 'boss';
    const leaders = new Set<PersonEntity>();
    for (const a of this.affiliations) {
      if (a.organization !== org || !a.role) continue;
      const last = a.role.toLowerCase().split(/\s+/).pop() ?? '';
      if (generic ? LEADING_ROLES.has(last) : last === head) leaders.add(a.person);
    }
    return leaders.size === 1 ? ([...leaders][0] ?? null) : null;
  }

  /** The organization named most often so far (the first named on a tie): whom an unattached spokesperson speaks for. */
  private protagonistOrganization(at: number): OrganizationEntity | null {
    return mostMentionedOrganization(
      this.entities,
      at,
      'protagonist',
      (org) => !org.isCountry && org.kind !== 'media',
      (org) => this.rank(org),
    );
  }

  /** The person named most often so far: whom "the senator" most likely means when no senator was introduced. */
  private protagonistBefore(at: number, excluded: 'male' | 'female' | null): PersonEntity | null {
    return this.people.leader(
      at,
      `protagonist:${excluded}`,
      (e) => !e.inQuote && !(e.entity.weak || (excluded && e.entity.gender === excluded)),
      (person) => this.rank(person),
    );
  }

  /** Position in the entity lists: who wins a tie between equally named entities. */
  private rank(entity: PersonEntity | OrganizationEntity): number {
    return this.listed.get(entity) ?? Infinity;
  }

  /** The person holding a role that `head` names, mentioned last before `at`. */
  private personWithRole(head: string, at: number): PersonEntity | null {
    const wanted = ROLE_SYNONYMS.get(head) ?? [head];
    const holds = (person: PersonEntity) => {
      const roles = [...person.roles, ...(this.rolesOf.get(person) ?? [])].map((r) => r.toLowerCase());
      return roles.some((r) => wanted.some((w) => r === w || r.endsWith(` ${w}`) || r.startsWith(`${w} `)));
    };
    const holders = new Map<PersonEntity, boolean>();
    return this.people.latest(at, `role:${head}`, (e) => {
      let known = holders.get(e.entity);
      if (known === undefined) holders.set(e.entity, (known = holds(e.entity)));
      return known;
    });
  }

  private resolveOrganizationNoun(phrase: SpeakerPhrase, at: number, label: string): ResolvedSpeaker {
    const lang = this.index.doc.language;
    if (phrase.innerOrganization) {
      const org = this.entities.entityOf.get(phrase.innerOrganization);
      if (org) return this.speakerFor(org, label, 0.75, at);
    }
    if (!phrase.definite) return { speaker: null, entity: null, label, certainty: 0.5 };
    const remembered = this.roleMemory.get(phrase.head);
    const head = phrase.head;
    const named = latestOrganization(this.entities, at, `named:${head}`, (o) =>
      o.name.toLowerCase().split(/\s+/).includes(head),
    );
    if (named) return this.speakerFor(named, label, 0.75, at);
    if (remembered?.entity) return { ...remembered, label };
    const kinds = lang.organizations.kindsOfNoun.get(head);
    const byKind = kinds
      ? latestOrganization(
          this.entities,
          at,
          `kind-of:${head}`,
          (o) => kinds.includes(o.kind) && !o.isCountry && !this.creditedOnly(o, at),
        )
      : null;
    if (byKind) return this.speakerFor(byKind, label, 0.65, at);
    // "…, the company said. Harlan Mining Co. said Tuesday …": named just after, when nothing before fits.
    const next = kinds
      ? this.organizationNamedNext(
          at,
          (o) => (kinds.includes(o.kind) || o.name.toLowerCase().split(/\s+/).includes(head)) && !o.isCountry,
        )
      : null;
    if (next) return this.speakerFor(next, label, 0.55, at);
    return { speaker: null, entity: null, label, certainty: 0.5 };
  }

  /** "CALDERWOOD, Montana (AP) —": an agency credited in the dateline is the newsroom, not "the company" in its story. */
  private creditedOnly(org: OrganizationEntity, at: number): boolean {
    if (org.kind !== 'media') return false;
    const { tokens } = this.index.doc;
    return org.mentions.every(
      (m) =>
        m.start >= at ||
        (tokens[m.firstToken - 1]?.text === '(' &&
          tokens[m.endToken]?.text === ')' &&
          m.firstToken - (this.index.doc.paragraphs[tokens[m.firstToken]?.paragraph ?? 0]?.firstToken ?? 0) <= 8),
    );
  }

  /** The first organization `accept` allows that is named, outside quotations, in the next few sentences after `at`. */
  private organizationNamedNext(at: number, accept: (o: OrganizationEntity) => boolean): OrganizationEntity | null {
    const { tokens, sentences } = this.index.doc;
    const here = tokens[firstTokenAtOrAfter(tokens, at)]?.sentence ?? -1;
    const horizon = sentences[here + NAMED_NEXT_SENTENCES];
    const until = horizon ? (tokens[horizon.endToken - 1]?.end ?? Infinity) : Infinity;
    let best: { org: OrganizationEntity; start: number } | null = null;
    for (const org of this.entities.organizations) {
      if (!accept(org)) continue;
      const m = org.mentions.find((x) => x.start > at && !x.inQuote);
      if (m && m.start < until && (!best || m.start < best.start)) best = { org, start: m.start };
    }
    return best?.org ?? null;
  }

  /**
   * A ministry named without its country ("the Foreign Ministry") belongs to
   * the country the paragraph is about: "North Korean Foreign Ministry".
   */
  private qualifyGovernmentBody(org: OrganizationEntity, at: number): void {
    const lang = this.index.doc.language;
    // The answer depends on where the body is first named, so it is worked out once per body.
    if (this.qualified.has(org)) return;
    this.qualified.add(org);
    if (!/\b(Ministry|Foreign Office|Cabinet|Parliament|Embassy|Government|Interior Department)\b/.test(org.name))
      return;
    if (org.mentions.some((m) => m.prefix)) return;
    const words = org.name.split(/\s+/);
    if (words.some((w) => /^\p{Lu}/u.test(w) && lang.names.countryAdjective(w) !== undefined)) return;
    const firstMention = Math.min(org.mentions.find((m) => m.start >= 0)?.start ?? at, at);
    const country = latestOrganization(this.entities, firstMention + 1, 'country', (o) => o.isCountry);
    if (!country || country.name === org.name) return;
    const countryAt = lastStartAtOrBefore(country.mentions, firstMention);
    if (Math.abs(this.paragraphOf(countryAt) - this.paragraphOf(firstMention)) > 1) return;
    const adjective = lang.names.countryAdjective(country.name) ?? `${country.name}'s`;
    org.aliases.add(org.name);
    org.name = `${adjective} ${org.name}`;
    organizationsChanged(this.entities);
  }

  private paragraphOf(offset: number): number {
    const { paragraphs } = this.index.doc;
    let lo = 0;
    let hi = paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((paragraphs[mid]?.end ?? Infinity) < offset) lo = mid + 1;
      else hi = mid;
    }
    const p = paragraphs[lo];
    return p && offset >= p.start ? lo : -1;
  }
}

const SPOKESPERSON = new Set(['spokesman', 'spokeswoman', 'spokesperson']);

/** Roles whose holders speak for a country or body rather than for themselves. */
const REPRESENTATIVE_ROLES = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'official',
  'officials',
  'representative',
  'source',
  'diplomat',
  'envoy',
  'negotiator',
  'ambassador',
  'minister',
  'ministry',
  'officer',
  'aide',
  'adviser',
  'advisor',
  'delegate',
]);

/** Roles that lead a body: "the head of X" is a person, never the body itself. */
const LEADING_ROLES = new Set([
  'head',
  'leader',
  'chief',
  'boss',
  'president',
  'chairman',
  'chairwoman',
  'chair',
  'chairperson',
  'director',
  'executive',
  'ceo',
  'founder',
  'owner',
  'commissioner',
  'superintendent',
  'principal',
  'dean',
  'coach',
  'manager',
]);

/**
 * Titles that, said with "the", usually point at the person the story is
 * about ("the senator", "the Utah Republican"); relational roles ("her
 * opponent", "the spokesman") do not.
 */
const PROTAGONIST_ROLES = new Set([
  'senator',
  'congressman',
  'congresswoman',
  'lawmaker',
  'legislator',
  'governor',
  'mayor',
  'president',
  'republican',
  'democrat',
  'candidate',
  'nominee',
  'billionaire',
  'businessman',
  'businesswoman',
  'chairman',
  'chairwoman',
  'secretary',
  'minister',
  'leader',
  'executive',
  'ceo',
  'founder',
  'frontrunner',
  'front-runner',
  'hopeful',
  'premier',
  'chancellor',
  'mogul',
  'star',
  'singer',
  'actor',
  'actress',
  'rapper',
  'comedian',
  'author',
]);

/** Words that describe a person the story has named, by sex: "the man", "the mum of three". */
const DESCRIBED_PEOPLE = new Map<string, 'male' | 'female'>([
  ['man', 'male'],
  ['dad', 'male'],
  ['father', 'male'],
  ['husband', 'male'],
  ['son', 'male'],
  ['grandfather', 'male'],
  ['woman', 'female'],
  ['mum', 'female'],
  ['mom', 'female'],
  ['mother', 'female'],
  ['wife', 'female'],
  ['daughter', 'female'],
  ['grandmother', 'female'],
  ['widow', 'female'],
]);

function ROLE_FALLBACK_OK(phrase: SpeakerPhrase): boolean {
  return PROTAGONIST_ROLES.has(phrase.head);
}

/** The start of the last of `mentions` (in reading order) that starts at or before `at`, or -1. */
function lastStartAtOrBefore(mentions: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid]?.start ?? Infinity) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (mentions[lo - 1]?.start ?? -1) : -1;
}
