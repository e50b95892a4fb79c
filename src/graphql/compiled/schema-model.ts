// What the compiled read path knows about the schema, read from the schema itself: a type's
// table from plugin-drizzle's type extensions; a relation field's join from the drizzle
// relation it follows (src/db/relations.ts) and its order, limit and filter from the query the
// field declares, obtained by calling the field's own plugin-drizzle select (the function the
// ordinary path plans with) with a stand-in for the nested selection; which types a global-ID
// argument accepts from the relay plugin's input extensions. Nothing is restated here, so the
// two paths cannot drift apart: what cannot be read becomes a fallback with its reason.
import {
  getColumns,
  getTableName,
  One,
  relationsFilterToSQL,
  type AnyRelation,
  type Column,
  type SQL,
  type Table,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  getNamedType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { relations } from '../../db/relations.ts';
import { builder } from '../builder.ts';
import { Unsupported, unsupported } from './statement.ts';

type AnyField = GraphQLField<unknown, unknown>;
/** An ordering term: a column of the child table, and its direction. */
export type Order = readonly [column: string, direction: 'asc' | 'desc'];
/** Joins a child row (alias `child`) to its parent row (alias `parent`), as SQL text. */
export type Join = (child: string, parent: string) => string;

export interface TypeTable {
  model: string;
  table: Table;
  name: string;
  columns: Record<string, Column>;
}

const tablesByType = new WeakMap<GraphQLNamedType, TypeTable>();

/** The table behind a drizzle object type. */
export function tableOf(type: GraphQLNamedType): TypeTable {
  const known = tablesByType.get(type);
  if (known) return known;
  const model = type.extensions?.pothosDrizzleModel;
  const config =
    typeof model === 'string' ? (relations as unknown as Record<string, { table: Table }>)[model] : undefined;
  if (!config) return unsupported(`type ${type.name} has no table`);
  const typeTable = {
    model: model as string,
    table: config.table,
    name: getTableName(config.table),
    columns: getColumns(config.table) as Record<string, Column>,
  };
  tablesByType.set(type, typeTable);
  return typeTable;
}

/** SQL column name of a drizzle property of the type's table. */
export function columnName(table: TypeTable, property: string): string {
  return table.columns[property]?.name ?? unsupported(`${table.name} has no column ${property}`);
}

/**
 * The column a node type's relay ID encodes: plugin-drizzle keeps the `id` option only inside
 * its resolver, so this is the table's one primary-key column, encoded the relay plugin's
 * default way (base64 of "Type:key") unless the builder configures another encoder.
 */
export function nodeIdColumn(type: GraphQLObjectType): string {
  if ((builder.options.relay as { encodeGlobalID?: unknown } | undefined)?.encodeGlobalID)
    unsupported('global IDs encoded by a custom function');
  const keys = Object.values(tableOf(type).columns).filter((column) => column.primary);
  return keys.length === 1 ? keys[0]!.name : unsupported(`${type.name}.id is not one column`);
}

/** Decodes a global ID as the relay plugin is configured to, accepting only the given types. */
export function decodeNodeId(value: unknown, accepted: readonly string[]): { typename: string; id: string } {
  if (typeof value !== 'string') return unsupported('an ID that is not a string');
  type Decode = (id: string, context: object) => { typename: string; id: string };
  const decode = (builder.options.relay as { decodeGlobalID?: Decode } | undefined)?.decodeGlobalID ?? decodeGlobalID;
  let decoded: { typename: string; id: string };
  try {
    decoded = decode(value, {});
  } catch {
    return unsupported('an ID the ordinary path rejects');
  }
  if (!accepted.includes(decoded.typename)) unsupported('an ID of another type');
  return decoded;
}

/** The types a global-ID argument or input field accepts, as the relay plugin recorded them. */
export function acceptedIdTypes(input: GraphQLArgument | GraphQLInputField): readonly string[] {
  const accepted = input.extensions?.relayGlobalIDFor as { typename: string }[] | null | undefined;
  if (!input.extensions?.isRelayGlobalID || !accepted) return unsupported(`${input.name} accepts IDs of any type`);
  return accepted.map((type) => type.typename);
}

/** The query a relation field gives the resolver, for one set of arguments. */
export interface RelationQuery {
  orderBy: readonly Order[];
  limit?: number;
  /** The field's filter over the child rows under `alias`. */
  where?: (alias: string) => SQL;
}

export type RelationModel =
  /** A single related row, or null. */
  | { kind: 'one'; target: GraphQLObjectType; join: Join }
  /** All related rows (at most `limit`), as the field's query orders and filters them. */
  | { kind: 'list'; target: GraphQLObjectType; join: Join; query: RelationQuery }
  /** A page: `query(args)` is the page's query, its limit one row past the page. */
  | {
      kind: 'connection';
      target: GraphQLObjectType;
      join: Join;
      query: (args: Record<string, unknown>) => RelationQuery;
    };

type Select = (
  args: object,
  context: object,
  nested: (query: unknown, ...rest: unknown[]) => unknown,
  selection?: () => Set<string>,
) => unknown;

/**
 * The request context a declaration is read with: plans are shared by every request, so a
 * declaration that reads the context (who is asking) cannot be compiled, and says so.
 */
const noContext = new Proxy({}, { get: () => unsupported('a relation query that reads the request context') });

/** Calls a field's plugin-drizzle select with a nested selection that hands back its query. */
function declaredSelection(field: AnyField, args: object): Record<string, unknown> {
  const select = field.extensions?.pothosDrizzleSelect as Select | undefined;
  if (typeof select !== 'function') return unsupported(`${field.name} declares no relation`);
  let selection: unknown;
  try {
    selection = select(
      args,
      noContext,
      (query, _path, typename) => typename ?? query,
      () => new Set(['nodes']),
    );
  } catch (error) {
    if (error instanceof Unsupported) throw error;
    // The field's own query rejected the arguments (a cursor of another list, a page too large).
    return unsupported(`${field.name}: ${(error as Error)?.message ?? 'arguments rejected'}`);
  }
  const withs = (selection as { with?: Record<string, unknown> } | undefined)?.with;
  if (!withs || typeof (selection as { then?: unknown }).then === 'function')
    return unsupported(`${field.name}: selection not readable`);
  return withs;
}

function drizzleRelation(table: TypeTable, name: string): AnyRelation {
  const relation = (relations as unknown as Record<string, { relations: Record<string, AnyRelation> }>)[table.model]
    ?.relations[name];
  if (!relation) return unsupported(`${table.model}.${name} is not a relation`);
  if (relation.throughTable) unsupported(`${table.model}.${name} runs through a junction table`);
  if (relation.where) unsupported(`${table.model}.${name} has a filter of its own`);
  return relation;
}

function joinOf(relation: AnyRelation): Join {
  const pairs = relation.sourceColumns.map(
    (source, index) => [source.name, relation.targetColumns[index]!.name] as const,
  );
  return (child, parent) => pairs.map(([source, target]) => `${child}.${target} = ${parent}.${source}`).join(' and ');
}

function readQuery(fieldName: string, target: TypeTable, query: unknown): RelationQuery {
  const { orderBy, limit, where, extras, with: nested, ...rest } = (query ?? {}) as Record<string, unknown>;
  void rest; // columns and the like: what the ordinary path loads, not what it returns
  if (extras || nested) unsupported(`${fieldName}: extra selections in its query`);
  if (orderBy !== undefined && (typeof orderBy !== 'object' || orderBy === null || Array.isArray(orderBy)))
    unsupported(`${fieldName}: an order given as code`);
  const order = Object.entries((orderBy ?? {}) as Record<string, unknown>).map(([property, direction]) =>
    direction === 'asc' || direction === 'desc'
      ? ([columnName(target, property), direction] as const)
      : unsupported(`${fieldName}: order ${String(direction)}`),
  );
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit)))
    unsupported(`${fieldName}: limit`);
  const filter = where && typeof where === 'object' && Object.keys(where).length ? where : undefined;
  const tableRelations = (relations as unknown as Record<string, { relations: Record<string, AnyRelation> }>)[
    target.model
  ]!.relations;
  return {
    orderBy: order,
    ...(limit === undefined ? {} : { limit: limit as number }),
    ...(filter
      ? {
          where: (at: string) =>
            relationsFilterToSQL(
              alias(target.table as never, at) as never,
              filter as never,
              tableRelations,
              relations as never,
            ) ?? unsupported(`${fieldName}: filter`),
        }
      : {}),
  };
}

