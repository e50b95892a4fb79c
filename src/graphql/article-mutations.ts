// Getting articles in: ingestion of raw text or HTML, and direct edits.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { slugify } from '../db/lookup.ts';
import type { GraphChange } from '../store/change.ts';
import { articles, mentions, publishers, quotes } from '../db/schema.ts';
import { ExtractError } from '../extract/errors.ts';
import { contentHash, IngestError } from '../ingest/article.ts';
import { ingestDocument } from '../ingest/document.ts';
import type { Executor } from '../store/transaction.ts';
import { allocateSlug } from '../store/slugs.ts';
import { lockKeys } from '../store/transaction.ts';
import { operationDeadline } from '../plugins/execution-timeout.ts';
import { ArticleRef } from './article.ts';
import { builder } from './builder.ts';
import { badUserInput } from './errors.ts';
import { decodeId } from './ids.ts';
import { commitAndInvalidate, DeletePayload, found, rules } from './mutation-support.ts';

const IngestArticleInput = builder.inputType('IngestArticleInput', {
  description:
    'A raw article to read: its text or its HTML (exactly one). quotegraph finds the quotes, speakers, people, organizations and related links.',
  fields: (t) => ({
    text: t.string({ description: 'The article as plain text, as pasted or scraped.' }),
    html: t.string({ description: 'The article page as HTML; the main content is found by readability.' }),
    url: t.string({
      validate: rules.url,
      description: 'Canonical URL. Ingesting the same URL again updates the article in place.',
    }),
    title: t.string({ validate: rules.title, description: 'Headline, when the text does not start with it.' }),
    publishedAt: t.field({ type: 'DateTime', description: 'Publication date.' }),
    publisher: t.string({ validate: rules.publisher, description: 'Publisher name; created on first use.' }),
    language: t.string({ validate: rules.language, description: 'ISO 639-1 language code (default "en").' }),
  }),
});

const IngestArticlePayload = builder
  .objectRef<{ articleId: number; created: boolean; quoteIds: number[]; warnings: string[] }>('IngestArticlePayload')
  .implement({
    description: 'What ingestion stored.',
    fields: (t) => ({
      article: t.drizzleField({
        type: 'articles',
        description: 'The article as stored.',
        resolve: async (query, payload, _args, ctx) =>
          found(await ctx.db.query.articles.findFirst(query({ where: { id: payload.articleId } })), 'article', 'input'),
      }),
      created: t.exposeBoolean('created', {
        description: 'True for a new article, false when an existing one (same URL or same text) was updated.',
      }),
      quotes: t.drizzleField({
        type: ['quotes'],
        description: 'The quotes found, in reading order.',
        resolve: (query, payload, _args, ctx) =>
          ctx.db.query.quotes.findMany(query({ where: { articleId: payload.articleId }, orderBy: { position: 'asc' } })),
      }),
      warnings: t.exposeStringList('warnings', {
        description: 'Things a human may want to check: "no quotes found", "speaker of quote 3 unresolved".',
      }),
    }),
  });

const ArticlePayload = builder.objectRef<{ articleId: number }>('ArticlePayload').implement({
  description: 'An article after a change.',
  fields: (t) => ({
    article: t.drizzleField({
      type: 'articles',
      description: 'The article as stored now.',
      resolve: async (query, payload, _args, ctx) =>
        found(await ctx.db.query.articles.findFirst(query({ where: { id: payload.articleId } })), 'article', 'input'),
    }),
  }),
});

const CreateArticleInput = builder.inputType('CreateArticleInput', {
  description: 'An article entered by hand, without extraction. Add its quotes with `createQuote`.',
  fields: (t) => ({
    title: t.string({ required: true, validate: rules.title, description: 'Headline.' }),
    body: t.string({ required: true, description: 'Clean article text; quote offsets will point into it.' }),
    url: t.string({ validate: rules.url, description: 'Canonical URL (unique).' }),
    dek: t.string({ validate: rules.shortText, description: 'Standfirst.' }),
    imageCaption: t.string({ validate: rules.shortText, description: 'Lead image caption.' }),
    publishedAt: t.field({ type: 'DateTime', description: 'Publication date.' }),
    publisher: t.string({ validate: rules.publisher, description: 'Publisher name; created on first use.' }),
    language: t.string({ validate: rules.language, description: 'ISO 639-1 language code (default "en").' }),
  }),
});

