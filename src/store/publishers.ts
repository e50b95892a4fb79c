// Publishers are created on first use, by name, from an article write.
import { slugify } from '../db/lookup.ts';
import { publishers } from '../db/schema.ts';
import type { Executor } from './transaction.ts';

/** The id of the publisher of this name, created if new; null for no name. */
export async function publisherIdFor(tx: Executor, name: string | null | undefined): Promise<number | null> {
  const trimmed = name?.trim();
  if (!trimmed) return null;
  const slug = slugify(trimmed);
  const [row] = await tx
    .insert(publishers)
    .values({ slug, name: trimmed })
    // A no-op update, so RETURNING gives the existing row's id too.
    .onConflictDoUpdate({ target: publishers.slug, set: { slug } })
    .returning({ id: publishers.id });
  return row?.id ?? null;
}
