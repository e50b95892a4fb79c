// A per-operation time limit. The client gets a TIMEOUT error when it passes; the database
// side is cut short by PostgreSQL's statement_timeout on the service's connections.
//
// A write must not commit after its client was told TIMEOUT. Each operation gets a deadline, put
// in its context as `writeDeadline`: the write path checks it, then claims the commit, just
// before committing. A claimed commit is let finish and answered normally; past the
// deadline the claim fails and the transaction rolls back. One or the other, never both.
import type { Plugin } from 'graphql-yoga';
import { apiError, ErrorCode } from '../errors.ts';

export interface OperationDeadline {
  /** Aborted when the operation has been answered with TIMEOUT. */
  signal: AbortSignal;
  /** True, and the timeout then waits for the operation, when the deadline has not passed yet. */
  claimCommit(): boolean;
}

export function useExecutionTimeout(timeoutMs: number): Plugin<{ writeDeadline?: OperationDeadline }> {
  return {
    onExecute({ executeFn, setExecuteFn, extendContext }) {
      setExecuteFn(async (args) => {
        // The signal is made when something asks for it (a write does; a read never does): an
        // AbortSignal per request is an event target, costly to make and to collect.
        let controller: AbortController | undefined;
        let expired = false;
        const reason = () => new Error('the operation timed out');
        let committing = false;
        const deadline: OperationDeadline = {
          get signal() {
            if (!controller) {
              controller = new AbortController();
              if (expired) controller.abort(reason());
            }
            return controller.signal;
          },
          claimCommit: () => {
            if (expired) return false;
            committing = true;
            return true;
          },
        };
        // The context object is the one the resolvers get (envelop assigns into it).
        extendContext({ writeDeadline: deadline });
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<{ errors: ReturnType<typeof apiError>[] }>((resolve) => {
          timer = setTimeout(() => {
            // A commit under way is not abandoned: its client gets the answer it is about to have.
            if (committing) return;
            expired = true;
            controller?.abort(reason());
            resolve({ errors: [apiError(ErrorCode.TIMEOUT, `The operation took longer than ${timeoutMs} ms.`)] });
          }, timeoutMs);
          timer.unref();
        });
        try {
          return await Promise.race([executeFn(args), timedOut]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
