// Per-client budgets for the operations that cost the service most: mutations, and queries
// whose estimated cost is high. A client is the principal its token proves (a configured token
// or a valid JWT's subject), else its IP address; a failed authentication spends the address's
// budget, so guessing tokens is rate-limited like anything else.
// Budgets live in memory, or in Redis when REDIS_URL is set so that instances share them;
// should Redis fail, an in-memory budget stands in rather than letting everything through.
import type { IncomingMessage } from 'node:http';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../../config.ts';
import { apiError, ErrorCode } from '../../errors.ts';
import { clientKey } from '../../graphql/client-key.ts';
import { operationCost } from '../../graphql/plugins/query-limits.ts';

interface Budget {
  limiter: RateLimiterAbstract;
  what: string;
}

function budget(name: string, perMinute: number, redis: Redis | null): Budget | null {
  if (perMinute <= 0) return null;
  const options = { keyPrefix: `quotegraph:rate:${name}`, points: perMinute, duration: 60 };
  const memory = new RateLimiterMemory(options);
  const limiter = redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory }) : memory;
  return { limiter, what: name };
}

/**
 * Two plugins over one set of budgets: `writes` (mutations) goes before authorisation, so that a
 * failed authentication spends its address's budget; `expensive` goes after the cost estimate it
 * reads.
 */
export function useRateLimits(config: Config): { writes: Plugin; expensive: Plugin } {
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
    : null;
  // An unreachable Redis must not crash the service; the insurance limiter covers for it.
  redis?.on('error', () => {});
  const writes = budget('writes', config.rateLimits.writesPerMinute, redis);
  const expensive = budget('expensive', config.rateLimits.expensivePerMinute, redis);

  // A budget of 0 per minute is no budget: its plugin then has no hook, so an operation it would
  // never limit does not pay for a call (and a promise) on every request.
  const spend = (
    budget: Budget | null,
    applies: (context: object, operation: string | undefined) => boolean,
  ): Plugin => {
    if (!budget) return {};
    return {
      onExecute({ args, setResultAndStopExecution }) {
        const context = args.contextValue as {
          request: Request;
          req?: IncomingMessage;
          principal?: () => string | null;
        };
        if (!applies(context, getOperationAST(args.document, args.operationName)?.operation)) return;
        return budget.limiter.consume(clientKey(context.request, context, config.trustProxy)).then(
          () => undefined,
          (rejection: unknown) => {
            if (!(rejection instanceof RateLimiterRes)) throw rejection;
            const retryAfter = Math.ceil(rejection.msBeforeNext / 1000);
            setResultAndStopExecution({
              errors: [
                // HTTP 429 with Retry-After (RFC 6585), the seconds also in extensions.retryAfter.
                apiError(ErrorCode.RATE_LIMITED, `Too many ${budget.what} operations; try again in ${retryAfter} s.`, {
                  retryAfter,
                  http: { status: 429, headers: { 'Retry-After': String(retryAfter) } },
                }),
              ],
            });
          },
        );
      },
    };
  };

  return {
    writes: {
      ...spend(writes, (_context, operation) => operation === 'mutation'),
      onDispose() {
        redis?.disconnect();
      },
    },
    expensive: spend(
      expensive,
      (context, operation) =>
        operation !== 'mutation' && (operationCost(context) ?? 0) >= config.rateLimits.expensiveCost,
    ),
  };
}
