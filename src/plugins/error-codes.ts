// Gives every deliberate error a stable `extensions.code`. Pothos reports malformed input it
// checks itself (global IDs, cursors) as PothosValidationError without a code; those are the
// client's mistake, so they become BAD_USER_INPUT.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
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

export function useErrorCodes(): Plugin {
  return {
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
