// Grouping mentions into entities: "President Barack Obama", "Obama" and
// "Mr. Obama's" become one person named Barack Obama; "AP" joins Associated
// Press; near-identical spellings of one person merge.

import type { Gender, LanguagePack } from '../language/pack.ts';
import type { Entity, OrganizationEntity, PersonEntity } from './entity-types.ts';
import type { NameMention } from './mention-types.ts';
import { mergeMisspelledSurnames, mergeNearDuplicates, push } from './near-duplicates.ts';

export interface ResolvedEntities {
  people: PersonEntity[];
  organizations: OrganizationEntity[];
  entityOf: Map<NameMention, Entity>;
}

interface NameParts {
  given: string | null;
  surname: string;
  /** Number of real name words (initials and suffixes left out). */
  size: number;
}

/** Each mention's name is split several times while entities are resolved: remembered per pack, a bounded number. */
const partsByPack = new WeakMap<LanguagePack, Map<string, Readonly<NameParts>>>();
const PARTS_CACHE_LIMIT = 20_000;

export function nameParts(words: readonly string[], lang: LanguagePack): Readonly<NameParts> {
  let known = partsByPack.get(lang);
  if (!known) {
    known = new Map();
    partsByPack.set(lang, known);
  }
  // Name words are tokens, which never hold a newline.
  const key = words.join('\n');
  const found = known.get(key);
  if (found) return found;
  const parts = Object.freeze(splitName(words, lang));
  if (known.size >= PARTS_CACHE_LIMIT) known.clear();
  known.set(key, parts);
  return parts;
}

function splitName(words: readonly string[], lang: LanguagePack): NameParts {
  const core = words.filter((w) => !lang.names.suffixes.has(w.toLowerCase()));
  let surnameStart = core.length - 1;
  while (surnameStart > 0 && lang.names.surnameParticles.has((core[surnameStart - 1] ?? '').toLowerCase()))
    surnameStart--;
  const surname = core.slice(Math.max(0, surnameStart)).join(' ').toLowerCase();
  const givenWords = core.slice(0, Math.max(0, surnameStart)).filter((w) => !/^\p{Lu}\.?$/u.test(w));
  const given = givenWords.length > 0 ? (givenWords[0] ?? '').toLowerCase() : null;
  return { given, surname, size: givenWords.length + 1 };
}

export function resolveEntities(
  given: readonly NameMention[],
  personOf: (m: NameMention) => boolean,
  lang: LanguagePack,
): ResolvedEntities & { mentions: NameMention[] } {
  // Mentions are retyped as they are attached ("unknown" → "person"): that happens to copies, returned with the entities.
  const originalOf = new Map<NameMention, NameMention>();
  const mentions = given.map((m) => {
    const copy = { ...m };
    originalOf.set(copy, m);
    return copy;
  });
  // The evidence was gathered on the mentions handed in; a copy already retyped as a person is one.
  const personLike = (m: NameMention) => m.kind === 'person' || personOf(originalOf.get(m) ?? m);
  const entityOf = new Map<NameMention, Entity>();
  const people: PersonEntity[] = [];
  const organizations: OrganizationEntity[] = [];
  let nextId = 0;

  // Full names first, so a bare surname can find its owner even when it appears earlier.
  const personMentions = mentions.filter((m) => m.kind === 'person' || m.kind === 'unknown');
  const byFullName = new Map<string, PersonEntity>();
  const bySurname = new Map<string, PersonEntity[]>();
  const byGivenName = new Map<string, PersonEntity[]>();
  const endings = new NameEndings(lang);
  const create = (m: NameMention, parts: NameParts) => {
    const person = newPerson(nextId++, m, parts, people, lang);
    push(bySurname, parts.surname, person);
    if (parts.given !== null) {
      push(byGivenName, parts.given, person);
      byFullName.set(`${parts.given} ${parts.surname}`, person);
    }
    return person;
  };
  for (const m of personMentions) {
    const parts = nameParts(m.nameTokens, lang);
    if (parts.given === null || (m.kind === 'unknown' && !personLike(m))) continue;
    const person = byFullName.get(`${parts.given} ${parts.surname}`) ?? endings.find(m) ?? create(m, parts);
    attach(person, m, entityOf, lang);
    endings.add(person);
  }
  const surnameOwners = new SurnameOwners(people, lang);
  for (const m of personMentions) {
    if (entityOf.has(m)) continue;
    const parts = nameParts(m.nameTokens, lang);
    if (isFamilyPlural(bySurname, m)) continue;
    if (m.kind === 'unknown' && m.nameTokens.length > 1 && !personLike(m)) continue;
    const sameSurname = bySurname.get(parts.surname) ?? [];
    const owner =
      surnameOwners.ownerAt(parts.surname, m.start) ??
      ownerOfGivenName(byGivenName, m) ??
      // Only "Mr. Obama" and "Obama" in the story: they are one person even without a full name.
      sameSurname.find((p) => p.given === null);
    // A bare capitalised word only joins someone whose full name is established, not another guess.
    if (owner && (m.kind === 'person' || personLike(m) || !owner.weak)) {
      attach(owner, m, entityOf, lang);
      surnameOwners.seen(owner, m.start);
      continue;
    }
    if (m.kind !== 'person' && !personLike(m)) continue;
    attach(create(m, parts), m, entityOf, lang);
  }

  const orgIndex = new OrganizationIndex(lang);
  for (const m of mentions) {
    if (m.kind !== 'organization' && m.kind !== 'country') continue;
    const org = orgIndex.find(m) ?? newOrganization(nextId++, m, organizations, lang);
    org.mentions.push(m);
    if (m.name !== org.name) org.aliases.add(m.name);
    const written = m.nameTokens.join(' ');
    if (written !== org.name) org.aliases.add(written);
    orgIndex.add(org);
    entityOf.set(m, org);
  }

  mergeNearDuplicates(people, entityOf);
  mergeMisspelledSurnames(people, entityOf);
  for (const p of people) finishPerson(p);
  return { people, organizations, entityOf, mentions };
}

