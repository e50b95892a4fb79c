// Runs a compiled operation: one statement per root field, each returning its field's JSON.
// The statements go to the driver directly; lookups by key are prepared by name on PostgreSQL so
// the server plans each shape once per connection.
import { locatedError, type ExecutionResult, type GraphQLError, type GraphQLSchema, type DocumentNode } from 'graphql';
import { getVariableValues } from 'graphql';
import { rowsOf, type Database } from '../../db/client.ts';
import { countStatement } from '../../db/statements.ts';
import { planOperation, rootStatement, type StatementText } from './compile.ts';
import { spellCursors } from './cursors.ts';
import { rawResult } from './raw-result.ts';

interface PostgresJsClient {
  unsafe(query: string, params: unknown[], options: { prepare: boolean }): Promise<Record<string, unknown>[]>;
}
interface PGliteClient {
  query(query: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** The JSON text of one root field's answer, cursors spelled out; `null` when the row is missing. */
async function runJson(db: Database, { sql: text, params, prepare }: StatementText, cursors: boolean): Promise<string> {
  const client = (db as unknown as { $client: PostgresJsClient | PGliteClient }).$client;
  countStatement();
  const result = 'unsafe' in client ? await client.unsafe(text, params, { prepare }) : await client.query(text, params);
  const value = rowsOf<{ v: unknown }>(result)[0]?.v;
  if (typeof value !== 'string') return 'null';
  return cursors ? spellCursors(value) : value;
}

export interface CompiledExecution {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
  db: Database;
}

/** The compiled answer, or why the operation runs the ordinary way. */
export type CompiledOutcome = { result: ExecutionResult; fallback?: undefined } | { result: null; fallback: string };

/**
 * The operation's result, or the reason it is not compiled (unknown fields, arguments the
 * ordinary path would reject, invalid variables): the caller then executes it the ordinary way.
 */
export async function executeCompiled({
  schema,
  document,
  operationName,
  variableValues,
  db,
}: CompiledExecution): Promise<CompiledOutcome> {
  const { plan, fallback } = planOperation(schema, document, operationName);
  if (!plan) return { result: null, fallback };
  const { coerced, errors } = getVariableValues(
    schema,
    plan.operation.variableDefinitions ?? [],
    variableValues ?? {},
    {
      // Any error sends the operation down the ordinary path; counting more would cost time per error.
      maxErrors: 1,
    },
  );
  if (errors?.length || !coerced) return { result: null, fallback: 'variables that do not coerce' };
  const statements: (StatementText | null)[] = [];
  for (const field of plan.rootFields) {
    const statement = rootStatement(field, coerced);
    if (typeof statement === 'string') return { result: null, fallback: statement };
    statements.push(statement);
  }
  const settled = await Promise.allSettled(
    statements.map((statement, index) =>
      statement ? runJson(db, statement, !!plan.rootFields[index]!.cursors) : null,
    ),
  );
  if (settled.every((outcome) => outcome.status === 'fulfilled')) {
    // The usual case: the answer goes out as the text PostgreSQL wrote (see raw-result.ts).
    const parts = plan.rootFields.map((field, index) => {
      const text = field.statement ? (settled[index] as PromiseFulfilledResult<string | null>).value : null;
      return `${JSON.stringify(field.responseName)}:${text ?? JSON.stringify(field.constant ?? null)}`;
    });
    return { result: rawResult(`{${parts.join(',')}}`) };
  }
  const data: Record<string, unknown> = {};
  const fieldErrors: GraphQLError[] = [];
  let nullData = false;
  plan.rootFields.forEach((field, index) => {
    const outcome = settled[index]!;
    if (outcome.status === 'fulfilled') {
      data[field.responseName] = field.statement ? JSON.parse(outcome.value ?? 'null') : field.constant;
      return;
    }
    fieldErrors.push(locatedError(outcome.reason, field.fieldNodes, [field.responseName]));
    data[field.responseName] = null;
    if (!field.nullable) nullData = true;
  });
  return { result: { data: nullData ? null : data, errors: fieldErrors } };
}
