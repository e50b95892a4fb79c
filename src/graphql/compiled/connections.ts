// A connection as one JSON object: totalCount, nodes, edges { node }, pageInfo, over a page of
// rows that is either a relation of the parent row (its order, limit and filter those the field
// declares) or a root field's rows (`root` gives condition, order and count for the arguments).
import { and, type Column, type SQL } from 'drizzle-orm';
import { getArgumentValues, getNamedType, isObjectType, visit, type FieldNode, type GraphQLField } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.ts';
import { afterCursor, cursorJson, cursorTag, type CursorTag } from './cursors.ts';
import { tableOf, type Order, type RelationModel } from './schema-model.ts';
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

/** The slots of a connection's template (Template.slot): the conditions a request's values decide. */
const SLOT_WITH = 0;
// (A nested connection has no common table expressions: its slot stays empty.)
const SLOT_WHERE = 1;
const SLOT_COUNT = 2;
/** Shapes kept per connection of a plan: page sizes times cursor and filter combinations. */
const MAX_SHAPES = 256;

/** A request's page: what its arguments decide. */
interface Page {
  first: number;
  backward: boolean;
  /** The connection's own order (a root field's is one list for every request). */
  ownOrder: readonly Order[];
  /** The order the rows are read in: the connection's own, or its opposite for a backward page. */
  orderBy: readonly Order[];
  keyedOnly: boolean;
  /** The conditions by slot: with, where (keysets included), count. */
  slots: (SQL | undefined)[];
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
  const pageAlias = nextAlias(scope);
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

  const wantsTotal = parts.some((part) => part.kind === 'totalCount');
  /** Templates by the shape of the arguments (see `shapeOf`), each made on first use. */
  const shapes = new Map<string, Template>();

  /**
   * What this request's arguments decide: the page, its order, and the drizzle conditions for
   * its values (built on every request, since they hold the values; rendered once per shape,
   * fragments.ts). Everything else is the template for the arguments' shape.
   */
  const read = (args: Record<string, unknown>): Page => {
    const backward = isBackward(args);
    if (root) {
      const first = pageSize(args);
      const source = root(args);
      const order = source.orderBy;
      // The root table is not aliased: its columns are the node table's own.
      const { columns } = columnsOf(order);
      // Rows before a cursor are the rows after it in the opposite order.
      const keysets = [
        ...(args.after != null ? [afterCursor(args.after, order, columns)] : []),
        ...(args.before != null ? [afterCursor(args.before, opposite(order), columns)] : []),
      ];
      const where = keysets.length ? and(source.where, ...keysets) : source.where;
      const slots = [source.with, where, wantsTotal ? source.count() : undefined];
      return {
        first,
        backward,
        ownOrder: order,
        orderBy: backward ? opposite(order) : order,
        keyedOnly: source.keyedOnly,
        slots,
      };
    }
    // The declared query checks `after` and `before` cursors and adds their keyset conditions to
    // `where`; for a backward page its order is already the opposite one.
    const nested = relation!.query(args);
    // The declared query's limit is one row past the page (how the ordinary path sees a next page).
    const first = (nested.limit ?? unsupported('a connection without a limit')) - 1;
    if (!nested.orderBy.length) unsupported(`${field.name}: no declared order`);
    // The total counts the whole list: the field's filter without the cursor's keyset.
    const countWhere = !wantsTotal
      ? undefined
      : args.after != null || args.before != null
        ? relation!.query({ ...args, after: undefined, before: undefined }).where
        : nested.where;
    const slots = [undefined, nested.where?.(child), countWhere?.(counted)];
    return { first, backward, ownOrder: nested.orderBy, orderBy: nested.orderBy, keyedOnly: true, slots };
  };

  /** Everything the template's text depends on: two requests of one shape share a template. */
  const shapeOf = (page: Page, args: Record<string, unknown>) =>
    `${page.first}:${page.backward ? 'b' : 'f'}${args.after != null ? 'a' : ''}${args.before != null ? 'z' : ''}:${orderText(page.ownOrder, '')}:${page.slots.map((slot) => (slot ? 1 : 0)).join('')}`;

