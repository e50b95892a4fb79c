// quotegraph serve | migrate | seed | extract | ingest | generate | token | schema
// (declared in src/commands/program.ts).
import { runCommandLine } from './commands/program.ts';
import { ConfigError } from './config.ts';
import { UsageError } from './commands/io.ts';
import { DataDirBusyError } from './db/data-dir-lock.ts';

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

runCommandLine(process.argv.slice(2), process).then(
  (code) => finish(code),
  (error: unknown) => {
    const usageMistake = error instanceof UsageError || error instanceof ConfigError;
    const explained = usageMistake || error instanceof DataDirBusyError;
    process.stderr.write(
      `quotegraph: ${explained ? (error as Error).message : ((error as Error)?.stack ?? String(error))}\n`,
    );
    return finish(usageMistake ? 2 : 1);
  },
);