const relationModels = new WeakMap<AnyField, RelationModel | null>();

/** The relation a field follows, as it declares it; null when the field declares none. */
export function relationOf(schema: GraphQLSchema, parent: GraphQLObjectType, field: AnyField): RelationModel | null {
  if (relationModels.has(field)) return relationModels.get(field)!;
  let model: RelationModel | null = null;
  if (typeof field.extensions?.pothosDrizzleSelect === 'function' && !field.extensions?.pothosExposedField) {
    const named = getNamedType(field.type);
    const connection = isObjectType(named) && 'edges' in named.getFields() && 'pageInfo' in named.getFields();
    const read = (args: object) => {
      const withs = declaredSelection(field, args);
      const names = Object.keys(withs);
      if (names.length !== 1) unsupported(`${parent.name}.${field.name} selects ${names.length} relations`);
      return [names[0]!, withs[names[0]!]] as const;
    };
    const [name, query] = read(connection ? { first: 1 } : {});
    const relation = drizzleRelation(tableOf(parent), name);
    const targetName = connection ? getNamedType((named as GraphQLObjectType).getFields().nodes!.type) : named;
    const target = schema.getType(targetName.name);
    if (!target || !isObjectType(target) || tableOf(target).table !== relation.targetTable)
      unsupported(`${parent.name}.${field.name}: type and relation disagree`);
    const targetTable = tableOf(target!);
    const join = joinOf(relation);
    const label = `${parent.name}.${field.name}`;
    if (connection) {
      model = {
        kind: 'connection',
        target: target as GraphQLObjectType,
        join,
        query: (args) => readQuery(label, targetTable, read(args)[1]),
      };
    } else if (relation instanceof One) {
      if (Object.keys(readQuery(label, targetTable, query)).length > 1)
        unsupported(`${label}: a query on a single row`);
      model = { kind: 'one', target: target as GraphQLObjectType, join };
    } else {
      model = { kind: 'list', target: target as GraphQLObjectType, join, query: readQuery(label, targetTable, query) };
    }
  }
  relationModels.set(field, model);
  return model;
}

