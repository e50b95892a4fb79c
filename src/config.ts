// Environment → one typed configuration object. Nothing else in quotegraph reads process.env.
import path from 'node:path';

export interface Config {
  /** 'development' shows error details and field suggestions; anything else hides them. */
  env: string;
  host: string;
  port: number;
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  databasePoolSize: number;
  /** PGlite data directory; 'memory://' keeps it in memory. */
  dataDir: string;
  /** Report per-operation SQL statement counts in `extensions.sql`. */
  debug: boolean;
  logLevel: string;
  /** Load the demo articles when the database has no articles. */
  seedDemo: boolean;
}

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function integerSetting(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function booleanSetting(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const dataDir = env.QUOTEGRAPH_DATA_DIR || '.data';
  return {
    env: env.NODE_ENV || 'production',
    host: env.HOST || 'localhost',
    port: integerSetting(env, 'PORT', 4000, 0, 65535),
    databaseUrl: env.DATABASE_URL || null,
    databasePoolSize: integerSetting(env, 'QUOTEGRAPH_DB_POOL_SIZE', 10, 1, 1000),
    dataDir: dataDir.startsWith('memory://') ? dataDir : path.resolve(cwd, dataDir),
    debug: booleanSetting(env, 'QUOTEGRAPH_DEBUG', false),
    logLevel: env.LOG_LEVEL || 'info',
    seedDemo: booleanSetting(env, 'QUOTEGRAPH_SEED_DEMO', true),
  };
}
