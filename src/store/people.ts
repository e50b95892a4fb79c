// People: created, renamed, deleted, and merged when two records are one person. Every write
// that changes who goes by which name takes the name locks ingestion takes (entities.ts).
import { eq } from 'drizzle-orm';
import { lookupColumns, lookupKeys, slugify } from '../db/lookup.ts';
import { people, quotes } from '../db/schema.ts';
import {
  checkMergeSides,
  distinctAliases,
  lockEntityNames,
  moveAffiliations,
  moveMentions,
  type MergeCounts,
} from './entities.ts';
import { found } from './errors.ts';
import { allocateSlug } from './slugs.ts';
import { lockKeys, type Executor, type Written } from './transaction.ts';

export async function createPerson(
  tx: Executor,
  input: { name: string; aliases?: readonly string[] | null; description?: string | null },
): Promise<Written<{ personId: number }>> {
  const aliases = distinctAliases(input.name, input.aliases ?? []);
  await lockKeys(tx, 'person', lookupKeys(input.name, aliases));
  const slug = await allocateSlug(tx, people, slugify(input.name));
  const [row] = await tx
    .insert(people)
    .values({
      slug,
      name: input.name,
      aliases,
      description: input.description ?? null,
      ...lookupColumns(input.name, aliases),
    })
    .returning({ id: people.id });
  const personId = found(row, 'person', '').id;
  return { result: { personId }, change: { people: [personId] } };
}

/** Changes to a person: undefined leaves a field as it is. A new name keeps the old one as an alias. */
export interface PersonChanges {
  id: number;
  name?: string | null;
  aliases?: readonly string[] | null;
  description?: string | null;
}

export async function updatePerson(tx: Executor, input: PersonChanges): Promise<Written<{ personId: number }>> {
  const { id } = input;
  await lockEntityNames(tx, 'person', [id], lookupKeys(input.name ?? '', input.aliases ?? []));
  const [current] = await tx.select().from(people).where(eq(people.id, id)).for('update');
  const person = found(current, 'person', 'id');
  const name = input.name ?? person.name;
  const requested = input.aliases ?? person.aliases;
  const aliases = distinctAliases(
    name,
    name !== person.name && input.aliases == null ? [...requested, person.name] : requested,
  );
  await tx
    .update(people)
    .set({
      name,
      aliases,
      ...lookupColumns(name, aliases),
      ...(input.description !== undefined ? { description: input.description } : {}),
      updatedAt: new Date(),
    })
    .where(eq(people.id, id));
  return { result: { personId: id }, change: { people: [id] } };
}

/** Deletes a person with their affiliations and mentions; their quotes stay, without a speaker. */
export async function deletePerson(tx: Executor, id: number): Promise<Written<{ personId: number }>> {
  await lockEntityNames(tx, 'person', [id]);
  const deleted = await tx.delete(people).where(eq(people.id, id)).returning({ id: people.id });
  found(deleted[0], 'person', 'id');
  return { result: { personId: id }, change: { people: [id] } };
}

/**
 * Folds `removeId` into `keepId`: quotes, affiliations, mentions and names move, then the removed
 * one is deleted. The name locks make an ingest resolving a name to the removed person finish
 * first, and one starting later find the kept person under the removed one's names.
 */
export async function mergePeople(tx: Executor, keepId: number, removeId: number): Promise<Written<MergeCounts>> {
  await checkMergeSides(tx, 'person', keepId, removeId);
  await lockEntityNames(tx, 'person', [keepId, removeId]);
  // Merged or deleted by a write that committed while this one waited for its locks: NOT_FOUND.
  const kept = found((await tx.select().from(people).where(eq(people.id, keepId)).for('update'))[0], 'person', 'keep');
  const removed = found(
    (await tx.select().from(people).where(eq(people.id, removeId)).for('update'))[0],
    'person',
    'remove',
  );
  const movedQuotes = await tx
    .update(quotes)
    .set({ speakerPersonId: keepId })
    .where(eq(quotes.speakerPersonId, removeId))
    .returning({ id: quotes.id });
  const movedAffiliations = await moveAffiliations(tx, 'personId', keepId, removeId);
  const movedMentions = await moveMentions(tx, 'personId', keepId, removeId);
  const aliases = distinctAliases(kept.name, [...kept.aliases, removed.name, ...removed.aliases]);
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
    result: {
      quotes: movedQuotes.length,
      affiliations: movedAffiliations,
      mentions: movedMentions,
      aliases: aliases.length - kept.aliases.length,
    },
    change: { people: [keepId, removeId] },
  };
}
