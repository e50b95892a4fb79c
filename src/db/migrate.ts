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

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder };
  if (handle.driver === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase<typeof relations>, config);
  } else {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase<typeof relations>, config);
  }
}
