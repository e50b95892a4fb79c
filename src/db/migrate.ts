// Applies the committed drizzle-kit migrations in ./drizzle, recording them in
// drizzle.__drizzle_migrations so each runs once.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { DatabaseHandle } from './client.ts';
import type { relations } from './relations.ts';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/**
 * Brings the database up to the latest migration. On PostgreSQL, processes that start together on
 * one database (the workers of `quotegraph worker`, a server and a command) migrate one after
 * another, under one advisory lock: drizzle's migrator reads what has been applied, then applies the
 * rest, so two side by side would both apply the same migration and one of them would fail.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder };
  if (handle.driver === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase<typeof relations>, config);
    return;
  }
  const migrate = () => migratePostgres(handle.db as unknown as PostgresJsDatabase<typeof relations>, config);
  await (handle.exclusive ? handle.exclusive('quotegraph.migrations', migrate) : migrate());
}
