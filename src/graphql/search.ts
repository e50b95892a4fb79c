// One search box over the whole graph: the best matches of each kind, ranked by relevance.
import { desc, sql } from 'drizzle-orm';
import { lookupKey } from '../db/lookup.ts';
import { builder } from './builder.ts';
import { badUserInput } from './errors.ts';
import { entitySearchCondition } from './entity-lookup.ts';

const MAX_SEARCH_RESULTS = 50;

interface SearchRequest {
  query: string;
  limit: number;
}

const SearchResults = builder.objectRef<SearchRequest>('SearchResults').implement({
  description: 'The best matches for a search, per kind of object. Each list is ranked by relevance.',
  fields: (t) => ({
    query: t.string({ description: 'The search as given.', resolve: (request) => request.query }),
    articles: t.drizzleField({
      // Sized by the parent's `first`, which already multiplies this subtree.
      complexity: { field: 1, multiplier: 1 },
      type: ['articles'],
      description: 'Articles whose title, standfirst or body match, best first.',
      resolve: (query, request, _args, ctx) =>
        ctx.db.query.articles.findMany(
          query({
            where: { RAW: (table) => sql`${table.searchVector} @@ websearch_to_tsquery('english', ${request.query})` },
            orderBy: (table) => [
              desc(sql`ts_rank(${table.searchVector}, websearch_to_tsquery('english', ${request.query}))`),
              desc(table.sortAt),
            ],
            limit: request.limit,
          }),
        ),
    }),
    quotes: t.drizzleField({
      // Sized by the parent's `first`, which already multiplies this subtree.
      complexity: { field: 1, multiplier: 1 },
      type: ['quotes'],
      description: 'Quotes whose words match, best first.',
      resolve: (query, request, _args, ctx) =>
        ctx.db.query.quotes.findMany(
          query({
            where: { RAW: (table) => sql`${table.searchVector} @@ websearch_to_tsquery('english', ${request.query})` },
            orderBy: (table) => [
              desc(sql`ts_rank(${table.searchVector}, websearch_to_tsquery('english', ${request.query}))`),
              desc(table.articleSortAt),
            ],
            limit: request.limit,
          }),
        ),
    }),
    people: t.drizzleField({
      // Sized by the parent's `first`, which already multiplies this subtree.
      complexity: { field: 1, multiplier: 1 },
      type: ['people'],
      description: 'People whose name or an alias contains the search, closest first.',
      resolve: (query, request, _args, ctx) =>
        ctx.db.query.people.findMany(
          query({
            where: { RAW: (table) => entitySearchCondition(request.query, table) ?? sql`false` },
            orderBy: (table) => [desc(sql`similarity(${table.lookupText}, ${lookupKey(request.query)})`), table.name],
            limit: request.limit,
          }),
        ),
    }),
    organizations: t.drizzleField({
      // Sized by the parent's `first`, which already multiplies this subtree.
      complexity: { field: 1, multiplier: 1 },
      type: ['organizations'],
      description: 'Organizations whose name or an alias contains the search, closest first.',
      resolve: (query, request, _args, ctx) =>
        ctx.db.query.organizations.findMany(
          query({
            where: { RAW: (table) => entitySearchCondition(request.query, table) ?? sql`false` },
            orderBy: (table) => [desc(sql`similarity(${table.lookupText}, ${lookupKey(request.query)})`), table.name],
            limit: request.limit,
          }),
        ),
    }),
  }),
});

builder.queryFields((t) => ({
  search: t.field({
    type: SearchResults,
    description: 'Searches articles, quotes, people and organizations at once.',
    args: {
      query: t.arg.string({ required: true, description: 'Words to look for (web-search syntax for text).' }),
      first: t.arg.int({
        defaultValue: 5,
        description: `How many results of each kind (at most ${MAX_SEARCH_RESULTS}).`,
      }),
    },
    resolve: (_root, args) => {
      if (!args.query.trim()) throw badUserInput('query must not be empty.', 'query');
      const limit = args.first ?? 5;
      if (limit < 0 || limit > MAX_SEARCH_RESULTS) {
        throw badUserInput(`first must be between 0 and ${MAX_SEARCH_RESULTS}.`, 'first');
      }
      return { query: args.query, limit };
    },
  }),
}));
