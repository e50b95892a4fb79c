// A read that failed only because the database connection did (PostgreSQL restarting, a pooled
// connection closed under it) is run once more after a short pause: by then the pool has a
// fresh connection and the client gets its answer instead of SERVICE_UNAVAILABLE. Mutations are
// never repeated; a database that stays down still fails fast, one pause later.
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { failedOnConnection, resultErrors } from './mask-errors.ts';

/**
 * Every error was the connection's: an operation with any other error would meet it again. (The
 * replica router reruns on any connection error instead: there the whole database was suspect.)
 */
function failedOnlyOnConnection(result: unknown): boolean {
  const errors = resultErrors(result);
  return errors.length > 0 && errors.every(failedOnConnection);
}

export function useReadRetry(options: { pauseMs: number }): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (executeArgs) => {
        const first = await executeFn(executeArgs);
        // Only a failed operation pays for finding out whether it was a read.
        if (!failedOnlyOnConnection(first)) return first;
        if (getOperationAST(executeArgs.document, executeArgs.operationName)?.operation !== 'query') return first;
        await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
        // A fresh copy of the context: nothing the failed attempt cached (loaders, plans) is reused.
        return executeFn({ ...executeArgs, contextValue: { ...(executeArgs.contextValue as object) } });
      });
    },
  };
}
