// What people and organizations share: names and aliases, the name locks ingestion also takes,
// and the moves of a merge.
import { eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../db/client.ts';
import { lookupColumns, lookupKey, slugify } from '../db/lookup.ts';
import { affiliations, mentions, organizations, people } from '../db/schema.ts';
import type { OrganizationKind } from '../extract/types.ts';
import { found, invalid } from './errors.ts';
import { allocateSlug } from './slugs.ts';
import { lockKeys, type Executor, type Written } from './transaction.ts';

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
): Promise<Written<{ id: number }>> {
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
  return { result: { id }, change: kind === 'person' ? { people: [id] } : { organizations: [id] } };
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
