// Answers read operations through the compiled path (src/graphql/compiled) when it can, and
// through ordinary execution otherwise. Listed before the plugins that wrap execution (read
// retry, timeout, statement count) so that they wrap both paths alike.
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../../db/client.ts';
import { executeCompiled } from '../compiled/execute.ts';

const answeredCompiled = new WeakSet<object>();
const fallbacks = new WeakMap<object, string>();

/** Whether the operation running with this context object was answered by the compiled path. */
export function wasCompiled(context: object): boolean {
  return answeredCompiled.has(context);
}

/** Why the operation running with this context object took the ordinary path, if it did. */
export function fallbackReason(context: object): string | undefined {
  return fallbacks.get(context);
}

export function useCompiledReads(): Plugin<{ db: Database }> {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const { result, fallback } = await executeCompiled({
          schema: args.schema,
          document: args.document,
          operationName: args.operationName,
          variableValues: args.variableValues as Record<string, unknown> | undefined,
          db: (args.contextValue as { db: Database }).db,
        });
        if (!result) {
          fallbacks.set(args.contextValue as object, fallback);
          return executeFn(args);
        }
        answeredCompiled.add(args.contextValue as object);
        return result;
      });
    },
  };
}