function newPerson(
  id: number,
  m: NameMention,
  parts: NameParts,
  people: PersonEntity[],
  lang: LanguagePack,
): PersonEntity {
  const person: PersonEntity = {
    type: 'person',
    id,
    name: lang.organizations.canonicalSpelling(m.nameTokens.join(' ')),
    given: parts.given,
    surname: parts.surname,
    aliases: new Set(),
    roles: [],
    gender: null,
    mentions: [],
    weak: true,
  };
  people.push(person);
  return person;
}

function attach(person: PersonEntity, m: NameMention, entityOf: Map<NameMention, Entity>, lang: LanguagePack): void {
  if (m.kind === 'unknown') m.kind = 'person';
  person.mentions.push(m);
  entityOf.set(m, person);
  const written = m.nameTokens.join(' ');
  const parts = nameParts(m.nameTokens, lang);
  // The canonical name is the fullest form seen ("John D. Podesta" over "John Podesta").
  if (parts.given !== null && (person.given === null || m.nameTokens.length > person.name.split(' ').length)) {
    if (person.given === null) person.given = parts.given;
    person.name = lang.organizations.canonicalSpelling(written);
  }
  for (const t of m.titles) if (!person.roles.includes(t) && !lang.roles.isCourtesyTitle(t)) person.roles.push(t);
  if (!m.weak) person.weak = false;
}

/**
 * "Wasserman Schultz" after "Debbie Wasserman Schultz": a double surname, not
 * a person whose given name is Wasserman. Names are indexed by their endings
 * of two words or more, so the lookup does not walk every person.
 */
class NameEndings {
  private readonly byEnding = new Map<string, PersonEntity[]>();
  private readonly indexedAs = new Map<PersonEntity, string>();

  constructor(private readonly lang: LanguagePack) {}

  add(person: PersonEntity): void {
    if (this.indexedAs.get(person) === person.name) return;
    this.indexedAs.set(person, person.name);
    const words = person.name.toLowerCase().split(' ');
    for (let k = 1; k <= words.length - 2; k++) push(this.byEnding, words.slice(k).join(' '), person);
  }

  /** The first person created whose present name ends in the mention's words, with more words before them. */
  find(m: NameMention): PersonEntity | undefined {
    const words = m.nameTokens.map((w) => w.toLowerCase());
    if (words.length < 2 || this.lang.names.isKnownGivenName(words[0] ?? '')) return undefined;
    const ending = words.join(' ');
    let best: PersonEntity | undefined;
    for (const p of this.byEnding.get(ending) ?? []) {
      const name = p.name.toLowerCase();
      if (!name.endsWith(` ${ending}`) || name.split(' ').length <= words.length) continue;
      if (!best || p.id < best.id) best = p;
      // Lists are in creation order, and names rarely change: the first that still fits is the answer.
      if (best === p) break;
    }
    return best;
  }
}

/**
 * The person a bare surname refers to when several share it: one whose full
 * name was written just before, else the one introduced first (stories
 * introduce their protagonist before relatives and namesakes).
 */
class SurnameOwners {
  /** Full-name mentions of each surname's owners, in reading order. */
  private readonly fullMentions = new Map<string, Array<{ at: number; person: PersonEntity }>>();
  private readonly owners = new Map<string, PersonEntity[]>();
  /** Each surname's owner seen first, counting bare mentions attached so far. */
  private readonly first = new Map<string, { at: number; person: PersonEntity }>();

