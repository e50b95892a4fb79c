// What `quotes(filter: …)` means in SQL. Quotes by one speaker — the headline use — are one
// ordered index scan on quotes.speaker_ref, and their count is the speaker's stored
// quote_count, so both stay flat however many quotes the graph holds.
import { and, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { entityLookupCondition, lookupOrder } from './entity-lookup.ts';
import { affiliations, organizations, people, quotes } from '../db/schema.ts';
import { ArticleRef, OrganizationRef } from './refs.ts';
import { builder } from './builder.ts';
import { QuoteKindEnum } from './enums.ts';
import { decodeId, EntityIdTypes } from './ids.ts';

export const QuoteFilter = builder.inputType('QuoteFilter', {
  description: 'Narrows `quotes`. All given conditions must hold.',
  fields: (t) => ({
    speaker: t.globalID({ for: EntityIdTypes, description: 'Said by this Person or Organization.' }),
    speakerName: t.string({
      description:
        'Said by the speaker with this name or alias, case- and accent-insensitively: "obama" finds Barack Obama. A name several speakers share means the one whose own name it is, else the most quoted; use `speaker` to be exact.',
    }),
    organization: t.globalID({
      for: [OrganizationRef],
      description: 'Said by this organization, or by a person affiliated with it.',
    }),
    article: t.globalID({ for: [ArticleRef], description: 'In this article.' }),
    search: t.string({ description: 'Full-text search over the quoted words (web-search syntax).' }),
    kind: t.field({ type: QuoteKindEnum, description: 'Only quotes of this kind.' }),
    publishedAfter: t.field({ type: 'DateTime', description: 'From articles published at or after this moment.' }),
    publishedBefore: t.field({ type: 'DateTime', description: 'From articles published before this moment.' }),
  }),
});

type QuoteFilterShape = typeof QuoteFilter.$inferInput;

/**
 * The best match for a name among people or organizations, as a scalar subquery over `column`:
 * found and ranked exactly as person(name:) and organization(name:) find them.
 */
function bestMatch(table: typeof people | typeof organizations, name: string, column: SQL): SQL {
  const lookup = { name };
  return sql`(select ${column} from ${table} where ${entityLookupCondition(lookup)(table)}
    order by ${sql.join(lookupOrder(lookup)(table), sql`, `)} limit 1)`;
}

/** A speaker named in a filter, resolved once elsewhere in the statement: its speaker_ref and stored count. */
export interface ResolvedSpeaker {
  ref: SQL;
  count: SQL;
}

/** One row (ref, count): the speaker a name means, a person before an organization, each ranked as bestMatch ranks. */
export function speakerNamed(name: string): SQL {
  const candidate = (table: typeof people | typeof organizations, ref: SQL, tier: number) => {
    const lookup = { name };
    return sql`(select ${ref} as ref, ${table.quoteCount} as count, ${sql.raw(String(tier))} as tier from ${table}
      where ${entityLookupCondition(lookup)(table)} order by ${sql.join(lookupOrder(lookup)(table), sql`, `)} limit 1)`;
  };
  return sql`select ref, count from (${candidate(people, sql`${people.id} * 2`, 0)} union all ${candidate(organizations, sql`${organizations.id} * 2 + 1`, 1)}) candidates order by tier limit 1`;
}

/** The single speaker a filter names, as its speaker_ref and its stored quote count. */
function namedSpeaker(filter: QuoteFilterShape, resolved?: ResolvedSpeaker): { ref: SQL; count: SQL } | null {
  if (filter.speaker) {
    const { typename, id } = decodeId(filter.speaker, 'filter.speaker');
    return typename === 'Person'
      ? { ref: sql`${id * 2}`, count: sql`(select ${people.quoteCount} from ${people} where ${people.id} = ${id})` }
      : {
          ref: sql`${id * 2 + 1}`,
          count: sql`(select ${organizations.quoteCount} from ${organizations} where ${organizations.id} = ${id})`,
        };
  }
  if (filter.speakerName != null) {
    if (resolved) return resolved;
    const name = filter.speakerName;
    // A person goes before an organization of the same name.
    return {
      ref: sql`coalesce(${bestMatch(people, name, sql`${people.id} * 2`)}, ${bestMatch(organizations, name, sql`${organizations.id} * 2 + 1`)})`,
      count: sql`coalesce(${bestMatch(people, name, sql`${people.quoteCount}`)}, ${bestMatch(organizations, name, sql`${organizations.quoteCount}`)})`,
    };
  }
  return null;
}

/** `resolved`: the named speaker as the caller resolved it (once per statement), instead of a lookup per use. */
export function quoteCondition(
  filter: QuoteFilterShape | null | undefined,
  table: typeof quotes,
  resolved?: ResolvedSpeaker,
): SQL | undefined {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  const speaker = namedSpeaker(filter, resolved);
  if (filter.speaker && filter.speakerName != null) {
    // Both given: the name must name that same speaker.
    const byName = namedSpeaker({ speakerName: filter.speakerName }, resolved);
    if (byName) conditions.push(sql`${table.speakerRef} = ${byName.ref}`);
  }
  if (speaker) conditions.push(sql`${table.speakerRef} = ${speaker.ref}`);
  if (filter.organization) {
    const organizationId = decodeId(filter.organization, 'filter.organization').id;
    conditions.push(
      or(
        eq(table.speakerOrganizationId, organizationId),
        sql`${table.speakerPersonId} = any(array(select ${affiliations.personId} from ${affiliations} where ${eq(affiliations.organizationId, organizationId)}))`,
      ),
    );
  }
  if (filter.article) conditions.push(eq(table.articleId, decodeId(filter.article, 'filter.article').id));
  if (filter.search?.trim()) {
    conditions.push(sql`${table.searchVector} @@ websearch_to_tsquery('english', ${filter.search})`);
  }
  if (filter.kind) conditions.push(eq(table.kind, filter.kind));
  if (filter.publishedAfter) conditions.push(gte(table.articleSortAt, filter.publishedAfter));
  if (filter.publishedBefore) conditions.push(lt(table.articleSortAt, filter.publishedBefore));
  return and(...conditions);
}

/** SQL for the number of quotes matching the filter. */
export function quoteCount(filter: QuoteFilterShape | null | undefined, resolved?: ResolvedSpeaker): SQL {
  const onlySpeaker =
    filter &&
    Object.entries(filter).every(([key, value]) => value == null || key === 'speaker' || key === 'speakerName') &&
    !(filter.speaker && filter.speakerName != null);
  const speaker = onlySpeaker ? namedSpeaker(filter, resolved) : null;
  if (speaker) return sql`select coalesce(${speaker.count}, 0)`;
  const condition = quoteCondition(filter, quotes, resolved);
  return sql`select count(*) from ${quotes}${condition ? sql` where ${condition}` : sql``}`;
}
