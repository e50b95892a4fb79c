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
        const controller = new AbortController();
        let committing = false;
        const deadline: OperationDeadline = {
          signal: controller.signal,
          claimCommit: () => {
            if (controller.signal.aborted) return false;
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
            controller.abort(new Error('the operation timed out'));
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
