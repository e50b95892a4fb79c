// What people and organizations share: names and aliases, the name locks ingestion also takes,
// and the moves of a merge.
import { eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../db/client.ts';
import { lookupColumns, lookupKey, slugify } from '../db/lookup.ts';
import { affiliations, mentions, organizations, people, quotes } from '../db/schema.ts';
import type { OrganizationKind } from '../extract/types.ts';
import { found, invalid } from './errors.ts';
import { allocateSlug } from './slugs.ts';
import { lockKeys, type Executor } from './transaction.ts';

export type EntityTable = typeof people | typeof organizations;
export type EntityKind = 'person' | 'organization';

export function tableOf(kind: EntityKind): EntityTable {
  return kind === 'person' ? people : organizations;
}

/** An alias list without the canonical name and without repeats (by lookup key), in order. */
export function distinctAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([lookupKey(name)]);
  return aliases.filter((alias) => {
    const key = lookupKey(alias);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Takes the name locks ingestion takes (see transaction.ts) on every name these entities go by,
 * plus `extra` (names they are about to get). Ingestion locks every key it looks candidates up
 * by, and a stored entity is a candidate only if it shares one of them, so holding all of an
 * entity's keys, old and new, puts this write strictly before or after any ingest that could
 * match it: none resolves a name to it from a stale read.
 */
export async function lockEntityNames(
  tx: Executor,
  kind: EntityKind,
  ids: readonly number[],
  extra: Iterable<string> = [],
) {
  const table = tableOf(kind);
  const keysOf = async () =>
    (
      await tx
        .select({ keys: table.lookupKeys })
        .from(table)
        .where(inArray(table.id, [...ids]))
    ).flatMap((row) => row.keys);
  const locked = new Set([...(await keysOf()), ...extra]);
  await lockKeys(tx, kind, locked);
  // Renamed meanwhile: lock the new names too (out of order, so a deadlock is possible and retried).
  const added = (await keysOf()).filter((key) => !locked.has(key));
  if (added.length) await lockKeys(tx, kind, added);
}

/** Adds a name a person or organization goes by, or removes one. Returns the row as stored now. */
export async function changeAliases(
  tx: Executor,
  input: { kind: EntityKind; id: number; alias: string; change: 'add' | 'remove' },
): Promise<{ id: number }> {
  const { kind, id } = input;
  const table = tableOf(kind);
  const key = lookupKey(input.alias);
  await lockEntityNames(tx, kind, [id], [key]);
  const [current] = await tx
    .select({ name: table.name, aliases: table.aliases })
    .from(table)
    .where(eq(table.id, id))
    .for('update');
  const entity = found(current, kind, 'entity');
  if (input.change === 'remove' && key === lookupKey(entity.name)) {
    throw invalid('The canonical name cannot be removed; rename instead.', 'alias');
  }
  const aliases =
    input.change === 'add'
      ? distinctAliases(entity.name, [...entity.aliases, input.alias])
      : entity.aliases.filter((alias) => lookupKey(alias) !== key);
  await tx
    .update(table)
    .set({ aliases, ...lookupColumns(entity.name, aliases), updatedAt: new Date() })
    .where(eq(table.id, id));
  return { id };
}

/** What a merge moved onto the kept entity. */
export interface MergeCounts {
  quotes: number;
  affiliations: number;
  mentions: number;
  aliases: number;
}

export type EntityColumn = 'personId' | 'organizationId';

const columnNames = {
  personId: { own: sql.raw('person_id'), other: sql.raw('organization_id') },
  organizationId: { own: sql.raw('organization_id'), other: sql.raw('person_id') },
};

/**
 * Adds the removed entity's mentions to the kept one's, article by article. Returns how many of
 * the removed one's mentions it took over: added to a mention the kept one already had in the
 * same article, or moved whole.
 */
export async function moveMentions(tx: Executor, column: EntityColumn, keepId: number, removeId: number) {
  const own = columnNames[column].own;
  const added = rowsOf(
    await tx.execute(sql`
      update ${mentions} as kept
      set count = kept.count + removed.count, first_offset = least(kept.first_offset, removed.first_offset)
      from ${mentions} as removed
      where kept.${own} = ${keepId} and removed.${own} = ${removeId} and kept.article_id = removed.article_id
      returning kept.id`),
  ).length;
  await tx.execute(sql`
    delete from ${mentions} as removed
    using ${mentions} as kept
    where removed.${own} = ${removeId} and kept.${own} = ${keepId} and kept.article_id = removed.article_id`);
  const moved = await tx
    .update(mentions)
    .set({ [column]: keepId })
    .where(eq(mentions[column], removeId))
    .returning({ id: mentions.id });
  return added + moved.length;
}

/** Moves affiliations, dropping those the kept entity already has (same counterpart and role). */
export async function moveAffiliations(tx: Executor, column: EntityColumn, keepId: number, removeId: number) {
  const { own, other } = columnNames[column];
  await tx.execute(sql`
    delete from ${affiliations} as removed
    using ${affiliations} as kept
    where removed.${own} = ${removeId} and kept.${own} = ${keepId}
      and kept.${other} = removed.${other} and kept.role is not distinct from removed.role`);
  const moved = await tx
    .update(affiliations)
    .set({ [column]: keepId })
    .where(eq(affiliations[column], removeId))
    .returning({ id: affiliations.id });
  return moved.length;
}

/** Checks a merge's two sides before it starts: distinct, and both there. */
export async function checkMergeSides(tx: Executor, kind: EntityKind, keepId: number, removeId: number) {
  if (keepId === removeId) throw invalid('keep and remove are the same.', 'remove');
  const table = tableOf(kind);
  for (const [path, id] of [
    ['keep', keepId],
    ['remove', removeId],
  ] as const) {
    found((await tx.select({ id: table.id }).from(table).where(eq(table.id, id)))[0], kind, path);
  }
}

/** What a merge of this kind moves besides what every merge moves; run before the removed row goes. */
export type MergeStep = (tx: Executor, keepId: number, removeId: number) => Promise<{ parentId?: number | null }>;

const speakerColumn = { person: quotes.speakerPersonId, organization: quotes.speakerOrganizationId };
const entityColumn: Record<EntityKind, EntityColumn> = { person: 'personId', organization: 'organizationId' };

/**
 * Folds `removeId` into `keepId`: quotes, affiliations, mentions and names move, then the removed
 * one is deleted. `step` moves what only this kind has (an organisation's place in its tree); the
 * columns it returns are set on the kept row. The name locks make an ingest resolving a name to
 * the removed entity finish first, and one starting later find the kept entity under the removed
 * one's names.
 */
export async function mergeEntities(
  tx: Executor,
  kind: EntityKind,
  keepId: number,
  removeId: number,
  step?: MergeStep,
): Promise<MergeCounts> {
  await checkMergeSides(tx, kind, keepId, removeId);
  await lockEntityNames(tx, kind, [keepId, removeId]);
  const table = tableOf(kind);
  // Merged or deleted by a write that committed while this one waited for its locks: NOT_FOUND.
  const row = async (id: number, path: string) =>
    found(
      (
        await tx
          .select({ name: table.name, aliases: table.aliases, description: table.description })
          .from(table)
          .where(eq(table.id, id))
          .for('update')
      )[0],
      kind,
      path,
    );
  const kept = await row(keepId, 'keep');
  const removed = await row(removeId, 'remove');
  const speaker = speakerColumn[kind];
  const movedQuotes = await tx
    .update(quotes)
    .set({ [kind === 'person' ? 'speakerPersonId' : 'speakerOrganizationId']: keepId })
    .where(eq(speaker, removeId))
    .returning({ id: quotes.id });
  const movedAffiliations = await moveAffiliations(tx, entityColumn[kind], keepId, removeId);
  const movedMentions = await moveMentions(tx, entityColumn[kind], keepId, removeId);
  const own = (await step?.(tx, keepId, removeId)) ?? {};
  const aliases = distinctAliases(kept.name, [...kept.aliases, removed.name, ...removed.aliases]);
  await tx.delete(table).where(eq(table.id, removeId));
  await tx
    .update(table)
    .set({
      aliases,
      ...lookupColumns(kept.name, aliases),
      description: kept.description ?? removed.description,
      ...own,
      updatedAt: new Date(),
    })
    .where(eq(table.id, keepId));
  return {
    quotes: movedQuotes.length,
    affiliations: movedAffiliations,
    mentions: movedMentions,
    aliases: aliases.length - kept.aliases.length,
  };
}

/** A stored person or organization as entity resolution weighs it. */
export interface EntityCandidate {
  id: number;
  name: string;
  aliases: string[];
  lookupKeys: string[];
  /** How many stored articles mention it: how well known it is in this graph. */
  articles?: number;
}

/** Stored entities sharing any of these lookup keys, in one statement, oldest first. */
export async function findEntityCandidates(
  tx: Executor,
  kind: EntityKind,
  keys: readonly string[],
): Promise<EntityCandidate[]> {
  if (keys.length === 0) return [];
  const table = tableOf(kind);
  const mentionColumn = kind === 'person' ? mentions.personId : mentions.organizationId;
  return tx
    .select({
      id: table.id,
      name: table.name,
      aliases: table.aliases,
      lookupKeys: table.lookupKeys,
      articles: sql<number>`(select count(*) from ${mentions} where ${mentionColumn} = ${table.id})::int`,
    })
    .from(table)
    .where(sql`${table.lookupKeys} && ${sql.param([...keys])}::text[]`)
    .orderBy(table.id);
}

/** Gives a person or organization this name and these aliases, as ingestion learned them. */
export async function setEntityNames(
  tx: Executor,
  kind: EntityKind,
  id: number,
  name: string,
  aliases: readonly string[],
) {
  const table = tableOf(kind);
  await tx
    .update(table)
    .set({ name, aliases: [...aliases], ...lookupColumns(name, aliases), updatedAt: new Date() })
    .where(eq(table.id, id));
}

/**
 * Stores a person or organization an article introduced; the caller holds the locks on its
 * names (ingestion looked it up under them and found nothing). Returns its id.
 */
export async function insertEntity(
  tx: Executor,
  entity:
    | { kind: 'person'; name: string; aliases: readonly string[] }
    | { kind: 'organization'; name: string; aliases: readonly string[]; organizationKind: OrganizationKind },
): Promise<number> {
  const table = tableOf(entity.kind);
  const aliases = [...entity.aliases];
  const slug = await allocateSlug(tx, table, slugify(entity.name));
  const values = { slug, name: entity.name, aliases, ...lookupColumns(entity.name, aliases) };
  const [created] =
    entity.kind === 'person'
      ? await tx.insert(people).values(values).returning({ id: people.id })
      : await tx
          .insert(organizations)
          .values({ ...values, kind: entity.organizationKind })
          .returning({ id: organizations.id });
  if (!created) throw new Error(`could not store ${entity.kind} ${entity.name}`);
  return created.id;
}
