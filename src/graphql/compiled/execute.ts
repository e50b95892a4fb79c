// Runs a compiled operation: one statement per root field, each returning its field's JSON.
// The statements go to the driver directly; lookups by key are prepared by name on PostgreSQL so
// the server plans each shape once per connection.
import { locatedError, type ExecutionResult, type GraphQLError, type GraphQLSchema, type DocumentNode } from 'graphql';
import { getVariableValues } from 'graphql';
import { rowsOf, type Database } from '../../db/client.ts';
import { countStatement } from '../../db/statements.ts';
import { compiledOperation, rootStatement, type StatementText } from './compile.ts';

interface PostgresJsClient {
  unsafe(query: string, params: unknown[], options: { prepare: boolean }): Promise<Record<string, unknown>[]>;
}
interface PGliteClient {
  query(query: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

async function runJson(db: Database, { sql: text, params, prepare }: StatementText): Promise<unknown> {
  const client = (db as unknown as { $client: PostgresJsClient | PGliteClient }).$client;
  countStatement();
  const result = 'unsafe' in client ? await client.unsafe(text, params, { prepare }) : await client.query(text, params);
  const value = rowsOf<{ v: unknown }>(result)[0]?.v;
  return typeof value === 'string' ? JSON.parse(value) : null;
}

export interface CompiledExecution {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
  db: Database;
}

/**
 * The operation's result, or null when it is not compiled (unknown fields, arguments the
 * ordinary path would reject, invalid variables): the caller then executes it the ordinary way.
 */
export async function executeCompiled({ schema, document, operationName, variableValues, db }: CompiledExecution): Promise<ExecutionResult | null> {
  const plan = compiledOperation(schema, document, operationName);
  if (!plan) return null;
  const { coerced, errors } = getVariableValues(schema, plan.operation.variableDefinitions ?? [], variableValues ?? {}, {
    // Any error sends the operation down the ordinary path; counting more would cost time per error.
    maxErrors: 1,
  });
  if (errors?.length || !coerced) return null;
  const statements: (StatementText | null)[] = [];
  for (const field of plan.rootFields) {
    const statement = rootStatement(field, coerced);
    if (field.statement && !statement) return null;
    statements.push(statement);
  }
  const settled = await Promise.allSettled(statements.map((statement) => (statement ? runJson(db, statement) : null)));
  const data: Record<string, unknown> = {};
  const fieldErrors: GraphQLError[] = [];
  let nullData = false;
  plan.rootFields.forEach((field, index) => {
    const outcome = settled[index]!;
    if (outcome.status === 'fulfilled') {
      data[field.responseName] = field.statement ? outcome.value : field.constant;
      return;
    }
    fieldErrors.push(locatedError(outcome.reason, field.fieldNodes, [field.responseName]));
    data[field.responseName] = null;
    if (!field.nullable) nullData = true;
  });
  return fieldErrors.length ? { data: nullData ? null : data, errors: fieldErrors } : { data };
}
