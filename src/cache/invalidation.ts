// Which cached responses a change to the graph makes stale. A cached response is tagged with
// every entity it contains (typename + global id) and with its root fields ("Query.quotes"); a
// change invalidates the responses holding a changed entity, plus the root lists, lookups and
// searches whose answer it may change. A story about another article stays cached.
import { encodeGlobalID } from '@pothos/plugin-relay';

export interface CacheEntity {
  typename: string;
  id?: string;
}

/** The rows a write touched, by table, and whether rows were added or removed. */
export interface GraphChange {
  articles?: Iterable<number>;
  quotes?: Iterable<number>;
  people?: Iterable<number>;
  organizations?: Iterable<number>;
  publishers?: Iterable<number>;
  affiliations?: Iterable<number>;
  relatedLinks?: Iterable<number>;
}

const typenames = {
  articles: 'Article',
  quotes: 'Quote',
  people: 'Person',
  organizations: 'Organization',
  publishers: 'Publisher',
  affiliations: 'Affiliation',
  relatedLinks: 'RelatedLink',
} as const;

/** The tag of cached responses that have this root field. */
export function rootFieldTag(field: string): string {
  return `Query.${field}`;
}

/**
 * Root fields whose answer a change of each kind can alter even when the response does not
 * hold the changed entity: lists it may join, lookups that found nothing, searches.
 */
const rootFields: Partial<Record<keyof GraphChange, string[]>> = {
  articles: ['articles', 'article', 'search'],
  quotes: ['quotes', 'search'],
  // Names and affiliations decide what `quotes(filter: {speakerName | organization})` matches.
  people: ['people', 'person', 'quotes', 'search'],
  organizations: ['organizations', 'organization', 'quotes', 'search'],
  affiliations: ['quotes'],
  publishers: ['publishers', 'articles'],
};

export function invalidationFor(change: GraphChange): CacheEntity[] {
  const entities = new Map<string, CacheEntity>();
  const add = (entity: CacheEntity) => entities.set(`${entity.typename}:${entity.id ?? ''}`, entity);
  for (const key of Object.keys(typenames) as (keyof GraphChange)[]) {
    const ids = [...(change[key] ?? [])];
    if (ids.length === 0) continue;
    const typename = typenames[key];
    for (const id of ids) add({ typename, id: encodeGlobalID(typename, id) });
    for (const field of rootFields[key] ?? []) add({ typename: rootFieldTag(field) });
  }
  return [...entities.values()];
}
