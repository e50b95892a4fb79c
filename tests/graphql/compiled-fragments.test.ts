// A drizzle condition in a compiled statement is rendered once per shape and then only has its
// parameters collected (src/graphql/compiled/fragments.ts). Whatever the filter, in whatever order
// filters arrive, the statement must read exactly as drizzle renders it afresh: the same text,
// the same parameters, numbered on from those before it.
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { articles, people, quotes } from '../../src/db/schema.ts';
import { articleCondition, articleCount } from '../../src/graphql/article.ts';
import { cachedFragmentTexts } from '../../src/graphql/compiled/fragments.ts';
import { Statement } from '../../src/graphql/compiled/statement.ts';
import { entityLookupCondition, lookupOrder } from '../../src/graphql/entity-lookup.ts';
import { quoteCondition, quoteCount, speakerNamed } from '../../src/graphql/quote-filter.ts';
import { runs } from '../support/property.ts';

const dialect = new PgDialect();

/** What the statement held before fragments were cached: drizzle's text, placeholders shifted by `offset`. */
function fresh(fragment: SQL, offset: number) {
  const { sql: text, params } = dialect.sqlToQuery(fragment);
  return { sql: text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`), params };
}

function viaStatement(fragment: SQL, before: unknown[]) {
  const statement = new Statement().raw('select ');
  for (const value of before) statement.param(value).raw(', ');
  const mark = statement.build().sql.length;
  statement.fragment(fragment);
  const built = statement.build();
  return { sql: built.sql.slice(mark), params: built.params.slice(before.length) };
}

/** A global ID as the relay plugin hands it on, decoded. */
const decoded = (typename: string) => fc.nat({ max: 50 }).map((n) => ({ typename, id: n + 1 }));
const entityId = fc.oneof(decoded('Person'), decoded('Organization'));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const words = fc.constantFrom('harbor', 'tidal pilot', '', '   ', 'Márquez', "o'brien", '$1 cost', 'x');
const moment = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true });

const quoteFilter = fc.record({
  speaker: maybe(entityId),
  speakerName: maybe(words),
  organization: maybe(decoded('Organization')),
  article: maybe(decoded('Article')),
  search: maybe(words),
  kind: maybe(fc.constantFrom('direct' as const, 'partial' as const, 'indirect' as const)),
  publishedAfter: maybe(moment),
  publishedBefore: maybe(moment),
});
const articleFilter = fc.record({
  search: maybe(words),
  mentions: maybe(entityId),
  publisher: maybe(words),
  publishedAfter: maybe(moment),
  publishedBefore: maybe(moment),
});
const resolved = {
  ref: sql.raw('(select ref from named_speaker)'),
  count: sql.raw('(select count from named_speaker)'),
};

/** The conditions the compiled roots render, over every filter shape. */
const fragment: fc.Arbitrary<SQL> = fc.oneof(
  fc
    .tuple(quoteFilter, fc.boolean())
    .map(([filter, named]) => quoteCondition(filter, quotes, named ? resolved : undefined) ?? sql`true`),
  fc.tuple(quoteFilter, fc.boolean()).map(([filter, named]) => quoteCount(filter, named ? resolved : undefined)),
  articleFilter.map((filter) => articleCondition(filter, articles) ?? sql`true`),
  articleFilter.map((filter) => articleCount(filter)),
  words.map((name) => speakerNamed(name)),
  fc
    .oneof(
      entityId.map((id) => ({ id })),
      words.map((slug) => ({ slug })),
      words.map((name) => ({ name })),
    )
    .map(
      (args) => sql`${entityLookupCondition(args)(people)} order by ${sql.join(lookupOrder(args)(people), sql`, `)}`,
    ),
  // Lists: drizzle writes each element, so a list's length is part of the text.
  fc
    .array(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxLength: 4 })
    .map((list) => sql`${quotes.id} in ${list}`),
);

describe('drizzle conditions rendered once per shape', () => {
  test('read exactly as drizzle renders them afresh, whatever came before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fragment, fc.array(fc.integer(), { maxLength: 3 })), { minLength: 1, maxLength: 6 }),
        (cases) => {
          for (const [condition, before] of cases) {
            const expected = fresh(condition, before.length);
            // Twice: once to render the shape, once from the cache.
            expect(viaStatement(condition, before)).toEqual(expected);
            expect(viaStatement(condition, before)).toEqual(expected);
          }
        },
      ),
      { numRuns: runs(200) },
    );
    expect(cachedFragmentTexts()).toBeGreaterThan(0);
  });

  test('one filter shape with other values reuses its text; a person and an organization count apart', () => {
    const count = (typename: string, id: number) => viaStatement(quoteCount({ speaker: { typename, id } }), []);
    const person = count('Person', 3);
    expect(person.params).toEqual([3]);
    expect(person.sql).toContain('from "people"');
    expect(count('Person', 4)).toEqual({ sql: person.sql, params: [4] });
    const organization = count('Organization', 4);
    expect(organization.sql).toContain('from "organizations"');
    expect(organization.params).toEqual([4]);
  });
});
