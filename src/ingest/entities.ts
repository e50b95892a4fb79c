// Cross-article entity resolution: the "Obama" of today's article is the Barack Obama stored
// last week. Matching is by lookup key (case- and accent-folded name or alias), with care for
// ambiguity: a surname alone never merges into one of several people who share it.
import { lookupKey, lookupKeys } from '../db/lookup.ts';
import type { ExtractedOrganization, ExtractedPerson, OrganizationKind } from '../extract/types.ts';
import {
  findEntityCandidates,
  insertEntity,
  setEntityNames,
  type EntityCandidate as StoredEntity,
} from '../store/entities.ts';
import { lockKeys, type Executor } from '../store/transaction.ts';

export interface ResolvedEntities {
  /** Extracted name (and each alias) → stored person id. */
  personIds: Map<string, number>;
  organizationIds: Map<string, number>;
  warnings: string[];
}

/** "donald j trump" → "donald trump": the key without single-letter middle initials. */
export function withoutMiddleInitials(key: string): string {
  const words = key.split(' ');
  if (words.length < 3) return key;
  const kept = words.filter((word, index) => index === 0 || index === words.length - 1 || word.length > 1);
  return kept.join(' ');
}

/** Middle initials of a key: "george h w bush" → "hw". */
function middleInitials(key: string): string {
  return key
    .split(' ')
    .slice(1, -1)
    .filter((word) => word.length === 1)
    .join('');
}

type Match = { match: StoredEntity | null; ambiguous: boolean };

function only(candidates: readonly StoredEntity[], preferred: ReadonlySet<number>): Match | null {
  if (candidates.length === 1) return { match: candidates[0] ?? null, ambiguous: false };
  if (candidates.length === 0) return null;
  // The article's own context decides: the entity this article already pointed at.
  const previous = candidates.filter((candidate) => preferred.has(candidate.id));
  if (previous.length === 1) return { match: previous[0] ?? null, ambiguous: false };
  // Otherwise the graph's own prior: when one of them is far better known (three times the
  // articles of the next, and at least three), a bare "Obama" in 2016 news is that one.
  const [best, next] = [...candidates].sort((a, b) => (b.articles ?? 0) - (a.articles ?? 0));
  if (best && next && (best.articles ?? 0) >= 3 && (best.articles ?? 0) >= 3 * (next.articles ?? 0)) {
    return { match: best, ambiguous: false };
  }
  return { match: null, ambiguous: true };
}

/**
 * Picks the stored entity an extracted one refers to, or null for "new".
 * - The full name matches any entity that has it as name or alias (its canonical owner first).
 * - "Donald J. Trump" matches a lone "Donald Trump", unless that one is known by other initials;
 *   a person's "Hillary Rodham Clinton" matches "Hillary Clinton", unless known by another middle name.
 * - A single word ("Obama") matches only when exactly one stored entity goes by it, or when
 *   the article itself spells the full name out as an alias.
 * Several matches with nothing to decide between them are ambiguous: no merge.
 * `preferred` holds the ids the same article resolved to before (re-ingestion).
 */
export function chooseMatch(
  name: string,
  aliases: readonly string[],
  candidates: readonly StoredEntity[],
  preferred: ReadonlySet<number> = new Set(),
  options: { person: boolean } = { person: true },
): Match {
  const nameKey = lookupKey(name);
  const canonical = candidates.filter((candidate) => candidate.lookupKeys[0] === nameKey);
  const withName = candidates.filter((candidate) => candidate.lookupKeys.includes(nameKey));
  const byName = only(canonical, preferred) ?? only(withName, preferred);
  if (byName) return byName;

  const stripped = withoutMiddleInitials(nameKey);
  if (stripped !== nameKey) {
    const initials = middleInitials(nameKey);
    const compatible = candidates.filter(
      (candidate) =>
        candidate.lookupKeys.some((key) => withoutMiddleInitials(key) === stripped) &&
        !candidate.lookupKeys.some(
          (key) =>
            withoutMiddleInitials(key) === stripped && middleInitials(key) !== '' && middleInitials(key) !== initials,
        ),
    );
    const byInitials = only(compatible, preferred);
    if (byInitials) return byInitials;
  }

  if (options.person) {
    const byFirstAndLast = matchWithoutMiddleName(withoutMiddleInitials(nameKey), candidates, preferred);
    if (byFirstAndLast) return byFirstAndLast;
  }

  if (!nameKey.includes(' ')) {
    for (const alias of aliases) {
      const key = lookupKey(alias);
      if (!key.includes(' ')) continue;
      const byAlias = only(
        candidates.filter((candidate) => candidate.lookupKeys.includes(key)),
        preferred,
      );
      if (byAlias?.match) return byAlias;
    }
  }
  return { match: null, ambiguous: false };
}

