// The one place the schema is configured: plugins, scalars, context, relay and drizzle options.
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ComplexityPlugin, { type FieldComplexityValue } from '@pothos/plugin-complexity';
import ValidationPlugin from '@pothos/plugin-validation';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { getNullableType, GraphQLError, isListType, type GraphQLField, type ValueNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { LiveFeed } from './live/feed.ts';
import type { WriteDeadline } from '../store/transaction.ts';
import type { IngestQueue } from '../queue/ingest-queue.ts';
import { relations } from '../db/relations.ts';
import { apiError, badUserInput, ErrorCode } from '../errors.ts';
import { checkNodeId, decodeCanonicalGlobalID } from './global-ids.ts';

/** Whether a request may write: decided at the front door, read by every mutation. */
export type WriteAccess =
  | { allowed: true; principal: string }
  | { allowed: false; code: typeof ErrorCode.UNAUTHENTICATED | typeof ErrorCode.FORBIDDEN; reason: string };

export interface Context {
  db: Database;
  config: Config;
  /** Whether this request may write, and if not why; decided once per request. */
  writeAccess: () => WriteAccess;
  /** Committed writes as they happen, for subscriptions (src/graphql/subscriptions.ts). */
  live?: LiveFeed;
  /** The operation's time limit, when it has one: a write past it commits nothing. */
  writeDeadline?: WriteDeadline;
  /** The ingestion queue, for `ingestArticle(async: true)` and `job(id:)`. */
  queue?: IngestQueue;
}

/** Page size when a connection is asked for no size, and the largest size it accepts. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const pageSize = z
  .number()
  .int()
  .min(0, 'must not be negative')
  .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
  .nullish();

/**
 * plugin-drizzle rejects a node lookup whose row does not exist ("Model people(7) not found");
 * Relay's contract for `node` is null, so only that rejection becomes null.
 */
async function nullWhenMissing<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof Error && /^Model \w+\(.*\) not found$/.test(error.message)) return null;
    throw error;
  }
}

/**
 * The cost model: every field costs 1, and what is selected under a list is multiplied by how
 * many items it can return. A connection multiplies by its `first`/`last` (default page size);
 * its `edges` and `nodes` then do not multiply again. Other lists count as 10.
 */
export function fieldComplexity(
  args: Record<string, unknown>,
  _ctx: Context,
  field: GraphQLField<unknown, Context, Record<string, unknown>>,
): FieldComplexityValue {
  const pageSize = args.first ?? args.last;
  if (field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) {
    return { field: 1, multiplier: typeof pageSize === 'number' ? Math.max(pageSize, 1) : DEFAULT_PAGE_SIZE };
  }
  // nodes(ids:) returns as many objects as it is given ids.
  if (Array.isArray(args.ids)) return { field: 1, multiplier: Math.max(args.ids.length, 1) };
  if (!isListType(getNullableType(field.type))) return 1;
  if ((field.name === 'edges' || field.name === 'nodes') && field.args.length === 0) return { field: 1, multiplier: 1 };
  return { field: 1, multiplier: 10 };
}

interface BuilderTypes {
  Context: Context;
  DrizzleRelations: typeof relations;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    ID: { Input: string; Output: string | number };
  };
  DefaultFieldNullability: false;
  AuthScopes: { writer: boolean };
}

