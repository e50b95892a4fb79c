import type { Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import { seedDemoIfEmpty } from '../demo/seed.ts';
import type { Logger } from '../logger.ts';
import { writePolicy } from '../plugins/write-access.ts';
import { createApp, listen } from '../server.ts';

/** Serves the API until SIGTERM or SIGINT, then drains in-flight requests and exits 0. */
export async function runServe(config: Config, logger: Logger): Promise<number> {
  const started = performance.now();
  const database = await connect(config, logger, { command: 'quotegraph serve', share: true });
  if (config.seedDemo) await seedDemoIfEmpty(database, logger);
  const app = createApp({ config, database, logger });
  const running = await listen(app, config);
  const policy = writePolicy(config, database.driver === 'pglite');
  if (policy === 'open-local') {
    logger.warn(
      'WRITES ARE OPEN WITHOUT A TOKEN: no QUOTEGRAPH_API_TOKENS are set, and this server uses the embedded database on loopback only. Set tokens before exposing it.',
    );
  } else if (policy === 'closed') {
    logger.warn('ALL WRITES ARE REFUSED: set QUOTEGRAPH_API_TOKENS (see `quotegraph token`) or a JWT issuer to allow mutations.');
  }
  logger.info(
    { url: running.url, driver: database.driver, startupMs: Math.round(performance.now() - started) },
    `quotegraph is serving GraphiQL at ${running.url}`,
  );
  // Operation lines are buffered (see createLogger); write them out at least every second.
  logger.flush();
  const flushing = setInterval(() => logger.flush(), 1_000);
  flushing.unref();

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: finishing in-flight requests');
      await running.close();
      await app.dispose();
      await database.close();
      clearInterval(flushing);
      logger.info('stopped');
      logger.flush();
      resolve(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });
}
