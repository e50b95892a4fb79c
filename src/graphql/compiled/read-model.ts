// What the compiled read path knows about the schema: for each object type, its table and how
// each relation field joins and orders, exactly as the Pothos/drizzle field declares it.
// Exposed column fields (`t.exposeString('title')` …) are found from the schema itself; a
// field that is neither here nor an exposed column makes its operation take the ordinary
// execution path, so a field added to the schema is never answered wrongly, at worst slowly.
// tests/graphql/compiled-reads.test.ts compares both paths field by field.
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import { affiliations, articles, organizations, people, publishers, quotes, relatedLinks } from '../../db/schema.ts';
import { orders } from '../orders.ts';

/** An ordering term: a column of the child table, and its direction. */
export type Order = readonly [column: string, direction: 'asc' | 'desc'];

/** Joins a child row (alias `child`) to its parent row (alias `parent`), as SQL text. */
type Join = (child: string, parent: string) => string;

export type RelationModel =
  /** A single related row, or null. */
  | { kind: 'one'; target: string; join: Join }
  /** All related rows in a fixed order (at most `limit`). */
  | { kind: 'list'; target: string; join: Join; orderBy: readonly Order[]; limit?: number }
  /** A page of related rows with `first` and an optional `kind` argument, and a totalCount. */
  | { kind: 'connection'; target: string; join: Join; orderBy: readonly Order[]; filters?: Record<string, string> };

export interface TypeModel {
  table: Table;
  relations: Record<string, RelationModel>;
  /** A union field resolved from two nullable foreign keys (Quote.speaker). */
  unions?: Record<string, readonly { typename: string; column: string }[]>;
}

const fk = (column: string): Join => (child, parent) => `${child}.id = ${parent}.${column}`;
const back = (column: string): Join => (child, parent) => `${child}.${column} = ${parent}.id`;

// Orderings come from src/graphql/orders.ts, as the resolvers' do: each ends with the id.
export const NEWEST_QUOTES: readonly Order[] = orders.quotesNewest.columns;
export const OLDEST_QUOTES: readonly Order[] = orders.quotesOldest.columns;
export const NEWEST_ARTICLES: readonly Order[] = orders.articlesNewest.columns;
export const OLDEST_ARTICLES: readonly Order[] = orders.articlesOldest.columns;

export const readModel: Record<string, TypeModel> = {
  Article: {
    table: articles,
    relations: {
      publisher: { kind: 'one', target: 'Publisher', join: fk('publisher_id') },
      quotes: {
        kind: 'connection',
        target: 'Quote',
        join: back('article_id'),
        orderBy: orders.quotesInArticle.columns,
        filters: { kind: 'kind' },
      },
      relatedLinks: { kind: 'list', target: 'RelatedLink', join: back('article_id'), orderBy: orders.linksInArticle.columns },
    },
  },
  Quote: {
    table: quotes,
    relations: {
      article: { kind: 'one', target: 'Article', join: fk('article_id') },
    },
    unions: {
      speaker: [
        { typename: 'Person', column: 'speaker_person_id' },
        { typename: 'Organization', column: 'speaker_organization_id' },
      ],
    },
  },
  Person: {
    table: people,
    relations: {
      affiliations: { kind: 'list', target: 'Affiliation', join: back('person_id'), orderBy: orders.affiliations.columns },
      quotes: { kind: 'connection', target: 'Quote', join: back('speaker_person_id'), orderBy: NEWEST_QUOTES },
    },
  },
  Organization: {
    table: organizations,
    relations: {
      parent: { kind: 'one', target: 'Organization', join: fk('parent_id') },
      children: { kind: 'list', target: 'Organization', join: back('parent_id'), orderBy: orders.organizationsByName.columns },
      affiliations: {
        kind: 'list',
        target: 'Affiliation',
        join: back('organization_id'),
        orderBy: orders.affiliations.columns,
        limit: 100,
      },
      quotes: { kind: 'connection', target: 'Quote', join: back('speaker_organization_id'), orderBy: NEWEST_QUOTES },
    },
  },
  Affiliation: {
    table: affiliations,
    relations: {
      person: { kind: 'one', target: 'Person', join: fk('person_id') },
      organization: { kind: 'one', target: 'Organization', join: fk('organization_id') },
    },
  },
  RelatedLink: {
    table: relatedLinks,
    relations: {
      article: { kind: 'one', target: 'Article', join: fk('article_id') },
    },
  },
  Publisher: {
    table: publishers,
    relations: {},
  },
};

/** SQL name of the type's table. */
export function tableName(model: TypeModel): string {
  return getTableName(model.table);
}

/** SQL column name of a drizzle property of the type's table, if it is a column. */
export function columnName(model: TypeModel, property: string): string | undefined {
  return (getTableColumns(model.table) as Record<string, { name: string }>)[property]?.name;
}
