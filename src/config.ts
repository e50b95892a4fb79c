// Environment → one typed configuration object. Nothing else in quotegraph reads process.env.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  /** 'development' shows error details and field suggestions; anything else hides them. */
  env: string;
  host: string;
  port: number;
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  databasePoolSize: number;
  /**
   * Read replicas (DATABASE_READ_URL, comma-separated) that answer queries; mutations,
   * subscriptions and everything else stay on DATABASE_URL. Empty: everything on DATABASE_URL.
   */
  databaseReadUrls: string[];
  /** How long after a mutation a client's queries wait for a replica that has replayed it (or go to the primary). */
  readYourWritesMs: number;
  /** PGlite data directory; 'memory://' keeps it in memory. */
  dataDir: string;
  /** Report per-operation SQL statement counts in `extensions.sql`. */
  debug: boolean;
  /** Answer the read operations it knows through compiled SQL (src/graphql/compiled). */
  compiledReads: boolean;
  logLevel: string;
  /** Load the demo articles when the database has no articles (default: on the embedded database only). */
  seedDemo: boolean;
  /** Bearer tokens with write rights. */
  apiTokens: string[];
  jwt: JwtConfig | null;
  /** Largest article (text or HTML) accepted for ingestion, in bytes. */
  maxArticleBytes: number;
  limits: Limits;
  rateLimits: RateLimits;
  /** Redis for shared rate-limit budgets and response cache across instances. */
  redisUrl: string | null;
  cache: CacheConfig;
  /** Allowed CORS origins; ['*'] allows any; none (the default) allows no cross-origin requests. */
  corsOrigins: string[];
  graphiql: boolean;
  introspection: boolean;
  /** Serve Prometheus metrics at /metrics. */
  metrics: boolean;
  /** V8 old-space limit of each `serve --workers` process, in MB; 0 leaves V8's default. */
  workerHeapMb: number;
  /** OpenTelemetry traces over OTLP/HTTP; null when no endpoint is set. */
  tracing: TracingConfig | null;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  /** Open subscriptions (GraphQL over SSE) allowed per client, and in all. */
  subscriptions: { perClient: number; total: number };
  trustedDocuments: TrustedDocumentsConfig;
  queue: QueueConfig;
}

/** Bulk ingestion through pg-boss (src/queue). */
export interface QueueConfig {
  /** Tries after the first before a job is kept as failed. */
  retryLimit: number;
  /** Seconds before the first retry; doubled (with jitter) on each further one. */
  retryDelaySeconds: number;
  /** A job still active after this long (its worker died) is failed and retried. */
  expireSeconds: number;
  /** Tests only: the job handler waits this long inside the article's transaction, before the commit. */
  testPauseInTransactionMs: number;
}

/**
 * Persisted documents known by their SHA-256 hash. 'accept' runs them beside ordinary documents;
 * 'only' runs nothing else.
 */
export interface TrustedDocumentsConfig {
  mode: 'accept' | 'only';
  /** JSON files mapping hash → document text. */
  manifests: string[];
}

/** The story viewer's manifest, found from this file (src/ or dist/ alike). */
export const VIEWER_MANIFEST = fileURLToPath(
  new URL('../examples/story-viewer/persisted-documents.json', import.meta.url),
);

export interface TracingConfig {
  /** Where spans are POSTed (OTLP/HTTP, JSON). */
  tracesUrl: string;
  serviceName: string;
}

export interface CacheConfig {
  enabled: boolean;
  /** How long an answer is kept; it is never served once a write has changed the graph. */
  ttlMs: number;
  /** Most answers kept in memory. */
  maxEntries: number;
  /** Most memory the answers kept in memory may take. */
  maxBytes: number;
}

