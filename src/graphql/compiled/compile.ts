// Compiles a read operation into one SQL statement per root field that builds the field's
// JSON answer inside PostgreSQL (json_build_object / json_agg), the way the ordinary path's
// single statement per root field already fetches it, minus the work in between: no selection
// mapping, no relational query building, no resolver per field. The plan is made once per
// document and operation; a request only evaluates arguments and fills in parameters.
//
// Only what the compiler knows is compiled: the root fields below, the relations in
// read-model.ts, exposed columns, `id`, `__typename`, connections paged forward with `first`.
// Anything else — another field, a cursor, `after`, a directive, an argument the ordinary path
// would reject — returns `null` (the whole operation runs the ordinary way), so errors and
// edge cases keep exactly one implementation.
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import {
  getArgumentValues,
  getOperationAST,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  visit,
} from 'graphql';
import { articles, organizations, people, quotes } from '../../db/schema.ts';
import { articleCondition, articleCount } from '../article.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.ts';
import { entityLookupCondition, lookupOrder } from '../entity-lookup.ts';
import { decodeCanonicalGlobalID } from '../global-ids.ts';
import { quoteCondition, quoteCount } from '../quote-filter.ts';
import { fragmentsOf } from '../../document/selections.ts';
import { columnName, NEWEST_ARTICLES, NEWEST_QUOTES, OLDEST_ARTICLES, OLDEST_QUOTES, readModel, tableName, type Order, type RelationModel, type TypeModel } from './read-model.ts';

/** Thrown while compiling or filling in a plan: this operation takes the ordinary path. */
class Unsupported extends Error {}
const unsupported = (why: string): never => {
  throw new Unsupported(why);
};

type Variables = Record<string, unknown>;

const dialect = new PgDialect();

/** SQL text and its parameters, ready for the driver. */
export interface StatementText {
  sql: string;
  params: unknown[];
  /**
   * Whether the server may keep one plan for every value of the parameters (a named prepared
   * statement): true for lookups by key. Full-text search and ranges are planned for their
   * values each time: a plan made for a common word is a disaster for a rare one.
   */
  prepare: boolean;
}

/** A statement under construction: SQL text and parameters, drizzle fragments rendered into it. */
class Statement {
  private text = '';
  private readonly params: unknown[] = [];
  private planOnce = true;

  /** Plan this statement for its parameter values every time (see StatementText.prepare). */
  planPerValue(): this {
    this.planOnce = false;
    return this;
  }

  raw(text: string): this {
    this.text += text;
    return this;
  }

  param(value: unknown): this {
    this.params.push(value);
    this.text += `$${this.params.length}`;
    return this;
  }

