// The root fields the compiled path answers, each by the condition functions its resolver uses
// (article.ts, quote-filter.ts, entity-lookup.ts). Global IDs arrive as strings here (the relay
// plugin decodes them on the ordinary path): they are decoded as the plugin is configured to,
// for the types the argument declares; anything else is left to the ordinary path and its errors.
import { sql, type SQL } from 'drizzle-orm';
import {
  getArgumentValues,
  getNamedType,
  isInputObjectType,
  isNonNullType,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { articles, organizations, people, quotes } from '../../db/schema.ts';
import { articleCondition, articleCount } from '../article.ts';
import { entityLookupCondition, lookupOrder } from '../entity-lookup.ts';
import { orders } from '../orders.ts';
import { quoteCondition, quoteCount, speakerNamed, type ResolvedSpeaker } from '../quote-filter.ts';
import { compileConnection } from './connections.ts';
import { acceptedIdTypes, decodeNodeId, tableOf } from './schema-model.ts';
import { subSelections, type Scope } from './selection.ts';
import { Template, Unsupported, unsupported } from './statement.ts';

type AnyField = GraphQLField<unknown, unknown>;
export type RootCompiler = (scope: Scope, field: AnyField, fieldNodes: readonly FieldNode[]) => Template;

/** A filter input's global-ID fields and the types each accepts, read once per input type. */
const idFieldsByType = new WeakMap<GraphQLInputType, [name: string, accepted: () => readonly string[]][]>();

function idFieldsOf(type: GraphQLInputType): [name: string, accepted: () => readonly string[]][] {
  let known = idFieldsByType.get(type);
  if (!known) {
    const inputType = isNonNullType(type) ? type.ofType : type;
    if (!isInputObjectType(inputType)) return unsupported('filter type');
    known = Object.values(inputType.getFields())
      .filter((inputField) => getNamedType(inputField.type).name === 'ID')
      .map((inputField) => {
        // Read on first use: a field that accepts IDs of any type is refused only when it is given.
        let accepted: readonly string[] | undefined;
        return [inputField.name, () => (accepted ??= acceptedIdTypes(inputField))];
      });
    idFieldsByType.set(type, known);
  }
  return known;
}

/** Decodes the global-ID fields of a filter input, each for the types it declares. */
function decodeFilter(type: GraphQLInputType, value: unknown): Record<string, unknown> | null {
  if (value == null) return null;
  const decoded: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [name, accepted] of idFieldsOf(type)) {
    if (decoded[name] != null) decoded[name] = decodeNodeId(decoded[name], accepted());
  }
  return decoded;
}

function argumentOf(field: AnyField, name: string) {
  return field.args.find((argument) => argument.name === name) ?? unsupported(`no ${name} argument`);
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
    return unsupported('an argument the ordinary path rejects');
  }
}

/** One row by a unique key or a ranked lookup, as a JSON object or null. */
function single(
  lookup: (args: Record<string, unknown>, field: AnyField) => { where: SQL; orderBy?: SQL[] },
): RootCompiler {
  return (scope, field, fieldNodes) => {
    const type = getNamedType(field.type) as GraphQLObjectType;
    const table = tableOf(type).name;
    const object = scope.object(scope, type, subSelections(fieldNodes), `"${table}"`);
    return new Template()
      .raw('(select ')
      .append(object)
      .raw(` from "${table}" where `)
      .dynamic((s, variables) => {
        const { where, orderBy } = guarded(() =>
          lookup(getArgumentValues(field as never, fieldNodes[0]!, variables), field),
        );
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

function entityLookup(table: typeof people | typeof organizations) {
  return (args: Record<string, unknown>, field: AnyField) => {
    exactlyOne(args, ['id', 'slug', 'name']);
    const id = args.id == null ? null : decodeNodeId(args.id, acceptedIdTypes(argumentOf(field, 'id')));
    const lookupArgs = { ...args, id } as Parameters<typeof entityLookupCondition>[0];
    return { where: entityLookupCondition(lookupArgs)(table), orderBy: lookupOrder(lookupArgs)(table) };
  };
}

export const rootFields: Record<string, RootCompiler> = {
  article: single((args, field) => {
    const key = exactlyOne(args, ['id', 'slug', 'url']);
    if (key === 'id')
      return {
        where: sql`${articles.id} = ${Number(decodeNodeId(args.id, acceptedIdTypes(argumentOf(field, 'id'))).id)}`,
      };
    return { where: key === 'slug' ? sql`${articles.slug} = ${args.slug}` : sql`${articles.url} = ${args.url}` };
  }),
  person: single(entityLookup(people)),
  organization: single(entityLookup(organizations)),
  quotes: (scope, field, fieldNodes) => {
    const filterType = argumentOf(field, 'filter').type;
    return compileConnection(scope, null, field, fieldNodes, '', (args) =>
      guarded(() => {
        const order = args.orderBy === 'OLDEST' ? orders.quotesOldest : orders.quotesNewest;
        order.checkCursors(args);
        const filter = decodeFilter(filterType, args.filter) as Parameters<typeof quoteCondition>[0];
        // A speaker given by name is looked up once, in a CTE the condition and the count share.
        const name = filter?.speakerName;
        const resolved: ResolvedSpeaker | undefined =
          name == null
            ? undefined
            : { ref: sql.raw('(select ref from named_speaker)'), count: sql.raw('(select count from named_speaker)') };
        return {
          keyedOnly: onlyKeys(filter, ['speaker', 'speakerName', 'article', 'kind']),
          where: quoteCondition(filter, quotes, resolved),
          orderBy: order.columns,
          count: () => quoteCount(filter, resolved),
          ...(name == null ? {} : { with: sql`named_speaker as (${speakerNamed(name)})` }),
        };
      }),
    );
  },
  articles: (scope, field, fieldNodes) => {
    const filterType = argumentOf(field, 'filter').type;
    return compileConnection(scope, null, field, fieldNodes, '', (args) =>
      guarded(() => {
        const order = args.orderBy === 'OLDEST' ? orders.articlesOldest : orders.articlesNewest;
        order.checkCursors(args);
        const filter = decodeFilter(filterType, args.filter) as Parameters<typeof articleCondition>[0];
        return {
          keyedOnly: onlyKeys(filter, ['publisher', 'mentions']),
          where: articleCondition(filter, articles),
          orderBy: order.columns,
          count: () => articleCount(filter),
        };
      }),
    );
  },
};
