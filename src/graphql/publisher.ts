import { sql } from 'drizzle-orm';
import { publishers } from '../db/schema.ts';
import { orders } from './orders.ts';
import { builder } from './builder.ts';
import { loadPage, totalFromPage } from './connections.ts';

builder.drizzleNode('publishers', {
  name: 'Publisher',
  description: 'A news outlet that publishes articles.',
  select: {},
  id: { column: (publisher) => publisher.id },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'URL-safe unique name, e.g. "daily-courier".' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    url: t.exposeString('url', { nullable: true, description: 'Home page.' }),
    articles: t.relatedConnection('articles', {
      description: 'Articles from this publisher, newest first.',
      totalCount: true,
      query: (args) => {
        orders.articlesNewest.checkCursors(args);
        return { orderBy: orders.articlesNewest.order };
      },
    }),
  }),
});

const publisherCount = sql`select count(*) from ${publishers}`;

builder.queryFields((t) => ({
  publishers: t.drizzleConnection({
    type: 'publishers',
    description: 'Publishers, by name.',
    totalCount: (_root, args, ctx) => totalFromPage(args, ctx.db, publisherCount),
    resolve: (query, _root, args, ctx, info) => {
      orders.publishersByName.checkCursors(args);
      return loadPage(
        args,
        info,
        () => publisherCount,
        (extras) => ctx.db.query.publishers.findMany(query({ orderBy: orders.publishersByName.order, extras })),
      );
    },
  }),
}));
