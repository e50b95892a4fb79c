// Every command of `quotegraph` and its options, declared once (commander parses, checks and
// prints help from these declarations). Each action loads its module on demand, so --help and
// a mistyped option load, open and write nothing.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import type { CommandIO } from './io.ts';

/** A positive whole number ("100_000" reads as 100000). */
function positiveInteger(raw: string): number {
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < 1) throw new InvalidArgumentError('It must be a positive integer.');
  return value;
}

/** Configuration and a logger, read only once a command really runs. */
function environment(command: string) {
  const config = loadConfig();
  return { config, logger: createLogger(config, { buffered: command === 'serve' }) };
}

/** Mistakes end in one line naming what is wrong, then the command's usage. */
function reportMistakes(command: Command, io: CommandIO): Command {
  const name = command.parent ? `quotegraph ${command.name()}` : 'quotegraph';
  return command.configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    outputError: (text, write) => {
      const line = text
        .replace(/^error: /, '')
        .replace(/\s*\n\s*/g, ' ')
        .trim();
      write(`${name}: ${line}\nusage: ${name} ${command.usage()} (${name} --help for more)\n`);
    },
  });
}

/** The program for one run: `exit` receives the code the chosen command finished with. */
function buildProgram(io: CommandIO, exit: (code: number) => void): Command {
  const program = reportMistakes(new Command('quotegraph'), io)
    .description('A GraphQL content graph for news. Configuration comes from the environment; see README.md.')
    .usage('<command> [options]')
    .exitOverride()
    .showSuggestionAfterError();
  const command = (name: string) => reportMistakes(program.command(name), io).exitOverride();

  command('serve')
    .description('Serve the GraphQL API and GraphiQL (default http://localhost:4000/graphql)')
    .addOption(
      new Option(
        '--workers <n>',
        'processes serving the API (default: 1 on the embedded database, one per core on PostgreSQL)',
      ).argParser(positiveInteger),
    )
    .action(async (options: { workers?: number }) => {
      const { config, logger } = environment('serve');
      exit(await (await import('./serve.ts')).runServe(config, logger, options));
    });

  command('migrate')
    .description('Apply database migrations and exit')
    .action(async () => {
      const { config, logger } = environment('migrate');
      exit(await (await import('./database.ts')).runMigrate(config, logger));
    });

  command('seed')
    .description('(Re)load the demo articles')
    .action(async () => {
      const { config, logger } = environment('seed');
      exit(await (await import('./database.ts')).runSeed(config, logger, io));
    });

  command('extract')
    .description(
      'Read articles (text or HTML, - for stdin) and print their quotes, speakers, people, organizations, affiliations and related links',
    )
    .argument('<file...>', 'articles to read, - for stdin')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'text']).default('json'))
    .option('--base-url <url>', 'resolve relative links in HTML against this URL')
    .action(async (files: string[], options: { format: 'json' | 'text'; baseUrl?: string }) => {
      exit(await (await import('./extract.ts')).extractFiles(files, options, io));
    });

  command('ingest')
    .description('Read articles and store them in the graph (text, HTML, JSON, JSON lines; directories recursively)')
    .argument('<source...>', 'files, directories, or - for stdin')
    .option('--publisher <name>', 'publisher of articles that name none')
    .option('-q, --quiet', 'no progress lines')
    .option('--queue', 'queue one job per article for `quotegraph worker` (or the server) instead of storing them now')
    .action(async (sources: string[], options: { publisher?: string; quiet?: boolean; queue?: boolean }) => {
      const { config, logger } = environment('ingest');
      const ingest = await import('./ingest.ts');
      exit(await (options.queue ? ingest.runEnqueue : ingest.runIngest)(sources, options, config, logger, io));
    });

  command('worker')
    .description('Run queued ingestion jobs (from `ingest --queue` and async ingestArticle) until stopped')
    .addOption(new Option('--concurrency <n>', 'jobs run at once').argParser(positiveInteger).default(2))
    .option('-q, --quiet', 'no line per job')
    .action(async (options: { concurrency: number; quiet?: boolean }) => {
      const { config, logger } = environment('worker');
      exit(await (await import('./worker.ts')).runWorker(options, config, logger, io));
    });

  command('jobs')
    .description('List ingestion jobs not yet done (failed, retrying, running, waiting) with their last error')
    .option('--failed', 'only the failed ones')
    .addOption(new Option('--limit <n>', 'jobs listed at most').argParser(positiveInteger).default(100))
    .action(async (options: { failed?: boolean; limit: number }) => {
      const { config, logger } = environment('jobs');
      exit(await (await import('./jobs.ts')).runJobs(options, config, logger, io));
    });

  command('generate')
    .description('Fill the database with a synthetic graph (for benchmarks): N articles of about 6 quotes each')
    .addOption(new Option('-n, --articles <n>', 'how many articles').argParser(positiveInteger).makeOptionMandatory())
    .option('--seed <seed>', 'the same seed and N give the same content (a number, or any text)')
    .option('--reset', 'empty every graph table first')
    .addOption(new Option('--batch-size <n>', 'articles per transaction').argParser(positiveInteger).default(1000))
    .addHelpText(
      'after',
      "\nWithout --reset the graph is added to what the database holds (new people and organizations;\nslugs already taken get the new row's id appended).",
    )
    .action(async (options: { articles: number; seed?: string; reset?: boolean; batchSize: number }) => {
      const { config, logger } = environment('generate');
      exit(await (await import('./generate.ts')).runGenerate(options, config, logger, io));
    });

  command('token')
    .description('Print a new random API token for QUOTEGRAPH_API_TOKENS')
    .action(async () => exit((await import('./token.ts')).runToken(io)));

  command('schema')
    .description('Write schema.graphql from the code-first schema')
    .option('--stdout', 'print it instead')
    .action(async (options: { stdout?: boolean }) => exit((await import('./schema.ts')).runSchema(options, io)));

  return program;
}

/**
 * Runs one command line (without the `node quotegraph` part) to its exit code: 0 after help,
 * 2 after a usage mistake. Other failures (configuration, a busy data directory) are thrown.
 */
export async function runCommandLine(argv: string[], io: CommandIO): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (finished) => (code = finished));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return error.exitCode === 0 ? 0 : 2;
  }
}
