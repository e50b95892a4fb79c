import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import type { App } from '../../src/server.ts';
import type { ExtractedArticle } from '../../src/extract/types.ts';
import { ingestArticle } from '../../src/ingest/article.ts';
import { createTestApp, execute, type GraphQLResponse } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { loadFixtureGraph } from '../support/fixtures.ts';

const TOKEN = 'test-write-token-0123456789';
let database: DatabaseHandle;
let app: App;

beforeAll(async () => {
  database = await openTestDatabase();
  await loadFixtureGraph(database);
  app = createTestApp(database, { apiTokens: [TOKEN] });
});
afterAll(() => database.close());

/** A one-quote article by `speaker`, annotated by hand. */
function articleWith(speaker: string, said: string): ExtractedArticle {
  const body = `"${said}" ${speaker} said on Monday.`;
  return {
    title: `${speaker} speaks`,
    dek: null,
    imageCaption: null,
    body,
    quotes: [
      {
        text: said,
        kind: 'direct',
        speaker: { name: speaker, type: 'person' },
        speakerLabel: speaker,
        cue: 'said',
        start: 1,
        end: 1 + said.length,
        confidence: 0.9,
      },
    ],
    people: [{ name: speaker, aliases: [], roles: [], mentions: 1, firstOffset: said.length + 3 }],
    organizations: [],
    affiliations: [],
    relatedLinks: [],
  };
}

/** Runs a mutation with write rights and returns data, failing on errors. */
async function write(source: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const result = await execute(app, source, variables, { authorization: `Bearer ${TOKEN}` });
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.data as Record<string, any>;
}

async function writeError(source: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  return execute(app, source, variables, { authorization: `Bearer ${TOKEN}` });
}

async function read(source: string, variables: Record<string, unknown> = {}) {
  const result = await execute(app, source, variables);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.data as Record<string, any>;
}

