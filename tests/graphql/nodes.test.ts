import { encodeGlobalID } from '@pothos/plugin-relay';
import { expect, test } from 'vitest';
import { execute, query } from '../support/app.ts';
import { useFixtureGraph } from '../support/graph.ts';

const graph = useFixtureGraph();

test('every id returned can be fetched again with node(id)', async () => {
  const { data } = await query(
    graph.app,
    `{ article(slug: "harbor-council-backs-tidal-pilot") {
        id publisher { id }
        quotes(first: 1) { nodes { id } }
        relatedLinks { id }
        people { id affiliations { id } }
        organizations { id }
      } }`,
  );
  const article = data.article;
  const ids = [
    article.id,
    article.publisher.id,
    article.quotes.nodes[0].id,
    article.relatedLinks[0].id,
    article.people[1].id,
    article.people[1].affiliations[0].id,
    article.organizations[0].id,
  ];
  for (const id of ids) {
    const { data: refetched } = await query(graph.app, 'query($id: ID!) { node(id: $id) { __typename id } }', { id });
    expect(refetched.node.id).toBe(id);
  }
  const { data: many } = await query(graph.app, 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids });
  expect(many.nodes.map((node: { __typename: string }) => node.__typename)).toEqual([
    'Article',
    'Publisher',
    'Quote',
    'RelatedLink',
    'Person',
    'Affiliation',
    'Organization',
  ]);
});

test('node fetches typed fields through fragments', async () => {
  const person = await query(graph.app, '{ person(name: "Joe Brennan") { id } }');
  const { data } = await query(
    graph.app,
    'query($id: ID!) { node(id: $id) { ... on Person { name quotes { totalCount } } } }',
    {
      id: person.data.person.id,
    },
  );
  expect(data.node).toEqual({ name: 'Joe Brennan', quotes: { totalCount: 1 } });
});

test('an id that names nothing gives null; a malformed one a BAD_USER_INPUT error', async () => {
  const missing = await query(
    graph.app,
    `{ node(id: "${encodeGlobalID('Person', 999999)}") { id } nodes(ids: ["${encodeGlobalID('Quote', 999999)}"]) { id } }`,
  );
  expect(missing.data).toEqual({ node: null, nodes: [null] });
  const malformed = await execute(graph.app, '{ node(id: "%%%") { id } }');
  expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('ids are opaque: not the bare database key', async () => {
  const { data } = await query(graph.app, '{ people(first: 1) { nodes { id } } }');
  expect(data.people.nodes[0].id).not.toMatch(/^\d+$/);
});

test('the cost of nodes(ids:) follows how many ids each request sends, with the same document', async () => {
  const { data } = await query(graph.app, '{ quotes(first: 5) { nodes { id } } }');
  const ids: string[] = data.quotes.nodes.map((node: { id: string }) => node.id);
  const source = 'query Many($ids: [ID!]!) { nodes(ids: $ids) { id } }';
  const one = await execute(graph.app, source, { ids: ids.slice(0, 1) });
  const five = await execute(graph.app, source, { ids });
  const oneAgain = await execute(graph.app, source, { ids: ids.slice(1, 2) });
  expect(five.extensions?.cost).toBeGreaterThan(one.extensions?.cost as number);
  expect(oneAgain.extensions?.cost).toBe(one.extensions?.cost);
});