  /** A condition built with drizzle (shared with the ordinary path), its parameters renumbered. */
  fragment(fragment: SQL): this {
    const rendered = dialect.sqlToQuery(fragment);
    const offset = this.params.length;
    this.text += offset ? rendered.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`) : rendered.sql;
    this.params.push(...rendered.params);
    return this;
  }

  build(): StatementText {
    return { sql: this.text, params: this.params, prepare: this.planOnce };
  }
}

/** The part of a statement that depends on the request's variables. */
type Dynamic = (statement: Statement, variables: Variables) => void;

/**
 * SQL text known when the operation is compiled, with holes for what the variables decide.
 * Table aliases are fixed at compile time, so whatever does not depend on an argument is one
 * string made once.
 */
class Template {
  readonly parts: (string | Dynamic)[] = [];

  raw(text: string): this {
    const last = this.parts.length - 1;
    if (typeof this.parts[last] === 'string') this.parts[last] += text;
    else this.parts.push(text);
    return this;
  }

  dynamic(part: Dynamic): this {
    this.parts.push(part);
    return this;
  }

  append(template: Template): this {
    for (const part of template.parts) {
      if (typeof part === 'string') this.raw(part);
      else this.dynamic(part);
    }
    return this;
  }

  get isStatic(): boolean {
    return this.parts.every((part) => typeof part === 'string');
  }

  write(statement: Statement, variables: Variables): void {
    for (const part of this.parts) {
      if (typeof part === 'string') statement.raw(part);
      else part(statement, variables);
    }
  }
}

export interface CompiledRootField {
  responseName: string;
  fieldNodes: readonly FieldNode[];
  nullable: boolean;
  /** The statement answering this field as one text column `v` holding JSON; null: a constant. */
  statement: ((variables: Variables) => StatementText) | null;
  /** The answer of a field that needs no SQL (`__typename`). */
  constant?: unknown;
}

export interface CompiledOperation {
  operation: OperationDefinitionNode;
  rootFields: CompiledRootField[];
}

interface Scope {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  /** Table aliases handed out so far in this operation. */
  aliases: number;
}

function nextAlias(scope: Scope): string {
  scope.aliases += 1;
  return `t${scope.aliases}`;
}

/** The fields a selection set selects on a concrete type, by response name, as graphql-js collects them. */
function collectFields(
  scope: Scope,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  into = new Map<string, FieldNode[]>(),
  visited = new Set<string>(),
): Map<string, FieldNode[]> {
  const applies = (condition: string | undefined) => {
    if (!condition || condition === type.name) return true;
    const conditionType = scope.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && scope.schema.isSubType(conditionType, type);
  };
  for (const selectionSet of selectionSets) {
    for (const selection of selectionSet.selections) {
      if (selection.directives?.length) unsupported('directive');
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = into.get(key);
        if (list) list.push(selection);
        else into.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) collectFields(scope, type, [selection.selectionSet], into, visited);
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = scope.fragments.get(name) ?? unsupported('unknown fragment');
        if (applies(fragment.typeCondition.name.value)) collectFields(scope, type, [fragment.selectionSet], into, visited);
      }
    }
  }
  return into;
}

function subSelections(fieldNodes: readonly FieldNode[]): SelectionSetNode[] {
  return fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** `json_build_object` takes at most 100 arguments. */
const MAX_KEYS = 50;

/** A constant-width ISO 8601 UTC timestamp, as the DateTime scalar serialises a Date. */
const isoTimestamp = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function scalarExpression(type: GraphQLNamedType, column: string): string {
  if (isEnumType(type)) {
    const cases = type.getValues().map((value) => `when ${quoteLiteral(String(value.value))} then ${quoteLiteral(value.name)}`);
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
function compileObject(scope: Scope, type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[], alias: string): Template {
  const model = readModel[type.name] ?? unsupported(`type ${type.name}`);
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
    template.append(compileField(scope, type, model, field, fieldNodes, alias));
  }
  return template.raw(')');
}

function compileField(
  scope: Scope,
  type: GraphQLObjectType,
  model: TypeModel,
  field: GraphQLField<unknown, unknown>,
  fieldNodes: readonly FieldNode[],
  alias: string,
): Template {
  const namedType = getNamedType(field.type);
  if (field.name === 'id' && namedType.name === 'ID' && type.getInterfaces().some((i) => i.name === 'Node')) {
    return new Template().raw(`encode(convert_to(${quoteLiteral(`${type.name}:`)} || ${alias}.id, 'UTF8'), 'base64')`);
  }
  const relation = model.relations[field.name];
  if (relation) return compileRelation(scope, relation, field, fieldNodes, alias);
  const union = model.unions?.[field.name];
  if (union) return compileUnion(scope, union, fieldNodes, alias);
  const exposed = field.extensions?.pothosExposedField;
  if (typeof exposed === 'string' && field.args.length === 0) {
    const column = `${alias}.${columnName(model, exposed) ?? unsupported(`column ${exposed}`)}`;
    const listOf = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    if (listOf) {
      if (namedType.name !== 'String') unsupported('list of non-strings');
      return new Template().raw(`to_json(${column})`);
    }
    return new Template().raw(scalarExpression(namedType, column));
  }
  return unsupported(`field ${type.name}.${field.name}`);
}

function targetType(scope: Scope, typename: string): GraphQLObjectType {
  const type = scope.schema.getType(typename);
  return type && isObjectType(type) ? type : unsupported(`type ${typename}`);
}

function tableOf(typename: string): string {
  return tableName(readModel[typename] ?? unsupported(`type ${typename}`));
}

function compileUnion(
  scope: Scope,
  members: readonly { typename: string; column: string }[],
  fieldNodes: readonly FieldNode[],
  alias: string,
): Template {
  const template = new Template().raw('(case');
  for (const member of members) {
    const child = nextAlias(scope);
    template.raw(` when ${alias}.${member.column} is not null then (select `);
    template.append(compileObject(scope, targetType(scope, member.typename), subSelections(fieldNodes), child));
    template.raw(` from ${tableOf(member.typename)} ${child} where ${child}.id = ${alias}.${member.column})`);
  }
  return template.raw(' end)');
}

const orderText = (order: readonly Order[], alias: string) => order.map(([column, direction]) => `${alias}.${column} ${direction}`).join(', ');

function compileRelation(
  scope: Scope,
  relation: RelationModel,
  field: GraphQLField<unknown, unknown>,
  fieldNodes: readonly FieldNode[],
  parent: string,
): Template {
  if (relation.kind === 'connection') return compileConnection(scope, relation, field, fieldNodes, parent, null);
  if (getNamedType(field.type).name !== relation.target) unsupported('relation type');
  const type = targetType(scope, relation.target);
  const table = tableOf(relation.target);
  const child = nextAlias(scope);
  const object = compileObject(scope, type, subSelections(fieldNodes), child);
  const template = new Template();
  if (relation.kind === 'one') {
    return template.raw('(select ').append(object).raw(` from ${table} ${child} where ${relation.join(child, parent)})`);
  }
  if (relation.limit === undefined) {
    return template
      .raw('coalesce((select json_agg(')
      .append(object)
      .raw(` order by ${orderText(relation.orderBy, child)}) from ${table} ${child} where ${relation.join(child, parent)}), '[]'::json)`);
  }
  const page = nextAlias(scope);
  return template
    .raw(`coalesce((select json_agg(${page}.j order by ${orderText(relation.orderBy.map(([, d], i) => [`o${i}`, d]), page)}) from (select `)
    .append(object)
    .raw(` as j, ${relation.orderBy.map(([column], i) => `${child}.${column} as o${i}`).join(', ')} from ${table} ${child}`)
    .raw(` where ${relation.join(child, parent)} order by ${orderText(relation.orderBy, child)} limit ${relation.limit}) ${page}), '[]'::json)`);
}

/** The page size a connection is asked for; unsupported when the ordinary path would refuse it. */
function pageSize(args: Record<string, unknown>): number {
  if (args.after != null || args.before != null || args.last != null) unsupported('backward or cursor paging');
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) unsupported('page size');
  return first as number;
}

/** Which of a root connection's rows, in what order, and how many match in all. */
interface RootSource {
  where: SQL | undefined;
  orderBy: readonly Order[];
  count: () => SQL;
  /** Whether one plan suits every value of the condition's parameters (keys only). */
  keyedOnly: boolean;
}

/** Whether a field's arguments are all literals: then they are read once, at compile time. */
function usesVariables(fieldNode: FieldNode): boolean {
  let found = false;
  visit({ ...fieldNode, selectionSet: undefined }, {
    Variable() {
      found = true;
    },
  });
  return found;
}

/**
 * A connection: nested (`relation`, joined to the parent row) or at the root (`root` gives the
 * rows for the arguments). The answer is one JSON object with the selected keys of the
 * connection: totalCount, nodes, edges { node }, pageInfo { hasNextPage, hasPreviousPage }.
 */
function compileConnection(
  scope: Scope,
  relation: Extract<RelationModel, { kind: 'connection' }> | null,
  field: GraphQLField<unknown, unknown>,
  fieldNodes: readonly FieldNode[],
  parent: string,
  root: ((args: Record<string, unknown>) => RootSource) | null,
): Template {
  const connectionType = getNamedType(field.type);
  if (!isObjectType(connectionType)) return unsupported('connection type');
  const nodesField = connectionType.getFields().nodes ?? unsupported('connection nodes');
  const nodeType = targetType(scope, relation?.target ?? getNamedType(nodesField.type).name);
  const edgeType = getNamedType(connectionType.getFields().edges?.type ?? unsupported('edges'));
  if (!isObjectType(edgeType)) return unsupported('edge type');
  const child = root ? `"${tableOf(nodeType.name)}"` : nextAlias(scope);
  const page = nextAlias(scope);
  const counted = nextAlias(scope);
  const nodeObjects: Template[] = [];
  type Part = { key: string; kind: 'typename' | 'totalCount' | 'nodes' | 'edges' | 'pageInfo'; node?: number; sub?: { key: string; kind: string }[] };
  const parts: Part[] = [];
  let wantsPageInfo = false;
  for (const [key, nodes] of collectFields(scope, connectionType, subSelections(fieldNodes))) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') parts.push({ key, kind: 'typename' });
    else if (name === 'totalCount') parts.push({ key, kind: 'totalCount' });
    else if (name === 'nodes') {
      nodeObjects.push(compileObject(scope, nodeType, subSelections(nodes), child));
      parts.push({ key, kind: 'nodes', node: nodeObjects.length - 1 });
    } else if (name === 'edges') {
      const sub: { key: string; kind: string }[] = [];
      let node: number | undefined;
      for (const [edgeKey, edgeNodes] of collectFields(scope, edgeType, subSelections(nodes))) {
        const edgeField = edgeNodes[0]!.name.value;
        if (edgeField === '__typename') sub.push({ key: edgeKey, kind: 'typename' });
        else if (edgeField === 'node') {
          nodeObjects.push(compileObject(scope, nodeType, subSelections(edgeNodes), child));
          node = nodeObjects.length - 1;
          sub.push({ key: edgeKey, kind: 'node' });
        } else unsupported(`edge field ${edgeField}`);
      }
      parts.push({ key, kind: 'edges', sub, ...(node === undefined ? {} : { node }) });
    } else if (name === 'pageInfo') {
      const sub: { key: string; kind: string }[] = [];
      for (const [infoKey, infoNodes] of collectFields(scope, targetType(scope, 'PageInfo'), subSelections(nodes))) {
        const infoField = infoNodes[0]!.name.value;
        if (infoField === '__typename' || infoField === 'hasNextPage' || infoField === 'hasPreviousPage') {
          sub.push({ key: infoKey, kind: infoField });
        } else unsupported(`pageInfo field ${infoField}`);
      }
      wantsPageInfo = true;
      parts.push({ key, kind: 'pageInfo', sub });
    } else unsupported(`connection field ${name}`);
  }
  if (parts.length > MAX_KEYS) unsupported('too many fields');
  const fieldNode = fieldNodes[0]!;
  const target = tableOf(nodeType.name);
  const orderFor = (source: RootSource | null) => source?.orderBy ?? relation!.orderBy;
  const filterArguments = Object.keys(relation?.filters ?? {});
  if (!root) {
    for (const argument of field.args) {
      if (!['first', 'last', 'after', 'before', ...filterArguments].includes(argument.name)) unsupported(`argument ${argument.name}`);
    }
  }

  /** The text of the connection for its arguments, nested node objects included. */
  const write = (s: Statement, variables: Variables, args: Record<string, unknown>) => {
    const first = pageSize(args);
    const source = root ? root(args) : null;
    if (source && !source.keyedOnly) s.planPerValue();
    const orderBy = orderFor(source);
    const filters: [column: string, value: unknown][] = [];
    for (const argument of filterArguments) {
      if (args[argument] != null) filters.push([relation!.filters![argument]!, args[argument]]);
    }
    /** The rows' condition: the join to the parent (nested) or the root field's filter. */
    const writeCondition = (alias: string) => {
      if (source) {
        if (source.where) s.fragment(source.where);
        else s.raw('true');
        return;
      }
      s.raw(relation!.join(alias, parent));
      for (const [column, value] of filters) s.raw(` and ${alias}.${column} = `).param(value);
    };
    const aggregateOrder = orderText(orderBy.map(([, direction], index) => [`o${index}`, direction] as const), page);
    const onPage = wantsPageInfo ? ` filter (where ${page}.rn <= ${first})` : '';
    s.raw('(select json_build_object(');
    parts.forEach((part, index) => {
      s.raw(`${index ? ', ' : ''}${quoteLiteral(part.key)}, `);
      switch (part.kind) {
        case 'typename':
          s.raw(quoteLiteral(connectionType.name));
          break;
        case 'totalCount':
          if (source) {
            s.raw('(').fragment(source.count()).raw(')::int');
          } else {
            s.raw(`(select count(*)::int from ${target} ${counted} where `);
            writeCondition(counted);
            s.raw(')');
          }
          break;
        case 'nodes':
          s.raw(`coalesce(json_agg(${page}.n${part.node} order by ${aggregateOrder})${onPage}, '[]'::json)`);
          break;
        case 'edges': {
          const edge = part.sub!.map((sub) => `${quoteLiteral(sub.key)}, ${sub.kind === 'typename' ? quoteLiteral(edgeType.name) : `${page}.n${part.node}`}`);
          s.raw(`coalesce(json_agg(json_build_object(${edge.join(', ')}) order by ${aggregateOrder})${onPage}, '[]'::json)`);
          break;
        }
        case 'pageInfo': {
          const info = part.sub!.map((sub) => {
            const value = sub.kind === '__typename' ? quoteLiteral('PageInfo') : sub.kind === 'hasNextPage' ? `count(*) > ${first}` : 'false';
            return `${quoteLiteral(sub.key)}, ${value}`;
          });
          s.raw(`json_build_object(${info.join(', ')})`);
          break;
        }
      }
    });
    s.raw(') from (select ');
    nodeObjects.forEach((object, index) => {
      object.write(s, variables);
      s.raw(` as n${index}, `);
    });
    s.raw(orderBy.map(([column], index) => `${child}.${column} as o${index}`).join(', '));
    if (wantsPageInfo) s.raw(`, row_number() over (order by ${orderText(orderBy, child)}) as rn`);
    s.raw(` from ${source ? child : `${target} ${child}`} where `);
    writeCondition(child);
    // group by (): one row however many (or few) the page has, even when no aggregate is selected.
    s.raw(` order by ${orderText(orderBy, child)} limit ${wantsPageInfo ? first + 1 : first}) ${page} group by ())`);
  };

  if (!root && !usesVariables(fieldNode)) {
    // Literal arguments: the whole connection is text known now (unless its nodes need variables).
    const args = getArgumentValues(field as never, fieldNode, {});
    if (nodeObjects.every((object) => object.isStatic)) {
      const statement = new Statement();
      write(statement, {}, args);
      const text = statement.build();
      if (text.params.length === 0) return new Template().raw(text.sql);
    }
    return new Template().dynamic((s, variables) => write(s, variables, args));
  }
  return new Template().dynamic((s, variables) => write(s, variables, getArgumentValues(field as never, fieldNode, variables)));
}

// ---------------------------------------------------------------------------------------------
// Arguments: global IDs arrive as strings here (the relay plugin decodes them on the ordinary
// path). Only a canonical ID of an accepted type is decoded; anything else is left to the
// ordinary path and its errors.

function decodeStrict(value: unknown, accepted: readonly string[]): { typename: string; id: string } {
  if (typeof value !== 'string') return unsupported('id');
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeCanonicalGlobalID(value);
  } catch {
    return unsupported('id');
  }
  if (!accepted.includes(decoded.typename)) unsupported('id');
  return decoded;
}

/** Decodes the global-ID fields of a filter input; any other ID field is not known here. */
function decodeFilter(
  type: GraphQLInputType,
  value: unknown,
  ids: Record<string, readonly string[]>,
): Record<string, unknown> | null {
  if (value == null) return null;
  const inputType = isNonNullType(type) ? type.ofType : type;
  if (!isInputObjectType(inputType)) return unsupported('filter type');
  const decoded: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [name, inputField] of Object.entries(inputType.getFields())) {
    if (getNamedType(inputField.type).name !== 'ID') continue;
    const accepted = ids[name] ?? unsupported(`filter id ${name}`);
    if (decoded[name] != null) decoded[name] = decodeStrict(decoded[name], accepted);
  }
  return decoded;
}

const ENTITY = ['Person', 'Organization'];
/** The types each global-ID field of the quote and article filters accepts. */
const QUOTE_FILTER_IDS = { speaker: ENTITY, organization: ['Organization'], article: ['Article'] };
const ARTICLE_FILTER_IDS = { mentions: ENTITY };

function filterArgumentType(field: GraphQLField<unknown, unknown>): GraphQLInputType {
  return (field.args.find((argument) => argument.name === 'filter') ?? unsupported('no filter argument')).type;
}

/** Whether a filter sets nothing but these (equality) conditions. */
function onlyKeys(filter: object | null | undefined, keys: readonly string[]): boolean {
  return !filter || Object.entries(filter).every(([key, value]) => value == null || keys.includes(key));
}

/** Runs a condition builder that may reject its input (decodeId, …) as "not compiled". */
function guarded<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof Unsupported) throw error;
    return unsupported('argument rejected');
  }
}

type RootCompiler = (scope: Scope, field: GraphQLField<unknown, unknown>, fieldNodes: readonly FieldNode[]) => Template;

/** One row by a unique key or a ranked lookup, as a JSON object or null. */
function single(
  typename: string,
  lookup: (args: Record<string, unknown>) => { where: SQL; orderBy?: SQL[] },
): RootCompiler {
  return (scope, field, fieldNodes) => {
    const table = tableOf(typename);
    const object = compileObject(scope, targetType(scope, typename), subSelections(fieldNodes), `"${table}"`);
    return new Template()
      .raw('(select ')
      .append(object)
      .raw(` from "${table}" where `)
      .dynamic((s, variables) => {
        const { where, orderBy } = guarded(() => lookup(getArgumentValues(field as never, fieldNodes[0]!, variables)));
        s.fragment(where);
        if (orderBy?.length) s.raw(' order by ').fragment(sql.join(orderBy, sql`, `));
      })
      .raw(' limit 1)');
  };
}

function exactlyOne(args: Record<string, unknown>, names: string[]): string {
  const given = names.filter((name) => args[name] != null);
  return given.length === 1 ? given[0]! : unsupported('lookup arguments');
}

function entityLookup(typename: 'Person' | 'Organization', table: typeof people | typeof organizations) {
  return (args: Record<string, unknown>) => {
    exactlyOne(args, ['id', 'slug', 'name']);
    const lookupArgs = { ...args, id: args.id == null ? null : decodeStrict(args.id, [typename]) } as Parameters<typeof entityLookupCondition>[0];
    return { where: entityLookupCondition(lookupArgs)(table), orderBy: lookupOrder(lookupArgs)(table) };
  };
}

const rootFields: Record<string, RootCompiler> = {
  article: single('Article', (args) => {
    const key = exactlyOne(args, ['id', 'slug', 'url']);
    if (key === 'id') return { where: sql`${articles.id} = ${Number(decodeStrict(args.id, ['Article']).id)}` };
    return { where: key === 'slug' ? sql`${articles.slug} = ${args.slug}` : sql`${articles.url} = ${args.url}` };
  }),
  person: single('Person', entityLookup('Person', people)),
  organization: single('Organization', entityLookup('Organization', organizations)),
  quotes: (scope, field, fieldNodes) => {
    const filterType = filterArgumentType(field);
    return compileConnection(scope, null, field, fieldNodes, '', (args) =>
      guarded(() => {
        const filter = decodeFilter(filterType, args.filter, QUOTE_FILTER_IDS) as Parameters<typeof quoteCondition>[0];
        return {
          keyedOnly: onlyKeys(filter, ['speaker', 'speakerName', 'article', 'kind']),
          where: quoteCondition(filter, quotes),
          orderBy: args.orderBy === 'OLDEST' ? OLDEST_QUOTES : NEWEST_QUOTES,
          count: () => quoteCount(filter),
        };
      }),
    );
  },
  articles: (scope, field, fieldNodes) => {
    const filterType = filterArgumentType(field);
    return compileConnection(scope, null, field, fieldNodes, '', (args) =>
      guarded(() => {
        const filter = decodeFilter(filterType, args.filter, ARTICLE_FILTER_IDS) as Parameters<typeof articleCondition>[0];
        return {
          keyedOnly: onlyKeys(filter, ['publisher', 'mentions']),
          where: articleCondition(filter, articles),
          orderBy: args.orderBy === 'OLDEST' ? OLDEST_ARTICLES : NEWEST_ARTICLES,
          count: () => articleCount(filter),
        };
      }),
    );
  },
};

function compileOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CompiledOperation {
  if (operation.operation !== 'query') unsupported('not a query');
  if (operation.directives?.length) unsupported('directive');
  const scope: Scope = { schema, fragments: fragmentsOf(document), aliases: 0 };
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
    const template = new Template().raw('select (').append(compile(scope, field, fieldNodes)).raw(')::text as v');
    compiled.push({
      responseName,
      fieldNodes,
      nullable: !isNonNullType(field.type),
      statement: (variables) => {
        const statement = new Statement();
        template.write(statement, variables);
        return statement.build();
      },
    });
  }
  return { operation, rootFields: compiled };
}

const plans = new WeakMap<DocumentNode, Map<string, CompiledOperation | null>>();

/**
 * The compiled plan of an operation, or null when it must run the ordinary way. Plans are kept
 * per parsed document (Yoga reuses the document of a query text it has seen).
 */
export function compiledOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): CompiledOperation | null {
  let byName = plans.get(document);
  if (!byName) {
    byName = new Map();
    plans.set(document, byName);
  }
  const key = operationName ?? '';
  if (byName.has(key)) return byName.get(key)!;
  const operation = getOperationAST(document, operationName);
  let plan: CompiledOperation | null = null;
  if (operation) {
    try {
      plan = compileOperation(schema, document, operation);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
    }
  }
  byName.set(key, plan);
  return plan;
}

/** Fills in a root field's statement for these variables; null when its arguments are not compiled. */
export function rootStatement(field: CompiledRootField, variables: Variables): StatementText | null {
  try {
    return field.statement ? field.statement(variables) : null;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}
