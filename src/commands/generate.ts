// quotegraph generate --articles N [--seed S] [--reset]: fills the configured database with a
// synthetic graph, for load tests and benchmarks.
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import { hashString, planGraph } from '../generate/index.ts';
import { storeGraph } from '../generate/store.ts';
import type { Logger } from '../logger.ts';
import { UsageError, type CommandIO } from './io.ts';

export const generateUsage = `Usage: quotegraph generate --articles N [--seed S] [--reset] [--batch-size B]

Adds N synthetic articles (about 6 quotes each) with their speakers, organizations,
affiliations, mentions and related links. The same seed and N give the same content.
Without --reset the graph is appended to what the database holds (new people and
organizations; slugs already taken get the new row's id appended). --reset empties every
graph table first.
`;

function parseCount(name: string, raw: string | undefined, fallback?: number): number {
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required\n\n${generateUsage}`);
    return fallback;
  }
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** A seed given as a number is used as is; any other text is hashed. */
export function parseSeed(raw: string | undefined): number {
  if (raw === undefined) return 1;
  return /^\d+$/.test(raw) ? Number(raw) >>> 0 : hashString(raw);
}

export async function runGenerate(
  argv: string[],
  config: Config,
  logger: Logger,
  io: Pick<CommandIO, 'stdout'> = process,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string', short: 'n' },
      seed: { type: 'string' },
      reset: { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(generateUsage);
    return 0;
  }
  const articleCount = parseCount('articles', values.articles);
  const batchSize = parseCount('batch-size', values['batch-size'], 1000);
  const seed = parseSeed(values.seed);

  const database = await connect(config, logger);
  try {
    const started = performance.now();
    const plan = planGraph(seed, articleCount);
    let lastReport = started;
    const summary = await storeGraph(database.db, plan, {
      reset: values.reset,
      batchSize,
      onProgress: (stored) => {
        const now = performance.now();
        if (now - lastReport < 5000 && stored < articleCount) return;
        lastReport = now;
        logger.info({ stored, of: articleCount, articlesPerSecond: Math.round(stored / ((now - started) / 1000)) }, 'generating');
      },
    });
    const seconds = (performance.now() - started) / 1000;
    io.stdout.write(
      [
        `generated ${summary.articles} articles in ${seconds.toFixed(1)} s (${Math.round(summary.articles / seconds)} articles/s, ${database.driver}, seed ${seed}${values.reset ? ', after reset' : ''})`,
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