/** "hillary rodham clinton" → "hillary clinton"; null for names of fewer than three words. */
function firstAndLast(key: string): string | null {
  const words = key.split(' ');
  return words.length >= 3 ? `${words[0]} ${words[words.length - 1]}` : null;
}

/**
 * "Hillary Rodham Clinton" is the stored "Hillary Clinton", unless that person is known by
 * another middle name ("Hillary Jane Clinton" would be someone else). `key` is without initials.
 */
function matchWithoutMiddleName(
  key: string,
  candidates: readonly StoredEntity[],
  preferred: ReadonlySet<number>,
): Match | null {
  const short = firstAndLast(key);
  if (!short) return null;
  const middle = key.split(' ').slice(1, -1).join(' ');
  const otherMiddle = (candidate: StoredEntity) =>
    candidate.lookupKeys.some((stored) => {
      const plain = withoutMiddleInitials(stored);
      return firstAndLast(plain) === short && plain.split(' ').slice(1, -1).join(' ') !== middle;
    });
  return only(
    candidates.filter((candidate) => candidate.lookupKeys.includes(short) && !otherMiddle(candidate)),
    preferred,
  );
}

/**
 * A stored person known by a single word ("Obama", from an article that never gave the full
 * name) that a full name can claim: the only stored entry going by that word.
 */
export function claimablePlaceholder(name: string, candidates: readonly StoredEntity[]): StoredEntity | null {
  const words = lookupKey(name).split(' ');
  if (words.length < 2) return null;
  const surname = words[words.length - 1] as string;
  const goingBySurname = candidates.filter((candidate) => candidate.lookupKeys.includes(surname));
  const placeholder = goingBySurname.find((candidate) => candidate.lookupKeys[0] === surname);
  return placeholder && goingBySurname.length === 1 ? placeholder : null;
}

function mergedAliases(stored: StoredEntity, name: string, aliases: readonly string[]): string[] {
  const known = new Set(stored.lookupKeys);
  const learned = [...stored.aliases];
  for (const alias of [name, ...aliases]) {
    const key = lookupKey(alias);
    if (key && !known.has(key)) {
      known.add(key);
      learned.push(alias);
    }
  }
  return learned;
}

interface ResolveContext {
  tx: Executor;
  candidates: StoredEntity[];
  preferred: ReadonlySet<number>;
  warnings: string[];
  label: 'person' | 'organization';
}

async function storeAliases(context: ResolveContext, entity: StoredEntity, name: string, aliases: string[]) {
  await setEntityNames(context.tx, context.label, entity.id, name, aliases);
  entity.name = name;
  entity.aliases = aliases;
  entity.lookupKeys = lookupKeys(name, aliases);
}

/** Aliases a new entity starts with: the article's forms, and its name without middle initials. */
function initialAliases(name: string, aliases: readonly string[], isPerson: boolean): string[] {
  const nameKey = lookupKey(name);
  const result: string[] = [];
  const seen = new Set([nameKey]);
  const stripped = withoutMiddleInitials(nameKey);
  const words = name.trim().split(/\s+/);
  const isInitial = (word: string) =>
    lookupKey(word)
      .split(' ')
      .every((part) => part.length === 1);
  const derived =
    isPerson && stripped !== nameKey && words.length > 2
      ? [[words[0], ...words.slice(1, -1).filter((word) => !isInitial(word)), words.at(-1)].join(' ')]
      : [];
  for (const alias of [...aliases, ...derived]) {
    const key = lookupKey(alias);
    if (key && !seen.has(key)) {
      seen.add(key);
      result.push(alias);
    }
  }
  return result;
}

