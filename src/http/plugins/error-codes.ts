// Gives every deliberate error a stable `extensions.code`, and takes out what should not be
// shown. Pothos reports malformed input it checks itself (global IDs, cursors) as
// PothosValidationError without a code; those are the client's mistake, BAD_USER_INPUT. Errors
// Yoga raises about the HTTP request (wrong method or content type, bad JSON, no CSRF header)
// carry only an HTTP status. Outside development, "Did you mean …" suggestions — which would
// map the schema for a stranger — are removed from every message, variable errors included.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../../errors.ts';

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** The code a client sees for an error, whether or not it carries one yet. */
export function errorCode(error: GraphQLError): string {
  const code = error.extensions?.code;
  if (typeof code === 'string') return code;
  if ((error.originalError ?? error) instanceof PothosValidationError) return ErrorCode.BAD_USER_INPUT;
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  if (status && status >= 400 && status < 500) {
    return status === 403 ? ErrorCode.FORBIDDEN : status === 413 ? ErrorCode.QUERY_TOO_COMPLEX : ErrorCode.BAD_REQUEST;
  }
  return ErrorCode.INTERNAL_SERVER_ERROR;
}

function finished(error: GraphQLError, development: boolean): GraphQLError {
  const message = development ? error.message : error.message.replace(SUGGESTION, '');
  const hasCode = typeof error.extensions?.code === 'string';
  if (hasCode && message === error.message) return error;
  const code = errorCode(error);
  // Left uncoded, an unexpected error keeps its shape for the masking that follows.
  if (!hasCode && code === ErrorCode.INTERNAL_SERVER_ERROR && message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: { ...error.extensions, ...(code === ErrorCode.INTERNAL_SERVER_ERROR && !hasCode ? {} : { code }) },
  });
}

function finishErrors<Result extends Pick<ExecutionResult, 'errors'>>(result: Result, development: boolean): Result {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((error) => finished(error as GraphQLError, development)) };
}

export function useErrorCodes(options: { development: boolean }): Plugin {
  const { development } = options;
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!result || Symbol.asyncIterator in result || !result.errors?.length) return;
          setResult(finishErrors(result, development));
        },
      };
    },
    onResultProcess({ result, setResult }) {
      if (Symbol.asyncIterator in (result as object)) return;
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      if (!results.some((item) => item.errors?.length)) return;
      setResult(
        Array.isArray(result)
          ? result.map((item) => finishErrors(item, development))
          : finishErrors(result as ExecutionResult, development),
      );
    },
  };
}
