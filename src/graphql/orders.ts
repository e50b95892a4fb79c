// Every ordering the API lists rows in, in one place. Each ends with the primary key, so it is
// a total order: rows that tie on the other keys (two articles published at the same moment,
// two people of one name) keep one place, and paging never skips or repeats them. The Pothos
// resolvers declare them and the compiled read path reads them from those declarations.
import { affiliations, articles, organizations, people, publishers, quotes, relatedLinks } from '../db/schema.ts';
import { pageOrder } from './connections.ts';

export const orders = {
  articlesNewest: pageOrder(articles, { sortAt: 'desc', id: 'desc' }),
  articlesOldest: pageOrder(articles, { sortAt: 'asc', id: 'asc' }),
  // Newest article first, each article's quotes in reading order.
  quotesNewest: pageOrder(quotes, { articleSortAt: 'desc', articleId: 'desc', position: 'asc', id: 'asc' }),
  quotesOldest: pageOrder(quotes, { articleSortAt: 'asc', articleId: 'asc', position: 'asc', id: 'asc' }),
  quotesInArticle: pageOrder(quotes, { position: 'asc', id: 'asc' }),
  linksInArticle: pageOrder(relatedLinks, { position: 'asc', id: 'asc' }),
  peopleByName: pageOrder(people, { name: 'asc', id: 'asc' }),
  organizationsByName: pageOrder(organizations, { name: 'asc', id: 'asc' }),
  publishersByName: pageOrder(publishers, { name: 'asc', id: 'asc' }),
  affiliations: pageOrder(affiliations, { id: 'asc' }),
};
