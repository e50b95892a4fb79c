import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowsOf, type DatabaseHandle } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { openTestDatabase, testDriver } from '../support/database.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function rows<Row>(statement: ReturnType<typeof sql>): Promise<Row[]> {
  return rowsOf<Row>(await database.db.execute(statement));
}

describe(`migrations (${testDriver})`, () => {
  test('create every table of the graph', async () => {
    const tables = await rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual([
      'affiliations',
      'articles',
      'graph_pending_writes',
      'graph_version',
      'mentions',
      'organizations',
      'people',
      'publishers',
      'quotes',
      'related_links',
    ]);
  });

  test('install pg_trgm and the indexes the API relies on', async () => {
    const extensions = await rows<{ extname: string }>(sql`select extname from pg_extension`);
    expect(extensions.map((row) => row.extname)).toContain('pg_trgm');
    const indexes = await rows<{ indexname: string }>(
      sql`select indexname from pg_indexes where schemaname = 'public'`,
    );
    expect(indexes.map((row) => row.indexname)).toEqual(
      expect.arrayContaining([
        'quotes_speaker_person_idx',
        'quotes_search_idx',
        'articles_sort_at_idx',
        'articles_search_idx',
        'people_lookup_keys_idx',
        'people_lookup_text_trgm_idx',
      ]),
    );
  });

  test('running them again changes nothing', async () => {
    const before = await rows<{ count: number }>(sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    await migrateDatabase(database);
    const after = await rows<{ count: number }>(sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    expect(after).toEqual(before);
    expect(before[0]?.count).toBeGreaterThanOrEqual(2);
  });

  test('a quote cannot have both a person and an organization as speaker', async () => {
    await database.db.execute(sql`insert into people (slug, name) values ('p', 'P')`);
    await database.db.execute(sql`insert into organizations (slug, name) values ('o', 'O')`);
    await database.db.execute(
      sql`insert into articles (slug, title, body, content_hash) values ('a', 'A', 'body text', 'h')`,
    );
    await expect(
      database.db.execute(sql`insert into quotes (article_id, text, kind, speaker_person_id, speaker_organization_id, start_offset, end_offset, position, article_sort_at)
        select a.id, 'x', 'direct', p.id, o.id, 0, 1, 0, now() from articles a, people p, organizations o`),
    ).rejects.toThrow();
  });
});