  /** The text of the connection for a shape of its arguments, nested node objects included. */
  const render = (page: Page, args: Record<string, unknown>): Template => {
    const { first, backward, ownOrder, orderBy, slots } = page;
    const t = new Template();
    /** The rows' condition: the join to the parent (nested) or the root field's filter. */
    const writeCondition = (alias: string, slot: number) => {
      if (root) {
        if (slots[slot]) t.slot(slot);
        else t.raw('true');
        return;
      }
      t.raw(relation!.join(alias, parent));
      if (slots[slot]) t.raw(' and ').slot(slot);
    };
    const aggregateOrder = orderText(
      orderBy.map(([, direction], index) => [`o${index}`, direction] as const),
      pageAlias,
    );
    const onPage = wantsPageInfo ? ` filter (where ${pageAlias}.rn <= ${first})` : '';
    // Turning an order round changes no column, so the tags of the connection's own order serve.
    const tags = columnsOf(ownOrder).tags;
    const reversed = orderText(
      orderBy.map(([, direction], index) => [`o${index}`, direction === 'asc' ? 'desc' : 'asc'] as const),
      pageAlias,
    );
    // The answer lists the page in the connection's order: a backward page's rows turned round.
    const listOrder = backward ? reversed : aggregateOrder;
    const pageCursor = (order: string) => `(array_agg(${cursorJson(tags, pageAlias)} order by ${order})${onPage})[1]`;
    t.raw('(');
    if (slots[SLOT_WITH]) t.raw('with ').slot(SLOT_WITH).raw(' ');
    t.raw('select json_build_object(');
    parts.forEach((part, index) => {
      t.raw(`${index ? ', ' : ''}${quoteLiteral(part.key)}, `);
      switch (part.kind) {
        case 'typename':
          t.raw(quoteLiteral(connectionType.name));
          break;
        case 'totalCount':
          if (root) {
            t.raw('(').slot(SLOT_COUNT).raw(')::int');
          } else {
            t.raw(`(select count(*)::int from ${target} ${counted} where `);
            if (slots[SLOT_COUNT]) writeCondition(counted, SLOT_COUNT);
            else t.raw(`${relation!.join(counted, parent)} and true`);
            t.raw(')');
          }
          break;
        case 'nodes':
          t.raw(`coalesce(json_agg(${pageAlias}.n${part.node} order by ${listOrder})${onPage}, '[]'::json)`);
          break;
        case 'edges': {
          const edgeValue = (kind: string) =>
            kind === 'typename'
              ? quoteLiteral(edgeType.name)
              : kind === 'cursor'
                ? cursorJson(tags, pageAlias)
                : `${pageAlias}.n${part.node}`;
          const edge = part.sub!.map((sub) => `${quoteLiteral(sub.key)}, ${edgeValue(sub.kind)}`);
          t.raw(`coalesce(json_agg(json_build_object(${edge.join(', ')}) order by ${listOrder})${onPage}, '[]'::json)`);
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
          t.raw(`json_build_object(${info.join(', ')})`);
          break;
        }
      }
    });
    t.raw(') from (select ');
    nodeObjects.forEach((object, index) => {
      t.append(object).raw(` as n${index}, `);
    });
    t.raw(orderBy.map(([column], index) => `${child}.${column} as o${index}`).join(', '));
    if (wantsPageInfo) t.raw(`, row_number() over (order by ${orderText(orderBy, child)}) as rn`);
    t.raw(` from ${root ? child : `${target} ${child}`} where `);
    writeCondition(child, SLOT_WHERE);
    // group by (): one row however many (or few) the page has, even when no aggregate is selected.
    t.raw(
      ` order by ${orderText(orderBy, child)} limit ${wantsPageInfo ? first + 1 : first}) ${pageAlias} group by ())`,
    );
    return t;
  };

  const write = (s: Statement, variables: Variables, args: Record<string, unknown>) => {
    const page = read(args);
    if (!page.keyedOnly) s.planPerValue();
    const shape = shapeOf(page, args);
    let template = shapes.get(shape);
    if (!template) {
      template = render(page, args);
      if (shapes.size >= MAX_SHAPES) shapes.clear();
      shapes.set(shape, template);
    }
    template.write(s, variables, page.slots);
  };

  if (!usesVariables(fieldNode)) {
    // Literal arguments (the front page's `articles(first: 20)`): the whole connection is text
    // known now, unless its nodes need variables, its conditions hold values, or its rows are
    // planned per value.
    const args = getArgumentValues(field as never, fieldNode, {});
    if (nodeObjects.every((object) => object.isStatic)) {
      const statement = new Statement();
      write(statement, {}, args);
      const text = statement.build();
      if (text.params.length === 0 && text.prepare) return new Template().raw(text.sql);
    }
    return new Template().dynamic((s, variables) => write(s, variables, args));
  }
  return new Template().dynamic((s, variables) =>
    write(s, variables, getArgumentValues(field as never, fieldNode, variables)),
  );
}
