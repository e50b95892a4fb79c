import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/**
 * Structured JSON logs on stderr, so command output on stdout stays machine-readable. A
 * server logs a line per operation; `buffered` batches those writes instead of making a
 * system call for each (flush before exiting).
 */
export function createLogger(config: Pick<Config, 'logLevel'>, options: { buffered?: boolean } = {}): Logger {
  const destination = options.buffered
    ? pino.destination({ dest: 2, sync: false, minLength: 8_192 })
    : pino.destination(2);
  return pino({ level: config.logLevel, base: { service: 'quotegraph' } }, destination);
}
