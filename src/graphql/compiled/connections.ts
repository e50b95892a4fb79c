// A connection as one JSON object: totalCount, nodes, edges { node }, pageInfo, over a page of
// rows that is either a relation of the parent row (its order, limit and filter those the field
// declares) or a root field's rows (`root` gives condition, order and count for the arguments).
import { and, sql, type Column, type SQL } from 'drizzle-orm';
import { getArgumentValues, getNamedType, isObjectType, visit, type FieldNode, type GraphQLField } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.ts';
import { afterCursor, cursorJson, cursorTag, type CursorTag } from './cursors.ts';
import { tableOf, type Order, type RelationModel, type RelationQuery } from './schema-model.ts';
import { collectFields, MAX_KEYS, nextAlias, subSelections, type Scope } from './selection.ts';
import { quoteLiteral, Statement, Template, unsupported, type Variables } from './statement.ts';

const orderText = (order: readonly Order[], alias: string) =>
  order.map(([column, direction]) => `${alias}.${column} ${direction}`).join(', ');

/**
 * Whether a page is read backwards, as plugin-drizzle reads it: `last` without `first`. Its rows
 * are then read in the opposite order from the cursor (`before`) on, and turned round for the answer.
 */
function isBackward(args: Record<string, unknown>): boolean {
  return args.first == null && args.last != null;
}

/** The page size a root connection is asked for; unsupported when the ordinary path would refuse it. */
function pageSize(args: Record<string, unknown>): number {
  if (args.first != null && args.last != null) unsupported('first and last together');
  const size = args.first ?? args.last ?? DEFAULT_PAGE_SIZE;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) unsupported('page size');
  return size as number;
}

const opposite = (order: readonly Order[]): Order[] =>
  order.map(([column, direction]) => [column, direction === 'asc' ? 'desc' : 'asc'] as const);

/** Which of a root connection's rows, in what order, and how many match in all. */
export interface RootSource {
  where: SQL | undefined;
  orderBy: readonly Order[];
  count: () => SQL;
  /** Whether one plan suits every value of the condition's parameters (keys only). */
  keyedOnly: boolean;
  /** Common table expressions the condition and count refer to, computed once per statement. */
  with?: SQL;
}

/** Whether a field's arguments are all literals: then they are read once, at compile time. */
function usesVariables(fieldNode: FieldNode): boolean {
  let found = false;
  visit(
    { ...fieldNode, selectionSet: undefined },
    {
      Variable() {
        found = true;
      },
    },
  );
  return found;
}

type Part = {
  key: string;
  kind: 'typename' | 'totalCount' | 'nodes' | 'edges' | 'pageInfo';
  node?: number;
  sub?: { key: string; kind: string }[];
};

