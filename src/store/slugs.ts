import { getTableName, like, or, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { lockKeys, type Executor } from './transaction.ts';

/**
 * `base`, or `base-2`, `base-3`… whichever is free in the table's slug column. Holds a lock on
 * the base until the transaction ends, so two writes at once never pick the same free slug.
 */
export async function allocateSlug(
  tx: Executor,
  table: PgTable & { slug: AnyPgColumn },
  base: string,
): Promise<string> {
  await lockKeys(tx, 'slug', [`${getTableName(table)}:${base}`]);
  const pattern = `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`;
  const taken = await tx
    .select({ slug: table.slug })
    .from(table)
    .where(or(eq(table.slug, base), like(table.slug, pattern)));
  const used = new Set(taken.map((row) => row.slug as string));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
