// People: created, renamed, deleted, and merged when two records are one person. Every write
// that changes who goes by which name takes the name locks ingestion takes (entities.ts).
import { eq } from 'drizzle-orm';
import { lookupColumns, lookupKeys, slugify } from '../db/lookup.ts';
import { people } from '../db/schema.ts';
import { distinctAliases, lockEntityNames, mergeEntities, type MergeCounts } from './entities.ts';
import { found } from './errors.ts';
import { allocateSlug } from './slugs.ts';
import { lockKeys, type Executor } from './transaction.ts';

export async function createPerson(
  tx: Executor,
  input: { name: string; aliases?: readonly string[] | null; description?: string | null },
): Promise<{ personId: number }> {
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
  return { personId };
}

/** Changes to a person: undefined leaves a field as it is. A new name keeps the old one as an alias. */
export interface PersonChanges {
  id: number;
  name?: string | null;
  aliases?: readonly string[] | null;
  description?: string | null;
}

export async function updatePerson(tx: Executor, input: PersonChanges): Promise<{ personId: number }> {
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
  return { personId: id };
}

/** Deletes a person with their affiliations and mentions; their quotes stay, without a speaker. */
export async function deletePerson(tx: Executor, id: number): Promise<{ personId: number }> {
  await lockEntityNames(tx, 'person', [id]);
  const deleted = await tx.delete(people).where(eq(people.id, id)).returning({ id: people.id });
  found(deleted[0], 'person', 'id');
  return { personId: id };
}

/** Folds `removeId` into `keepId` (see mergeEntities): people have nothing of their own to move. */
export async function mergePeople(tx: Executor, keepId: number, removeId: number): Promise<MergeCounts> {
  return mergeEntities(tx, 'person', keepId, removeId);
}
