// quotegraph serve | migrate | seed | schema | extract …
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { UsageError, type CommandIO } from './commands/io.ts';
import { DataDirBusyError } from './db/data-dir-lock.ts';
import { createLogger } from './logger.ts';

const usage = `Usage: quotegraph <command> [options]

Commands:
  serve               Serve the GraphQL API and GraphiQL (default http://localhost:4000/graphql)
  migrate             Apply database migrations and exit
  seed                (Re)load the demo articles
  extract FILE...|-   Read articles and print what was found, as JSON (--format text for a summary)
  ingest FILE...|DIR|-
                      Read articles and store them in the graph (text, HTML, JSON, JSON lines)
  generate --articles N [--seed S]
                      Fill the database with a synthetic graph (for benchmarks)
  token               Print a new random API token for QUOTEGRAPH_API_TOKENS
  schema [--stdout]   Write schema.graphql from the code-first schema

Configuration comes from the environment; see README.md.
`;

/** Commands that open the database; generate prints its own help. */
const databaseCommands = new Set(['serve', 'migrate', 'seed', 'ingest']);

async function main(argv: string[], io: CommandIO): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(usage);
    return command ? 0 : 2;
  }
  // --help of a command prints and does nothing else: no token printed, no file written, no
  // database opened. extract and generate print their own, fuller help.
  const wantsHelp = rest.some((arg) => arg === '--help' || arg === '-h');
  if (wantsHelp && command !== 'extract' && command !== 'generate') {
    io.stdout.write(usage);
    return 0;
  }
  // Loaded on demand: each command pulls in only what it needs (help, nothing).
  if (command === 'extract') return (await import('./commands/extract.ts')).runExtract(rest, io);
  if (command === 'schema') return (await import('./commands/schema.ts')).runSchema(rest, io);
  if (command === 'token') return (await import('./commands/token.ts')).runToken(io);
  // Help never touches the database (nor the data directory's lock).
  if (databaseCommands.has(command) && rest.some((arg) => arg === '--help' || arg === '-h')) {
    io.stdout.write(usage);
    return 0;
  }

  const config = loadConfig();
  const logger = createLogger(config, { buffered: command === 'serve' });
  switch (command) {
    case 'serve':
      return (await import('./commands/serve.ts')).runServe(config, logger);
    case 'ingest':
      return (await import('./commands/ingest.ts')).runIngest(rest, config, logger, io);
    case 'generate':
      return (await import('./commands/generate.ts')).runGenerate(rest, config, logger);
    case 'migrate': {
      parseArgs({ args: rest, options: {} });
      const { connect } = await import('./db/connect.ts');
      const database = await connect(config, logger);
      await database.close();
      return 0;
    }
    case 'seed': {
      parseArgs({ args: rest, options: {} });
      const [{ connect }, { seedDemo }] = await Promise.all([import('./db/connect.ts'), import('./demo/seed.ts')]);
      const database = await connect(config, logger);
      try {
        const loaded = await seedDemo(database, logger);
        io.stdout.write(`loaded ${loaded.articles} demo articles (${loaded.quotes} quotes)\n`);
      } finally {
        await database.close();
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"\n\n${usage}`);
  }
}

/**
 * Resolves once everything written so far has been handed to the OS. process.exit() right after a
 * large write to a pipe drops whatever the reader has not taken yet (extract's JSON was cut off at
 * 64 KB), so the CLI waits for its streams and then lets Node exit with `process.exitCode`.
 */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || !stream.writable) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('error', () => resolve());
    stream.write('', () => resolve());
  });
}

async function finish(code: number): Promise<void> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exitCode = code;
  // The output is out; a handle some library left open must not keep the command alive.
  setTimeout(() => process.exit(code), 2_000).unref();
}

main(process.argv.slice(2), process).then(
  (code) => finish(code),
  (error: unknown) => {
    const usageMistake = error instanceof UsageError || error instanceof ConfigError || (error as { code?: string })?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    const explained = usageMistake || error instanceof DataDirBusyError;
    process.stderr.write(`quotegraph: ${explained ? (error as Error).message : (error as Error)?.stack ?? String(error)}\n`);
    return finish(usageMistake ? 2 : 1);
  },
);
