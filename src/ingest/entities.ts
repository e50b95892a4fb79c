// Cross-article entity resolution: the "Obama" of today's article is the Barack Obama stored
// last week. Matching is by lookup key (case- and accent-folded name or alias), with care for
// ambiguity: a surname alone never merges into one of several people who share it.
import { eq, sql } from 'drizzle-orm';
import { lookupColumns, lookupKey, lookupKeys, slugify } from '../db/lookup.ts';
import { organizations, people } from '../db/schema.ts';
import type { ExtractedOrganization, ExtractedPerson, OrganizationKind } from '../extract/types.ts';
import type { Executor } from './executor.ts';
import { allocateSlug } from './slugs.ts';

interface StoredEntity {
  id: number;
  name: string;
  aliases: string[];
  lookupKeys: string[];
}

export interface ResolvedEntities {
  /** Extracted name (and each alias) → stored person id. */
  personIds: Map<string, number>;
  organizationIds: Map<string, number>;
  warnings: string[];
}

type EntityTable = typeof people | typeof organizations;

/** Stored entities sharing any of these keys, in one statement. */
async function findCandidates(tx: Executor, table: EntityTable, keys: string[]): Promise<StoredEntity[]> {
  if (keys.length === 0) return [];
  return tx
    .select({ id: table.id, name: table.name, aliases: table.aliases, lookupKeys: table.lookupKeys })
    .from(table)
    .where(sql`${table.lookupKeys} && ${sql.param(keys)}::text[]`)
    .orderBy(table.id);
}

/**
 * Picks the stored entity an extracted one refers to, or null for "new".
 * A full name (two or more words) matches any entity that has it as name or alias.
 * A single word ("Obama") matches only when exactly one stored entity goes by it.
 */
export function chooseMatch(
  name: string,
  aliases: readonly string[],
  candidates: readonly StoredEntity[],
): { match: StoredEntity | null; ambiguous: boolean } {
  const nameKey = lookupKey(name);
  const withName = candidates.filter((candidate) => candidate.lookupKeys.includes(nameKey));
  const canonical = withName.filter((candidate) => candidate.lookupKeys[0] === nameKey);
  if (canonical.length === 1) return { match: canonical[0] ?? null, ambiguous: false };
  if (withName.length === 1) return { match: withName[0] ?? null, ambiguous: false };
  if (withName.length > 1) return { match: null, ambiguous: true };
  // The article's own longer forms ("Barack Obama" as an alias of an extracted "Obama").
  const longerAliases = aliases.filter((alias) => alias.trim().includes(' '));
  for (const alias of longerAliases) {
    const key = lookupKey(alias);
    const matches = candidates.filter((candidate) => candidate.lookupKeys.includes(key));
    if (matches.length === 1) return { match: matches[0] ?? null, ambiguous: false };
  }
  return { match: null, ambiguous: false };
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

async function resolveOne(
  tx: Executor,
  table: EntityTable,
  extracted: { name: string; aliases: string[] },
  candidates: StoredEntity[],
  insertValues: Record<string, unknown>,
  warnings: string[],
  label: string,
): Promise<number> {
  const { match, ambiguous } = chooseMatch(extracted.name, extracted.aliases, candidates);
  if (ambiguous) {
    warnings.push(`${label} "${extracted.name}" matches several stored entries; kept it separate`);
  }
  if (match) {
    const aliases = mergedAliases(match, extracted.name, extracted.aliases);
    if (aliases.length !== match.aliases.length) {
      await tx
        .update(table)
        .set({ aliases, ...lookupColumns(match.name, aliases), updatedAt: new Date() })
        .where(eq(table.id, match.id));
      match.aliases = aliases;
      match.lookupKeys = lookupKeys(match.name, aliases);
    }
    return match.id;
  }
  const aliases = extracted.aliases.filter((alias) => lookupKey(alias) !== lookupKey(extracted.name));
  const slug = await allocateSlug(tx, table, slugify(extracted.name));
  const [created] = await tx
    .insert(table)
    .values({ slug, name: extracted.name, aliases, ...lookupColumns(extracted.name, aliases), ...insertValues } as never)
    .returning({ id: table.id });
  if (!created) throw new Error(`could not store ${label} ${extracted.name}`);
  candidates.push({ id: created.id, name: extracted.name, aliases, lookupKeys: lookupKeys(extracted.name, aliases) });
  return created.id;
}

function remember(ids: Map<string, number>, entity: { name: string; aliases: string[] }, id: number) {
  for (const form of [entity.name, ...entity.aliases]) {
    if (!ids.has(form)) ids.set(form, id);
  }
}

export async function resolveEntities(
  tx: Executor,
  extractedPeople: readonly ExtractedPerson[],
  extractedOrganizations: readonly ExtractedOrganization[],
): Promise<ResolvedEntities> {
  const warnings: string[] = [];
  const personIds = new Map<string, number>();
  const organizationIds = new Map<string, number>();

  const personKeys = extractedPeople.flatMap((person) => lookupKeys(person.name, person.aliases));
  const personCandidates = await findCandidates(tx, people, personKeys);
  for (const person of extractedPeople) {
    const id = await resolveOne(tx, people, person, personCandidates, {}, warnings, 'person');
    remember(personIds, person, id);
  }

  const organizationKeys = extractedOrganizations.flatMap((org) => lookupKeys(org.name, org.aliases));
  const organizationCandidates = await findCandidates(tx, organizations, organizationKeys);
  for (const organization of extractedOrganizations) {
    const kind: OrganizationKind = organization.kind;
    const id = await resolveOne(tx, organizations, organization, organizationCandidates, { kind }, warnings, 'organization');
    remember(organizationIds, organization, id);
  }
  return { personIds, organizationIds, warnings };
}
