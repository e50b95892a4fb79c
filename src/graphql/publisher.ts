import { builder } from './builder.ts';

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
      query: { orderBy: { sortAt: 'desc' } },
    }),
  }),
});

builder.queryFields((t) => ({
  publishers: t.drizzleField({
    type: ['publishers'],
    description: 'Every publisher, by name.',
    resolve: (query, _root, _args, ctx) => ctx.db.query.publishers.findMany(query({ orderBy: { name: 'asc' } })),
  }),
}));
