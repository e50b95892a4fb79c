// The one place the schema is configured: plugins, scalars, context, relay and drizzle options.
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { DateTimeResolver } from 'graphql-scalars';
import type { Database } from '../db/client.ts';
import { relations } from '../db/relations.ts';

export interface Context {
  db: Database;
}

/** Page size when a connection is asked for no size, and the largest size it accepts. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const builder = new SchemaBuilder<{
  Context: Context;
  DrizzleRelations: typeof relations;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    ID: { Input: string; Output: string | number };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  drizzle: {
    // Taken from the request context so one schema serves PGlite, PostgreSQL and every test.
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
  },
  relay: {
    nodesOnConnection: true,
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: {
      description: 'An object with a globally unique, opaque ID that `node(id:)` can fetch again.',
    },
    nodeQueryOptions: { description: 'Fetches any object by its global ID; null when it does not exist.' },
    nodesQueryOptions: {
      description: 'Fetches several objects by their global IDs, in the order given; null for each that does not exist.',
    },
    idFieldOptions: { description: 'Globally unique, opaque identifier.' },
    pageInfoTypeOptions: { description: 'Where a page sits in a connection, for fetching the next or previous page.' },
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
    },
    lastArgOptions: { description: `Return the last n items before \`before\` (at most ${MAX_PAGE_SIZE}).` },
    afterArgOptions: { description: 'Cursor to start after (from `pageInfo.endCursor`).' },
    beforeArgOptions: { description: 'Cursor to end before (from `pageInfo.startCursor`).' },
    defaultConnectionTypeOptions: { description: 'A page of items with cursors for paging on.' },
    defaultEdgeTypeOptions: { description: 'An item on a page, with its cursor.' },
  },
});

builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'A moment in time, as an ISO 8601 string with time zone, e.g. "2014-12-20T09:30:00.000Z".',
});

builder.queryType({ description: 'Reading the news graph: articles, quotes, people and organizations.' });
