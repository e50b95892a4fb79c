// One structured log line per GraphQL request, answered from the cache or not: request id,
// operation, duration, cost, SQL statement count, whether the compiled read path answered (or why not),
// and outcome (the codes the client saw).
// Never a token, never variables (an article body can be a variable).
import { randomUUID } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../logger.ts';
import { operationCost } from '../../graphql/plugins/query-limits.ts';
import { fallbackReason, wasCompiled } from '../../graphql/plugins/compiled-reads.ts';
import { wasCached } from '../../cache/response-cache.ts';
import { executionOf, outcomeCodes, recordExecution } from './request-record.ts';
import { statementCount } from '../../graphql/plugins/sql-statements.ts';

interface RequestRecord {
  id: string;
  started: number;
  /** The operation name the client sent, until the execute phase names the operation run. */
  operation: string | null;
}

const records = new WeakMap<Request, RequestRecord>();

/** A caller's X-Request-Id when it is sane, else a fresh one; echoed in the response. */
function recordFor(request: Request): RequestRecord {
  let record = records.get(request);
  if (!record) {
    const given = request.headers.get('x-request-id');
    record = {
      id: given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID(),
      started: performance.now(),
      operation: null,
    };
    records.set(request, record);
  }
  return record;
}

export function useRequestLog(logger: Logger): Plugin {
  return {
    onRequest({ request }) {
      recordFor(request);
    },
    onParams({ params, request }) {
      recordFor(request).operation = params.operationName ?? null;
    },
    onExecute({ args }) {
      recordExecution(args);
    },
    onResultProcess({ request, result }) {
      if (Symbol.asyncIterator in (result as object)) return;
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      const record = recordFor(request);
      const execution = executionOf(request);
      const context = execution?.context;
      const cached = context ? wasCached(context) : false;
      const codes = outcomeCodes(results);
      logger.info(
        {
          requestId: record.id,
          operation: execution?.name ?? record.operation,
          type: execution?.type ?? (cached ? 'query' : null),
          ms: Math.round((performance.now() - record.started) * 10) / 10,
          cost: context ? (operationCost(context) ?? null) : null,
          statements: context ? (statementCount(context) ?? 0) : 0,
          compiled: context ? wasCompiled(context) : false,
          fallback: context ? (fallbackReason(context) ?? null) : null,
          cached,
          outcome: codes.length ? codes.join(',') : 'ok',
        },
        'graphql operation',
      );
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', recordFor(request).id);
    },
  };
}
