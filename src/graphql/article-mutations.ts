// Getting articles in: ingestion of raw text or HTML, and direct edits.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { ingestDocument } from '../ingest/document.ts';
import { createArticle, deleteArticle, updateArticle } from '../store/articles.ts';
import { ArticleRef } from './article.ts';
import { builder } from './builder.ts';
import { badUserInput, fromDomainError } from './errors.ts';
import { decodeId } from './ids.ts';
import { DeletePayload, found, rules, runWrite } from './mutation-support.ts';

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
        return await ingestDocument(ctx.db, input, { inWorker: true, ...(ctx.writeDeadline ? { deadline: ctx.writeDeadline } : {}) });
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
    description: 'Changes an article\'s details. Its quotes follow a new publication date.',
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
