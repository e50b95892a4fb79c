// An article's related links: added, changed and removed by hand, or replaced by ingestion.
import { and, eq, gte, sql } from 'drizzle-orm';
import { articles, relatedLinks } from '../db/schema.ts';
import type { RelatedLinkKind } from '../extract/types.ts';
import { inBatches } from './batches.ts';
import { found } from './errors.ts';
import type { Executor } from './transaction.ts';

/** Rewrites an article's related-link positions to 0..n-1, keeping their order. */
async function renumberRelatedLinks(tx: Executor, articleId: number): Promise<void> {
  await tx
    .update(relatedLinks)
    .set({ position: sql`-1 - ${relatedLinks.position}` })
    .where(eq(relatedLinks.articleId, articleId));
  await tx.execute(sql`
    update ${relatedLinks} set position = ordered.rank
    from (select id, (row_number() over (order by -1 - position) - 1)::int as rank
          from ${relatedLinks} where article_id = ${articleId}) as ordered
    where ${relatedLinks.id} = ordered.id`);
}

export interface NewRelatedLink {
  articleId: number;
  title: string;
  url?: string | null;
  kind?: RelatedLinkKind | null;
}

/** Adds a link after the article's others. */
export async function createRelatedLink(tx: Executor, input: NewRelatedLink): Promise<{ relatedLinkId: number }> {
  const { articleId } = input;
  found(
    (await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId)).for('update'))[0],
    'article',
    'article',
  );
  const [row] = await tx
    .insert(relatedLinks)
    .values({
      articleId,
      title: input.title,
      url: input.url ?? null,
      kind: input.kind ?? 'article',
      position: sql`(select coalesce(max(position) + 1, 0) from ${relatedLinks} where article_id = ${articleId})`,
    })
    .returning({ id: relatedLinks.id });
  const relatedLinkId = found(row, 'related link', '').id;
  return { relatedLinkId };
}

export interface RelatedLinkChanges {
  id: number;
  title?: string | null;
  url?: string | null;
  kind?: RelatedLinkKind | null;
}

export async function updateRelatedLink(tx: Executor, input: RelatedLinkChanges): Promise<{ relatedLinkId: number }> {
  const { id } = input;
  const [row] = await tx
    .update(relatedLinks)
    .set({
      ...(input.title != null ? { title: input.title } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
    })
    .where(eq(relatedLinks.id, id))
    .returning({ id: relatedLinks.id });
  found(row, 'related link', 'id');
  return { relatedLinkId: id };
}

/** Deletes a link; the others close up. */
export async function deleteRelatedLink(tx: Executor, id: number): Promise<{ relatedLinkId: number }> {
  const [deleted] = await tx
    .delete(relatedLinks)
    .where(eq(relatedLinks.id, id))
    .returning({ articleId: relatedLinks.articleId });
  const { articleId } = found(deleted, 'related link', 'id');
  await renumberRelatedLinks(tx, articleId);
  return { relatedLinkId: id };
}

/** Makes the article's links exactly these, in this order, keeping the ids of those at the same positions. */
export async function replaceArticleLinks(
  tx: Executor,
  articleId: number,
  links: readonly { title: string; url: string | null; kind: RelatedLinkKind }[],
): Promise<void> {
  await tx
    .delete(relatedLinks)
    .where(and(eq(relatedLinks.articleId, articleId), gte(relatedLinks.position, links.length)));
  if (links.length === 0) return;
  const rows = links.map((link, position) => ({
    articleId,
    title: link.title,
    url: link.url,
    kind: link.kind,
    position,
  }));
  await inBatches(rows, (batch) =>
    tx
      .insert(relatedLinks)
      .values(batch)
      .onConflictDoUpdate({
        target: [relatedLinks.articleId, relatedLinks.position],
        set: { title: sql`excluded.title`, url: sql`excluded.url`, kind: sql`excluded.kind` },
      })
      .returning({ id: relatedLinks.id }),
  );
}
