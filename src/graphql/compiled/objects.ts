// A row of a table-backed type as one JSON object: exposed columns, the relay `id`, relations
// (a row, or a list in the field's declared order) and the speaker-like unions, each read from
// the field's own declaration (schema-model.ts).
import {
  getNamedType,
  isEnumType,
  isUnionType,
  isListType,
  isNonNullType,
  isScalarType,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type SelectionSetNode,
} from 'graphql';
import { compileConnection } from './connections.ts';
import {
  columnName,
  nodeIdColumn,
  relationOf,
  tableOf,
  unionMembers,
  type Order,
  type RelationModel,
} from './schema-model.ts';
import { collectFields, MAX_KEYS, nextAlias, subSelections, type Scope } from './selection.ts';
import { quoteLiteral, Template, unsupported } from './statement.ts';

/** A constant-width ISO 8601 UTC timestamp, as the DateTime scalar serialises a Date. */
const isoTimestamp = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function scalarExpression(type: GraphQLNamedType, column: string): string {
  if (isEnumType(type)) {
    const cases = type
      .getValues()
      .map((value) => `when ${quoteLiteral(String(value.value))} then ${quoteLiteral(value.name)}`);
    return `(case ${column}::text ${cases.join(' ')} end)`;
  }
  if (!isScalarType(type)) return unsupported('not a leaf');
  switch (type.name) {
    case 'String':
    case 'Int':
    case 'Float':
    case 'Boolean':
      return column;
    case 'DateTime':
      return isoTimestamp(column);
    default:
      return unsupported(`scalar ${type.name}`);
  }
}

/** The JSON object for the row of a concrete, table-backed type under `alias`. */
export function compileObject(
  scope: Scope,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  alias: string,
): Template {
  tableOf(type);
  const fields = collectFields(scope, type, selectionSets);
  if (fields.size > MAX_KEYS) unsupported('too many fields');
  const template = new Template().raw('json_build_object(');
  let index = 0;
  for (const [key, fieldNodes] of fields) {
    template.raw(`${index ? ', ' : ''}${quoteLiteral(key)}, `);
    index += 1;
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') {
      template.raw(quoteLiteral(type.name));
      continue;
    }
    const field = type.getFields()[name] ?? unsupported(`field ${name}`);
    template.append(compileField(scope, type, field, fieldNodes, alias));
  }
  return template.raw(')');
}

function compileField(
  scope: Scope,
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  fieldNodes: readonly FieldNode[],
  alias: string,
): Template {
  const namedType = getNamedType(field.type);
  if (field.name === 'id' && namedType.name === 'ID' && type.getInterfaces().some((i) => i.name === 'Node')) {
    return new Template().raw(
      `encode(convert_to(${quoteLiteral(`${type.name}:`)} || ${alias}.${nodeIdColumn(type)}, 'UTF8'), 'base64')`,
    );
  }
  const exposed = field.extensions?.pothosExposedField;
  if (typeof exposed === 'string' && field.args.length === 0) {
    const column = `${alias}.${columnName(tableOf(type), exposed)}`;
    const listOf = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    if (listOf) {
      if (namedType.name !== 'String') unsupported('a list of non-strings');
      return new Template().raw(`to_json(${column})`);
    }
    return new Template().raw(scalarExpression(namedType, column));
  }
  if (isUnionType(namedType)) {
    return compileUnion(scope, type, field, fieldNodes, alias);
  }
  const relation = relationOf(scope.schema, type, field) ?? unsupported(`field ${type.name}.${field.name}`);
  return compileRelation(scope, relation, field, fieldNodes, alias);
}

function compileUnion(
  scope: Scope,
  parent: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  fieldNodes: readonly FieldNode[],
  alias: string,
): Template {
  const template = new Template().raw('(case');
  for (const member of unionMembers(scope.schema, parent, field)) {
    const child = nextAlias(scope);
    template.raw(` when ${alias}.${member.column} is not null then (select `);
    template.append(compileObject(scope, member.type, subSelections(fieldNodes), child));
    template.raw(` from ${tableOf(member.type).name} ${child} where ${member.join(child, alias)})`);
  }
  return template.raw(' end)');
}

export const orderText = (order: readonly Order[], alias: string) =>
  order.map(([column, direction]) => `${alias}.${column} ${direction}`).join(', ');

function compileRelation(
  scope: Scope,
  relation: RelationModel,
  field: GraphQLField<unknown, unknown>,
  fieldNodes: readonly FieldNode[],
  parent: string,
): Template {
  if (relation.kind === 'connection') return compileConnection(scope, relation, field, fieldNodes, parent, null);
  const table = tableOf(relation.target).name;
  const child = nextAlias(scope);
  const object = compileObject(scope, relation.target, subSelections(fieldNodes), child);
  const template = new Template();
  if (relation.kind === 'one') {
    return template
      .raw('(select ')
      .append(object)
      .raw(` from ${table} ${child} where ${relation.join(child, parent)})`);
  }
  const { orderBy, limit, where } = relation.query;
  if (!orderBy.length) unsupported(`${field.name}: no declared order`);
  const condition = (s: Template) => {
    s.raw(` where ${relation.join(child, parent)}`);
    if (where) {
      const fragment = where(child);
      s.raw(' and ').dynamic((statement) => statement.fragment(fragment));
    }
    return s;
  };
  if (limit === undefined) {
    return condition(
      template
        .raw('coalesce((select json_agg(')
        .append(object)
        .raw(` order by ${orderText(orderBy, child)}) from ${table} ${child}`),
    ).raw("), '[]'::json)");
  }
  const page = nextAlias(scope);
  return condition(
    template
      .raw(
        `coalesce((select json_agg(${page}.j order by ${orderText(
          orderBy.map(([, d], i) => [`o${i}`, d]),
          page,
        )}) from (select `,
      )
      .append(object)
      .raw(` as j, ${orderBy.map(([column], i) => `${child}.${column} as o${i}`).join(', ')} from ${table} ${child}`),
  ).raw(` order by ${orderText(orderBy, child)} limit ${limit}) ${page}), '[]'::json)`);
}
