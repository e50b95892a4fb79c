import type { Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import { seedDemoIfEmpty } from '../demo/seed.ts';
import type { Logger } from '../logger.ts';
import { createApp, listen } from '../server.ts';

/** Serves the API until SIGTERM or SIGINT, then drains in-flight requests and exits 0. */
export async function runServe(config: Config, logger: Logger): Promise<number> {
  const started = performance.now();
  const database = await connect(config, logger);
  if (config.seedDemo) await seedDemoIfEmpty(database, logger);
  const app = createApp({ config, database, logger });
  const running = await listen(app, config);
  logger.info(
    { url: running.url, driver: database.driver, startupMs: Math.round(performance.now() - started) },
    `quotegraph is serving GraphiQL at ${running.url}`,
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: finishing in-flight requests');
      await running.close();
      await database.close();
      logger.info('stopped');
      resolve(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });
}
