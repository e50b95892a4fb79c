// One search box over the whole graph: the best matches of each kind, ranked by relevance.
import { asc, desc, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { lookupKey } from '../db/lookup.ts';
import { builder } from './builder.ts';
import { badUserInput } from '../errors.ts';
import { entitySearchCondition } from './entity-lookup.ts';

const MAX_SEARCH_RESULTS = 50;

interface SearchRequest {
  query: string;
  limit: number;
}

/** Full-text matches, best rank first, then newest (by the table's date column). */
function byText<DateColumn extends string>(request: SearchRequest, dateColumn: DateColumn) {
  const query = sql`websearch_to_tsquery('english', ${request.query})`;
  type Searchable = Record<'searchVector' | DateColumn, AnyPgColumn>;
  return {
    where: { RAW: (table: Searchable) => sql`${table.searchVector} @@ ${query}` },
    orderBy: (table: Searchable) => [desc(sql`ts_rank(${table.searchVector}, ${query})`), desc(table[dateColumn])],
    limit: request.limit,
  };
}

/**
 * Name and alias matches: exact ones first (the name or an alias is the search, case and accents
 * aside), then the most similar. Similarity alone is measured against all of an entity's keys at
 * once, so "Obama" itself could rank below longer names that happen to share more trigrams.
 */
function byName(request: SearchRequest) {
  const key = lookupKey(request.query);
  return {
    where: {
      RAW: (table: { id: AnyPgColumn; lookupKeys: AnyPgColumn; lookupText: AnyPgColumn; quoteCount: AnyPgColumn }) =>
        entitySearchCondition(request.query, table) ?? sql`false`,
    },
    orderBy: (table: { lookupKeys: AnyPgColumn; lookupText: AnyPgColumn; name: AnyPgColumn }) => [
      desc(sql`(${key}::text = any(${table.lookupKeys}))`),
      desc(sql`similarity(${table.lookupText}, ${key})`),
      asc(table.name),
    ],
    limit: request.limit,
  };
}

// Each list is sized by the parent's `first`, which already multiplies this subtree's cost.
const sizedByParent = { field: 1, multiplier: 1 };

const SearchResults = builder.objectRef<SearchRequest>('SearchResults').implement({
  description: 'The best matches for a search, per kind of object. Each list is ranked by relevance.',
  fields: (t) => ({
    query: t.string({ description: 'The search as given.', resolve: (request) => request.query }),
    articles: t.drizzleField({
      complexity: sizedByParent,
      type: ['articles'],
      description: 'Articles whose title, standfirst or body match, best first.',
      resolve: (query, request, _args, ctx) => ctx.db.query.articles.findMany(query(byText(request, 'sortAt'))),
    }),
    quotes: t.drizzleField({
      complexity: sizedByParent,
      type: ['quotes'],
      description: 'Quotes whose words match, best first.',
      resolve: (query, request, _args, ctx) => ctx.db.query.quotes.findMany(query(byText(request, 'articleSortAt'))),
    }),
    people: t.drizzleField({
      complexity: sizedByParent,
      type: ['people'],
      description: 'People whose name or an alias contains the search, closest first.',
      resolve: (query, request, _args, ctx) => ctx.db.query.people.findMany(query(byName(request))),
    }),
    organizations: t.drizzleField({
      complexity: sizedByParent,
      type: ['organizations'],
      description: 'Organizations whose name or an alias contains the search, closest first.',
      resolve: (query, request, _args, ctx) => ctx.db.query.organizations.findMany(query(byName(request))),
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