export interface UnionMember {
  type: GraphQLObjectType;
  /** The parent's column that is set when this member is the answer. */
  column: string;
  join: Join;
}

/** A union field whose select loads one relation per member type (Quote.speaker), in resolve order. */
export function unionMembers(schema: GraphQLSchema, parent: GraphQLObjectType, field: AnyField): UnionMember[] {
  const withs = declaredSelection(field, {});
  const parentTable = tableOf(parent);
  return Object.entries(withs).map(([name, typename]) => {
    const type = typeof typename === 'string' ? schema.getType(typename) : undefined;
    if (!type || !isObjectType(type)) return unsupported(`${parent.name}.${field.name}: member ${String(typename)}`);
    const relation = drizzleRelation(parentTable, name);
    if (!(relation instanceof One) || relation.sourceColumns.length !== 1)
      unsupported(`${parent.name}.${field.name}: member relation ${name}`);
    return { type, column: relation.sourceColumns[0]!.name, join: joinOf(relation) };
  });
}

/** Why a field is not compiled, or null when it is: exposed columns, the relay id, relations and unions read as above. */
export function fieldFallback(schema: GraphQLSchema, parent: GraphQLObjectType, field: AnyField): string | null {
  try {
    tableOf(parent);
    const named = getNamedType(field.type);
    if (field.name === 'id' && named.name === 'ID') {
      nodeIdColumn(parent); // throws Unsupported when the type has no id column
      return null;
    }
    if (typeof field.extensions?.pothosExposedField === 'string') return null;
    if (isUnionType(named)) {
      unionMembers(schema, parent, field); // throws Unsupported when a member cannot be read
      return null;
    }
    return relationOf(schema, parent, field) ? null : `field ${parent.name}.${field.name}`;
  } catch (error) {
    if (error instanceof Unsupported) return error.reason;
    throw error;
  }
}