const UpdateArticleInput = builder.inputType('UpdateArticleInput', {
  description: 'Changes to an article; omitted fields stay as they are. To change the text, ingest it again.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ArticleRef], description: 'The article to change.' }),
    title: t.string({ validate: rules.title, description: 'Headline.' }),
    url: t.string({ validate: rules.url, description: 'Canonical URL; null removes it.' }),
    dek: t.string({ validate: rules.shortText, description: 'Standfirst; null removes it.' }),
    imageCaption: t.string({ validate: rules.shortText, description: 'Lead image caption; null removes it.' }),
    publishedAt: t.field({ type: 'DateTime', description: 'Publication date; null removes it.' }),
    publisher: t.string({ validate: rules.publisher, description: 'Publisher name; null removes it.' }),
    language: t.string({ validate: rules.language, description: 'ISO 639-1 language code.' }),
  }),
});

const DeleteArticleInput = builder.inputType('DeleteArticleInput', {
  description: 'The article to delete.',
  fields: (t) => ({ id: t.globalID({ required: true, for: [ArticleRef], description: 'Global ID.' }) }),
});

function checkSize(value: string | null | undefined, limit: number, field: string) {
  if (value != null && Buffer.byteLength(value, 'utf8') > limit) {
    throw badUserInput(`${field} is larger than the ${limit}-byte limit.`, field);
  }
}

async function publisherIdFor(tx: Executor, name: string | null | undefined): Promise<number | null> {
  if (!name) return null;
  const slug = slugify(name);
  const [row] = await tx
    .insert(publishers)
    .values({ slug, name })
    .onConflictDoUpdate({ target: publishers.slug, set: { slug } })
    .returning({ id: publishers.id });
  return row?.id ?? null;
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
    .where(and(isNull(articles.url), eq(articles.contentHash, hash), exceptId === undefined ? undefined : ne(articles.id, exceptId)))
    .limit(1);
  return row !== undefined;
}

/**
 * What a deleted article takes with it or points at — its quotes, their speakers, the people and
 * organizations it mentions: what cached responses hold. Its publisher comes from the delete.
 */
async function articleNeighbourhood(tx: Executor, articleId: number): Promise<GraphChange> {
  const quoteRows = await tx
    .select({ id: quotes.id, personId: quotes.speakerPersonId, organizationId: quotes.speakerOrganizationId })
    .from(quotes)
    .where(eq(quotes.articleId, articleId));
  const mentionRows = await tx
    .select({ personId: mentions.personId, organizationId: mentions.organizationId })
    .from(mentions)
    .where(eq(mentions.articleId, articleId));
  const all = [...quoteRows, ...mentionRows];
  return {
    articles: [articleId],
    quotes: quoteRows.map((row) => row.id),
    people: all.flatMap((row) => (row.personId === null ? [] : [row.personId])),
    organizations: all.flatMap((row) => (row.organizationId === null ? [] : [row.organizationId])),
  };
}

