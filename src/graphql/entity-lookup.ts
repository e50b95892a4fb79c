// Shared by people and organizations: both are found by id, slug, or any name they go by.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { lookupKey } from '../db/lookup.ts';
import { badUserInput } from '../errors.ts';
import { decodeId, type DecodedId } from './global-ids.ts';

interface EntityLookupArgs {
  id?: DecodedId | null;
  slug?: string | null;
  name?: string | null;
}

interface EntityColumns {
  id: AnyPgColumn;
  lookupKeys: AnyPgColumn;
  lookupText: AnyPgColumn;
  quoteCount: AnyPgColumn;
}

type EntityTable = EntityColumns & { slug: AnyPgColumn };

/**
 * Checks that exactly one of id, slug or name is given, and returns the condition matching it
 * on the table the query uses (the relational query builder aliases it).
 */
export function entityLookupCondition(args: EntityLookupArgs): (table: EntityTable) => SQL {
  const given = [args.id, args.slug, args.name].filter((value) => value != null);
  if (given.length !== 1) throw badUserInput('Give exactly one of id, slug or name.', 'id');
  if (args.id) {
    const id = decodeId(args.id, 'id').id;
    return (table) => sql`${table.id} = ${id}`;
  }
  if (args.slug != null) {
    const slug = args.slug;
    return (table) => sql`${table.slug} = ${slug}`;
  }
  const key = lookupKey(args.name ?? '');
  return (table) => sql`${table.lookupKeys} @> array[${key}]::text[]`;
}

/**
 * Orders lookup candidates: when a name matches several entities (an alias two people share),
 * the one whose canonical name it is comes first (the canonical key is always stored first),
 * then the most quoted. quotes(filter: {speakerName}) resolves names the same way.
 */
export function lookupOrder(args: EntityLookupArgs): (table: EntityColumns) => SQL[] {
  if (args.name == null) return (table) => [sql`${table.id}`];
  const key = lookupKey(args.name);
  return (table) => [sql`(${table.lookupKeys})[1] = ${key} desc`, sql`${table.quoteCount} desc`, sql`${table.id}`];
}

/**
 * Substring match on any name or alias (uses the trigram index from three characters on). No
 * search is no condition; a search with nothing in it that names can contain matches nothing.
 */
export function entitySearchCondition(search: string | null | undefined, table: EntityColumns): SQL | undefined {
  if (search == null || !search.trim()) return undefined;
  const key = lookupKey(search);
  if (!key) return sql`false`;
  const pattern = `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${table.lookupText} like ${pattern}`;
}
