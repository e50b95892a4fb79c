// Drizzle conditions rendered once per shape. The condition builders (quote-filter.ts,
// article.ts, entity-lookup.ts) are shared with the ordinary path and run on every request, but
// drizzle's renderer, which checks every chunk against a dozen entity kinds, need not: the text
// of a fragment depends only on its chunks' structure (strings, columns, tables, names, where
// the parameters go), never on the parameters' values. So a walk over the chunks spells that
// structure as a key and collects the parameters as drizzle would; the text for the key is
// drizzle's own, rendered the first time the key is seen. A chunk the walk does not know (an
// inlined value, a placeholder, a subquery object, an encoder that returns SQL) makes the fragment
// render through drizzle every time, as before.
import { Column, is, Name, Param, SQL, StringChunk, Table } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

const dialect = new PgDialect();

/**
 * A fragment's text split where its parameters go (`pieces.length === params.length + 1`), or,
 * when drizzle's placeholders do not run $1, $2, … in order, its whole text (renumbered by pattern).
 */
export type RenderedFragment =
  | { pieces: readonly string[]; params: unknown[]; text?: undefined }
  | { pieces: null; params: unknown[]; text: string };

/** Small numbers for the strings, columns and tables keys are spelled with. */
const ids = new Map<unknown, number>();
const MAX_IDS = 10_000;
/** Texts by key. */
const texts = new Map<string, readonly string[]>();
const MAX_TEXTS = 2_000;

function idOf(value: unknown): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = ids.size;
    ids.set(value, id);
  }
  return id;
}

type Walk = { key: string; params: unknown[] };

type TableInternals = Record<symbol, unknown>;
// Drizzle's own keys for what it writes a table from (internal to its types, stable symbols at run time).
const IsAlias = Symbol.for('drizzle:IsAlias');
const TableName = Symbol.for('drizzle:Name');
const TableSchema = Symbol.for('drizzle:Schema');

/** The parts of a column and a SQL object that drizzle reads but its types keep internal. */
interface ColumnInternals {
  table: unknown;
  isAlias?: boolean;
  codec?: unknown;
  dimensions?: number;
}

/** What drizzle writes a table from: its name, schema and whether it is an alias (made afresh per use). */
function tableKey(table: Table): string {
  const own = table as unknown as TableInternals;
  if (!own[IsAlias]) return `t${idOf(table)}`;
  return `T${idOf(own[TableName])}.${idOf(own[TableSchema])}`;
}

/**
 * A column by identity; a column of an aliased table (a new object each time the alias is made)
 * by what drizzle writes it from and what its codecs read.
 */
function columnKey(column: Column): string {
  const { table: owner, isAlias, codec, dimensions } = column as unknown as ColumnInternals;
  const table = owner as TableInternals;
  if (!table[IsAlias] && !isAlias) return `c${idOf(column)}`;
  return `C${idOf(table[TableName])}.${idOf(table[TableSchema])}.${idOf(column.name)}.${isAlias ? 1 : 0}.${idOf(codec)}.${dimensions ?? 0}`;
}

/** Drizzle's codecs, as its renderer applies them to a parameter bound to a column. */
const codecs = (dialect as unknown as { codecs?: { apply(column: Column, kind: string, value: unknown): unknown } })
  .codecs;

/** Adds the chunks' structure to `walk.key` and their parameters to `walk.params`; false for a chunk it does not know. */
function walkChunks(chunks: readonly unknown[], walk: Walk): boolean {
  for (const chunk of chunks) {
    if (chunk === undefined) continue;
    if (chunk instanceof StringChunk) {
      for (const text of chunk.value) walk.key += `s${idOf(text)}`;
    } else if (chunk instanceof SQL) {
      if ((chunk as unknown as { shouldInlineParams: boolean }).shouldInlineParams) return false;
      if (!walkChunks(chunk.queryChunks, walk)) return false;
    } else if (chunk instanceof Column) {
      walk.key += columnKey(chunk);
    } else if (chunk instanceof Table) {
      walk.key += tableKey(chunk);
    } else if (chunk instanceof Name) {
      walk.key += `n${idOf(chunk.value)}`;
    } else if (chunk instanceof Param) {
      if (!walkParam(chunk, walk)) return false;
    } else if (Array.isArray(chunk)) {
      // Drizzle writes a list as (a, b, …): its length is structure.
      walk.key += `[${chunk.length}`;
      if (!walkChunks(chunk, walk)) return false;
      walk.key += ']';
    } else if (typeof chunk === 'object' && chunk !== null && !(chunk instanceof Date)) {
      // A subquery, view, alias, placeholder or other SQL wrapper: drizzle knows what to do.
      return false;
    } else if (typeof chunk === 'function') {
      return false;
    } else {
      walk.key += 'v';
      walk.params.push(chunk);
    }
  }
  return true;
}

/** A bound value, mapped to the driver's value as drizzle maps it. */
function walkParam(param: Param, walk: Walk): boolean {
  const { value, encoder } = param;
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && !Array.isArray(value)) return false;
  const useCodecs = !!codecs && is(encoder, Column);
  let mapped: unknown = value;
  if (value !== null) {
    const map = encoder.mapToDriverValue as ((value: unknown) => unknown) & { isNoop?: boolean };
    mapped = map.isNoop ? value : map.call(encoder, value);
    if (is(mapped, SQL)) return false;
    if (useCodecs) mapped = codecs!.apply(encoder as Column, 'normalizeParam', mapped);
  }
  // A codec may cast the parameter in the text, by the column's type: the column is structure.
  walk.key += useCodecs ? `p${columnKey(encoder as Column)}` : 'p';
  walk.params.push(mapped);
  return true;
}

/** Drizzle's text split at $1, $2, …, or null when the placeholders are not exactly those, in order. */
function splitAtParams(text: string, count: number): string[] | null {
  const pieces: string[] = [];
  let from = 0;
  let expected = 1;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    if (Number(match[1]) !== expected) return null;
    pieces.push(text.slice(from, match.index));
    from = match.index + match[0].length;
    expected += 1;
  }
  if (expected !== count + 1) return null;
  pieces.push(text.slice(from));
  return pieces;
}

/** Renders a drizzle fragment: its text from the cache when its shape was seen before. */
export function renderFragment(fragment: SQL): RenderedFragment {
  if (ids.size > MAX_IDS) {
    // Keys are spelled with these numbers: they go together.
    ids.clear();
    texts.clear();
  }
  const walk: Walk = { key: '', params: [] };
  const known = walkChunks([fragment], walk);
  if (known) {
    const pieces = texts.get(walk.key);
    if (pieces) return { pieces, params: walk.params };
  }
  const rendered = dialect.sqlToQuery(fragment);
  const pieces = splitAtParams(rendered.sql, rendered.params.length);
  if (!pieces) return { pieces: null, params: rendered.params, text: rendered.sql };
  if (
    known &&
    pieces.length === walk.params.length + 1 &&
    walk.params.every((value, index) => Object.is(value, rendered.params[index]))
  ) {
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(walk.key, pieces);
  }
  return { pieces, params: rendered.params };
}

/** How many texts are cached (for tests). */
export function cachedFragmentTexts(): number {
  return texts.size;
}
