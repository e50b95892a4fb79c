// One structured log line per operation: request id, operation, duration, cost, SQL statement
// count and outcome. Never a token, never variables (an article body can be a variable).
import { randomUUID } from 'node:crypto';
import { getOperationAST, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.ts';
import { operationCost } from './query-limits.ts';
import { statementCount } from './sql-statements.ts';

const requestIds = new WeakMap<Request, string>();

/** A caller's X-Request-Id when it is sane, else a fresh one; echoed in the response. */
function requestIdFor(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    const given = request.headers.get('x-request-id');
    id = given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

function outcomeOf(errors: readonly GraphQLError[] | undefined): string {
  if (!errors?.length) return 'ok';
  const codes = new Set(errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')));
  return [...codes].join(',');
}

export function useRequestLog(logger: Logger): Plugin {
  return {
    onRequest({ request }) {
      requestIdFor(request);
    },
    onExecute({ args }) {
      const started = performance.now();
      const context = args.contextValue as { request: Request };
      const operation = getOperationAST(args.document, args.operationName);
      return {
        onExecuteDone({ result }) {
          if (!result || Symbol.asyncIterator in result) return;
          logger.info(
            {
              requestId: requestIdFor(context.request),
              operation: operation?.name?.value ?? null,
              type: operation?.operation ?? null,
              ms: Math.round((performance.now() - started) * 10) / 10,
              cost: operationCost(context) ?? null,
              statements: statementCount(context) ?? null,
              outcome: outcomeOf(result.errors),
            },
            'graphql operation',
          );
        },
      };
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdFor(request));
    },
  };
}