builder.mutationFields((t) => ({
  ingestArticle: t.field({
    type: IngestArticlePayload,
    description:
      'Reads a raw article and stores what it finds, all in one transaction. The same URL (or, without URL, the same text) updates the stored article instead of duplicating it.',
    args: { input: t.arg({ type: IngestArticleInput, required: true, description: 'The article.' }) },
    resolve: async (_root, { input }, ctx) => {
      const given = [input.text, input.html].filter((value) => value != null);
      if (given.length !== 1) throw badUserInput('Give exactly one of text or html.', 'input.text');
      const field = input.text != null ? 'input.text' : 'input.html';
      if (!(input.text ?? input.html ?? '').trim()) throw badUserInput(`${field} is empty.`, field);
      checkSize(input.text ?? input.html, ctx.config.maxArticleBytes, field);
      try {
        const deadline = operationDeadline(ctx);
        return await ingestDocument(ctx.db, input, { inWorker: true, ...(deadline ? { deadline } : {}) });
      } catch (error) {
        if (error instanceof ExtractError) throw badUserInput(error.message, field);
        if (error instanceof IngestError) throw badUserInput(error.message, error.field ? `input.${error.field}` : field);
        throw error;
      }
    },
  }),
  createArticle: t.field({
    type: ArticlePayload,
    description: 'Adds an article entered by hand.',
    args: { input: t.arg({ type: CreateArticleInput, required: true, description: 'The article.' }) },
    resolve: async (_root, { input }, ctx) => {
      checkSize(input.body, ctx.config.maxArticleBytes, 'input.body');
      if (!input.body.trim()) throw badUserInput('input.body is empty.', 'input.body');
      return commitAndInvalidate(ctx, async (tx) => {
        if (input.url && (await urlTaken(tx, input.url))) {
          throw badUserInput('Another article already has this URL.', 'input.url');
        }
        if (!input.url && (await textTaken(tx, contentHash(input.body)))) {
          throw badUserInput('Another article without URL has the same text; give this one a URL, or change the stored one.', 'input.body');
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
            contentHash: contentHash(input.body),
          })
          .returning({ id: articles.id, publisherId: articles.publisherId });
        const created = found(row, 'article', 'input');
        return {
          payload: { articleId: created.id },
          change: { articles: [created.id], publishers: created.publisherId ? [created.publisherId] : [] },
        };
      });
    },
  }),
  updateArticle: t.field({
    type: ArticlePayload,
    description: 'Changes an article\'s details. Its quotes follow a new publication date.',
    args: { input: t.arg({ type: UpdateArticleInput, required: true, description: 'The changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const id = decodeId(input.id, 'input.id').id;
      return commitAndInvalidate(ctx, async (tx) => {
        const [current] = await tx
          .select({ publisherId: articles.publisherId, url: articles.url, contentHash: articles.contentHash })
          .from(articles)
          .where(eq(articles.id, id))
          .for('update');
        const before = found(current, 'article', 'input.id');
        if (input.url && (await urlTaken(tx, input.url, id))) {
          throw badUserInput('Another article already has this URL.', 'input.url');
        }
        if (input.url === null && before.url !== null && (await textTaken(tx, before.contentHash, id))) {
          throw badUserInput('Another article without URL has the same text, so this one needs its URL.', 'input.url');
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
          .returning({ sortAt: articles.sortAt, publisherId: articles.publisherId });
        const after = found(updated, 'article', 'input.id');
        // Quotes carry their article's date for ordering; keep them in step.
        const moved = await tx
          .update(quotes)
          .set({ articleSortAt: after.sortAt })
          .where(eq(quotes.articleId, id))
          .returning({ id: quotes.id });
        return {
          payload: { articleId: id },
          // A new date moves the article, and its quotes, in every date-ordered list.
          change: {
            articles: [id],
            quotes: moved.map((quote) => quote.id),
            publishers: [before.publisherId, after.publisherId].filter((value): value is number => value !== null),
          },
        };
      });
    },
  }),
  deleteArticle: t.field({
    type: DeletePayload,
    description: 'Deletes an article with its quotes, related links and mentions. People and organizations stay.',
    args: { input: t.arg({ type: DeleteArticleInput, required: true, description: 'The article.' }) },
    resolve: async (_root, { input }, ctx) => {
      const id = decodeId(input.id, 'input.id').id;
      return commitAndInvalidate(ctx, async (tx) => {
        const change = await articleNeighbourhood(tx, id);
        const [deleted] = await tx.delete(articles).where(eq(articles.id, id)).returning({ publisherId: articles.publisherId });
        const { publisherId } = found(deleted, 'article', 'input.id');
        return {
          payload: { deletedId: encodeGlobalID('Article', id) },
          change: { ...change, publishers: publisherId === null ? [] : [publisherId] },
        };
      });
    },
  }),
}));