  constructor(
    people: readonly PersonEntity[],
    private readonly lang: LanguagePack,
  ) {
    for (const p of people) {
      if (p.given === null) continue;
      push(this.owners, p.surname, p);
      for (const m of p.mentions) {
        if (nameParts(m.nameTokens, this.lang).given !== null)
          push(this.fullMentions, p.surname, { at: m.start, person: p });
        this.seen(p, m.start);
      }
    }
    for (const list of this.fullMentions.values()) list.sort((a, b) => a.at - b.at);
  }

  seen(person: PersonEntity, at: number): void {
    if (person.given === null) return;
    const first = this.first.get(person.surname);
    if (!first || at < first.at) this.first.set(person.surname, { at, person });
  }

  ownerAt(surname: string, at: number): PersonEntity | undefined {
    const owners = this.owners.get(surname) ?? [];
    if (owners.length <= 1) return owners[0];
    const full = this.fullMentions.get(surname) ?? [];
    let lo = 0;
    let hi = full.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((full[mid]?.at ?? Infinity) < at) lo = mid + 1;
      else hi = mid;
    }
    const recent = full[lo - 1];
    if (recent && at - recent.at < NEARBY_CHARS) return recent.person;
    return this.first.get(surname)?.person;
  }
}

/** "the Ebelings": a family, not a person called Ebelings. */
function isFamilyPlural(bySurname: Map<string, PersonEntity[]>, m: NameMention): boolean {
  if (m.nameTokens.length !== 1) return false;
  const word = (m.nameTokens[0] ?? '').toLowerCase();
  return word.endsWith('s') && (bySurname.has(word.slice(0, -1)) || bySurname.has(word.slice(0, -2)));
}

/** A full name this close before a bare surname decides whose surname it is. */
const NEARBY_CHARS = 300;

/** "Hillary" alone: the one person with that given name. */
function ownerOfGivenName(byGivenName: Map<string, PersonEntity[]>, m: NameMention): PersonEntity | undefined {
  if (m.nameTokens.length !== 1) return undefined;
  const owners = byGivenName.get((m.nameTokens[0] ?? '').toLowerCase()) ?? [];
  return owners.length === 1 ? owners[0] : undefined;
}

/**
 * Organizations by every written form, and by the initials of their long
 * names, so that "CFPB" meets "Consumer Financial Protection Bureau".
 */
class OrganizationIndex {
  private readonly byKey = new Map<string, OrganizationEntity>();
  private readonly byInitials = new Map<string, OrganizationEntity>();
  /** Forms already indexed: both maps keep their first entry, so indexing a form again changes nothing. */
  private readonly indexed = new Set<string>();

  constructor(private readonly lang: LanguagePack) {}

  add(org: OrganizationEntity): void {
    for (const form of [org.name, ...org.aliases]) {
      if (this.indexed.has(form)) continue;
      this.indexed.add(form);
      const key = this.lang.organizations.normaliseKey(form);
      if (!this.byKey.has(key)) this.byKey.set(key, org);
      const letters = initials(form);
      if (letters.length >= 2 && !this.byInitials.has(letters)) this.byInitials.set(letters, org);
    }
  }

  find(m: NameMention): OrganizationEntity | undefined {
    const byKey = this.byKey.get(this.lang.organizations.normaliseKey(m.name));
    if (byKey) return byKey;
    const acronym = m.name.replace(/\./g, '');
    if (/^\p{Lu}{2,6}$/u.test(acronym)) return this.byInitials.get(acronym);
    // A long name written after its acronym: find the acronym by this name's initials.
    return this.byKey.get(this.lang.organizations.normaliseKey(initials(m.name)));
  }
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

function newOrganization(
  id: number,
  m: NameMention,
  orgs: OrganizationEntity[],
  lang: LanguagePack,
): OrganizationEntity {
  const known = lang.organizations.known(m.name);
  const org: OrganizationEntity = {
    type: 'organization',
    id,
    name: known?.name ?? lang.organizations.stripCorporateSuffix(lang.organizations.canonicalSpelling(m.name)),
    kind: known?.kind ?? m.organizationKind ?? 'other',
    aliases: new Set(),
    mentions: [],
    isCountry: m.kind === 'country',
  };
  orgs.push(org);
  return org;
}

function finishPerson(p: PersonEntity): void {
  p.mentions.sort((x, y) => x.start - y.start);
  for (const m of p.mentions) {
    const written = m.nameTokens.join(' ');
    if (written !== p.name) p.aliases.add(written);
  }
  p.gender = majorityGender(p.mentions.map((m) => m.gender));
}

function majorityGender(genders: Array<Gender | null>): Gender | null {
  const male = genders.filter((g) => g === 'male').length;
  const female = genders.filter((g) => g === 'female').length;
  if (male > female) return 'male';
  if (female > male) return 'female';
  return null;
}
