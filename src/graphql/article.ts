import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { articles, mentions, publishers } from '../db/schema.ts';
import { builder } from './builder.ts';
import { loadPage, totalFromPage } from './connections.ts';
import { badUserInput } from '../errors.ts';
import { decodeId, EntityIdTypes } from './ids.ts';
import { ArticleOrder, QuoteKindEnum } from './enums.ts';
import { orders } from './orders.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { ingestDocument } from '../ingest/document.ts';
import { enqueueArticle, findJob, type JobInfo } from '../queue/ingest-queue.ts';
import { JobRef, queueOf } from './job.ts';
import { createArticle, deleteArticle, updateArticle } from '../store/articles.ts';
import { fromDomainError } from './domain-errors.ts';
import { DeletePayload, found, rules, runWrite } from './mutation-support.ts';
import { ArticleRef, QuoteConnection } from './refs.ts';

builder.drizzleObjectFields(ArticleRef, (t) => ({
  slug: t.exposeString('slug', { description: 'URL-safe unique name derived from the title.' }),
  url: t.exposeString('url', { nullable: true, description: 'Canonical URL, when known.' }),
  title: t.exposeString('title', { description: 'Headline.' }),
  dek: t.exposeString('dek', { nullable: true, description: 'Standfirst: the line under the headline.' }),
  imageCaption: t.exposeString('imageCaption', { nullable: true, description: 'Caption of the lead image.' }),
  body: t.exposeString('body', {
    description: 'Clean article text, paragraphs separated by blank lines. Quote offsets point into it.',
  }),
  language: t.exposeString('language', { description: 'ISO 639-1 language code.' }),
  publishedAt: t.expose('publishedAt', {
    type: 'DateTime',
    nullable: true,
    description: 'Publication date, when known.',
  }),
  createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the article entered the graph.' }),
  updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the article was last changed.' }),
  publisher: t.relation('publisher', { nullable: true, description: 'The outlet that published it.' }),
  quotes: t.relatedConnection(
    'quotes',
    {
      description: 'Quotes in the article, in reading order.',
      totalCount: true,
      args: { kind: t.arg({ type: QuoteKindEnum, description: 'Only quotes of this kind.' }) },
      query: (args) => {
        orders.quotesInArticle.checkCursors(args);
        return { where: args.kind ? { kind: args.kind } : {}, orderBy: orders.quotesInArticle.order };
      },
    },
    QuoteConnection,
  ),
  relatedLinks: t.relation('relatedLinks', {
    description: 'Links the article pointed readers to ("Related: …"), in page order.',
    query: { orderBy: orders.linksInArticle.order },
  }),
  people: t.relation('people', {
    description: 'People mentioned in the article, by name.',
    query: { orderBy: orders.peopleByName.order },
  }),
  organizations: t.relation('organizations', {
    description: 'Organizations mentioned in the article, by name.',
    query: { orderBy: orders.organizationsByName.order },
  }),
}));

const ArticleFilter = builder.inputType('ArticleFilter', {
  description: 'Narrows `articles`. All given conditions must hold.',
  fields: (t) => ({
    search: t.string({
      description: 'Full-text search over title, standfirst and body (web-search syntax: "quoted phrase", -not, or).',
    }),
    mentions: t.globalID({
      description: 'Only articles that mention this Person or Organization.',
      for: EntityIdTypes,
    }),
    publisher: t.string({ description: 'Only articles from the publisher with this slug.' }),
    publishedAfter: t.field({ type: 'DateTime', description: 'Published at or after this moment.' }),
    publishedBefore: t.field({ type: 'DateTime', description: 'Published before this moment.' }),
  }),
});

type ArticleFilterShape = typeof ArticleFilter.$inferInput;

/** The filter as one SQL condition over the articles table (or its alias in a query). */
export function articleCondition(
  filter: ArticleFilterShape | null | undefined,
  table: typeof articles,
): SQL | undefined {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  if (filter.search?.trim()) {
    conditions.push(sql`${table.searchVector} @@ websearch_to_tsquery('english', ${filter.search})`);
  }
  if (filter.mentions) {
    const entity = decodeId(filter.mentions, 'filter.mentions');
    const column = entity.typename === 'Person' ? mentions.personId : mentions.organizationId;
    conditions.push(
      sql`exists (select 1 from ${mentions} where ${mentions.articleId} = ${table.id} and ${eq(column, entity.id)})`,
    );
  }
  if (filter.publisher) {
    conditions.push(
      sql`${table.publisherId} = (select ${publishers.id} from ${publishers} where ${eq(publishers.slug, filter.publisher)})`,
    );
  }
  if (filter.publishedAfter) conditions.push(gte(table.sortAt, filter.publishedAfter));
  if (filter.publishedBefore) conditions.push(lt(table.sortAt, filter.publishedBefore));
  return and(...conditions);
}

export function articleCount(filter: ArticleFilterShape | null | undefined): SQL {
  const condition = articleCondition(filter, articles);
  return sql`select count(*) from ${articles}${condition ? sql` where ${condition}` : sql``}`;
}

