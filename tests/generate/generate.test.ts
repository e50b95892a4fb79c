import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { lookupKey } from '../../src/db/lookup.ts';
import { planGraph } from '../../src/generate/index.ts';
import { storeGraph, type StoreSummary } from '../../src/generate/store.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, query } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';

const SEED = 20260101;
const ARTICLES = 50;

let database: DatabaseHandle;
let app: App;
let stored: StoreSummary;

async function rows<Row>(statement: ReturnType<typeof sql>): Promise<Row[]> {
  const result: unknown = await database.db.execute(statement);
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

async function countOf(table: string): Promise<number> {
  const [row] = await rows<{ count: number }>(sql.raw(`select count(*)::int as count from ${table}`));
  return Number(row?.count);
}

/** The stored graph without ids or creation times: what the seed alone decides. */
async function content() {
  return rows(sql`
    select a.slug, a.title, a.dek, a.body, a.published_at, p.name as publisher,
           (select json_agg(json_build_object('text', q.text, 'kind', q.kind, 'label', q.speaker_label,
              'person', sp.name, 'organization', so.name, 'start', q.start_offset) order by q.position)
            from quotes q left join people sp on sp.id = q.speaker_person_id
            left join organizations so on so.id = q.speaker_organization_id where q.article_id = a.id) as quotes
    from articles a left join publishers p on p.id = a.publisher_id order by a.id`);
}

beforeAll(async () => {
  database = await openTestDatabase();
  stored = await storeGraph(database.db, planGraph(SEED, ARTICLES), { batchSize: 20 });
  app = createTestApp(database);
});

afterAll(async () => {
  await database?.close();
});

describe('generate', () => {
  test('stores the planned graph: about six quotes an article, links, mentions and the cast', async () => {
    expect(await countOf('articles')).toBe(ARTICLES);
    expect(await countOf('quotes')).toBe(stored.quotes);
    expect(stored.quotes / ARTICLES).toBeGreaterThan(4.5);
    expect(stored.quotes / ARTICLES).toBeLessThan(7.5);
    expect(await countOf('related_links')).toBe(stored.relatedLinks);
    expect(await countOf('mentions')).toBe(stored.mentions);
    expect(await countOf('people')).toBe(stored.people);
    expect(await countOf('organizations')).toBe(stored.organizations);
    expect(await countOf('affiliations')).toBe(stored.affiliations);
    const kinds = await rows<{ kind: string }>(sql`select distinct kind::text as kind from quotes order by 1`);
    expect(kinds.map((row) => row.kind)).toEqual(['direct', 'indirect', 'partial']);
    const [byOrganization] = await rows<{ count: number }>(
      sql`select count(*)::int as count from quotes where speaker_organization_id is not null and speaker_label ~ '^(a|an) '`,
    );
    expect(Number(byOrganization?.count)).toBeGreaterThan(0);
    const [withParent] = await rows<{ count: number }>(
      sql`select count(*)::int as count from organizations o join organizations parent on parent.id = o.parent_id where parent.kind = 'government'`,
    );
    expect(Number(withParent?.count)).toBeGreaterThan(0);
  });

  test('quote offsets point at the quoted words, and quotes sort by their article date', async () => {
    const quotes = await rows<{
      text: string;
      start_offset: number;
      end_offset: number;
      body: string;
      same_date: boolean;
    }>(sql`
      select q.text, q.start_offset, q.end_offset, a.body, q.article_sort_at = a.sort_at as same_date
      from quotes q join articles a on a.id = q.article_id`);
    expect(quotes.length).toBe(stored.quotes);
    for (const quote of quotes) {
      expect(quote.body.slice(quote.start_offset, quote.end_offset)).toBe(quote.text);
      expect(quote.same_date).toBe(true);
    }
  });

  test('the same seed gives the same content; another seed does not', async () => {
    expect(JSON.stringify(planGraph(SEED, ARTICLES).article(7))).toBe(
      JSON.stringify(planGraph(SEED, ARTICLES).article(7)),
    );
    expect(planGraph(SEED + 1, ARTICLES).article(7).body).not.toBe(planGraph(SEED, ARTICLES).article(7).body);

    const before = await content();
    await storeGraph(database.db, planGraph(SEED, ARTICLES), { reset: true, batchSize: 7 });
    expect(await content()).toEqual(before);
  });

  test('appending to an existing graph keeps slugs and urls unique', async () => {
    await storeGraph(database.db, planGraph(SEED, ARTICLES), { batchSize: 50 });
    expect(await countOf('articles')).toBe(2 * ARTICLES);
    const [duplicates] = await rows<{ count: number }>(sql`
      select (select count(*) - count(distinct slug) from people) + (select count(*) - count(distinct url) from articles) as count`);
    expect(Number(duplicates?.count)).toBe(0);
    await storeGraph(database.db, planGraph(SEED, ARTICLES), { reset: true });
    expect(await countOf('articles')).toBe(ARTICLES);
  });

  test('quotes(filter: {speakerName}) finds the most quoted speaker, by name and by surname alias', async () => {
    const [top] = await rows<{ id: number; name: string; aliases: string[]; quotes: number }>(sql`
      select p.id, p.name, p.aliases, count(*)::int as quotes
      from quotes q join people p on p.id = q.speaker_person_id
      group by p.id order by count(*) desc, p.id limit 1`);
    if (!top) throw new Error('no quoted person');
    const speakerQuery = `query($name: String!) {
      quotes(filter: { speakerName: $name }, first: 5) { totalCount nodes { speaker { ... on Person { name } } } }
    }`;
    const byName = await query(app, speakerQuery, { name: top.name.toUpperCase() });
    expect(byName.data.quotes.totalCount).toBe(Number(top.quotes));
    expect(byName.data.quotes.nodes[0].speaker.name).toBe(top.name);

    const surname = top.aliases[0] as string;
    const [bySql] = await rows<{ count: number }>(sql`
      select count(*)::int as count from quotes
      where speaker_person_id in (select id from people where lookup_keys @> array[${lookupKey(surname)}]::text[])
         or speaker_organization_id in (select id from organizations where lookup_keys @> array[${lookupKey(surname)}]::text[])`);
    const bySurname = await query(app, speakerQuery, { name: lookupKey(surname) });
    expect(bySurname.data.quotes.totalCount).toBe(Number(bySql?.count));
    expect(bySurname.data.quotes.totalCount).toBeGreaterThanOrEqual(Number(top.quotes));
  });
});
