// The shape of a request's parameters, checked before anything reads them: `operationName` a
// string, `variables` and `extensions` objects, neither nested deeper nor holding more values
// than any real operation needs. Everything after this (the response cache's key, the cost
// estimate, variable coercion, the compiled path, the request log) may then walk them without
// overflowing the stack or spending time out of proportion to what an honest client sends.
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { ErrorCode } from '../../errors.ts';

/** Deeper than any input type of the schema, with room to spare. */
export const MAX_PARAMETER_DEPTH = 16;
/** Values (object entries and list items, at every level) in `variables` or in `extensions`. */
export const MAX_PARAMETER_VALUES = 50_000;

function badRequest(message: string) {
  return createGraphQLError(message, { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } } });
}

const jsonType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value);

/** Why a parameter's value is too deep or too large, walking it without recursion; null when it is not. */
export function parameterProblem(name: string, value: unknown): string | null {
  const pending: [unknown, number][] = [[value, 0]];
  let values = 0;
  while (pending.length) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_PARAMETER_DEPTH) return `"${name}" is nested too deeply (at most ${MAX_PARAMETER_DEPTH} levels).`;
    const children = Array.isArray(current) ? current : Object.values(current);
    values += children.length;
    if (values > MAX_PARAMETER_VALUES) return `"${name}" holds too many values (at most ${MAX_PARAMETER_VALUES}).`;
    for (const child of children) if (child !== null && typeof child === 'object') pending.push([child, depth + 1]);
  }
  return null;
}

export function useRequestShape(): Plugin {
  return {
    onParams({ params }) {
      const { operationName, variables, extensions } = params as Record<string, unknown>;
      if (operationName != null && typeof operationName !== 'string') {
        throw badRequest(`"operationName" must be a string, not ${jsonType(operationName)}.`);
      }
      for (const [name, value] of [
        ['variables', variables],
        ['extensions', extensions],
      ] as const) {
        if (value == null) continue;
        if (typeof value !== 'object' || Array.isArray(value))
          throw badRequest(`"${name}" must be an object, not ${jsonType(value)}.`);
        const problem = parameterProblem(name, value);
        if (problem) throw badRequest(problem);
      }
    },
  };
}
