// Root connections whose totalCount rides along in the page query.
//
// plugin-drizzle resolves a root connection's `totalCount` with a resolver of its own, which
// would be a second SQL statement. Instead the page query selects the count as an uncorrelated
// scalar subquery (PostgreSQL evaluates it once, as an InitPlan) and the totalCount resolver
// reads it off the first row. Only when the page comes back empty after a cursor, or when a
// client asks for nothing but totalCount, is the count queried on its own. A client that does
// not ask for totalCount pays nothing for it.
import { sql, type SQL } from 'drizzle-orm';
import type { GraphQLResolveInfo } from 'graphql';
import { fieldNamesOf } from './selections.ts';
import { rowsOf, type Database } from '../db/client.ts';

const totalsByArgs = new WeakMap<object, number>();

/** The name of the extra column carrying the total on every row of the page. */
const TOTAL_COUNT_EXTRA = 'connectionTotalCount';

function totalCountExtra(countQuery: SQL) {
  return { [TOTAL_COUNT_EXTRA]: () => sql<number>`(${countQuery})::int` };
}

/** Whether the connection field being resolved selects `totalCount` (through fragments too). */
function selectsTotalCount(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) => fieldNamesOf(node.selectionSet, (name) => info.fragments[name]).has('totalCount'));
}

type TotalCountExtra = ReturnType<typeof totalCountExtra>;

/**
 * Loads a root connection's page, with the total riding along when the client asked for it.
 * `load` receives the extras to merge into the page query.
 */
export async function loadPage<Row extends object>(
  args: PageArgs,
  info: GraphQLResolveInfo,
  count: () => SQL,
  load: (extras: TotalCountExtra | undefined) => Promise<Row[]>,
): Promise<readonly Row[]> {
  const rows = await load(selectsTotalCount(info) ? totalCountExtra(count()) : undefined);
  return rememberTotal(args, rows);
}

interface PageArgs {
  after?: string | null;
  before?: string | null;
}

/** Remembers the total carried by the page's rows, keyed by the field's argument object. */
function rememberTotal<Row extends object>(args: PageArgs, rows: readonly Row[]): readonly Row[] {
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
