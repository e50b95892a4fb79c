// Counts the SQL statements each GraphQL operation runs, and, when debugging is on, reports
// the count in `extensions.sql.statements` so "one statement per root field" can be checked
// from any client, in `extensions.sql.compiled` whether the compiled read path answered, and in
// `extensions.sql.fallback` why it did not.
import type { Plugin } from 'graphql-yoga';
import { fallbackReason, wasCompiled } from './compiled-reads.ts';
import { withStatementCounter, type StatementCounter } from '../../db/statements.ts';
import { withExtensions } from '../compiled/raw-result.ts';

const counters = new WeakMap<object, StatementCounter>();

/** The statement count of the operation running with this context object. */
export function statementCount(context: object): number | undefined {
  return counters.get(context)?.count;
}

function fallbackOf(context: object): { fallback?: string } {
  const reason = fallbackReason(context);
  return reason === undefined ? {} : { fallback: reason };
}

export function useSqlStatementCount(options: { report: boolean }): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const counter: StatementCounter = { count: 0 };
      counters.set(args.contextValue as object, counter);
      setExecuteFn((executeArgs) => withStatementCounter(counter, () => executeFn(executeArgs)));
      if (!options.report) return;
      return {
        onExecuteDone({ result, setResult }) {
          if (!result || Symbol.asyncIterator in result) return;
          setResult(
            withExtensions(result, {
              sql: {
                statements: counter.count,
                compiled: wasCompiled(args.contextValue as object),
                ...fallbackOf(args.contextValue as object),
              },
            }),
          );
        },
      };
    },
  };
}
