// Prometheus metrics at /metrics, through the Guild's Yoga plugin: GraphQL phase durations and
// error counts, HTTP durations, Node process figures (CPU, memory, event-loop lag), and
// quotegraph's own: operations by outcome code, response-cache results, SQL statements.
//
// Label values must come from a small known set, or every distinct value becomes a new time
// series held in memory for the life of the process: operation names, error paths and URLs are
// chosen by clients, so those labels are off (the request log has them per request instead).
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import { wasCached } from '../../cache/response-cache.ts';
import { ErrorCode } from '../../errors.ts';
import { executionOf, outcomeCodes, recordExecution } from './request-record.ts';
import { statementCount } from '../../graphql/plugins/sql-statements.ts';
import { writeRetries } from '../../store/transaction.ts';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** An answer's codes as labels: each known code once, OTHER for any other, ok for none. */
function outcomeLabels(result: ExecutionResult): string[] {
  const codes = outcomeCodes([result]).map((code) => (KNOWN_CODES.has(code) ? code : 'OTHER'));
  return codes.length ? [...new Set(codes)] : ['ok'];
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
  new Counter({
    name: 'quotegraph_write_retries_total',
    help: 'Write transactions run again from the start because a concurrent write got in their way, by SQLSTATE (40P01 deadlock, 40001 serialization, 23505/23503 a row inserted or deleted meanwhile). Counted for the whole process.',
    labelNames: ['sqlstate'] as const,
    registers: [registry],
    collect() {
      // The store counts; this copies its figures at each scrape.
      this.reset();
      for (const [sqlstate, count] of writeRetries()) this.inc({ sqlstate }, count);
    },
  });
  return [
    usePrometheus({
      endpoint: '/metrics',
      registry,
      labels: { operationName: false, path: false, url: false } as Record<string, boolean>,
      // Each metric is a hook and an observation on every request: measured together they cost
      // 10–20 % of a small query's CPU (bench/RESULTS.md). Kept: HTTP duration by status and the
      // execute phase, the two an operator alerts on. Dropped: the request-time summary (a
      // quantile sketch per observation), the parse/validate/context phases (answered from caches
      // in microseconds), and request and error counters that quotegraph_operations_total
      // already counts by outcome code.
      metrics: {
        graphql_envelop_deprecated_field: false,
        graphql_envelop_schema_change: false,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_request_duration: false,
        graphql_envelop_request: false,
        graphql_envelop_error_result: false,
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_context: false,
      },
    }),
    {
      onExecute({ args }) {
        recordExecution(args);
      },
      onResultProcess({ request, result }) {
        if (Symbol.asyncIterator in (result as object)) return;
        const execution = executionOf(request);
        const cached = execution ? wasCached(execution.context) : false;
        const type = execution ? (execution.type ?? 'unknown') : cached ? 'query' : 'none';
        for (const single of (Array.isArray(result) ? result : [result]) as ExecutionResult[]) {
          for (const code of outcomeLabels(single)) outcomes.inc({ type, outcome: code });
        }
        if (type === 'query') cacheResults.inc({ result: cached ? 'hit' : 'miss' });
        const count = execution ? statementCount(execution.context) : undefined;
        if (count) statements.inc(count);
      },
    },
  ];
}
