// Articles: entered by hand, changed, deleted, or stored (new or again) by ingestion.
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { slugify } from '../db/lookup.ts';
import { articles, quotes } from '../db/schema.ts';
import { found, invalid } from './errors.ts';
import { publisherIdFor } from './publishers.ts';
import { allocateSlug } from './slugs.ts';
import { lockKeys, type Executor } from './transaction.ts';

/** Hash of the text with whitespace and case normalised: the identity of an article without URL. */
export function contentHash(body: string): string {
  return createHash('sha256').update(body.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex');
}

async function urlTaken(tx: Executor, url: string, exceptId?: number): Promise<boolean> {
  // Held to the commit: two writes giving one URL at once are told apart, not both let through.
  await lockKeys(tx, 'article-url', [url]);
  const [row] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.url, url));
  return row !== undefined && row.id !== exceptId;
}

/**
 * True when another article without URL has this content hash: without a URL, the text is the
 * article's identity (ingestion updates that article instead of adding one), so two cannot share it.
 */
async function textTaken(tx: Executor, hash: string, exceptId?: number): Promise<boolean> {
  await lockKeys(tx, 'article-text', [hash]);
  const [row] = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(
      and(
        isNull(articles.url),
        eq(articles.contentHash, hash),
        exceptId === undefined ? undefined : ne(articles.id, exceptId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export interface NewArticle {
  title: string;
  body: string;
  url?: string | null;
  dek?: string | null;
  imageCaption?: string | null;
  publishedAt?: Date | null;
  publisher?: string | null;
  language?: string | null;
}

export async function createArticle(tx: Executor, input: NewArticle): Promise<{ articleId: number }> {
  const hash = contentHash(input.body);
  if (input.url && (await urlTaken(tx, input.url))) throw invalid('Another article already has this URL.', 'url');
  if (!input.url && (await textTaken(tx, hash))) {
    throw invalid(
      'Another article without URL has the same text; give this one a URL, or change the stored one.',
      'body',
    );
  }
  const slug = await allocateSlug(tx, articles, slugify(input.title));
  const [row] = await tx
    .insert(articles)
    .values({
      slug,
      title: input.title,
      body: input.body,
      url: input.url ?? null,
      dek: input.dek ?? null,
      imageCaption: input.imageCaption ?? null,
      publishedAt: input.publishedAt ?? null,
      publisherId: await publisherIdFor(tx, input.publisher),
      language: input.language ?? 'en',
      contentHash: hash,
    })
    .returning({ id: articles.id });
  return { articleId: found(row, 'article', '').id };
}

/** Changes to an article: undefined leaves a field as it is, null clears it. */
export interface ArticleChanges {
  id: number;
  title?: string | null;
  url?: string | null;
  dek?: string | null;
  imageCaption?: string | null;
  publishedAt?: Date | null;
  publisher?: string | null;
  language?: string | null;
}

export async function updateArticle(tx: Executor, input: ArticleChanges): Promise<{ articleId: number }> {
  const { id } = input;
  const [current] = await tx
    .select({ url: articles.url, contentHash: articles.contentHash })
    .from(articles)
    .where(eq(articles.id, id))
    .for('update');
  const before = found(current, 'article', 'id');
  if (input.url && (await urlTaken(tx, input.url, id))) throw invalid('Another article already has this URL.', 'url');
  if (input.url === null && before.url !== null && (await textTaken(tx, before.contentHash, id))) {
    throw invalid('Another article without URL has the same text, so this one needs its URL.', 'url');
  }
  const [updated] = await tx
    .update(articles)
    .set({
      ...(input.title != null ? { title: input.title } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.dek !== undefined ? { dek: input.dek } : {}),
      ...(input.imageCaption !== undefined ? { imageCaption: input.imageCaption } : {}),
      ...(input.publishedAt !== undefined ? { publishedAt: input.publishedAt } : {}),
      ...(input.publisher !== undefined ? { publisherId: await publisherIdFor(tx, input.publisher) } : {}),
      ...(input.language != null ? { language: input.language } : {}),
      updatedAt: new Date(),
    })
    .where(eq(articles.id, id))
    .returning({ sortAt: articles.sortAt });
  const after = found(updated, 'article', 'id');
  // Quotes carry their article's date for ordering; keep them in step.
  await tx.update(quotes).set({ articleSortAt: after.sortAt }).where(eq(quotes.articleId, id));
  return { articleId: id };
}

/** Deletes an article with its quotes, related links and mentions; people and organizations stay. */
export async function deleteArticle(tx: Executor, id: number): Promise<{ articleId: number }> {
  const [deleted] = await tx.delete(articles).where(eq(articles.id, id)).returning({ id: articles.id });
  found(deleted, 'article', 'id');
  return { articleId: id };
}

/** An article as ingestion read it. */
export interface IngestedArticle {
  url: string | null;
  title: string;
  dek: string | null;
  imageCaption: string | null;
  body: string;
  /** The prose without site furniture, when known: what identifies an article without URL. */
  fingerprint: string | null;
  publishedAt: Date | null;
  publisher: string | null;
  language: string;
}

export interface StoredArticleRow {
  id: number;
  sortAt: Date;
  created: boolean;
}

/** Stores an ingested article: the one with its URL (or, without URL, its text) is updated in place. */
export async function upsertArticle(tx: Executor, article: IngestedArticle): Promise<StoredArticleRow> {
  // The prose without furniture: a page saved again with one changed menu or ad line is the same article.
  const hash = contentHash(article.fingerprint || article.body);
  // Rows stored before the fingerprint existed (and articles entered by hand) carry the hash of
  // the whole body: they are the same article too.
  const bodyHash = contentHash(article.body);
  const { url } = article;
  // Whoever else is storing this very article waits until we commit, then finds our row.
  if (url) await lockKeys(tx, 'article-url', [url]);
  else await lockKeys(tx, 'article-text', [hash, bodyHash]);
  const [existing] = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(url ? eq(articles.url, url) : and(isNull(articles.url), inArray(articles.contentHash, [hash, bodyHash])))
    .orderBy(desc(sql`${articles.contentHash} = ${hash}`))
    .limit(1);
  const values = {
    url,
    title: article.title,
    dek: article.dek,
    imageCaption: article.imageCaption,
    body: article.body,
    publishedAt: article.publishedAt,
    publisherId: await publisherIdFor(tx, article.publisher),
    language: article.language,
    contentHash: hash,
  };
  if (existing) {
    const [row] = await tx
      .update(articles)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(articles.id, existing.id))
      .returning({ id: articles.id, sortAt: articles.sortAt });
    if (!row) throw new Error('the article disappeared while it was being updated');
    return { ...row, created: false };
  }
  const slug = await allocateSlug(tx, articles, slugify(article.title));
  const [row] = await tx
    .insert(articles)
    .values({ ...values, slug })
    .returning({ id: articles.id, sortAt: articles.sortAt });
  if (!row) throw new Error('the article could not be stored');
  return { ...row, created: true };
}