builder.queryFields((t) => ({
  article: t.drizzleField({
    type: 'articles',
    nullable: true,
    description: 'One article, by exactly one of `id`, `slug` or `url`; null when none matches.',
    args: {
      id: t.arg.globalID({ for: [ArticleRef], description: 'Global ID.' }),
      slug: t.arg.string({ description: 'Slug.' }),
      url: t.arg.string({ description: 'Canonical URL.' }),
    },
    resolve: (query, _root, args, ctx) => {
      const given = [args.id, args.slug, args.url].filter((value) => value != null);
      if (given.length !== 1) throw badUserInput('Give exactly one of id, slug or url.', 'id');
      // Compared with null, not by truth: slug "" is a key that names nothing, not a missing one.
      const where =
        args.id != null
          ? { id: decodeId(args.id, 'id').id }
          : args.slug != null
            ? { slug: args.slug }
            : { url: args.url as string };
      return ctx.db.query.articles.findFirst(query({ where }));
    },
  }),
  articles: t.drizzleConnection({
    type: 'articles',
    description: 'Articles, newest first unless `orderBy` says otherwise, narrowed by `filter`.',
    args: {
      filter: t.arg({ type: ArticleFilter, description: 'Conditions the articles must meet.' }),
      orderBy: t.arg({ type: ArticleOrder, defaultValue: 'NEWEST', description: 'Sort order.' }),
    },
    totalCount: (_root, args, ctx) => totalFromPage(args, ctx.db, articleCount(args.filter)),
    resolve: (query, _root, args, ctx, info) => {
      const order = args.orderBy === 'OLDEST' ? orders.articlesOldest : orders.articlesNewest;
      order.checkCursors(args);
      return loadPage(
        args,
        info,
        () => articleCount(args.filter),
        (extras) =>
          ctx.db.query.articles.findMany(
            query({
              where: { RAW: (table) => articleCondition(args.filter, table) ?? sql`true` },
              orderBy: order.order,
              extras,
            }),
          ),
      );
    },
  }),
}));

// Writes: ingestion of raw text or HTML, and direct edits.

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
  .objectRef<{
    articleId: number | null;
    created: boolean;
    quoteIds: number[];
    warnings: string[];
    job?: JobInfo | null;
  }>('IngestArticlePayload')
  .implement({
    description: 'What ingestion stored, or (with `async: true`) the job that will store it.',
    fields: (t) => ({
      article: t.drizzleField({
        type: 'articles',
        nullable: true,
        description: 'The article as stored; null with `async: true` (follow `job`).',
        resolve: async (query, payload, _args, ctx) =>
          payload.articleId === null
            ? null
            : found(
                await ctx.db.query.articles.findFirst(query({ where: { id: payload.articleId } })),
                'article',
                'input',
              ),
      }),
      created: t.exposeBoolean('created', {
        description:
          'True for a new article, false when an existing one (same URL or same text) was updated; with `async: true`, true when a new job was queued (false: the same article was already queued).',
      }),
      job: t.field({
        type: JobRef,
        nullable: true,
        description: 'With `async: true`, the ingestion job (`job(id:)` follows it); null otherwise.',
        resolve: (payload) => payload.job ?? null,
      }),
      quotes: t.drizzleField({
        type: ['quotes'],
        description: 'The quotes found, in reading order; empty with `async: true`.',
        resolve: async (query, { articleId }, _args, ctx) =>
          articleId === null
            ? []
            : ctx.db.query.quotes.findMany(query({ where: { articleId }, orderBy: { position: 'asc' } })),
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

builder.mutationFields((t) => ({
  ingestArticle: t.field({
    type: IngestArticlePayload,
    description:
      'Reads a raw article and stores what it finds, all in one transaction. The same URL (or, without URL, the same text) updates the stored article instead of duplicating it.',
    args: {
      input: t.arg({ type: IngestArticleInput, required: true, description: 'The article.' }),
      async: t.arg.boolean({
        defaultValue: false,
        description:
          'Queue the article and return at once with its `job` (the same article sent again is the same job); `article` is then null.',
      }),
    },
    resolve: async (_root, { input, async: queued }, ctx) => {
      const given = [input.text, input.html].filter((value) => value != null);
      if (given.length !== 1) throw badUserInput('Give exactly one of text or html.', 'input.text');
      const field = input.text != null ? 'input.text' : 'input.html';
      if (!(input.text ?? input.html ?? '').trim()) throw badUserInput(`${field} is empty.`, field);
      checkSize(input.text ?? input.html, ctx.config.maxArticleBytes, field);
      if (queued) {
        const queue = queueOf(ctx);
        const { id, created } = await enqueueArticle(queue, {
          text: input.text ?? null,
          html: input.html ?? null,
          url: input.url ?? null,
          title: input.title ?? null,
          publishedAt: input.publishedAt ? input.publishedAt.toISOString() : null,
          publisher: input.publisher ?? null,
          language: input.language ?? null,
        });
        return { articleId: null, created, quoteIds: [], warnings: [], job: await findJob(queue, id) };
      }
      try {
        return await ingestDocument(ctx.db, input, {
          inWorker: true,
          ...(ctx.writeDeadline ? { deadline: ctx.writeDeadline } : {}),
        });
      } catch (error) {
        throw fromDomainError(error, 'input', field);
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
      return runWrite(ctx, (tx) => createArticle(tx, input));
    },
  }),
  updateArticle: t.field({
    type: ArticlePayload,
    description: "Changes an article's details. Its quotes follow a new publication date.",
    args: { input: t.arg({ type: UpdateArticleInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input }, ctx) => {
      const id = decodeId(input.id, 'input.id').id;
      return runWrite(ctx, (tx) => updateArticle(tx, { ...input, id }));
    },
  }),
  deleteArticle: t.field({
    type: DeletePayload,
    description: 'Deletes an article with its quotes, related links and mentions. People and organizations stay.',
    args: { input: t.arg({ type: DeleteArticleInput, required: true, description: 'The article.' }) },
    resolve: async (_root, { input }, ctx) => {
      const id = decodeId(input.id, 'input.id').id;
      await runWrite(ctx, (tx) => deleteArticle(tx, id));
      return { deletedId: encodeGlobalID('Article', id) };
    },
  }),
}));
