// A per-operation time limit. The client gets a TIMEOUT error when it passes; the database
// side is cut short by PostgreSQL's statement_timeout on the service's connections.
import type { Plugin } from 'graphql-yoga';
import { apiError, ErrorCode } from '../graphql/errors.ts';

export function useExecutionTimeout(timeoutMs: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<{ errors: ReturnType<typeof apiError>[] }>((resolve) => {
          timer = setTimeout(
            () => resolve({ errors: [apiError(ErrorCode.TIMEOUT, `The operation took longer than ${timeoutMs} ms.`)] }),
            timeoutMs,
          );
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
