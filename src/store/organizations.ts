// Organizations: created, renamed, moved in the hierarchy, deleted, and merged. Like people's,
// their name changes take the name locks ingestion takes (entities.ts).
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../db/client.ts';
import { lookupColumns, lookupKeys, slugify } from '../db/lookup.ts';
import { organizations } from '../db/schema.ts';
import type { OrganizationKind } from '../extract/types.ts';
import { distinctAliases, lockEntityNames, mergeEntities, type MergeCounts } from './entities.ts';
import { found, invalid } from './errors.ts';
import { allocateSlug } from './slugs.ts';
import { lockKeys, type Executor } from './transaction.ts';

/** True when `ancestorId` is `organizationId` or above it in the hierarchy. */
async function isAncestorOrSelf(tx: Executor, ancestorId: number, organizationId: number): Promise<boolean> {
  if (ancestorId === organizationId) return true;
  const result = await tx.execute(sql`
    with recursive up(id, depth) as (
      select parent_id, 1 from ${organizations} where id = ${organizationId} and parent_id is not null
      union all
      select o.parent_id, up.depth + 1 from ${organizations} o join up on o.id = up.id
      where o.parent_id is not null and up.depth < 10000
    ) select exists (select 1 from up where id = ${ancestorId}) as found`);
  return Boolean(rowsOf<{ found: boolean }>(result)[0]?.found);
}

async function checkParent(tx: Executor, parentId: number) {
  found(
    (await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, parentId)))[0],
    'organization',
    'parent',
  );
}

export interface NewOrganization {
  name: string;
  kind?: OrganizationKind | null;
  aliases?: readonly string[] | null;
  description?: string | null;
  parentId?: number | null;
}

export async function createOrganization(tx: Executor, input: NewOrganization): Promise<{ organizationId: number }> {
  const aliases = distinctAliases(input.name, input.aliases ?? []);
  const parentId = input.parentId ?? null;
  await lockKeys(tx, 'organization', lookupKeys(input.name, aliases));
  if (parentId !== null) await checkParent(tx, parentId);
  const slug = await allocateSlug(tx, organizations, slugify(input.name));
  const [row] = await tx
    .insert(organizations)
    .values({
      slug,
      name: input.name,
      kind: input.kind ?? 'other',
      aliases,
      parentId,
      description: input.description ?? null,
      ...lookupColumns(input.name, aliases),
    })
    .returning({ id: organizations.id });
  const organizationId = found(row, 'organization', '').id;
  return { organizationId };
}

/** Changes to an organization: undefined leaves a field as it is; a null parent makes it top-level. */
export interface OrganizationChanges {
  id: number;
  name?: string | null;
  kind?: OrganizationKind | null;
  aliases?: readonly string[] | null;
  description?: string | null;
  parentId?: number | null;
}

export async function updateOrganization(
  tx: Executor,
  input: OrganizationChanges,
): Promise<{ organizationId: number }> {
  const { id } = input;
  await lockEntityNames(tx, 'organization', [id], lookupKeys(input.name ?? '', input.aliases ?? []));
  const [current] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
  const organization = found(current, 'organization', 'id');
  let parentId = organization.parentId;
  if (input.parentId !== undefined) {
    parentId = input.parentId;
    if (parentId !== null) {
      await checkParent(tx, parentId);
      if (await isAncestorOrSelf(tx, id, parentId))
        throw invalid('An organization cannot be its own ancestor.', 'parent');
    }
  }
  const name = input.name ?? organization.name;
  const requested = input.aliases ?? organization.aliases;
  const aliases = distinctAliases(
    name,
    name !== organization.name && input.aliases == null ? [...requested, organization.name] : requested,
  );
  await tx
    .update(organizations)
    .set({
      name,
      aliases,
      parentId,
      ...(input.kind ? { kind: input.kind } : {}),
      ...lookupColumns(name, aliases),
      ...(input.description !== undefined ? { description: input.description } : {}),
      updatedAt: new Date(),
    })
    .where(eq(organizations.id, id));
  return { organizationId: id };
}

/** Deletes an organization with its affiliations and mentions; quotes stay without a speaker, children become top-level. */
export async function deleteOrganization(tx: Executor, id: number): Promise<{ organizationId: number }> {
  await lockEntityNames(tx, 'organization', [id]);
  const deleted = await tx.delete(organizations).where(eq(organizations.id, id)).returning({ id: organizations.id });
  found(deleted[0], 'organization', 'id');
  return { organizationId: id };
}

/**
 * An organisation's place in its tree in a merge: the removed one's children move under the kept
 * one (never under itself), and the kept one, if it sat below the removed one, takes its place.
 */
async function mergeTree(tx: Executor, keepId: number, removeId: number): Promise<{ parentId: number | null }> {
  const parentOf = async (id: number) =>
    (await tx.select({ parentId: organizations.parentId }).from(organizations).where(eq(organizations.id, id)))[0]
      ?.parentId ?? null;
  // Kept from below the removed one (its child, grandchild…), it takes the removed one's place:
  // staying under its old parent, soon one of its own descendants, would close a cycle.
  const keptFromBelow = await isAncestorOrSelf(tx, removeId, keepId);
  const parentId = keptFromBelow ? await parentOf(removeId) : await parentOf(keepId);
  await tx
    .update(organizations)
    .set({ parentId: keepId })
    .where(and(eq(organizations.parentId, removeId), sql`${organizations.id} <> ${keepId}`));
  return { parentId: parentId === keepId ? null : parentId };
}

/** Folds `removeId` into `keepId` (see mergeEntities), child organizations and its place in the tree included. */
export async function mergeOrganizations(tx: Executor, keepId: number, removeId: number): Promise<MergeCounts> {
  return mergeEntities(tx, 'organization', keepId, removeId, mergeTree);
}
