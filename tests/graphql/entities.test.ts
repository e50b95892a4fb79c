import { describe, expect, test } from 'vitest';
import { BRIEFING_QUOTES } from '../support/fixtures.ts';
import { execute, query } from '../support/app.ts';
import { useFixtureGraph } from '../support/graph.ts';

const graph = useFixtureGraph();

describe('Query.person', () => {
  test('finds a person by name, alias, slug or id, insensitive to case and accents', async () => {
    const byName = await query(graph.app, '{ person(name: "elena marquez") { id slug name aliases } }');
    expect(byName.data.person).toMatchObject({ slug: 'elena-marquez', name: 'Elena Márquez' });
    expect(byName.data.person.aliases).toEqual(expect.arrayContaining(['Mayor Elena Márquez', 'Marquez']));
    for (const args of [{ name: 'MARQUEZ' }, { slug: 'elena-marquez' }, { id: byName.data.person.id }]) {
      const { data } = await query(
        graph.app,
        'query($id: ID, $slug: String, $name: String) { person(id: $id, slug: $slug, name: $name) { name } }',
        args,
      );
      expect(data.person).toEqual({ name: 'Elena Márquez' });
    }
  });

  test('shows affiliations, quotes and articles of a person', async () => {
    const { data } = await query(
      graph.app,
      `{ person(name: "Tomas Lindqvist") {
          affiliations { role organization { name kind } person { name } }
          quotes { totalCount nodes { text } }
          articles { totalCount nodes { title } }
        } }`,
    );
    expect(data.person).toEqual({
      affiliations: [
        {
          role: 'professor',
          organization: { name: 'Northfield University', kind: 'UNIVERSITY' },
          person: { name: 'Tomas Lindqvist' },
        },
      ],
      quotes: { totalCount: 1, nodes: [{ text: 'a careful first step' }] },
      articles: { totalCount: 1, nodes: [{ title: 'Harbor council backs tidal pilot' }] },
    });
  });

  test('counts quotes across articles newest first', async () => {
    const { data } = await query(
      graph.app,
      '{ person(name: "Márquez") { quotes(first: 2) { totalCount nodes { article { title } } } articles { nodes { title } } } }',
    );
    expect(data.person.quotes.totalCount).toBe(3 + BRIEFING_QUOTES);
    expect(data.person.quotes.nodes[0].article.title).toBe('The mayor answers questions');
    expect(data.person.articles.nodes.map((a: { title: string }) => a.title)).toEqual([
      'The mayor answers questions',
      'Fishermen question turbine plan',
      'Harbor council backs tidal pilot',
    ]);
  });

  test('null when nobody has the name; an error when no argument is given', async () => {
    expect((await query(graph.app, '{ person(name: "Nobody") { name } }')).data.person).toBeNull();
    const result = await execute(graph.app, '{ person { name } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('Query.people', () => {
  test('lists people by name and searches names and aliases', async () => {
    const all = await query(graph.app, '{ people { totalCount nodes { name } } }');
    expect(all.data.people).toEqual({
      totalCount: 3,
      nodes: [{ name: 'Elena Márquez' }, { name: 'Joe Brennan' }, { name: 'Tomas Lindqvist' }],
    });
    const search = await query(graph.app, '{ people(filter: { search: "lindq" }) { totalCount nodes { name } } }');
    expect(search.data.people).toEqual({ totalCount: 1, nodes: [{ name: 'Tomas Lindqvist' }] });
    const accent = await query(graph.app, '{ people(filter: { search: "MÁRQ" }) { nodes { name } } }');
    expect(accent.data.people.nodes).toEqual([{ name: 'Elena Márquez' }]);
  });

  test('a search with wildcard characters is not a wildcard', async () => {
    const { data } = await query(graph.app, '{ people(filter: { search: "%" }) { totalCount } }');
    expect(data.people.totalCount).toBe(0);
    const underscore = await query(graph.app, '{ people(filter: { search: "e_a" }) { totalCount } }');
    expect(underscore.data.people.totalCount).toBe(0);
  });
});

describe('Query.organization and organizations', () => {
  test('finds an organization and shows what it said and who works there', async () => {
    const { data } = await query(
      graph.app,
      `{ organization(name: "northfield university") {
          name kind slug aliases parent { name } children { name }
          affiliations { role person { name } }
          quotes { totalCount }
          articles { nodes { title } }
        } }`,
    );
    expect(data.organization).toEqual({
      name: 'Northfield University',
      kind: 'UNIVERSITY',
      slug: 'northfield-university',
      aliases: [],
      parent: null,
      children: [],
      affiliations: [{ role: 'professor', person: { name: 'Tomas Lindqvist' } }],
      quotes: { totalCount: 0 },
      articles: { nodes: [{ title: 'Harbor council backs tidal pilot' }] },
    });
  });

  test('filters by kind and search', async () => {
    const agencies = await query(
      graph.app,
      '{ organizations(filter: { kind: AGENCY }) { totalCount nodes { name } } }',
    );
    expect(agencies.data.organizations).toEqual({ totalCount: 1, nodes: [{ name: 'Harbor Authority' }] });
    const search = await query(graph.app, '{ organizations(filter: { search: "north" }) { nodes { name } } }');
    expect(search.data.organizations.nodes).toEqual([{ name: 'Northfield University' }]);
  });
});

describe('Query.search', () => {
  test('finds articles, quotes, people and organizations at once', async () => {
    const { data } = await query(
      graph.app,
      '{ search(query: "harbor") { query articles { title } quotes { text } people { name } organizations { name } } }',
    );
    expect(data.search.query).toBe('harbor');
    expect(data.search.articles).toEqual([{ title: 'Harbor council backs tidal pilot' }]);
    expect(data.search.organizations).toEqual([{ name: 'Harbor Authority' }]);
    expect(data.search.people).toEqual([]);
  });

  test('an empty query or an excessive size is refused', async () => {
    for (const source of ['{ search(query: "  ") { query } }', '{ search(query: "x", first: 1000) { query } }']) {
      const result = await execute(graph.app, source);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('Query.publishers', () => {
  test('lists publishers with their articles', async () => {
    const { data } = await query(graph.app, '{ publishers { totalCount nodes { name articles { totalCount } } } }');
    expect(data.publishers.totalCount).toBe(2);
    expect(data.publishers.nodes).toEqual([
      { name: 'Coast Courier', articles: { totalCount: 1 } },
      { name: 'Test Gazette', articles: { totalCount: 2 } },
    ]);
  });
});
