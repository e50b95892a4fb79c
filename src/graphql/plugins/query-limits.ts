// Limits on every operation, checked before anything runs: size in tokens (at parse), depth,
// aliases and directives (GraphQL Armor's rules, at validation), and estimated cost (the
// schema's cost model, once variables are known). Every response reports its cost in
// `extensions.cost` so clients can see how close they are.
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createComplexityRule } from '@pothos/plugin-complexity';
import { withExtensions } from '../compiled/raw-result.ts';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  Kind,
  typeFromAST,
  validate,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type ValidationContext,
  type VariableDefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../../config.ts';
import { facetOf, memoFacet, type Facet } from '../../document/analysis.ts';
import { apiError, ErrorCode } from '../../errors.ts';

const costs = new WeakMap<object, number>();

/** Arguments whose values the cost model reads (see `fieldComplexity` in the builder). */
const SIZE_ARGUMENTS = new Set(['first', 'last', 'ids']);

/** The estimated cost of the operation running with this context object. */
export function operationCost(context: object): number | undefined {
  return costs.get(context);
}

function tooComplex(message: string): GraphQLError {
  return apiError(ErrorCode.QUERY_TOO_COMPLEX, message);
}

/** Armor reports by throwing a generic error; report ours instead, with a code. */
function reportAs(message: (limit: number) => string, limit: number) {
  return {
    n: limit,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null) => context?.reportError(tooComplex(message(limit)))],
  };
}

interface ExecutionInput {
  contextValue: unknown;
  variableValues?: Record<string, unknown> | null | undefined;
  operationName?: string | null | undefined;
}

/**
 * The cost model reads only sizes (`first`/`last`, and how many `ids` `nodes` is given), so an
 * operation's cost depends on its document and on the variables feeding those arguments — not on
 * search words or which ids. Costs are remembered per document (Yoga hands the same parsed
 * document to every request that sends the same text) and per values of those variables.
 */
const sizeVariables: Facet<string[]> = {
  name: 'size variables',
  compute(document) {
    const found = new Set<string>();
    visit(document, {
      Argument(node) {
        if (SIZE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) {
          found.add(node.value.name.value);
        }
      },
    });
    return [...found].sort();
  },
};
const knownCosts = memoFacet<number>('costs by operation and sizes');

function costKey(document: DocumentNode, input: ExecutionInput): string {
  const variables = input.variableValues ?? {};
  // A list of ids counts by its length: the model reads nothing else of it.
  const size = (value: unknown) => (Array.isArray(value) ? value.length : (value ?? null));
  return JSON.stringify([
    input.operationName ?? null,
    ...facetOf(document, sizeVariables).map((name) => size(variables[name])),
  ]);
}

function rememberedCost(schema: GraphQLSchema, document: DocumentNode, input: ExecutionInput) {
  const key = costKey(document, input);
  const byKey = facetOf(document, knownCosts);
  const known = byKey.get(key);
  if (known !== undefined) return { cost: known, errors: [] as readonly GraphQLError[] };
  const estimate = estimateCost(schema, document, input);
  if (estimate.errors.length === 0 && byKey.size < 100) byKey.set(key, estimate.cost);
  return estimate;
}

/** How many variable errors are reported: the rest would only repeat them. */
const MAX_VARIABLE_ERRORS = 10;
/** Longer messages are cut in the middle, where graphql-js prints the whole invalid value. */
const MAX_MESSAGE_LENGTH = 400;

/** "Variable "$f" got invalid value { …60 KB… }; Field "k0" is not …" keeps its start and its reason. */
function shortMessage(error: GraphQLError): string {
  if (error.message.length <= MAX_MESSAGE_LENGTH) return error.message;
  const reason = error.originalError?.message ?? '';
  return `${error.message.slice(0, Math.max(80, MAX_MESSAGE_LENGTH - reason.length - 10))}…; ${reason}`;
}

