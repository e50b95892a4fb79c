// A read that failed only because the database connection did (PostgreSQL restarting, a pooled
// connection closed under it) is run once more after a short pause: by then the pool has a
// fresh connection and the client gets its answer instead of SERVICE_UNAVAILABLE. Mutations are
// never repeated; a database that stays down still fails fast, one pause later.
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../../errors.ts';
import { classifyError } from './mask-errors.ts';

function failedOnConnection(result: unknown): boolean {
  if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return false;
  const errors = (result as ExecutionResult).errors;
  return (
    !!errors?.length && errors.every((error) => classifyError(error)?.extensions.code === ErrorCode.SERVICE_UNAVAILABLE)
  );
}

export function useReadRetry(options: { pauseMs: number }): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (executeArgs) => {
        const first = await executeFn(executeArgs);
        // Only a failed operation pays for finding out whether it was a read.
        if (!failedOnConnection(first)) return first;
        if (getOperationAST(executeArgs.document, executeArgs.operationName)?.operation !== 'query') return first;
        await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
        // A fresh copy of the context: nothing the failed attempt cached (loaders, plans) is reused.
        return executeFn({ ...executeArgs, contextValue: { ...(executeArgs.contextValue as object) } });
      });
    },
  };
}
