// Errors that help and leak nothing. Deliberate errors (with a code) pass through. A database
// that cannot be reached becomes SERVICE_UNAVAILABLE, a statement cut short TIMEOUT; anything
// else is logged in full and returned as a bare INTERNAL_SERVER_ERROR (details only in
// development). No stack trace, SQL or driver message ever reaches a client otherwise.
import { GraphQLError, type ExecutionResult } from 'graphql';
import { maskError as yogaMaskError, type YogaServerOptions } from 'graphql-yoga';
import { apiError, ErrorCode } from '../../errors.ts';
import type { Logger } from '../../logger.ts';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

const INPUT_CODES = new Set([
  '22021', // character_not_in_repertoire (NUL in text)
  '22P05', // untranslatable_character
  '22003', // numeric_value_out_of_range
  '22001', // string_data_right_truncation
  '54000', // program_limit_exceeded (e.g. a search term too long to index)
]);

/** The chain of causes under an error: GraphQL's originalError, Drizzle's cause, … */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && chain.length < 10) {
    chain.push(current);
    const next =
      (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    if (next === current) break;
    current = next;
  }
  return chain;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Maps an error the way clients should see it; null means "unexpected". */
export function classifyError(error: unknown): GraphQLError | null {
  const chain = causes(error);
  const deliberate = chain.find((item) => item instanceof GraphQLError && item.extensions?.code);
  if (deliberate) return deliberate as GraphQLError;
  const codes = chain.map(codeOf).filter((code): code is string => code !== undefined);
  if (codes.some((code) => CONNECTION_CODES.has(code) || code.startsWith('08'))) {
    return apiError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; try again shortly.');
  }
  if (codes.includes('57014')) return apiError(ErrorCode.TIMEOUT, 'The database took too long to answer.');
  // Values the database cannot hold: a NUL character in text, a number out of range.
  if (codes.some((code) => INPUT_CODES.has(code))) {
    return apiError(
      ErrorCode.BAD_USER_INPUT,
      'An argument holds a value that cannot be stored or searched (such as a NUL character).',
    );
  }
  return null;
}

/** Whether an error is the database connection failing: what a client sees as SERVICE_UNAVAILABLE. */
export function failedOnConnection(error: unknown): boolean {
  return classifyError(error)?.extensions.code === ErrorCode.SERVICE_UNAVAILABLE;
}

/**
 * The SQLSTATEs with which a hot standby cancels a query that its replay of the primary's log
 * conflicts with (a lock the replay needs, row versions it must remove, a buffer it must pin):
 * serialization_failure, and deadlock_detected for a deadlock with the replay itself. On a
 * replica they say nothing about the query, which the primary answers as it is.
 */
const RECOVERY_CONFLICT_CODES = new Set(['40001', '40P01']);

/** Whether an error is a read cancelled by a replica's recovery conflict (see above). */
export function cancelledByRecovery(error: unknown): boolean {
  return causes(error)
    .map(codeOf)
    .some((code) => code !== undefined && RECOVERY_CONFLICT_CODES.has(code));
}

/** The errors of an operation's result: none for a stream (a subscription's). */
export function resultErrors(result: unknown): readonly GraphQLError[] {
  if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return [];
  return (result as ExecutionResult).errors ?? [];
}

export function maskedErrors(logger: Logger, development: boolean): YogaServerOptions<object, object>['maskedErrors'] {
  return {
    isDev: development,
    maskError(error, message, isDev) {
      const classified = classifyError(error);
      if (classified && classified !== error && error instanceof GraphQLError) {
        // Keep where in the operation it happened.
        return new GraphQLError(classified.message, {
          nodes: error.nodes,
          path: error.path,
          extensions: classified.extensions,
        });
      }
      if (classified) return classified;
      const isGraphQLMistake =
        error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError);
      if (!isGraphQLMistake) logger.error({ err: causes(error).at(-1) ?? error }, 'unexpected error');
      return yogaMaskError(error, message, isDev);
    },
  };
}
