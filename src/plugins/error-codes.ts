// Gives every deliberate error a stable `extensions.code`. Pothos reports malformed input it
// checks itself (global IDs, cursors) as PothosValidationError without a code; those are the
// client's mistake, so they become BAD_USER_INPUT. Errors Yoga raises about the HTTP request
// (wrong method or content type, bad JSON, no CSRF header) carry only an HTTP status.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../graphql/errors.ts';

function withCode(error: GraphQLError): GraphQLError {
  if (error.extensions?.code) return error;
  const cause = error.originalError ?? error;
  if (!(cause instanceof PothosValidationError)) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: cause,
    extensions: { ...error.extensions, code: ErrorCode.BAD_USER_INPUT },
  });
}

/** An HTTP-level error, coded by its status. */
function withRequestCode(error: GraphQLError): GraphQLError {
  if (!(error instanceof GraphQLError) || error.extensions?.code) return error;
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  if (!status || status < 400 || status >= 500) return error;
  const code = status === 403 ? ErrorCode.FORBIDDEN : status === 413 ? ErrorCode.QUERY_TOO_COMPLEX : ErrorCode.BAD_REQUEST;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: { ...error.extensions, code },
  });
}

function codeRequestErrors<Result extends Pick<ExecutionResult, 'errors'>>(result: Result): Result {
  if (!result.errors?.some((error) => !error.extensions?.code)) return result;
  return { ...result, errors: result.errors.map((error) => withRequestCode(error as GraphQLError)) };
}

export function useErrorCodes(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Symbol.asyncIterator in (result as object)) return;
      setResult(Array.isArray(result) ? result.map((item) => codeRequestErrors(item)) : codeRequestErrors(result as ExecutionResult));
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!result || Symbol.asyncIterator in result || !result.errors?.length) return;
          setResult({ ...result, errors: result.errors.map(withCode) });
        },
      };
    },
  };
}