async function resolveOne(
  context: ResolveContext,
  extracted: { name: string; aliases: string[] },
  organizationKind: OrganizationKind = 'other',
): Promise<number> {
  const { match, ambiguous } = chooseMatch(extracted.name, extracted.aliases, context.candidates, context.preferred, {
    person: context.label === 'person',
  });
  if (ambiguous) {
    context.warnings.push(`${context.label} "${extracted.name}" matches several stored entries; kept it separate`);
  }
  if (match) {
    const aliases = mergedAliases(match, extracted.name, extracted.aliases);
    if (aliases.length !== match.aliases.length) await storeAliases(context, match, match.name, aliases);
    return match.id;
  }
  const isPerson = context.label === 'person';
  const placeholder = isPerson && !ambiguous ? claimablePlaceholder(extracted.name, context.candidates) : null;
  if (placeholder) {
    // The full name takes over the surname-only entry; the surname stays as an alias.
    const aliases = initialAliases(
      extracted.name,
      [placeholder.name, ...placeholder.aliases, ...extracted.aliases],
      true,
    );
    await storeAliases(context, placeholder, extracted.name, aliases);
    return placeholder.id;
  }
  const aliases = initialAliases(extracted.name, extracted.aliases, isPerson);
  const id = await insertEntity(
    context.tx,
    context.label === 'person'
      ? { kind: 'person', name: extracted.name, aliases }
      : { kind: 'organization', name: extracted.name, aliases, organizationKind },
  );
  context.candidates.push({ id, name: extracted.name, aliases, lookupKeys: lookupKeys(extracted.name, aliases) });
  return id;
}

function remember(ids: Map<string, number>, entity: { name: string; aliases: string[] }, id: number) {
  for (const form of [entity.name, ...entity.aliases]) {
    if (!ids.has(form)) ids.set(form, id);
  }
}

/** Keys to look stored candidates up by: every form, plus surnames (for placeholders). */
function candidateKeys(entities: readonly { name: string; aliases: string[] }[]): string[] {
  return entities.flatMap((entity) => {
    const keys = lookupKeys(entity.name, entity.aliases);
    return [
      ...keys,
      ...keys.map(withoutMiddleInitials),
      ...keys.flatMap((key) => firstAndLast(withoutMiddleInitials(key)) ?? []),
      ...keys.map((key) => key.split(' ').at(-1) ?? key),
    ];
  });
}

export interface PreviousLinks {
  personIds: ReadonlySet<number>;
  organizationIds: ReadonlySet<number>;
}

export async function resolveEntities(
  tx: Executor,
  extractedPeople: readonly ExtractedPerson[],
  extractedOrganizations: readonly ExtractedOrganization[],
  previous: PreviousLinks = { personIds: new Set(), organizationIds: new Set() },
): Promise<ResolvedEntities> {
  const warnings: string[] = [];
  const personIds = new Map<string, number>();
  const organizationIds = new Map<string, number>();

  // Every key a candidate could be found by is locked before looking: a concurrent write that
  // is about to create (or merge away) a person of this name finishes first, and we see it.
  const personKeys = candidateKeys(extractedPeople);
  await lockKeys(tx, 'person', personKeys);
  const personContext: ResolveContext = {
    tx,
    candidates: await findEntityCandidates(tx, 'person', personKeys),
    preferred: previous.personIds,
    warnings,
    label: 'person',
  };
  // Full names first, so a surname-only mention can then match the person just resolved.
  const byLength = [...extractedPeople].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const person of byLength) remember(personIds, person, await resolveOne(personContext, person));

  const organizationKeys = candidateKeys(extractedOrganizations);
  await lockKeys(tx, 'organization', organizationKeys);
  const organizationContext: ResolveContext = {
    tx,
    candidates: await findEntityCandidates(tx, 'organization', organizationKeys),
    preferred: previous.organizationIds,
    warnings,
    label: 'organization',
  };
  for (const organization of extractedOrganizations) {
    const kind: OrganizationKind = organization.kind;
    remember(organizationIds, organization, await resolveOne(organizationContext, organization, kind));
  }
  return { personIds, organizationIds, warnings };
}
