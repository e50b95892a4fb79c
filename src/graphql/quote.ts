import { brandWithType } from '@pothos/core';
import { and, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { lookupKey } from '../db/lookup.ts';
import { affiliations, organizations, people, quotes } from '../db/schema.ts';
import { builder } from './builder.ts';
import { QuoteKindEnum, QuoteOrder } from './enums.ts';
import { rememberTotal, totalCountExtra, totalFromPage } from './connections.ts';
import { ArticleRef } from './article.ts';
import { decodeId, EntityIdTypes } from './ids.ts';
import { OrganizationRef } from './organization.ts';
import { PersonRef } from './person.ts';



export const Speaker = builder.unionType('Speaker', {
  description: 'Who said a quote: a person, or an organization when an unnamed spokesperson spoke for it.',
  types: [PersonRef, OrganizationRef],
});

/** Marks a people or organizations row with its GraphQL type: both tables' rows look alike. */
export function asSpeaker<Row extends object>(row: Row, typename: 'Person' | 'Organization'): never {
  brandWithType(row, typename === 'Person' ? PersonRef : OrganizationRef);
  return row as never;
}

export const QuoteRef = builder.drizzleNode('quotes', {
  name: 'Quote',
  description: 'Something said, as reported in one article, with who said it and where it sits in the text.',
  select: {},
  id: { column: (quote) => quote.id },
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The quoted or reported words, without quote marks.' }),
    kind: t.expose('kind', { type: QuoteKindEnum, description: 'Direct, partial or indirect speech.' }),
    speaker: t.field({
      type: Speaker,
      nullable: true,
      description: 'Who said it; null when the article does not make it clear.',
      select: (_args, _ctx, nestedSelection) => ({
        with: {
          speakerPerson: nestedSelection(true, [], 'Person'),
          speakerOrganization: nestedSelection(true, [], 'Organization'),
        },
      }),
      resolve: (quote) => {
        if (quote.speakerPerson) return asSpeaker(quote.speakerPerson, 'Person');
        if (quote.speakerOrganization) return asSpeaker(quote.speakerOrganization, 'Organization');
        return null;
      },
    }),
    speakerLabel: t.exposeString('speakerLabel', {
      nullable: true,
      description: 'The speaker as the article words it: "Obama", "the spokesman", "an unidentified official".',
    }),
    cue: t.exposeString('cue', { nullable: true, description: 'The speech verb or phrase: "said", "according to".' }),
    startOffset: t.exposeInt('startOffset', { description: 'Where the quote starts in `article.body` (UTF-16 units).' }),
    endOffset: t.exposeInt('endOffset', { description: 'Where the quote ends in `article.body` (exclusive).' }),
    position: t.exposeInt('position', { description: 'Order of the quote within its article, from 0.' }),
    confidence: t.exposeFloat('confidence', {
      description: 'How sure extraction was of the span and speaker, 0 to 1 (1 for quotes entered by hand).',
    }),
    article: t.relation('article', { description: 'The article the quote appears in.' }),
  }),
});

const QuoteFilter = builder.inputType('QuoteFilter', {
  description: 'Narrows `quotes`. All given conditions must hold.',
  fields: (t) => ({
    speaker: t.globalID({ for: EntityIdTypes, description: 'Said by this Person or Organization.' }),
    speakerName: t.string({
      description:
        'Said by a speaker with this name or alias, case- and accent-insensitively: "obama" finds Barack Obama.',
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

function quoteCondition(filter: QuoteFilterShape | null | undefined, table: typeof quotes): SQL | undefined {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  if (filter.speaker) {
    const speaker = decodeId(filter.speaker, 'filter.speaker');
    conditions.push(
      eq(speaker.typename === 'Person' ? table.speakerPersonId : table.speakerOrganizationId, speaker.id),
    );
  }
  if (filter.speakerName != null) {
    const key = lookupKey(filter.speakerName);
    // `= any(array(...))` runs each lookup once, before the scan, through the lookup_keys index.
    conditions.push(
      or(
        sql`${table.speakerPersonId} = any(array(select ${people.id} from ${people} where ${people.lookupKeys} @> array[${key}]::text[]))`,
        sql`${table.speakerOrganizationId} = any(array(select ${organizations.id} from ${organizations} where ${organizations.lookupKeys} @> array[${key}]::text[]))`,
      ),
    );
  }
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

function quoteCount(filter: QuoteFilterShape | null | undefined): SQL {
  const condition = quoteCondition(filter, quotes);
  return sql`select count(*) from ${quotes}${condition ? sql` where ${condition}` : sql``}`;
}

builder.queryFields((t) => ({
  quotes: t.drizzleConnection({
    type: 'quotes',
    description:
      'Quotes across all articles, newest first unless `orderBy` says otherwise. Filter by speaker to answer "what has this person said?".',
    args: {
      filter: t.arg({ type: QuoteFilter, description: 'Conditions the quotes must meet.' }),
      orderBy: t.arg({ type: QuoteOrder, defaultValue: 'NEWEST', description: 'Sort order.' }),
    },
    totalCount: (_root, args, ctx) => totalFromPage(args, ctx.db, quoteCount(args.filter)),
    resolve: async (query, _root, args, ctx) =>
      rememberTotal(
        args,
        await ctx.db.query.quotes.findMany(
          query({
            where: { RAW: (table) => quoteCondition(args.filter, table) ?? sql`true` },
            orderBy: { articleSortAt: args.orderBy === 'OLDEST' ? 'asc' : 'desc' },
            extras: totalCountExtra(quoteCount(args.filter)),
          }),
        ),
      ),
  }),
}));
