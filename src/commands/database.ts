// quotegraph migrate | seed: the commands that only prepare the database.
import type { Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import { seedDemo } from '../demo/seed.ts';
import type { Logger } from '../logger.ts';
import type { CommandIO } from './io.ts';

/** Opening the database applies pending migrations; nothing more to do. */
export async function runMigrate(config: Config, logger: Logger): Promise<number> {
  const database = await connect(config, logger);
  await database.close();
  return 0;
}

export async function runSeed(config: Config, logger: Logger, io: CommandIO): Promise<number> {
  const database = await connect(config, logger);
  try {
    const loaded = await seedDemo(database, logger);
    io.stdout.write(`loaded ${loaded.articles} demo articles (${loaded.quotes} quotes)\n`);
  } finally {
    await database.close();
  }
  return 0;
}
