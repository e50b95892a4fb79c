// The typed `graphql()` for this client: gql.tada reads the schema's types from
// graphql-env.d.ts (written from ../../../schema.graphql by `npm run viewer:schema`), so every
// document below is checked and typed by TypeScript itself, with no generated code per query.
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  // DateTime travels as an ISO 8601 string.
  scalars: { DateTime: string; ID: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
