// Root connections whose totalCount rides along in the page query.
//
// plugin-drizzle resolves a root connection's `totalCount` with a resolver of its own, which
// would be a second SQL statement. Instead the page query selects the count as an uncorrelated
// scalar subquery (PostgreSQL evaluates it once, as an InitPlan) and the totalCount resolver
// reads it off the first row. Only when the page comes back empty after a cursor, or when a
// client asks for nothing but totalCount, is the count queried on its own. A client that does
// not ask for totalCount pays nothing for it.
import { decodeBase64, decodeCursorChunk } from '@pothos/core';
import { getColumns, getTableName, sql, type Column, type SQL, type Table as DrizzleTable } from 'drizzle-orm';
import type { GraphQLResolveInfo } from 'graphql';
import { fieldNamesOf } from '../document/selections.ts';
import { rowsOf, type Database } from '../db/client.ts';
import { badUserInput } from '../errors.ts';

const totalsByArgs = new WeakMap<object, number>();

/** The name of the extra column carrying the total on every row of the page. */
const TOTAL_COUNT_EXTRA = 'connectionTotalCount';

function totalCountExtra(countQuery: SQL) {
  return { [TOTAL_COUNT_EXTRA]: () => sql<number>`(${countQuery})::int` };
}

/** Whether the connection field being resolved selects `totalCount` (through fragments too). */
function selectsTotalCount(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    fieldNamesOf(node.selectionSet, (name) => info.fragments[name]).has('totalCount'),
  );
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

export interface PageArgs {
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

// ---------------------------------------------------------------------------------------------
// Cursors. plugin-drizzle reads a cursor as a tuple of tagged values and compares the ordering
// columns with them, whatever their types: a cursor from another list (a name where a date is
// expected) or a hand-made one (a key beyond integer range) reached PostgreSQL and came back
// as INTERNAL_SERVER_ERROR. A cursor is checked here against the ordering of its connection
// first; any that does not fit is BAD_USER_INPUT naming the argument.

/** The value one ordering column takes in a cursor. */
type CursorPart = 'instant' | 'integer' | 'text';

function cursorPart(column: Column): CursorPart {
  if (column.dataType === 'object date') return 'instant';
  if (column.dataType.startsWith('number')) return 'integer';
  if (column.dataType === 'string' || column.dataType.startsWith('string')) return 'text';
  throw new Error(`no cursor part for column ${column.name} (${column.dataType})`);
}

function fits(part: CursorPart, value: unknown): boolean {
  switch (part) {
    case 'instant': {
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) return false;
      const year = value.getUTCFullYear();
      return year >= 1 && year <= 9999;
    }
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= -2_147_483_648 && value <= 2_147_483_647;
    case 'text':
      return typeof value === 'string' && !value.includes('\u0000');
  }
}

/** The values a cursor holds, or null when it is not a cursor this API writes. */
function cursorValues(cursor: string): unknown[] | null {
  try {
    const decoded = decodeBase64(cursor);
    if (!decoded.startsWith('DC:')) return null;
    const value: unknown = decodeCursorChunk(decoded.slice(3));
    return Array.isArray(value) ? value : [value];
  } catch {
    return null;
  }
}

export type PageOrder<Table extends DrizzleTable> = Partial<
  Record<keyof Table['_']['columns'] & string, 'asc' | 'desc'>
>;

/**
 * An ordering for a connection of `table`, checked to end with the primary key (so it is a
 * total order: pages never skip or repeat rows that tie on the other keys), with a check of
 * `after`/`before` against it. Use `order` as the query's orderBy and call `checkCursors(args)`
 * before the query is built.
 */
export function pageOrder<Table extends DrizzleTable>(table: Table, order: PageOrder<Table>) {
  const columns = getColumns(table) as Record<string, Column>;
  const keys = Object.keys(order);
  if (keys.at(-1) !== 'id') throw new Error(`the ordering of ${getTableName(table)} must end with its id`);
  const parts = keys.map((key) => cursorPart(columns[key]!));
  return {
    order,
    /** The ordering as SQL column names and directions (for the compiled read path). */
    columns: keys.map((key) => [columns[key]!.name, order[key as keyof typeof order] as 'asc' | 'desc'] as const),
    checkCursors(args: PageArgs): void {
      for (const argument of ['after', 'before'] as const) {
        const cursor = args[argument];
        if (cursor == null) continue;
        const values = cursorValues(cursor);
        if (!values || values.length !== parts.length || !parts.every((part, index) => fits(part, values[index]))) {
          throw badUserInput(
            `${argument} is not a cursor of this list; take one from its edges or pageInfo.`,
            argument,
          );
        }
      }
    },
  };
}
