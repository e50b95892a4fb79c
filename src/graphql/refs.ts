// The node types, and the one quote connection, that type files point at one another through.
// Declared here without their fields (each type's file adds those with drizzleObjectFields), so
// type files import this module instead of each other and the imports run one way.
import { builder } from './builder.ts';

export const ArticleRef = builder.drizzleNode('articles', {
  name: 'Article',
  description:
    'A news article: its clean text, the quotes found in it, who is mentioned, and links the page pointed to.',
  // Columns are selected per requested field, never the whole row: the body can be large.
  select: {},
  id: { column: (article) => article.id },
  fields: () => ({}),
});

export const QuoteRef = builder.drizzleNode('quotes', {
  name: 'Quote',
  description: 'Something said, as reported in one article, with who said it and where it sits in the text.',
  select: {},
  id: { column: (quote) => quote.id },
  fields: () => ({}),
});

export const PersonRef = builder.drizzleNode('people', {
  name: 'Person',
  description: 'A person who is quoted or mentioned in articles.',
  select: {},
  id: { column: (person) => person.id },
  fields: () => ({}),
});

export const OrganizationRef = builder.drizzleNode('organizations', {
  name: 'Organization',
  description:
    'A company, government body, agency, university or other organization. It is the speaker of a quote when an unnamed spokesperson speaks for it.',
  select: {},
  id: { column: (organization) => organization.id },
  fields: () => ({}),
});

/**
 * The one connection type for every paged list of quotes (Query.quotes, Article.quotes,
 * Person.quotes, Organization.quotes), so a client's fragment on it fits each of them.
 */
export const QuoteConnection = builder.connectionObject(
  {
    type: QuoteRef,
    name: 'QuoteConnection',
    description: 'A page of quotes with cursors for paging on.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many quotes match, across all pages.',
        // Tells plugin-drizzle that a selection of only this field needs no rows.
        extensions: { pothosDrizzleTotalCount: true },
        // A root list hands over a function (its count may be a query of its own); a relation,
        // the number it selected with the rows.
        resolve: (connection) => {
          const total = (connection as { totalCount?: number | (() => Promise<number> | number) }).totalCount;
          return typeof total === 'function' ? total() : (total ?? 0);
        },
      }),
    }),
  },
  { name: 'QuoteEdge', description: 'A quote on a page, with its cursor.' },
);
