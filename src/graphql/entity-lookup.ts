// Shared by people and organizations: both are found by id, slug, or any name they go by.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { lookupKey } from '../db/lookup.ts';
import { badUserInput } from './errors.ts';
import { decodeId, type DecodedId } from './ids.ts';

interface EntityLookupArgs {
  id?: DecodedId | null;
  slug?: string | null;
  name?: string | null;
}

interface EntityColumns {
  id: AnyPgColumn;
  lookupKeys: AnyPgColumn;
  lookupText: AnyPgColumn;
}

/** A condition matching exactly one of id, slug or name (canonical or alias). */
export function entityLookupCondition(args: EntityLookupArgs, table: EntityColumns & { slug: AnyPgColumn }): SQL {
  const given = [args.id, args.slug, args.name].filter((value) => value != null);
  if (given.length !== 1) throw badUserInput('Give exactly one of id, slug or name.', 'id');
  if (args.id) return sql`${table.id} = ${decodeId(args.id, 'id').id}`;
  if (args.slug != null) return sql`${table.slug} = ${args.slug}`;
  return sql`${table.lookupKeys} @> array[${lookupKey(args.name ?? '')}]::text[]`;
}

/**
 * When a name matches several entities (an alias two people share), prefer the one whose
 * canonical name it is; the canonical key is always stored first.
 */
export function canonicalNameFirst(args: EntityLookupArgs, table: EntityColumns): SQL {
  return args.name != null ? sql`(${table.lookupKeys})[1] = ${lookupKey(args.name)}` : sql`true`;
}

/** Substring match on any name or alias (uses the trigram index from three characters on). */
export function entitySearchCondition(search: string | null | undefined, table: EntityColumns): SQL | undefined {
  const key = search == null ? '' : lookupKey(search);
  if (!key) return undefined;
  const pattern = `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${table.lookupText} like ${pattern}`;
}
