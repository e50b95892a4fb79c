// Live updates over GraphQL over SSE (Yoga's own transport). The database announces each
// committed write (drizzle/*_live-events, src/graphql/live/feed.ts); a subscription narrows those
// announcements in SQL with the same filter as `quotes`, then loads each item through the
// ordinary read path, so its selection set, the filter and the cost limits apply as to a query.
import type { IncomingMessage } from 'node:http';
import { and, inArray, sql } from 'drizzle-orm';
import { quotes } from '../db/schema.ts';
import { ArticleRef } from './refs.ts';
import { builder, type Context } from './builder.ts';
import { clientKey } from './client-key.ts';
import { apiError, ErrorCode } from '../errors.ts';
import { decodeId } from './global-ids.ts';
import type { ArticleChangeKind, LiveEvent } from './live/feed.ts';
import { QuoteFilter, quoteCondition } from './quote-filter.ts';

const ArticleChangeKindEnum = builder.enumType('ArticleChangeKind', {
  description: 'What happened to an article.',
  values: {
    CREATED: { value: 'created', description: 'It was added.' },
    UPDATED: { value: 'updated', description: 'Its own fields changed.' },
    DELETED: { value: 'deleted', description: 'It was removed, with its quotes.' },
    QUOTES_ADDED: { value: 'quotes_added', description: 'Quotes were added to it.' },
  } as const,
});

interface ArticleChange {
  articleId: number;
  change: ArticleChangeKind;
}

const ArticleChangeRef = builder.objectRef<ArticleChange>('ArticleChange').implement({
  description: 'A committed change to an article.',
  fields: (t) => ({
    change: t.field({ type: ArticleChangeKindEnum, resolve: (event) => event.change, description: 'What happened.' }),
    article: t.drizzleField({
      type: ArticleRef,
      nullable: true,
      description: 'The article as it is now; null once deleted.',
      resolve: (query, event, _args, ctx) => ctx.db.query.articles.findFirst(query({ where: { id: event.articleId } })),
    }),
  }),
});

/** Who is subscribing, for the per-client limit: as the rate limits count clients. */
function subscriber(ctx: Context): string {
  const server = ctx as unknown as { request: Request; req?: IncomingMessage; principal?: () => string | null };
  return clientKey(server.request, server, ctx.config.trustProxy);
}

function liveFeed(ctx: Context) {
  if (!ctx.live) throw apiError(ErrorCode.SERVICE_UNAVAILABLE, 'Subscriptions are not available on this server.');
  return ctx.live;
}

builder.subscriptionType({
  description: 'Live updates, over GraphQL over SSE: send the operation with `Accept: text/event-stream`.',
});

builder.subscriptionFields((t) => ({
  quoteAdded: t.drizzleField({
    type: 'quotes',
    description:
      'Each quote added from now on, by any writer (API, ingest, another instance), that meets `filter`: the same conditions as `quotes(filter:)`.',
    args: { filter: t.arg({ type: QuoteFilter, description: 'Conditions the quotes must meet.' }) },
    subscribe: async (_root, args, ctx) => {
      // Built once, so a malformed id in the filter is refused before the stream starts.
      const condition = quoteCondition(args.filter, quotes);
      return liveFeed(ctx).open(subscriber(ctx), async (event: LiveEvent) => {
        if (event.kind !== 'quotes' || event.quotes.length === 0) return [];
        // One statement per announced batch, however many quotes it holds.
        const rows = await ctx.db
          .select({ id: quotes.id })
          .from(quotes)
          .where(and(inArray(quotes.id, event.quotes), condition ?? sql`true`))
          .orderBy(quotes.id);
        return rows.map((row) => row.id);
      });
    },
    // The root of each event is what `subscribe` yielded: a quote id.
    resolve: async (query, root, _args, ctx) => {
      const id = root as unknown as number;
      const quote = await ctx.db.query.quotes.findFirst(query({ where: { id } }));
      // Deleted between its announcement and this read: gone, like the rest of its transaction.
      if (!quote) throw apiError(ErrorCode.NOT_FOUND, 'The quote was deleted before it could be read.');
      return quote;
    },
  }),
  articleChanged: t.field({
    type: ArticleChangeRef,
    description: 'Each committed change to one article: created, updated, deleted, or quotes added to it.',
    args: { id: t.arg.globalID({ for: [ArticleRef], required: true, description: 'Global ID of the article.' }) },
    subscribe: async (_root, args, ctx) => {
      const articleId = decodeId(args.id, 'id').id;
      return liveFeed(ctx).open(subscriber(ctx), async (event: LiveEvent): Promise<ArticleChange[]> => {
        if (!event.articles.includes(articleId)) return [];
        return [{ articleId, change: event.kind === 'quotes' ? 'quotes_added' : event.change }];
      });
    },
    resolve: (change: ArticleChange) => change,
  }),
}));
