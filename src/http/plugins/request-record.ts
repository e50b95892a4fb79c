// What the request log and the metrics both read about a request, worked out once: the
// operation's type and name and the context it ran with (from the execute phase), and the error
// codes its answer carried.
import { GraphQLError, getOperationAST, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { ErrorCode } from '../../errors.ts';
import { errorCode } from './error-codes.ts';
import { classifyError } from './mask-errors.ts';

export interface Execution {
  type: string | null;
  name: string | null;
  context: object;
}

const executions = new WeakMap<Request, Execution>();

/** Records the operation a request executes; either plugin may call it, the first one records. */
export function recordExecution(args: ExecutionArgs): void {
  const context = args.contextValue as { request: Request };
  if (executions.has(context.request)) return;
  const operation = getOperationAST(args.document, args.operationName);
  executions.set(context.request, {
    type: operation?.operation ?? null,
    name: operation?.name?.value ?? null,
    context,
  });
}

/** The operation the request executed, if it got that far (a cache hit or a refusal does not). */
export function executionOf(request: Request): Execution | undefined {
  return executions.get(request);
}

/** The codes a client saw in these answers, once each, in order; none when all went well. */
export function outcomeCodes(results: readonly ExecutionResult[]): string[] {
  const codes = new Set<string>();
  for (const result of results) {
    for (const error of result.errors ?? []) {
      codes.add(
        error instanceof GraphQLError
          ? ((classifyError(error)?.extensions.code as string | undefined) ?? errorCode(error))
          : ErrorCode.INTERNAL_SERVER_ERROR,
      );
    }
  }
  return [...codes];
}