/** Limits on every operation, enforced before it runs. */
export interface Limits {
  depth: number;
  /** Estimated cost; see fieldComplexity in src/graphql/builder.ts. */
  cost: number;
  aliases: number;
  directives: number;
  tokens: number;
  bodyBytes: number;
  /** Operations per batched request; 0 turns batching off. */
  batch: number;
  executionTimeoutMs: number;
  statementTimeoutMs: number;
}

export interface RateLimits {
  /** Mutations per client per minute. */
  writesPerMinute: number;
  /** Operations costing at least `expensiveCost`, per client per minute. */
  expensivePerMinute: number;
  expensiveCost: number;
}

export interface JwtConfig {
  /** HS256 shared secret. */
  secret: string | null;
  /** JWKS endpoint for RS256/ES256 keys. */
  jwksUrl: string | null;
  issuer: string | null;
  audience: string | null;
  /** The scope (in the `scope` or `scp` claim) that grants write rights. */
  writeScope: string;
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

function listSetting(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function jwtSettings(env: Env): JwtConfig | null {
  const secret = env.QUOTEGRAPH_JWT_SECRET || null;
  const jwksUrl = env.QUOTEGRAPH_JWT_JWKS_URL || null;
  if (!secret && !jwksUrl) return null;
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) {
    throw new ConfigError(`QUOTEGRAPH_JWT_JWKS_URL must be an http(s) URL, got "${jwksUrl}"`);
  }
  return {
    secret,
    jwksUrl,
    issuer: env.QUOTEGRAPH_JWT_ISSUER || null,
    audience: env.QUOTEGRAPH_JWT_AUDIENCE || null,
    writeScope: env.QUOTEGRAPH_JWT_WRITE_SCOPE || 'quotegraph:write',
  };
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const dataDir = env.QUOTEGRAPH_DATA_DIR || defaultDataDir(cwd);
  const apiTokens = listSetting(env, 'QUOTEGRAPH_API_TOKENS');
  const maxArticleBytes = integerSetting(env, 'QUOTEGRAPH_MAX_ARTICLE_BYTES', 1_048_576, 1_000, 100_000_000);
  const shortToken = apiTokens.find((token) => token.length < 16);
  if (shortToken !== undefined) {
    throw new ConfigError('QUOTEGRAPH_API_TOKENS: every token must be at least 16 characters (see `quotegraph token`)');
  }
  return {
    env: env.NODE_ENV || 'production',
    host: env.HOST || 'localhost',
    port: integerSetting(env, 'PORT', 4000, 0, 65535),
    databaseUrl: env.DATABASE_URL || null,
    databasePoolSize: integerSetting(env, 'QUOTEGRAPH_DB_POOL_SIZE', 10, 1, 1000),
    databaseReadUrls: readUrlsSetting(env),
    readYourWritesMs: integerSetting(env, 'QUOTEGRAPH_READ_YOUR_WRITES_MS', 10_000, 0, 3_600_000),
    dataDir: dataDir.startsWith('memory://') ? dataDir : path.resolve(cwd, dataDir),
    debug: booleanSetting(env, 'QUOTEGRAPH_DEBUG', false),
    compiledReads: booleanSetting(env, 'QUOTEGRAPH_COMPILED_READS', true),
    logLevel: logLevelSetting(env),
    // The demo articles are for a first look on the embedded database; a PostgreSQL database gets
    // them only on request.
    seedDemo: booleanSetting(env, 'QUOTEGRAPH_SEED_DEMO', !env.DATABASE_URL),
    apiTokens,
    jwt: jwtSettings(env),
    maxArticleBytes,
    limits: {
      depth: integerSetting(env, 'QUOTEGRAPH_MAX_DEPTH', 12, 1, 100),
      cost: integerSetting(env, 'QUOTEGRAPH_MAX_COST', 5_000, 1, 10_000_000),
      aliases: integerSetting(env, 'QUOTEGRAPH_MAX_ALIASES', 15, 0, 1_000),
      directives: integerSetting(env, 'QUOTEGRAPH_MAX_DIRECTIVES', 10, 0, 1_000),
      tokens: integerSetting(env, 'QUOTEGRAPH_MAX_TOKENS', 2_000, 10, 1_000_000),
      // Room for the largest article, JSON-escaped, plus the operation around it.
      bodyBytes: integerSetting(env, 'QUOTEGRAPH_MAX_BODY_BYTES', maxArticleBytes * 2 + 65_536, 1_024, 1_000_000_000),
      batch: integerSetting(env, 'QUOTEGRAPH_MAX_BATCH', 0, 0, 100),
      executionTimeoutMs: integerSetting(env, 'QUOTEGRAPH_EXECUTION_TIMEOUT_MS', 10_000, 10, 600_000),
      statementTimeoutMs: integerSetting(env, 'QUOTEGRAPH_STATEMENT_TIMEOUT_MS', 8_000, 10, 600_000),
    },
    rateLimits: {
      writesPerMinute: integerSetting(env, 'QUOTEGRAPH_RATE_LIMIT_WRITES', 120, 0, 1_000_000),
      expensivePerMinute: integerSetting(env, 'QUOTEGRAPH_RATE_LIMIT_EXPENSIVE', 60, 0, 1_000_000),
      expensiveCost: integerSetting(env, 'QUOTEGRAPH_EXPENSIVE_COST', 1_000, 1, 10_000_000),
    },
    redisUrl: env.REDIS_URL || null,
    cache: {
      enabled: booleanSetting(env, 'QUOTEGRAPH_CACHE', true),
      ttlMs: integerSetting(env, 'QUOTEGRAPH_CACHE_TTL_MS', 300_000, 1, 86_400_000),
      maxEntries: integerSetting(env, 'QUOTEGRAPH_CACHE_MAX_ENTRIES', 10_000, 1, 10_000_000),
      maxBytes: integerSetting(env, 'QUOTEGRAPH_CACHE_MAX_BYTES', 64 * 1024 * 1024, 1_024, 64 * 1024 * 1024 * 1024),
    },
    corsOrigins: listSetting(env, 'QUOTEGRAPH_CORS_ORIGINS'),
    graphiql: booleanSetting(env, 'QUOTEGRAPH_GRAPHIQL', true),
    introspection: booleanSetting(env, 'QUOTEGRAPH_INTROSPECTION', true),
    metrics: booleanSetting(env, 'QUOTEGRAPH_METRICS', true),
    workerHeapMb: integerSetting(env, 'QUOTEGRAPH_WORKER_HEAP_MB', 256, 0, 65_536),
    tracing: tracingSetting(env),
    trustProxy: booleanSetting(env, 'QUOTEGRAPH_TRUST_PROXY', false),
    subscriptions: {
      perClient: integerSetting(env, 'QUOTEGRAPH_SUBSCRIPTIONS_PER_CLIENT', 20, 0, 100_000),
      total: integerSetting(env, 'QUOTEGRAPH_SUBSCRIPTIONS_MAX', 1_000, 0, 1_000_000),
    },
    trustedDocuments: trustedDocumentsSetting(env, cwd),
    queue: {
      retryLimit: integerSetting(env, 'QUOTEGRAPH_QUEUE_RETRY_LIMIT', 4, 0, 1_000),
      retryDelaySeconds: integerSetting(env, 'QUOTEGRAPH_QUEUE_RETRY_DELAY_S', 5, 0, 86_400),
      expireSeconds: integerSetting(env, 'QUOTEGRAPH_QUEUE_EXPIRE_S', 300, 1, 86_400),
      testPauseInTransactionMs: integerSetting(env, 'QUOTEGRAPH_QUEUE_TEST_PAUSE_MS', 0, 0, 3_600_000),
    },
  };
}

/** DATABASE_READ_URL: PostgreSQL connection strings, only beside a DATABASE_URL (PGlite has no replicas). */
function readUrlsSetting(env: Env): string[] {
  const urls = listSetting(env, 'DATABASE_READ_URL');
  if (urls.length === 0) return [];
  if (!env.DATABASE_URL) {
    throw new ConfigError('DATABASE_READ_URL needs DATABASE_URL: read replicas serve a PostgreSQL primary');
  }
  for (const [index, url] of urls.entries()) {
    let protocol = '';
    try {
      protocol = new URL(url).protocol;
    } catch {}
    if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
      throw new ConfigError(`DATABASE_READ_URL: entry ${index + 1} must be a postgres:// URL`);
    }
  }
  return urls;
}