/** The variable at fault, and where inside it: `{ field: "f.k0" }` from 'Variable "$f" got invalid value … at "f.k0"; …'. */
function variableField(error: GraphQLError): { field?: string } {
  const inside = /^Variable "\$[^"]*" got invalid value .* at "([^"]+)"; /s.exec(error.message)?.[1];
  const definition = error.nodes?.[0];
  const name = definition?.kind === Kind.VARIABLE_DEFINITION ? definition.variable.name.value : undefined;
  const field = inside ?? name;
  return field ? { field } : {};
}

/**
 * An input object given more keys than its type has fields, found by one walk that prints
 * nothing. graphql-js would report each unknown key printing the whole object, ten times before
 * the cap stops it: still 100 ms for 6 000 keys.
 */
function overfullInputObject(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[],
  values: Record<string, unknown>,
): GraphQLError | null {
  const check = (type: GraphQLInputType, value: unknown, path: string): GraphQLError | null => {
    if (value === null || typeof value !== 'object') return null;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      for (const [index, item] of (Array.isArray(value) ? value : [value]).entries()) {
        const found = check(inner.ofType, item, `${path}[${index}]`);
        if (found) return found;
      }
      return null;
    }
    if (!isInputObjectType(inner) || Array.isArray(value)) return null;
    const fields = inner.getFields();
    const keys = Object.keys(value);
    const known = Object.keys(fields).length;
    if (keys.length > known) {
      return new GraphQLError(`Variable "$${path}" has ${keys.length} fields, but ${inner.name} has only ${known}.`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT, field: path },
      });
    }
    for (const key of keys) {
      const field = fields[key];
      const found = field ? check(field.type, (value as Record<string, unknown>)[key], `${path}.${key}`) : null;
      if (found) return found;
    }
    return null;
  };
  for (const definition of definitions) {
    const type = typeFromAST(schema, definition.type);
    const name = definition.variable.name.value;
    const found = type && isInputType(type) ? check(type, values[name], name) : null;
    if (found) return found;
  }
  return null;
}

/**
 * Coerces the variables once, stopping after a few errors. Without the cap graphql-js reports every
 * unknown key of an input object, each message printing the whole object: quadratic in its size
 * (6 000 keys held the event loop for 25 s), and the cost rule below would do it again.
 */
function variableErrors(schema: GraphQLSchema, document: DocumentNode, input: ExecutionInput): readonly GraphQLError[] {
  const operation = getOperationAST(document, input.operationName);
  if (!operation) return [];
  const overfull = overfullInputObject(schema, operation.variableDefinitions ?? [], input.variableValues ?? {});
  if (overfull) return [overfull];
  const { errors } = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    (input.variableValues ?? {}) as Record<string, unknown>,
    {
      maxErrors: MAX_VARIABLE_ERRORS,
    },
  );
  return (errors ?? []).map((error) => {
    return new GraphQLError(shortMessage(error), {
      nodes: error.nodes,
      extensions: { ...error.extensions, code: ErrorCode.BAD_USER_INPUT, ...variableField(error) },
    });
  });
}

function estimateCost(schema: GraphQLSchema, document: DocumentNode, input: ExecutionInput) {
  let cost = 0;
  const errors = validate(schema, document, [
    createComplexityRule({
      context: input.contextValue as object,
      variableValues: (input.variableValues ?? {}) as Record<string, unknown>,
      operationName: input.operationName ?? null,
      onResult: (result) => {
        cost = Math.max(cost, result.complexity);
      },
    }),
  ]);
  return { cost, errors };
}

/**
 * When the cost model cannot read the arguments of some root fields (a malformed global ID) but
 * can read the others, the cost of the others: the operation then runs, and each faulty field
 * fails alone with its own error at its own path, as any other bad argument does. Null when no
 * root field can be costed on its own.
 */
function costWithoutFaultyRoots(schema: GraphQLSchema, document: DocumentNode, input: ExecutionInput) {
  const operation = getOperationAST(document, input.operationName);
  if (operation?.operation !== 'query') return null;
  const clean = operation.selectionSet.selections.filter(
    (selection) =>
      selection.kind !== Kind.FIELD ||
      estimateCost(schema, withRoots(document, operation, [selection]), input).errors.length === 0,
  );
  if (clean.length === 0 || clean.length === operation.selectionSet.selections.length) return null;
  const estimate = estimateCost(schema, withRoots(document, operation, clean), input);
  return estimate.errors.length ? null : estimate;
}

function withRoots(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  selections: readonly SelectionNode[],
): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.map((definition) =>
      definition === operation ? { ...operation, selectionSet: { ...operation.selectionSet, selections } } : definition,
    ),
  };
}

