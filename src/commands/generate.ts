// quotegraph generate --articles N [--seed S] [--reset] (options in program.ts): fills the
// configured database with a synthetic graph, for load tests and benchmarks.
import type { Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import { hashString, planGraph } from '../generate/index.ts';
import { storeGraph } from '../generate/store.ts';
import type { Logger } from '../logger.ts';
import type { CommandIO } from './io.ts';

/** A seed given as a number is used as is; any other text is hashed. */
export function parseSeed(raw: string | undefined): number {
  if (raw === undefined) return 1;
  return /^\d+$/.test(raw) ? Number(raw) >>> 0 : hashString(raw);
}

export interface GenerateOptions {
  articles: number;
  seed?: string | undefined;
  reset?: boolean | undefined;
  batchSize: number;
}

export async function runGenerate(
  options: GenerateOptions,
  config: Config,
  logger: Logger,
  io: Pick<CommandIO, 'stdout'> = process,
): Promise<number> {
  const { articles: articleCount, batchSize } = options;
  const reset = options.reset === true;
  const seed = parseSeed(options.seed);

  const database = await connect(config, logger);
  try {
    const started = performance.now();
    const plan = planGraph(seed, articleCount);
    let lastReport = started;
    const summary = await storeGraph(database.db, plan, {
      reset,
      batchSize,
      onProgress: (stored) => {
        const now = performance.now();
        if (now - lastReport < 5000 && stored < articleCount) return;
        lastReport = now;
        logger.info(
          { stored, of: articleCount, articlesPerSecond: Math.round(stored / ((now - started) / 1000)) },
          'generating',
        );
      },
    });
    const seconds = (performance.now() - started) / 1000;
    io.stdout.write(
      [
        `generated ${summary.articles} articles in ${seconds.toFixed(1)} s (${Math.round(summary.articles / seconds)} articles/s, ${database.driver}, seed ${seed}${reset ? ', after reset' : ''})`,
        `  quotes         ${summary.quotes}`,
        `  related links  ${summary.relatedLinks}`,
        `  mentions       ${summary.mentions}`,
        `  people         ${summary.people}`,
        `  organizations  ${summary.organizations}`,
        `  affiliations   ${summary.affiliations}`,
        `  publishers     ${summary.publishers}`,
        '',
      ].join('\n'),
    );
  } finally {
    await database.close();
  }
  return 0;
}
