// Compiles a read operation into one SQL statement per root field that builds the field's
// JSON answer inside PostgreSQL (json_build_object / json_agg), the way the ordinary path's
// single statement per root field already fetches it, minus the work in between: no selection
// mapping, no relational query building, no resolver per field. The plan is made once per
// document and operation; a request only evaluates arguments and fills in parameters.
//
// What is compiled is read from the schema (schema-model.ts): the root fields in roots.ts,
// relation fields as they declare themselves, exposed columns, `id`, `__typename`, connections
// paged forward with `first` and `after`, cursors included. Anything else — another field, a cursor, a directive, an argument
// the ordinary path would reject — makes the whole operation run the ordinary way, with the
// reason, so errors and edge cases keep exactly one implementation.
import {
  getOperationAST,
  isNonNullType,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { facetOf, memoFacet } from '../../document/analysis.ts';
import { fragmentsOf } from '../../document/selections.ts';
import { compileObject } from './objects.ts';
import { rootFields } from './roots.ts';
import { collectFields, type Scope } from './selection.ts';
import { Statement, Template, Unsupported, unsupported, type StatementText, type Variables } from './statement.ts';

export type { StatementText } from './statement.ts';

export interface CompiledRootField {
  responseName: string;
  fieldNodes: readonly FieldNode[];
  nullable: boolean;
  /** The statement answering this field as one text column `v` holding JSON; null: a constant. */
  statement: ((variables: Variables) => StatementText) | null;
  /** The answer of a field that needs no SQL (`__typename`). */
  constant?: unknown;
  /** Whether the answer carries cursors to spell out (cursors.ts). */
  cursors?: boolean;
}

export interface CompiledOperation {
  operation: OperationDefinitionNode;
  rootFields: CompiledRootField[];
}

function compileOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): CompiledOperation {
  if (operation.operation !== 'query') unsupported(`a ${operation.operation}`);
  if (operation.directives?.length) unsupported('a directive');
  const scope: Scope = { schema, fragments: fragmentsOf(document), aliases: 0, cursors: false, object: compileObject };
  const queryType = schema.getQueryType() ?? unsupported('no query type');
  const compiled: CompiledRootField[] = [];
  for (const [responseName, fieldNodes] of collectFields(scope, queryType, [operation.selectionSet])) {
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') {
      compiled.push({ responseName, fieldNodes, nullable: false, statement: null, constant: queryType.name });
      continue;
    }
    const field = queryType.getFields()[name] ?? unsupported(`root field ${name}`);
    const compile = rootFields[name] ?? unsupported(`root field ${name}`);
    scope.cursors = false;
    const template = new Template()
      .raw('select (')
      .append(compile(scope, field, fieldNodes))
      .raw(')::text as v');
    compiled.push({
      responseName,
      fieldNodes,
      nullable: !isNonNullType(field.type),
      cursors: scope.cursors,
      statement: (variables) => {
        const statement = new Statement();
        template.write(statement, variables);
        return statement.build();
      },
    });
  }
  return { operation, rootFields: compiled };
}

/** A plan, or why the operation runs the ordinary way. */
export type PlanOutcome = { plan: CompiledOperation; fallback?: undefined } | { plan: null; fallback: string };

/** Plans by operation name, kept with the document's other analysis (src/document/analysis.ts). */
const compiledPlans = memoFacet<PlanOutcome>('compiled plans');

/**
 * The compiled plan of an operation, or the reason it must run the ordinary way. Plans are kept
 * with the parsed document (Yoga reuses the document of a query text it has seen).
 */
export function planOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): PlanOutcome {
  const byName = facetOf(document, compiledPlans);
  const key = operationName ?? '';
  const known = byName.get(key);
  if (known) return known;
  const operation = getOperationAST(document, operationName);
  let outcome: PlanOutcome = { plan: null, fallback: 'no such operation' };
  if (operation) {
    try {
      outcome = { plan: compileOperation(schema, document, operation) };
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      outcome = { plan: null, fallback: error.reason };
    }
  }
  byName.set(key, outcome);
  return outcome;
}

/** The compiled plan of an operation, or null when it must run the ordinary way. */
export function compiledOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): CompiledOperation | null {
  return planOperation(schema, document, operationName).plan;
}

/** Fills in a root field's statement for these variables; a string (the reason) when its arguments are not compiled. */
export function rootStatement(field: CompiledRootField, variables: Variables): StatementText | string | null {
  try {
    return field.statement ? field.statement(variables) : null;
  } catch (error) {
    if (error instanceof Unsupported) return error.reason;
    throw error;
  }
}