export function compileConnection(
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
  const nodeType = relation?.target ?? getNamedType(nodesField.type);
  if (!isObjectType(nodeType)) return unsupported('node type');
  const edgeType = getNamedType(connectionType.getFields().edges?.type ?? unsupported('edges'));
  if (!isObjectType(edgeType)) return unsupported('edge type');
  const target = tableOf(nodeType).name;
  const child = root ? `"${target}"` : nextAlias(scope);
  const page = nextAlias(scope);
  const counted = nextAlias(scope);
  const nodeObjects: Template[] = [];
  const parts: Part[] = [];
  let wantsPageInfo = false;
  for (const [key, nodes] of collectFields(scope, connectionType, subSelections(fieldNodes))) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') parts.push({ key, kind: 'typename' });
    else if (name === 'totalCount') parts.push({ key, kind: 'totalCount' });
    else if (name === 'nodes') {
      nodeObjects.push(scope.object(scope, nodeType, subSelections(nodes), child));
      parts.push({ key, kind: 'nodes', node: nodeObjects.length - 1 });
    } else if (name === 'edges') {
      const sub: { key: string; kind: string }[] = [];
      let node: number | undefined;
      for (const [edgeKey, edgeNodes] of collectFields(scope, edgeType, subSelections(nodes))) {
        const edgeField = edgeNodes[0]!.name.value;
        if (edgeField === '__typename') sub.push({ key: edgeKey, kind: 'typename' });
        else if (edgeField === 'cursor') {
          sub.push({ key: edgeKey, kind: 'cursor' });
          scope.cursors = true;
        } else if (edgeField === 'node') {
          nodeObjects.push(scope.object(scope, nodeType, subSelections(edgeNodes), child));
          node = nodeObjects.length - 1;
          sub.push({ key: edgeKey, kind: 'node' });
        } else unsupported(`edge field ${edgeField}`);
      }
      parts.push({ key, kind: 'edges', sub, ...(node === undefined ? {} : { node }) });
    } else if (name === 'pageInfo') {
      const sub: { key: string; kind: string }[] = [];
      const pageInfoType = scope.schema.getType('PageInfo');
      if (!pageInfoType || !isObjectType(pageInfoType)) return unsupported('PageInfo');
      for (const [infoKey, infoNodes] of collectFields(scope, pageInfoType, subSelections(nodes))) {
        const infoField = infoNodes[0]!.name.value;
        if (infoField === '__typename' || infoField === 'hasNextPage' || infoField === 'hasPreviousPage') {
          sub.push({ key: infoKey, kind: infoField });
        } else if (infoField === 'startCursor' || infoField === 'endCursor') {
          sub.push({ key: infoKey, kind: infoField });
          scope.cursors = true;
        } else unsupported(`pageInfo field ${infoField}`);
      }
      wantsPageInfo = true;
      parts.push({ key, kind: 'pageInfo', sub });
    } else unsupported(`connection field ${name}`);
  }
  if (parts.length > MAX_KEYS) unsupported('too many fields');
  const fieldNode = fieldNodes[0]!;
  const nodeColumns = Object.values(tableOf(nodeType).columns);
  const columnNamed = (name: string): Column =>
    nodeColumns.find((column) => column.name === name) ?? unsupported(`ordering column ${name}`);
  // A root field's orders are fixed lists (orders.ts): their columns and cursor tags are worked
  // out once per plan, not on every request. A nested field's order is read per request anyway.
  const orderColumns = new WeakMap<readonly Order[], { columns: Column[]; tags: CursorTag[] }>();
  const columnsOf = (order: readonly Order[]) => {
    let known = orderColumns.get(order);
    if (!known) {
      const columns = order.map(([name]) => columnNamed(name));
      known = { columns, tags: columns.map(cursorTag) };
      orderColumns.set(order, known);
    }
    return known;
  };

  /** The text of the connection for its arguments, nested node objects included. */
  const write = (s: Statement, variables: Variables, args: Record<string, unknown>) => {
    let first: number;
    /** The connection's own order (a root field's is one list for every request). */
    let ownOrder: readonly Order[];
    /** The order the rows are read in: the connection's own, or its opposite for a backward page. */
    let orderBy: readonly Order[];
    const backward = isBackward(args);
    let source: RootSource | null = null;
    let nested: RelationQuery | null = null;
    if (root) {
      first = pageSize(args);
      source = root(args);
      if (!source.keyedOnly) s.planPerValue();
      const order = source.orderBy;
      ownOrder = order;
      orderBy = backward ? opposite(order) : order;
      // The root table is not aliased: its columns are the node table's own.
      const { columns } = columnsOf(order);
      // Rows before a cursor are the rows after it in the opposite order.
      const keysets = [
        ...(args.after != null ? [afterCursor(args.after, order, columns)] : []),
        ...(args.before != null ? [afterCursor(args.before, opposite(order), columns)] : []),
      ];
      if (keysets.length) {
        const rootSource = source;
        source = { ...rootSource, where: and(rootSource.where, ...keysets) };
      }
    } else {
      // The declared query checks `after` and `before` cursors and adds their keyset conditions to
      // `where`; for a backward page its order is already the opposite one.
      nested = relation!.query(args);
      // The declared query's limit is one row past the page (how the ordinary path sees a next page).
      first = (nested.limit ?? unsupported('a connection without a limit')) - 1;
      orderBy = nested.orderBy;
      ownOrder = orderBy;
      if (!orderBy.length) unsupported(`${field.name}: no declared order`);
    }
    const relationWhere = nested?.where;
    // The total counts the whole list: the field's filter without the cursor's keyset.
    const countWhere =
      nested && (args.after != null || args.before != null)
        ? relation!.query({ ...args, after: undefined, before: undefined }).where
        : relationWhere;
    /** The rows' condition: the join to the parent (nested) or the root field's filter. */
    const writeCondition = (alias: string, where: RelationQuery['where'] = relationWhere) => {
      if (source) {
        if (source.where) s.fragment(source.where);
        else s.raw('true');
        return;
      }
      s.raw(relation!.join(alias, parent));
      if (where) s.raw(' and ').fragment(where(alias));
    };
    const aggregateOrder = orderText(
      orderBy.map(([, direction], index) => [`o${index}`, direction] as const),
      page,
    );
    const onPage = wantsPageInfo ? ` filter (where ${page}.rn <= ${first})` : '';
    // Turning an order round changes no column, so the tags of the connection's own order serve.
    const tags = columnsOf(ownOrder).tags;
    const reversed = orderText(
      orderBy.map(([, direction], index) => [`o${index}`, direction === 'asc' ? 'desc' : 'asc'] as const),
      page,
    );
    // The answer lists the page in the connection's order: a backward page's rows turned round.
    const listOrder = backward ? reversed : aggregateOrder;
    const pageCursor = (order: string) => `(array_agg(${cursorJson(tags, page)} order by ${order})${onPage})[1]`;
    s.raw('(');
    if (source?.with) s.raw('with ').fragment(source.with).raw(' ');
    s.raw('select json_build_object(');
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
            if (countWhere) writeCondition(counted, countWhere);
            else {
              writeCondition(counted, () => sql`true`);
            }
            s.raw(')');
          }
          break;
        case 'nodes':
          s.raw(`coalesce(json_agg(${page}.n${part.node} order by ${listOrder})${onPage}, '[]'::json)`);
          break;
        case 'edges': {
          const edgeValue = (kind: string) =>
            kind === 'typename'
              ? quoteLiteral(edgeType.name)
              : kind === 'cursor'
                ? cursorJson(tags, page)
                : `${page}.n${part.node}`;
          const edge = part.sub!.map((sub) => `${quoteLiteral(sub.key)}, ${edgeValue(sub.kind)}`);
          s.raw(`coalesce(json_agg(json_build_object(${edge.join(', ')}) order by ${listOrder})${onPage}, '[]'::json)`);
          break;
        }
        case 'pageInfo': {
          // As plugin-drizzle answers them: a cursor on the far side says there is more there; on
          // the side read towards, a row past the page does.
          const pastPage = `count(*) > ${first}`;
          const info = part.sub!.map((sub) => {
            const value =
              sub.kind === '__typename'
                ? quoteLiteral('PageInfo')
                : sub.kind === 'hasNextPage'
                  ? args.before != null
                    ? 'true'
                    : backward
                      ? 'false'
                      : pastPage
                  : sub.kind === 'hasPreviousPage'
                    ? args.after != null
                      ? 'true'
                      : backward
                        ? pastPage
                        : 'false'
                    : pageCursor(sub.kind === 'startCursor' ? listOrder : backward ? aggregateOrder : reversed);
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
  return new Template().dynamic((s, variables) =>
    write(s, variables, getArgumentValues(field as never, fieldNode, variables)),
  );
}
