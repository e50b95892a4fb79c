// Cursors on the compiled path, spelled exactly as plugin-drizzle spells them (base64 of "DC:"
// and @pothos/core's tagged chunks of the ordering values). PostgreSQL hands back the ordering
// values of a row as {"$c": tags, "v": values} ("$" cannot begin a GraphQL response key); the
// executor replaces each with the cursor string in the answer's text. An `after` cursor is
// decoded here and becomes the keyset condition after its row, in the connection's order.
import { decodeBase64, decodeCursorChunk, encodeBase64, encodeCursorChunk, encodeCursorTuple } from '@pothos/core';
import { and, eq, gt, lt, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { Order } from './schema-model.ts';
import { unsupported } from './statement.ts';

/** How an ordering column's value travels: a date as epoch milliseconds, otherwise as itself. */
export type CursorTag = 'D' | 'V';

export function cursorTag(column: Column): CursorTag {
  return column.dataType === 'object date' ? 'D' : 'V';
}

/** The JSON (SQL text) carrying a row's cursor, from its ordering values under `alias` (o0, o1, …). */
export function cursorJson(tags: readonly CursorTag[], alias: string): string {
  const values = tags.map((tag, index) =>
    tag === 'D' ? `floor(extract(epoch from ${alias}.o${index}) * 1000)::bigint` : `${alias}.o${index}`,
  );
  return `json_build_object('$c', '${tags.join('')}', 'v', json_build_array(${values.join(', ')}))`;
}

function cursorString(tags: string, values: unknown[]): string {
  const typed = values.map((value, index) =>
    tags[index] === 'D' && typeof value === 'number' ? new Date(value) : value,
  );
  return encodeBase64(`DC:${typed.length > 1 ? encodeCursorTuple(typed) : encodeCursorChunk(typed[0])}`);
}

/**
 * A row's cursor object as PostgreSQL writes json_build_object('$c', tags, 'v', values). Inside a
 * JSON string every `"` is escaped, so this shape can only be a real object, never text.
 */
const CURSOR_OBJECT = /\{"\$c" : "([DV]+)", "v" : \[((?:[^\]"]|"(?:[^"\\]|\\.)*")*)\]\}/g;

/** The answer's JSON text with each cursor object replaced by its cursor string. */
export function spellCursors(json: string): string {
  return json.replace(CURSOR_OBJECT, (_match, tags: string, values: string) =>
    JSON.stringify(cursorString(tags, JSON.parse(`[${values}]`) as unknown[])),
  );
}

/** The ordering values an `after` cursor holds, checked against the order's columns; unsupported when they do not fit. */
function cursorValues(cursor: unknown, columns: readonly Column[]): unknown[] {
  if (typeof cursor !== 'string') return unsupported('a cursor that is not a string');
  let values: unknown;
  try {
    const decoded = decodeBase64(cursor);
    if (!decoded.startsWith('DC:')) return unsupported('a cursor of another kind');
    values = decodeCursorChunk(decoded.slice(3));
  } catch {
    return unsupported('a cursor the ordinary path rejects');
  }
  const list = columns.length > 1 ? values : [values];
  if (!Array.isArray(list) || list.length !== columns.length) return unsupported('a cursor of another list');
  list.forEach((value, index) => {
    const tag = cursorTag(columns[index]!);
    const fits =
      tag === 'D'
        ? value instanceof Date && !Number.isNaN(value.getTime())
        : typeof value === 'number' || typeof value === 'string';
    if (!fits) unsupported('a cursor of another list');
  });
  return list;
}

/** Rows strictly after the cursor's row in this order (no ordering column may be null). */
export function afterCursor(cursor: unknown, order: readonly Order[], columns: readonly Column[]): SQL {
  if (columns.some((column) => !column.notNull)) unsupported('paging on a column that may be null');
  const values = cursorValues(cursor, columns);
  const terms = columns.map((column, index) => {
    const past = order[index]![1] === 'asc' ? gt(column, values[index]) : lt(column, values[index]);
    return and(...columns.slice(0, index).map((earlier, j) => eq(earlier, values[j])), past)!;
  });
  return sql`(${or(...terms)})`;
}
