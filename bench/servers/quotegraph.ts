// quotegraph as the benchmark runs it: createApp + listen from src/server.ts, in a process of
// its own. BENCH_DATABASE_URL selects PostgreSQL; without it, BENCH_DATA_DIR is a PGlite
// data directory (the embedded default). Debug reporting is off, as in production; the
// response cache is off unless BENCH_CACHE=1 and rate limits are off (see below); everything
// else is the defaults.
import { loadConfig } from '../../src/config.ts';
import { connect } from '../../src/db/connect.ts';
import { createLogger } from '../../src/logger.ts';
import { createApp, listen } from '../../src/server.ts';

const config = loadConfig({
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: process.env.PORT ?? '0',
  DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
  QUOTEGRAPH_DATA_DIR: process.env.BENCH_DATA_DIR ?? '',
  QUOTEGRAPH_DB_POOL_SIZE: process.env.POOL_SIZE ?? '10',
  QUOTEGRAPH_DEBUG: 'false',
  // On by default; experiments turn it off to measure the ordinary execution path.
  QUOTEGRAPH_COMPILED_READS: process.env.QUOTEGRAPH_COMPILED_READS,
  // Every request must reach the database: no response cache, except for the separate
  // "cached" measurement (the in-memory default). Rate limits are per client and the load
  // generator is one client, so they are off too.
  QUOTEGRAPH_CACHE: process.env.BENCH_CACHE === '1' ? 'true' : 'false',
  QUOTEGRAPH_CACHE_TTL_MS: process.env.QUOTEGRAPH_CACHE_TTL_MS,
  QUOTEGRAPH_CACHE_MAX_ENTRIES: process.env.QUOTEGRAPH_CACHE_MAX_ENTRIES,
  QUOTEGRAPH_RATE_LIMIT_EXPENSIVE: '0',
  QUOTEGRAPH_RATE_LIMIT_WRITES: '0',
  QUOTEGRAPH_SEED_DEMO: 'false',
  // Experiments switch metrics off to see what they cost.
  QUOTEGRAPH_METRICS: process.env.QUOTEGRAPH_METRICS,
  LOG_LEVEL: 'warn',
});
const logger = createLogger(config);
const database = await connect(config, logger);
const app = createApp({ config, database, logger });
const running = await listen(app, config);
process.stdout.write(`listening ${new URL(running.url).port}\n`);
process.once('SIGTERM', () => {
  void running
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
});
