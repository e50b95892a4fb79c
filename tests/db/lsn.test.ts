// WAL positions as read-your-writes compares them (src/db/replicas.ts): parsed from the text
// PostgreSQL prints, ordered and printed back as PostgreSQL's own pg_lsn type orders and prints
// them, for positions across the whole 64-bit range.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rowsOf, type DatabaseHandle } from '../../src/db/client.ts';
import { formatLsn, parseLsn } from '../../src/db/replicas.ts';
import { openTestDatabase } from '../support/database.ts';
import { runs } from '../support/property.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

// Small positions (a young cluster), segment boundaries and anything up to 2^64 - 1.
const position = fc.oneof(
  fc.bigInt({ min: 0n, max: 0xffffffffn }),
  fc.bigInt({ min: 0n, max: 0xffffn }).map((segment) => segment << 24n),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
);

test('parseLsn and formatLsn agree with PostgreSQL pg_lsn on text and order', async () => {
  await fc.assert(
    fc.asyncProperty(position, position, async (a, b) => {
      const [row] = rowsOf<{ a: string; b: string; before: boolean; same: boolean }>(
        await database.db.execute(
          sql`select ${formatLsn(a)}::pg_lsn::text as a, ${formatLsn(b)}::pg_lsn::text as b,
                     ${formatLsn(a)}::pg_lsn < ${formatLsn(b)}::pg_lsn as before,
                     ${formatLsn(a)}::pg_lsn = ${formatLsn(b)}::pg_lsn as same`,
        ),
      );
      expect(parseLsn(row!.a)).toBe(a);
      expect(parseLsn(row!.b)).toBe(b);
      expect(row!.before).toBe(a < b);
      expect(row!.same).toBe(a === b);
    }),
    { numRuns: runs(60) },
  );
});

test('text that is not a WAL position is not one', () => {
  for (const text of ['', '0', '/0', '0/', 'G/1', '1/2/3', '123456789/0', 'yesterday', '0x1/0x2']) {
    expect(parseLsn(text)).toBeNull();
  }
  expect(parseLsn(' 16/B374D848 ')).toBe((0x16n << 32n) | 0xb374d848n);
});