describe('people and organizations', () => {
  test('create, update with a rename that keeps the old name as an alias, and delete a person', async () => {
    const created = await write(
      'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id name slug aliases description } } }',
      { input: { name: 'Ada Quill', aliases: ['Quill', 'quill'], description: 'Harbor pilot.' } },
    );
    const person = created.createPerson.person;
    expect(person).toMatchObject({
      name: 'Ada Quill',
      slug: 'ada-quill',
      aliases: ['Quill'],
      description: 'Harbor pilot.',
    });

    const renamed = await write(
      'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { name aliases } } }',
      { input: { id: person.id, name: 'Ada M. Quill' } },
    );
    expect(renamed.updatePerson.person).toEqual({ name: 'Ada M. Quill', aliases: ['Quill', 'Ada Quill'] });
    expect((await read('{ person(name: "ada quill") { name } }')).person).toEqual({ name: 'Ada M. Quill' });

    const deleted = await write('mutation($id: ID!) { deletePerson(input: { id: $id }) { deletedId } }', {
      id: person.id,
    });
    expect(deleted.deletePerson.deletedId).toBe(person.id);
    expect((await read('query($id: ID!) { node(id: $id) { id } }', { id: person.id })).node).toBeNull();
  });

  test('addAlias makes a person findable by the new name; removeAlias undoes it', async () => {
    const { person } = await read('{ person(name: "Joe Brennan") { id } }');
    const added = await write(
      'mutation($id: ID!) { addAlias(input: { entity: $id, alias: "Skipper Joe" }) { ... on Person { name aliases } } }',
      { id: person.id },
    );
    expect(added.addAlias.aliases).toContain('Skipper Joe');
    expect((await read('{ quotes(filter: { speakerName: "skipper joe" }) { totalCount } }')).quotes.totalCount).toBe(1);
    await write('mutation($id: ID!) { removeAlias(input: { entity: $id, alias: "SKIPPER JOE" }) { __typename } }', {
      id: person.id,
    });
    expect((await read('{ quotes(filter: { speakerName: "skipper joe" }) { totalCount } }')).quotes.totalCount).toBe(0);
  });

  test('organizations: create with a parent, refuse a parent cycle, update the kind', async () => {
    const parent = (
      await write(
        'mutation { createOrganization(input: { name: "Calder County", kind: GOVERNMENT }) { organization { id } } }',
      )
    ).createOrganization.organization;
    const child = (
      await write(
        'mutation($parent: ID!) { createOrganization(input: { name: "County Roads Office", aliases: ["CRO"], parent: $parent }) { organization { id kind parent { name } } } }',
        { parent: parent.id },
      )
    ).createOrganization.organization;
    expect(child).toMatchObject({ kind: 'OTHER', parent: { name: 'Calder County' } });

    const cycle = await writeError(
      'mutation($id: ID!, $parent: ID!) { updateOrganization(input: { id: $id, parent: $parent }) { organization { id } } }',
      {
        id: parent.id,
        parent: child.id,
      },
    );
    expect(cycle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parent' });

    const updated = await write(
      'mutation($id: ID!) { updateOrganization(input: { id: $id, kind: AGENCY }) { organization { kind children { name } } } }',
      {
        id: parent.id,
      },
    );
    expect(updated.updateOrganization.organization).toEqual({
      kind: 'AGENCY',
      children: [{ name: 'County Roads Office' }],
    });
  });
});

describe('affiliations and related links', () => {
  test('create an affiliation once, change its role, delete it', async () => {
    const { person } = await read('{ person(name: "Joe Brennan") { id } }');
    const { organization } = await read('{ organization(name: "Harbor Authority") { id } }');
    const mutation =
      'mutation($p: ID!, $o: ID!) { createAffiliation(input: { person: $p, organization: $o, role: "adviser" }) { affiliation { id role person { name } organization { name } } } }';
    const first = (await write(mutation, { p: person.id, o: organization.id })).createAffiliation.affiliation;
    const again = (await write(mutation, { p: person.id, o: organization.id })).createAffiliation.affiliation;
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({
      role: 'adviser',
      person: { name: 'Joe Brennan' },
      organization: { name: 'Harbor Authority' },
    });

    const updated = await write(
      'mutation($id: ID!) { updateAffiliation(input: { id: $id, role: "board member" }) { affiliation { role } } }',
      { id: first.id },
    );
    expect(updated.updateAffiliation.affiliation.role).toBe('board member');
    await write('mutation($id: ID!) { deleteAffiliation(input: { id: $id }) { deletedId } }', { id: first.id });
    expect((await read('{ person(name: "Joe Brennan") { affiliations { role } } }')).person.affiliations).toEqual([]);
  });

  test('giving an affiliation the role the pair already has is refused on input.role, and nothing changes', async () => {
    const { person } = await read('{ person(name: "Joe Brennan") { id } }');
    const { organization } = await read('{ organization(name: "Harbor Authority") { id } }');
    const create = (role: string) =>
      write(
        'mutation($p: ID!, $o: ID!, $r: String) { createAffiliation(input: { person: $p, organization: $o, role: $r }) { affiliation { id } } }',
        {
          p: person.id,
          o: organization.id,
          r: role,
        },
      );
    const pilot = (await create('pilot')).createAffiliation.affiliation;
    const deckhand = (await create('deckhand')).createAffiliation.affiliation;
    const clash = await writeError(
      'mutation($id: ID!) { updateAffiliation(input: { id: $id, role: "pilot" }) { affiliation { role } } }',
      { id: deckhand.id },
    );
    expect(clash.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
    const roles = (await read('{ person(name: "Joe Brennan") { affiliations { role } } }')).person.affiliations.map(
      (a: { role: string }) => a.role,
    );
    expect(roles.sort()).toEqual(['deckhand', 'pilot']);
    for (const { id } of [pilot, deckhand])
      await write('mutation($id: ID!) { deleteAffiliation(input: { id: $id }) { deletedId } }', { id });
  });

  test('related links are appended, edited and deleted with positions kept dense', async () => {
    const { article } = await read('{ article(slug: "harbor-council-backs-tidal-pilot") { id } }');
    const added = (
      await write(
        'mutation($a: ID!) { createRelatedLink(input: { article: $a, title: "VIDEO: The vote", url: "https://example.test/v", kind: VIDEO }) { relatedLink { id position kind } } }',
        {
          a: article.id,
        },
      )
    ).createRelatedLink.relatedLink;
    expect(added).toMatchObject({ position: 2, kind: 'VIDEO' });
    const links = (await read('{ article(slug: "harbor-council-backs-tidal-pilot") { relatedLinks { id } } }')).article
      .relatedLinks;
    await write('mutation($id: ID!) { deleteRelatedLink(input: { id: $id }) { deletedId } }', { id: links[0].id });
    const after = (
      await read('{ article(slug: "harbor-council-backs-tidal-pilot") { relatedLinks { title position } } }')
    ).article.relatedLinks;
    expect(after).toEqual([
      { title: 'What a tidal turbine looks like', position: 0 },
      { title: 'VIDEO: The vote', position: 1 },
    ]);
    const edited = await write(
      'mutation($id: ID!) { updateRelatedLink(input: { id: $id, title: "VIDEO: The whole vote", url: null }) { relatedLink { title url } } }',
      {
        id: added.id,
      },
    );
    expect(edited.updateRelatedLink.relatedLink).toEqual({ title: 'VIDEO: The whole vote', url: null });
  });
});

describe('articles and quotes', () => {
  test('create an article by hand, add quotes in reading order, edit and delete them', async () => {
    const body =
      'The ferry will run late on Sunday. "We are sorry for the wait," the operator said. Repairs finish Monday.';
    const article = (
      await write(
        'mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug publisher { name } } } }',
        {
          input: {
            title: 'Ferry delays',
            body,
            url: 'https://example.test/ferry',
            publishedAt: '2026-04-01T10:00:00Z',
            publisher: 'Test Gazette',
          },
        },
      )
    ).createArticle.article;
    expect(article).toMatchObject({ slug: 'ferry-delays', publisher: { name: 'Test Gazette' } });

    const { organization } = await read('{ organization(name: "Harbor Authority") { id } }');
    const later = 'Repairs finish Monday.';
    const earlier = 'We are sorry for the wait,';
    const createQuote =
      'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id position text speaker { ... on Organization { name } } } } }';
    const second = (
      await write(createQuote, {
        input: {
          article: article.id,
          text: later,
          kind: 'INDIRECT',
          startOffset: body.indexOf(later),
          endOffset: body.indexOf(later) + later.length,
        },
      })
    ).createQuote.quote;
    const first = (
      await write(createQuote, {
        input: {
          article: article.id,
          text: earlier,
          kind: 'DIRECT',
          speaker: organization.id,
          startOffset: body.indexOf(earlier),
          endOffset: body.indexOf(earlier) + earlier.length,
        },
      })
    ).createQuote.quote;
    expect(first).toMatchObject({ position: 0, speaker: { name: 'Harbor Authority' } });
    const positions = (
      await read('query($id: ID!) { node(id: $id) { ... on Article { quotes { nodes { id position } } } } }', {
        id: article.id,
      })
    ).node.quotes.nodes;
    expect(positions).toEqual([
      { id: first.id, position: 0 },
      { id: second.id, position: 1 },
    ]);

    const wrongText = await writeError(createQuote, {
      input: { article: article.id, text: 'not there', kind: 'DIRECT', startOffset: 0, endOffset: 9 },
    });
    expect(wrongText.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
    const pastEnd = await writeError(createQuote, {
      input: { article: article.id, text: 'x', kind: 'DIRECT', startOffset: 5000, endOffset: 5001 },
    });
    expect(pastEnd.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endOffset' });

    const updated = await write(
      'mutation($id: ID!) { updateQuote(input: { id: $id, kind: PARTIAL, speaker: null, speakerLabel: "the operator" }) { quote { kind speaker { __typename } speakerLabel } } }',
      { id: first.id },
    );
    expect(updated.updateQuote.quote).toEqual({ kind: 'PARTIAL', speaker: null, speakerLabel: 'the operator' });

    await write('mutation($id: ID!) { deleteQuote(input: { id: $id }) { deletedId } }', { id: first.id });
    const remaining = (
      await read('query($id: ID!) { node(id: $id) { ... on Article { quotes { nodes { id position } } } } }', {
        id: article.id,
      })
    ).node.quotes.nodes;
    expect(remaining).toEqual([{ id: second.id, position: 0 }]);

    const moved = await write(
      'mutation($id: ID!) { updateArticle(input: { id: $id, publishedAt: "2020-01-01T00:00:00Z", title: "Ferry delays, again" }) { article { title publishedAt } } }',
      { id: article.id },
    );
    expect(moved.updateArticle.article).toEqual({
      title: 'Ferry delays, again',
      publishedAt: '2020-01-01T00:00:00.000Z',
    });
    const oldest = await read('{ quotes(orderBy: OLDEST, first: 1) { nodes { id } } }');
    expect(oldest.quotes.nodes[0].id).toBe(second.id);
  });

  test('deleting an article removes its quotes, links and mentions but keeps the people', async () => {
    const { article } = await read(
      '{ article(url: "https://example.test/news/fishermen") { id quotes { nodes { id } } } }',
    );
    const quoteIds: string[] = article.quotes.nodes.map((q: { id: string }) => q.id);
    await write('mutation($id: ID!) { deleteArticle(input: { id: $id }) { deletedId } }', { id: article.id });
    const after = await read(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } person(name: "Joe Brennan") { name articles { totalCount } quotes { totalCount } } }',
      { ids: quoteIds },
    );
    expect(after.nodes.every((node: unknown) => node === null)).toBe(true);
    expect(after.person).toEqual({ name: 'Joe Brennan', articles: { totalCount: 0 }, quotes: { totalCount: 0 } });
  });

  test('ids that name nothing are NOT_FOUND with the field path; ids of another type are refused', async () => {
    const missing = await writeError('mutation($id: ID!) { deleteArticle(input: { id: $id }) { deletedId } }', {
      id: encodeGlobalID('Article', 987654),
    });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    const wrongType = await writeError('mutation($id: ID!) { deleteArticle(input: { id: $id }) { deletedId } }', {
      id: encodeGlobalID('Person', 1),
    });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('invalid input is BAD_USER_INPUT naming the field, and nothing is written', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }',
        { input: { name: '   ' } },
        'input.name',
      ],
      [
        'mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }',
        { input: { title: 'T', body: 'b', url: 'ftp://x' } },
        'input.url',
      ],
      [
        'mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }',
        { input: { title: 'T', body: 'b', language: 'English' } },
        'input.language',
      ],
      [
        'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { created } }',
        { input: { text: 'a', html: '<p>a</p>' } },
        'input.text',
      ],
      [
        'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { created } }',
        { input: { text: '   ' } },
        'input.text',
      ],
    ];
    const before = await read('{ people { totalCount } articles { totalCount } }');
    for (const [source, variables, field] of cases) {
      const result = await writeError(source, variables);
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await read('{ people { totalCount } articles { totalCount } }')).toEqual(before);
  });

  test('an article over the size limit is refused', async () => {
    const small = createTestApp(database, { apiTokens: [TOKEN], maxArticleBytes: 2_000 });
    const result = await execute(
      small,
      'mutation($text: String!) { ingestArticle(input: { text: $text }) { created } }',
      { text: 'word '.repeat(1_000) },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
  });
});

describe('merging duplicates', () => {
  test('mergePeople moves quotes, affiliations, mentions and names onto the kept person', async () => {
    await ingestArticle(database.db, articleWith('Rosa Delgado', 'Our pier will stay open,'), {
      url: 'https://example.test/rosa-1',
    });
    await ingestArticle(database.db, articleWith('R. Delgado', 'The survey comes first,'), {
      url: 'https://example.test/rosa-2',
    });
    const keep = (await read('{ person(name: "Rosa Delgado") { id } }')).person.id;
    const remove = (await read('{ person(name: "R. Delgado") { id } }')).person.id;
    const { organization } = await read('{ organization(name: "Harbor Authority") { id } }');
    await write(
      'mutation($p: ID!, $o: ID!) { createAffiliation(input: { person: $p, organization: $o, role: "pilot" }) { affiliation { id } } }',
      { p: remove, o: organization.id },
    );

    const merged = await write(
      'mutation($keep: ID!, $remove: ID!) { mergePeople(input: { keep: $keep, remove: $remove }) { kept { ... on Person { name aliases } } movedQuotes movedAffiliations movedMentions addedAliases } }',
      { keep, remove },
    );
    expect(merged.mergePeople).toMatchObject({
      movedQuotes: 1,
      movedAffiliations: 1,
      movedMentions: 1,
      kept: { name: 'Rosa Delgado' },
    });
    expect(merged.mergePeople.kept.aliases).toContain('R. Delgado');
    const after = await read(
      'query($keep: ID!, $remove: ID!) { gone: node(id: $remove) { id } kept: node(id: $keep) { ... on Person { quotes { totalCount } articles { totalCount } affiliations { role } } } byOldName: quotes(filter: { speakerName: "r delgado" }) { totalCount } }',
      { keep, remove },
    );
    expect(after).toEqual({
      gone: null,
      kept: { quotes: { totalCount: 2 }, articles: { totalCount: 2 }, affiliations: [{ role: 'pilot' }] },
      byOldName: { totalCount: 2 },
    });
  });

  test('mergeOrganizations also moves child organizations, and refuses to merge an entity with itself', async () => {
    const a = (
      await write(
        'mutation { createOrganization(input: { name: "Port Works Dept", kind: GOVERNMENT }) { organization { id } } }',
      )
    ).createOrganization.organization.id;
    const b = (
      await write(
        'mutation { createOrganization(input: { name: "Port Works Department", aliases: ["PWD"] }) { organization { id } } }',
      )
    ).createOrganization.organization.id;
    await write(
      'mutation($p: ID!) { createOrganization(input: { name: "Dredging Unit", parent: $p }) { organization { id } } }',
      { p: b },
    );
    await write(
      'mutation($keep: ID!, $remove: ID!) { mergeOrganizations(input: { keep: $keep, remove: $remove }) { addedAliases } }',
      { keep: a, remove: b },
    );
    const kept = await read('query($id: ID!) { node(id: $id) { ... on Organization { aliases children { name } } } }', {
      id: a,
    });
    expect(kept.node).toEqual({ aliases: ['Port Works Department', 'PWD'], children: [{ name: 'Dredging Unit' }] });
    const self = await writeError(
      'mutation($id: ID!) { mergeOrganizations(input: { keep: $id, remove: $id }) { addedAliases } }',
      { id: a },
    );
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.remove' });
  });
});

describe('stored counts', () => {
  test("every speaker's stored quote count matches its quotes after all the writes above", async () => {
    const { sql } = await import('drizzle-orm');
    const { rowsOf } = await import('../../src/db/client.ts');
    const mismatches = rowsOf(
      await database.db.execute(sql`
        select 'person' as kind, p.id, p.quote_count, (select count(*) from quotes q where q.speaker_person_id = p.id)::int as actual
        from people p
        union all
        select 'organization', o.id, o.quote_count, (select count(*) from quotes q where q.speaker_organization_id = o.id)::int
        from organizations o`),
    ).filter(
      (row) => (row as { quote_count: number; actual: number }).quote_count !== (row as { actual: number }).actual,
    );
    expect(mismatches).toEqual([]);
    const { data } = {
      data: await read('{ quotes(filter: { speakerName: "marquez" }, first: 100) { totalCount nodes { id } } }'),
    };
    expect(data.quotes.totalCount).toBe(data.quotes.nodes.length);
  });
});