/** The estimation errors as BAD_USER_INPUT, each with the path of the root field at fault. */
function inputErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  input: ExecutionInput,
  errors: readonly GraphQLError[],
) {
  const operation = getOperationAST(document, input.operationName);
  const roots =
    operation?.selectionSet.selections.filter((selection): selection is FieldNode => selection.kind === Kind.FIELD) ??
    [];
  const faulty = roots.flatMap((root) => {
    const single: DocumentNode = {
      ...document,
      definitions: document.definitions.map((definition) =>
        definition === operation
          ? { ...operation, selectionSet: { ...operation.selectionSet, selections: [root] } }
          : definition,
      ),
    };
    const found = estimateCost(schema, single, input).errors;
    return found.map((error) => ({ error, root }));
  });
  if (faulty.length === 0) return errors.map((error) => apiError(ErrorCode.BAD_USER_INPUT, error.message));
  return faulty.map(
    ({ error, root }) =>
      new GraphQLError(error.message, {
        nodes: [root],
        path: [root.alias?.value ?? root.name.value],
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      }),
  );
}

export function useQueryLimits(limits: Limits, options: { suggestions: boolean }): Plugin[] {
  const rules = [
    maxDepthRule({
      ...reportAs((n) => `The query is nested too deeply (at most ${n} levels).`, limits.depth),
      flattenFragments: true,
    }),
    maxAliasesRule(reportAs((n) => `The query uses too many aliases (at most ${n}).`, limits.aliases)),
    maxDirectivesRule(reportAs((n) => `The query uses too many directives (at most ${n}).`, limits.directives)),
  ];
  const plugins: Plugin[] = [
    maxTokensPlugin({
      n: limits.tokens,
      exposeLimits: true,
      onReject: [
        (_context, error) => {
          Object.assign(error.extensions, { code: ErrorCode.QUERY_TOO_COMPLEX });
        },
      ],
    }) as Plugin,
    {
      onValidate({ addValidationRule }) {
        for (const rule of rules) addValidationRule(rule as never);
      },
    },
    {
      onExecute: checkOperation,
      // A subscription's document is checked once, when it starts: each event then runs it.
      onSubscribe: (payload) => {
        checkOperation(payload);
      },
    },
  ];
  // "Did you mean …" would map the schema for a stranger; only in development.
  if (!options.suggestions) plugins.push(blockFieldSuggestionsPlugin() as Plugin);
  return plugins;

  // Cost depends on variables (`first: $n`, `ids: $ids`): remembered per document and sizes.
  function checkOperation({ args, setResultAndStopExecution }: CheckedOperation) {
    const invalid = variableErrors(args.schema, args.document, args);
    if (invalid.length) {
      costs.set(args.contextValue as object, 0);
      setResultAndStopExecution({
        data: null,
        errors: invalid,
      });
      return;
    }
    let estimate = rememberedCost(args.schema, args.document, args);
    if (estimate.errors.length) estimate = costWithoutFaultyRoots(args.schema, args.document, args) ?? estimate;
    costs.set(args.contextValue as object, estimate.cost);
    if (estimate.errors.length) {
      // Input the cost model could not read (a malformed global ID) is the client's mistake.
      setResultAndStopExecution({ data: null, errors: inputErrors(args.schema, args.document, args, estimate.errors) });
    } else if (estimate.cost > limits.cost) {
      setResultAndStopExecution({
        errors: [
          tooComplex(
            `The query is too expensive (cost ${estimate.cost}, at most ${limits.cost}); ask for fewer items.`,
          ),
        ],
        extensions: { cost: estimate.cost },
      });
    }
    const cost = estimate.cost;
    return {
      onExecuteDone({
        result,
        setResult,
      }: {
        result: ExecutionResult | AsyncIterable<unknown>;
        setResult(next: ExecutionResult): void;
      }) {
        if (!result || Symbol.asyncIterator in result) return;
        setResult(withExtensions(result, { cost }));
      },
    };
  }
}

/** What onExecute and onSubscribe both give: the operation, and a way to answer it instead. */
interface CheckedOperation {
  args: ExecutionInput & { schema: GraphQLSchema; document: DocumentNode; contextValue: unknown };
  setResultAndStopExecution(result: ExecutionResult): void;
}
