// The editor's fix when entity resolution got it wrong: fold one person (or organization) into
// another. Everything that pointed at the removed one — quotes, affiliations, mentions, names,
// child organizations — moves to the kept one, then the removed one is deleted.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../db/client.ts';
import { lookupColumns, lookupKey } from '../db/lookup.ts';
import { affiliations, mentions, organizations, people, quotes } from '../db/schema.ts';
import type { Executor } from '../store/transaction.ts';
import { lockKeys } from '../store/transaction.ts';

export interface MergeCounts {
  quotes: number;
  affiliations: number;
  mentions: number;
  aliases: number;
}

function combinedAliases(
  kept: { name: string; aliases: string[] },
  removed: { name: string; aliases: string[] },
): string[] {
  const seen = new Set([lookupKey(kept.name), ...kept.aliases.map(lookupKey)]);
  const result = [...kept.aliases];
  for (const alias of [removed.name, ...removed.aliases]) {
    const key = lookupKey(alias);
    if (key && !seen.has(key)) {
      seen.add(key);
      result.push(alias);
    }
  }
  return result;
}

/** One side of a merge is gone, typically merged or deleted by a write that committed first. */
export class MergeTargetMissing extends Error {
  override name = 'MergeTargetMissing';
  constructor(readonly side: 'keep' | 'remove') {
    super(`the entity to ${side} does not exist`);
  }
}

type EntityColumn = 'personId' | 'organizationId';

/**
 * Locks every name both entities go by, as an ingest locks the names it looks up: an ingest that
 * is resolving a name to the one being removed finishes before the merge starts, and one that
 * starts later finds the kept entity under the removed one's names.
 */
async function lockNames(tx: Executor, table: typeof people | typeof organizations, ids: number[]) {
  const scope = table === people ? 'person' : 'organization';
  const keysOf = async () =>
    (await tx.select({ keys: table.lookupKeys }).from(table).where(inArray(table.id, ids))).flatMap((row) => row.keys);
  const locked = new Set(await keysOf());
  await lockKeys(tx, scope, locked);
  // Renamed meanwhile: lock the new names too (out of order, so a deadlock is possible and retried).
  const added = (await keysOf()).filter((key) => !locked.has(key));
  if (added.length) await lockKeys(tx, scope, added);
}

const columnNames = {
  personId: { own: sql.raw('person_id'), other: sql.raw('organization_id') },
  organizationId: { own: sql.raw('organization_id'), other: sql.raw('person_id') },
};

/**
 * Adds the removed entity's mentions to the kept one's, article by article. Returns how many of
 * the removed one's mentions it took over: added to a mention the kept one already had in the
 * same article, or moved whole.
 */
async function moveMentions(tx: Executor, column: EntityColumn, keepId: number, removeId: number) {
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
async function moveAffiliations(tx: Executor, column: EntityColumn, keepId: number, removeId: number) {
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

export async function mergePeople(tx: Executor, keepId: number, removeId: number): Promise<MergeCounts> {
  await lockNames(tx, people, [keepId, removeId]);
  const [kept] = await tx.select().from(people).where(eq(people.id, keepId)).for('update');
  const [removed] = await tx.select().from(people).where(eq(people.id, removeId)).for('update');
  if (!kept || !removed) throw new MergeTargetMissing(kept ? 'remove' : 'keep');
  const movedQuotes = await tx
    .update(quotes)
    .set({ speakerPersonId: keepId })
    .where(eq(quotes.speakerPersonId, removeId))
    .returning({ id: quotes.id });
  const movedAffiliations = await moveAffiliations(tx, 'personId', keepId, removeId);
  const movedMentions = await moveMentions(tx, 'personId', keepId, removeId);
  const aliases = combinedAliases(kept, removed);
  await tx.delete(people).where(eq(people.id, removeId));
  await tx
    .update(people)
    .set({
      aliases,
      ...lookupColumns(kept.name, aliases),
      description: kept.description ?? removed.description,
      updatedAt: new Date(),
    })
    .where(eq(people.id, keepId));
  return {
    quotes: movedQuotes.length,
    affiliations: movedAffiliations,
    mentions: movedMentions,
    aliases: aliases.length - kept.aliases.length,
  };
}

/** True when `ancestorId` is above `organizationId` in the hierarchy. */
async function isAncestor(tx: Executor, ancestorId: number, organizationId: number): Promise<boolean> {
  const result = await tx.execute(sql`
    with recursive up(id, depth) as (
      select parent_id, 1 from ${organizations} where id = ${organizationId} and parent_id is not null
      union all
      select o.parent_id, up.depth + 1 from ${organizations} o join up on o.id = up.id
      where o.parent_id is not null and up.depth < 10000
    ) select exists (select 1 from up where id = ${ancestorId}) as found`);
  return Boolean(rowsOf<{ found: boolean }>(result)[0]?.found);
}

export async function mergeOrganizations(tx: Executor, keepId: number, removeId: number): Promise<MergeCounts> {
  await lockNames(tx, organizations, [keepId, removeId]);
  const [kept] = await tx.select().from(organizations).where(eq(organizations.id, keepId)).for('update');
  const [removed] = await tx.select().from(organizations).where(eq(organizations.id, removeId)).for('update');
  if (!kept || !removed) throw new MergeTargetMissing(kept ? 'remove' : 'keep');
  const movedQuotes = await tx
    .update(quotes)
    .set({ speakerOrganizationId: keepId })
    .where(eq(quotes.speakerOrganizationId, removeId))
    .returning({ id: quotes.id });
  const movedAffiliations = await moveAffiliations(tx, 'organizationId', keepId, removeId);
  const movedMentions = await moveMentions(tx, 'organizationId', keepId, removeId);
  // Kept from below the removed one (its child, grandchild…), it takes the removed one's place:
  // staying under its old parent, soon one of its own descendants, would close a cycle.
  const keptFromBelow = await isAncestor(tx, removeId, keepId);
  // Children of the removed organization now belong to the kept one (never to itself).
  await tx
    .update(organizations)
    .set({ parentId: keepId })
    .where(and(eq(organizations.parentId, removeId), sql`${organizations.id} <> ${keepId}`));
  const aliases = combinedAliases(kept, removed);
  const parentId = keptFromBelow ? removed.parentId : kept.parentId;
  await tx.delete(organizations).where(eq(organizations.id, removeId));
  await tx
    .update(organizations)
    .set({
      aliases,
      ...lookupColumns(kept.name, aliases),
      description: kept.description ?? removed.description,
      parentId: parentId === keepId ? null : parentId,
      updatedAt: new Date(),
    })
    .where(eq(organizations.id, keepId));
  return {
    quotes: movedQuotes.length,
    affiliations: movedAffiliations,
    mentions: movedMentions,
    aliases: aliases.length - kept.aliases.length,
  };
}
