/** The streams a command reads and writes; tests pass in-memory ones. */
export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

/** A failure to report as one line on stderr with a non-zero exit, without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