// Annotated so the node resolvers below can refer to the builder they belong to.
export const builder: PothosSchemaTypes.SchemaBuilder<PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>> =
  new SchemaBuilder<BuilderTypes>({
    // Relay first so auth sees parsed IDs; auth before validation so a stranger learns nothing
    // about the inputs of a mutation they may not call.
    plugins: [RelayPlugin, ScopeAuthPlugin, ValidationPlugin, ComplexityPlugin, DrizzlePlugin],
    complexity: {
      // Only the cost model lives here; plugins/query-limits.ts enforces the limit before execution.
      disabled: true,
      fieldComplexity,
    },
    scopeAuth: {
      authScopes: (ctx) => ({ writer: ctx.writeAccess().allowed }),
      unauthorizedError: (_parent, ctx) => {
        const access = ctx.writeAccess();
        return access.allowed ? apiError(ErrorCode.FORBIDDEN, 'Not allowed.') : apiError(access.code, access.reason);
      },
    },
    defaultFieldNullability: false,
    validation: {
      // Every failed check is a BAD_USER_INPUT error naming the offending argument or input field.
      validationError: (result) => {
        const issue = result.issues[0];
        const field = issue?.path?.map((part) => (typeof part === 'object' ? part.key : part)).join('.');
        return badUserInput(
          issue ? `${field ? `${field}: ` : ''}${issue.message}` : 'Invalid input.',
          field || undefined,
        );
      },
    },
    drizzle: {
      // Taken from the request context so one schema serves PGlite, PostgreSQL and every test.
      client: (ctx) => ctx.db,
      getTableConfig,
      relations,
      defaultConnectionSize: DEFAULT_PAGE_SIZE,
      maxConnectionSize: MAX_PAGE_SIZE,
    },
    relay: {
      nodesOnConnection: { description: 'The items on this page, without cursors.' },
      clientMutationId: 'omit',
      // One spelling per object: see global-ids.ts.
      decodeGlobalID: decodeCanonicalGlobalID,
      cursorType: 'String',
      nodeTypeOptions: {
        description: 'An object with a globally unique, opaque ID that `node(id:)` can fetch again.',
      },
      nodeQueryOptions: {
        description: 'Fetches any object by its global ID; null when it does not exist.',
        resolve: (_root, args, _ctx, _info, resolveNode) => {
          checkNodeId(args.id, 'id');
          return nullWhenMissing(Promise.resolve(resolveNode(args.id)));
        },
      },
      nodesQueryOptions: {
        description:
          'Fetches several objects by their global IDs, in the order given; null for each that does not exist.',
        // One lookup per id, so a missing one is null without failing the others; plugin-drizzle
        // still batches the lookups of one table into one query.
        resolve: (_root, args, ctx, info) => {
          if (args.ids.length > MAX_PAGE_SIZE) throw badUserInput(`ids: at most ${MAX_PAGE_SIZE} at a time.`, 'ids');
          for (const [index, id] of args.ids.entries()) checkNodeId(id, `ids.${index}`);
          return args.ids.map((id) => nullWhenMissing(resolveNodes(builder, ctx, info, [id]).then(([node]) => node)));
        },
      },
      idFieldOptions: { description: 'Globally unique, opaque identifier.' },
      pageInfoTypeOptions: {
        description: 'Where a page sits in a connection, for fetching the next or previous page.',
      },
      hasNextPageFieldOptions: { description: 'True when more items follow this page.' },
      hasPreviousPageFieldOptions: { description: 'True when items precede this page.' },
      startCursorFieldOptions: { description: 'Cursor of the first item on this page; pass as `before` to go back.' },
      endCursorFieldOptions: { description: 'Cursor of the last item on this page; pass as `after` to go on.' },
      edgesFieldOptions: { description: 'The items on this page, each with its cursor.' },
      pageInfoFieldOptions: { description: 'Cursors and whether more pages exist.' },
      cursorFieldOptions: { description: 'Opaque position of this item, for `after` and `before`.' },
      nodeFieldOptions: { description: 'The item.' },
      firstArgOptions: {
        description: `Return the first n items after \`after\` (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).`,
        validate: pageSize,
      },
      lastArgOptions: {
        description: `Return the last n items before \`before\` (at most ${MAX_PAGE_SIZE}).`,
        validate: pageSize,
      },
      afterArgOptions: { description: 'Cursor to start after (from `pageInfo.endCursor`).' },
      beforeArgOptions: { description: 'Cursor to end before (from `pageInfo.startCursor`).' },
      defaultConnectionTypeOptions: { description: 'A page of items with cursors for paging on.' },
      defaultEdgeTypeOptions: { description: 'An item on a page, with its cursor.' },
    },
  });

/**
 * PostgreSQL stores years 1 to 294276 and graphql-scalars reads years 0 to 9999; the API takes
 * what both hold and what every client can print back: years 1 to 9999, in UTC. Any value
 * outside that, or not a date at all, is the client's mistake (BAD_USER_INPUT), never a
 * database error.
 */
function calendarInstant(read: () => Date, node?: ValueNode): Date {
  let instant: Date;
  try {
    instant = read();
  } catch (error) {
    throw new GraphQLError(error instanceof Error ? error.message : 'Invalid DateTime.', {
      ...(node ? { nodes: node } : {}),
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  const year = instant.getUTCFullYear();
  if (year < 1 || year > 9999) {
    throw new GraphQLError('DateTime must fall between 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.', {
      ...(node ? { nodes: node } : {}),
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return instant;
}

builder.scalarType('DateTime', {
  description:
    'A moment in time, as an ISO 8601 string with time zone, e.g. "2014-12-20T09:30:00.000Z"; years 0001 to 9999.',
  serialize: (value) => DateTimeResolver.serialize(value),
  parseValue: (value) => calendarInstant(() => DateTimeResolver.parseValue(value)),
  parseLiteral: (ast) => calendarInstant(() => DateTimeResolver.parseLiteral(ast, {}), ast),
});

builder.queryType({ description: 'Reading the news graph: articles, quotes, people and organizations.' });

builder.mutationType({
  description: 'Changing the graph. Every mutation needs write access: `Authorization: Bearer <token>`.',
  authScopes: { writer: true },
});
