// Who holds which role where: recorded by hand or learned from articles.
import { and, eq, exists, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { lookupKey } from '../db/lookup.ts';
import { affiliations, organizations, people } from '../db/schema.ts';
import { inBatches } from './batches.ts';
import { found, invalid } from './errors.ts';
import { sqlState, type Executor } from './transaction.ts';

/** A blank role is no role. */
function roleOf(role: string | null | undefined): string | null {
  return role?.trim() || null;
}

/** Records that a person holds a role at an organization; recording the same role twice changes nothing. */
export async function createAffiliation(
  tx: Executor,
  input: { personId: number; organizationId: number; role?: string | null },
): Promise<{ affiliationId: number }> {
  const { personId, organizationId } = input;
  found((await tx.select({ id: people.id }).from(people).where(eq(people.id, personId)))[0], 'person', 'person');
  found(
    (await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)))[0],
    'organization',
    'organization',
  );
  const role = roleOf(input.role);
  await tx.insert(affiliations).values({ personId, organizationId, role }).onConflictDoNothing();
  const [row] = await tx
    .select({ id: affiliations.id })
    .from(affiliations)
    .where(
      and(
        eq(affiliations.personId, personId),
        eq(affiliations.organizationId, organizationId),
        sql`${affiliations.role} is not distinct from ${role}`,
      ),
    );
  const affiliationId = found(row, 'affiliation', '').id;
  return { affiliationId };
}

export async function updateAffiliation(
  tx: Executor,
  input: { id: number; role?: string | null },
): Promise<{ affiliationId: number }> {
  const { id } = input;
  let row: { id: number } | undefined;
  try {
    [row] = await tx
      .update(affiliations)
      .set({ role: roleOf(input.role) })
      .where(eq(affiliations.id, id))
      .returning({ id: affiliations.id });
  } catch (error) {
    // The same person, organization and role twice: a wrong input, not a race worth retrying.
    if (sqlState(error) === '23505') throw invalid('This person already has this role there.', 'role');
    throw error;
  }
  found(row, 'affiliation', 'id');
  return { affiliationId: id };
}

export async function deleteAffiliation(tx: Executor, id: number): Promise<{ affiliationId: number }> {
  const [row] = await tx.delete(affiliations).where(eq(affiliations.id, id)).returning({ id: affiliations.id });
  found(row, 'affiliation', 'id');
  return { affiliationId: id };
}

/** Adds the roles an article gave; a role-less tie gives way to one with a role. */
export async function addArticleAffiliations(
  tx: Executor,
  rows: readonly { personId: number; organizationId: number; role: string | null }[],
): Promise<void> {
  const unique = [
    ...new Map(
      rows.map((row) => [
        `${row.personId}|${row.organizationId}|${lookupKey(row.role ?? '')}`,
        { ...row, role: roleOf(row.role) },
      ]),
    ).values(),
  ];
  if (!unique.length) return;
  await inBatches(unique, (batch) =>
    tx.insert(affiliations).values(batch).onConflictDoNothing().returning({ id: affiliations.id }),
  );
  // "Brennan of the Fishermen's Association" says less than "Brennan, president of the
  // Fishermen's Association": a role-less tie is dropped once the pair has one with a role,
  // whichever article brought which.
  const other = alias(affiliations, 'roled');
  await tx.delete(affiliations).where(
    and(
      isNull(affiliations.role),
      sql`${affiliations.personId} = any(${sql.param([...new Set(unique.map((row) => row.personId))])}::int[])`,
      exists(
        tx
          .select({ one: sql`1` })
          .from(other)
          .where(
            and(
              eq(other.personId, affiliations.personId),
              eq(other.organizationId, affiliations.organizationId),
              isNotNull(other.role),
            ),
          ),
      ),
    ),
  );
}
