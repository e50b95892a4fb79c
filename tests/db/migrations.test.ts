import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, rowsOf, type DatabaseHandle } from '../../src/db/client.ts';
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

describe.runIf(process.env.TEST_DATABASE_URL)('migrations on PostgreSQL, side by side', () => {
  test('processes migrating a new database at the same moment all start, and every migration is applied once', async () => {
    // As worker processes, a server and a command do when they start together on a new database.
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    for (let round = 0; round < 3; round += 1) {
      const name = `quotegraph_migrate_${process.pid}_${round}`;
      await admin.unsafe(`drop database if exists ${name}`);
      await admin.unsafe(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const handles = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase({ driver: 'postgres', url: url.toString(), poolSize: 2 })),
      );
      try {
        const results = await Promise.allSettled(handles.map((handle) => migrateDatabase(handle)));
        const failures = results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
        expect(failures, `round ${round}`).toEqual([]);
        const applied = rowsOf<{ hash: string; count: number }>(
          await handles[0]!.db.execute(
            sql`select hash, count(*)::int as count from drizzle.__drizzle_migrations group by hash`,
          ),
        );
        const expected = rowsOf<{ count: number }>(
          await database.db.execute(sql`select count(*)::int as count from drizzle.__drizzle_migrations`),
        )[0]!.count;
        expect(applied).toHaveLength(expected);
        for (const row of applied) expect(row.count).toBe(1);
      } finally {
        await Promise.all(handles.map((handle) => handle.close()));
        await admin.unsafe(`drop database if exists ${name} with (force)`);
      }
    }
    await admin.end();
  }, 120_000);
});