function trustedDocumentsSetting(env: Env, cwd: string): TrustedDocumentsConfig {
  const mode = env.QUOTEGRAPH_TRUSTED_DOCUMENTS?.trim().toLowerCase() || 'accept';
  if (mode !== 'accept' && mode !== 'only') {
    throw new ConfigError(
      `QUOTEGRAPH_TRUSTED_DOCUMENTS must be accept or only, got "${env.QUOTEGRAPH_TRUSTED_DOCUMENTS}"`,
    );
  }
  const listed = listSetting(env, 'QUOTEGRAPH_TRUSTED_DOCUMENTS_MANIFESTS');
  return { mode, manifests: listed.length ? listed.map((file) => path.resolve(cwd, file)) : [VIEWER_MANIFEST] };
}

/** The standard OpenTelemetry variables: a traces endpoint, or a base endpoint + /v1/traces. */
function tracingSetting(env: NodeJS.ProcessEnv): TracingConfig | null {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const tracesUrl = traces || (base ? `${base.replace(/\/+$/, '')}/v1/traces` : '');
  if (!tracesUrl) return null;
  try {
    const url = new URL(tracesUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new ConfigError(
      `${traces ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT'} must be an http(s) URL, got "${tracesUrl}"`,
    );
  }
  return { tracesUrl, serviceName: env.OTEL_SERVICE_NAME?.trim() || 'quotegraph' };
}

/**
 * The data directory when QUOTEGRAPH_DATA_DIR is not set: the nearest `.data` that holds an
 * embedded database, looking from the working directory up, so a command run from a
 * subdirectory of the checkout finds the same database as `npm start` at its root; else `.data`
 * in the working directory (created on first start).
 */
export function defaultDataDir(cwd: string): string {
  const start = path.resolve(cwd);
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '.data');
    if (fs.existsSync(path.join(candidate, 'PG_VERSION'))) return candidate;
    if (path.dirname(dir) === dir) return path.join(start, '.data');
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevelSetting(env: Env): string {
  const level = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(level))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${level}"`);
  return level;
}

/** The first error code (errno or PostgreSQL SQLSTATE) along an error's chain of causes. */
function errorCodeOf(error: unknown): string | undefined {
  for (
    let current = error, depth = 0;
    current && depth < 8;
    current = (current as { cause?: unknown }).cause, depth++
  ) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'CONNECT_TIMEOUT',
  '28P01',
  '28000',
  '3D000',
]);

/**
 * A database that cannot be reached or entered, as one line naming DATABASE_URL (without its
 * password) and the cause; anything else is returned as it was.
 */
export function explainDatabaseFailure(error: unknown, databaseUrl: string): unknown {
  const code = errorCodeOf(error);
  if (!code || !UNREACHABLE.has(code)) return error;
  let where = databaseUrl;
  try {
    const url = new URL(databaseUrl);
    url.password = '';
    where = url.toString();
  } catch {
    where = 'DATABASE_URL';
  }
  let cause = error as { message?: string; cause?: unknown };
  while (cause.cause && (cause.message ?? '').startsWith('Failed query')) cause = cause.cause as typeof cause;
  return new ConfigError(
    `DATABASE_URL: cannot use the database at ${where} (${code}: ${cause.message ?? String(cause)})`,
  );
}
