// One structured log line per GraphQL request, answered from the cache or not: request id,
// operation, duration, cost, SQL statement count, whether the compiled read path answered (or why not),
// and outcome (the codes the client saw).
// Never a token, never variables (an article body can be a variable).
import { randomUUID } from 'node:crypto';
import { getOperationAST, GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.ts';
import { errorCode } from './error-codes.ts';
import { classifyError } from './mask-errors.ts';
import { operationCost } from './query-limits.ts';
import { fallbackReason, wasCompiled } from './compiled-reads.ts';
import { wasCached } from '../cache/response-cache.ts';
import { statementCount } from './sql-statements.ts';

interface RequestRecord {
  id: string;
  started: number;
  operation: string | null;
  type: string | null;
  context?: object;
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
      type: null,
    };
    records.set(request, record);
  }
  return record;
}

function outcomeOf(results: readonly ExecutionResult[]): string {
  const codes = new Set<string>();
  for (const result of results) {
    for (const error of result.errors ?? []) {
      codes.add(
        error instanceof GraphQLError
          ? ((classifyError(error)?.extensions.code as string | undefined) ?? errorCode(error))
          : 'INTERNAL_SERVER_ERROR',
      );
    }
  }
  return codes.size ? [...codes].join(',') : 'ok';
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
      const context = args.contextValue as { request: Request };
      const record = recordFor(context.request);
      const operation = getOperationAST(args.document, args.operationName);
      record.operation = operation?.name?.value ?? record.operation;
      record.type = operation?.operation ?? null;
      record.context = context;
    },
    onResultProcess({ request, result }) {
      if (Symbol.asyncIterator in (result as object)) return;
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      const record = recordFor(request);
      const cached = record.context ? wasCached(record.context) : false;
      logger.info(
        {
          requestId: record.id,
          operation: record.operation,
          type: record.type ?? (cached ? 'query' : null),
          ms: Math.round((performance.now() - record.started) * 10) / 10,
          cost: record.context ? (operationCost(record.context) ?? null) : null,
          statements: record.context ? (statementCount(record.context) ?? 0) : 0,
          compiled: record.context ? wasCompiled(record.context) : false,
          fallback: record.context ? (fallbackReason(record.context) ?? null) : null,
          cached,
          outcome: outcomeOf(results),
        },
        'graphql operation',
      );
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', recordFor(request).id);
    },
  };
}
