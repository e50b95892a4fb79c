// Opens the configured database and brings its schema up to date: what every command that
// touches data starts with.
import fs from 'node:fs';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { openDatabase, type DatabaseHandle } from './client.ts';
import { migrateDatabase } from './migrate.ts';

export async function connect(config: Config, logger: Logger): Promise<DatabaseHandle> {
  const started = performance.now();
  let database: DatabaseHandle;
  if (config.databaseUrl) {
    database = await openDatabase({
      driver: 'postgres',
      url: config.databaseUrl,
      poolSize: config.databasePoolSize,
      statementTimeoutMs: config.limits.statementTimeoutMs,
    });
    logger.info({ driver: 'postgres', poolSize: config.databasePoolSize }, 'connecting to PostgreSQL');
  } else {
    const fresh = !config.dataDir.startsWith('memory://') && !fs.existsSync(config.dataDir);
    if (fresh) {
      logger.info({ dataDir: config.dataDir }, 'creating the embedded database (first start takes a few seconds)');
    }
    database = await openDatabase({ driver: 'pglite', dataDir: config.dataDir });
  }
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  logger.info(
    { driver: database.driver, ms: Math.round(performance.now() - started) },
    'database ready (migrations applied)',
  );
  return database;
}
