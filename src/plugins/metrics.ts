// Prometheus metrics at /metrics, through the Guild's Yoga plugin: GraphQL phase durations and
// error counts, HTTP durations, Node process figures (CPU, memory, event-loop lag), and
// quotegraph's own: operations by outcome code, response-cache results, SQL statements.
//
// Label values must come from a small known set, or every distinct value becomes a new time
// series held in memory for the life of the process: operation names, error paths and URLs are
// chosen by clients, so those labels are off (the request log has them per request instead).
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { getOperationAST, GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import { wasCached } from '../cache/response-cache.ts';
import { ErrorCode } from '../errors.ts';
import { errorCode } from './error-codes.ts';
import { classifyError } from './mask-errors.ts';
import { statementCount } from './sql-statements.ts';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function codesOf(result: ExecutionResult): string[] {
  const codes = new Set<string>();
  for (const error of result.errors ?? []) {
    const code =
      error instanceof GraphQLError
        ? ((classifyError(error)?.extensions.code as string | undefined) ?? errorCode(error))
        : ErrorCode.INTERNAL_SERVER_ERROR;
    codes.add(KNOWN_CODES.has(code) ? code : 'OTHER');
  }
  return codes.size ? [...codes] : ['ok'];
}

export function useMetrics(): Plugin[] {
  // One registry per app: two apps in one process (tests, benches) do not share counters.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'quotegraph_' });
  const outcomes = new Counter({
    name: 'quotegraph_operations_total',
    help: 'GraphQL operations answered, by operation type and outcome (ok, or each error code the answer carried).',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  const cacheResults = new Counter({
    name: 'quotegraph_response_cache_total',
    help: 'Query operations by response-cache result: hit (answered from the cache) or miss (executed).',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const statements = new Counter({
    name: 'quotegraph_sql_statements_total',
    help: 'SQL statements run to answer GraphQL operations.',
    registers: [registry],
  });
  const contexts = new WeakMap<Request, { type: string; context: object }>();
  return [
    usePrometheus({
      endpoint: '/metrics',
      registry,
      labels: { operationName: false, path: false, url: false } as Record<string, boolean>,
      metrics: { graphql_envelop_deprecated_field: false, graphql_envelop_schema_change: false },
    }),
    {
      onExecute({ args }) {
        const context = args.contextValue as { request: Request };
        const operation = getOperationAST(args.document, args.operationName);
        contexts.set(context.request, { type: operation?.operation ?? 'unknown', context });
      },
      onResultProcess({ request, result }) {
        if (Symbol.asyncIterator in (result as object)) return;
        const seen = contexts.get(request);
        const cached = seen ? wasCached(seen.context) : false;
        const type = seen?.type ?? (cached ? 'query' : 'none');
        for (const single of (Array.isArray(result) ? result : [result]) as ExecutionResult[]) {
          for (const code of codesOf(single)) outcomes.inc({ type, outcome: code });
        }
        if (type === 'query') cacheResults.inc({ result: cached ? 'hit' : 'miss' });
        const count = seen ? statementCount(seen.context) : undefined;
        if (count) statements.inc(count);
      },
    },
  ];
}
