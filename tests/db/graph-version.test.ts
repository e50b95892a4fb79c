// The graph version that the response cache follows: raised once by every committed write, by
// nothing else, on every table the API reads — including tables added later.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { batchedReads, graphVersionOf } from '../../src/cache/graph-version.ts';
import { rowsOf, type DatabaseHandle } from '../../src/db/client.ts';
import { openTestDatabase, testDriver } from '../support/database.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const version = () =>
  graphVersionOf(database.db)
    .current()
    .then((value) => Number(value.slice(value.lastIndexOf(':') + 1)));

test('every table of the graph raises the version when written', async () => {
  const rows = rowsOf<{ table_name: string; triggered: boolean }>(
    await database.db.execute(sql`
      select c.relname as table_name,
             exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                     where t.tgrelid = c.oid and p.proname = 'quotegraph_note_graph_write') as triggered
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and c.relname not in ('graph_version', 'graph_pending_writes')`),
  );
  expect(rows.length).toBeGreaterThanOrEqual(8);
  expect(rows.filter((row) => !row.triggered).map((row) => row.table_name)).toEqual([]);
});

test('once per committed transaction; never by a rollback or a read', async () => {
  const start = await version();
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`insert into publishers (slug, name) values ('version-a', 'A')`);
    await tx.execute(sql`update publishers set name = 'A2' where slug = 'version-a'`);
    await tx.execute(sql`insert into people (slug, name) values ('version-person', 'P')`);
  });
  expect(await version()).toBe(start + 1);
  await database.db
    .transaction(async (tx) => {
      await tx.execute(sql`insert into publishers (slug, name) values ('version-b', 'B')`);
      throw new Error('roll back');
    })
    .catch(() => {});
  await database.db.execute(sql`select count(*) from publishers`);
  expect(await version()).toBe(start + 1);
  await database.db.execute(sql`delete from publishers where slug = 'version-a'`);
  expect(await version()).toBe(start + 2);
  expect(rowsOf(await database.db.execute(sql`select * from graph_pending_writes`))).toEqual([]);
});

describe.skipIf(testDriver !== 'postgres')('on PostgreSQL', () => {
  test('concurrent writers each raise it once, none waits for another to finish its work', async () => {
    const start = await version();
    const writers = 12;
    await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        database.db.transaction(async (tx) => {
          await tx.execute(sql`insert into publishers (slug, name) values (${`concurrent-${i}`}, 'C')`);
          await tx.execute(sql`select pg_sleep(0.05)`);
          await tx.execute(sql`update publishers set name = 'C2' where slug = ${`concurrent-${i}`}`);
        }),
      ),
    );
    expect(await version()).toBe(start + writers);
  });
});

describe('batched reads', () => {
  /** A read source whose reads the test completes by hand, each answering the value of when it began. */
  function manualSource() {
    let value = 0;
    const pending: (() => void)[] = [];
    const read = () =>
      new Promise<number>((resolve) => {
        const seen = value;
        pending.push(() => resolve(seen));
      });
    return {
      read,
      set: (next: number) => {
        value = next;
      },
      finishOldest: async () => {
        pending.shift()?.();
        await new Promise((resolve) => setImmediate(resolve));
      },
      started: () => pending.length,
    };
  }

  test('a caller never gets a read that began before it called', async () => {
    const source = manualSource();
    const current = batchedReads(source.read);
    const early = current();
    source.set(1); // a write is acknowledged while the first read is in flight
    const late = current();
    const later = current(); // shares the second read with `late`
    await source.finishOldest();
    expect(await early).toBe(0);
    await source.finishOldest();
    expect(await late).toBe(1);
    expect(await later).toBe(1);

    source.set(2);
    const afterIdle = current();
    expect(source.started()).toBe(1);
    await source.finishOldest();
    expect(await afterIdle).toBe(2);
  });

  test('callers that arrive together share one read', async () => {
    const source = manualSource();
    const current = batchedReads(source.read);
    const first = current();
    const waiting = Array.from({ length: 10 }, () => current());
    expect(source.started()).toBe(1);
    await source.finishOldest();
    expect(source.started()).toBe(1);
    await source.finishOldest();
    await Promise.all([first, ...waiting]);
  });
});
