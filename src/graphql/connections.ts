// Root connections whose totalCount rides along in the page query.
//
// plugin-drizzle resolves a root connection's `totalCount` with a resolver of its own, which
// would be a second SQL statement. Instead the page query selects the count as an uncorrelated
// scalar subquery (PostgreSQL evaluates it once, as an InitPlan) and the totalCount resolver
// reads it off the first row. Only when the page comes back empty after a cursor, or when a
// client asks for nothing but totalCount, is the count queried on its own.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/client.ts';

const totalsByArgs = new WeakMap<object, number>();

/** The name of the extra column carrying the total on every row of the page. */
export const TOTAL_COUNT_EXTRA = 'connectionTotalCount';

export function totalCountExtra(countQuery: SQL) {
  return { [TOTAL_COUNT_EXTRA]: () => sql<number>`(${countQuery})::int` };
}

interface PageArgs {
  after?: string | null;
  before?: string | null;
}

/** Remembers the total carried by the page's rows, keyed by the field's argument object. */
export function rememberTotal<Row extends object>(args: PageArgs, rows: readonly Row[]): readonly Row[] {
  const first = rows[0] as Record<string, unknown> | undefined;
  if (first && typeof first[TOTAL_COUNT_EXTRA] === 'number') {
    totalsByArgs.set(args, first[TOTAL_COUNT_EXTRA]);
  } else if (!first && !args.after && !args.before) {
    // An empty first page: nothing matches at all.
    totalsByArgs.set(args, 0);
  }
  return rows;
}

export async function totalFromPage(args: PageArgs, db: Database, countQuery: SQL): Promise<number> {
  const known = totalsByArgs.get(args);
  if (known !== undefined) return known;
  const result = await db.execute(sql`select (${countQuery})::int as count`);
  return Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0);
}
