import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowsOf, type DatabaseHandle } from '../../src/db/client.ts';
import type { ExtractedArticle } from '../../src/extract/types.ts';
import { ingestArticle } from '../../src/ingest/article.ts';
import { chooseMatch } from '../../src/ingest/entities.ts';
import { createTestApp, execute, query } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { councilArticle, fishermenArticle } from '../support/fixtures.ts';
import { sharedPath } from '../support/shared.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** Every row of the graph, without the timestamps that are expected to move. */
async function graphSnapshot() {
  const tables = [
    'publishers',
    'articles',
    'people',
    'organizations',
    'affiliations',
    'quotes',
    'related_links',
    'mentions',
  ];
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = rowsOf<Record<string, unknown>>(
      await database.db.execute(sql.raw(`select * from ${table} order by id`)),
    );
    snapshot[table] = rows.map(({ updated_at: _u, created_at: _c, sort_at: _s, article_sort_at: _a, ...rest }) => rest);
  }
  return snapshot;
}

function person(name: string, aliases: string[] = []) {
  return { name, aliases, roles: [], mentions: 1, firstOffset: 0 };
}

function articleNaming(people: string[][], body: string): ExtractedArticle {
  return {
    title: null,
    dek: null,
    imageCaption: null,
    body,
    quotes: [],
    people: people.map(([name, ...aliases]) => person(name as string, aliases)),
    organizations: [],
    affiliations: [],
    relatedLinks: [],
  };
}

describe('ingestArticle', () => {
  test('re-ingesting the same article changes nothing but updatedAt; ids stay', async () => {
    const meta = {
      url: 'https://example.test/idempotent',
      publishedAt: new Date('2026-01-10T09:00:00Z'),
      publisher: 'Test Gazette',
    };
    const first = await ingestArticle(database.db, councilArticle, meta);
    expect(first.created).toBe(true);
    const before = await graphSnapshot();
    const [{ updated_at: updatedBefore }] = rowsOf<{ updated_at: Date }>(
      await database.db.execute(sql`select updated_at from articles where id = ${first.articleId}`),
    ) as [{ updated_at: Date }];
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = await ingestArticle(database.db, councilArticle, meta);
    expect(second.created).toBe(false);
    expect(second.articleId).toBe(first.articleId);
    expect(second.quoteIds).toEqual(first.quoteIds);
    expect(await graphSnapshot()).toEqual(before);
    const [{ updated_at: updatedAfter }] = rowsOf<{ updated_at: Date }>(
      await database.db.execute(sql`select updated_at from articles where id = ${first.articleId}`),
    ) as [{ updated_at: Date }];
    expect(new Date(updatedAfter).getTime()).toBeGreaterThan(new Date(updatedBefore).getTime());
  });

  test('without a URL, the same text (up to whitespace and case) is the same article', async () => {
    const first = await ingestArticle(database.db, fishermenArticle);
    const reformatted = { ...fishermenArticle, body: fishermenArticle.body };
    const again = await ingestArticle(database.db, reformatted, {});
    expect(again.articleId).toBe(first.articleId);
    expect(again.created).toBe(false);
  });

  test('a failure part-way leaves no trace', async () => {
    const before = await graphSnapshot();
    const broken: ExtractedArticle = {
      ...councilArticle,
      body: `${councilArticle.body}\n\nA brand new paragraph about Zora Vance.`,
      people: [...councilArticle.people, person('Zora Vance')],
      // The article, the new person and the entities are written before the quotes; this
      // quote's kind is rejected by the database, so everything must roll back.
      quotes: [{ ...councilArticle.quotes[0]!, kind: 'shouted' as never }],
    };
    await expect(ingestArticle(database.db, broken, { url: 'https://example.test/broken' })).rejects.toThrow();
    expect(await graphSnapshot()).toEqual(before);
  });

  test('offsets outside the body are refused before anything is written', async () => {
    const before = await graphSnapshot();
    const bad = { ...councilArticle, quotes: [{ ...councilArticle.quotes[0]!, start: 5, end: 100_000 }] };
    await expect(ingestArticle(database.db, bad, { url: 'https://example.test/bad-offsets' })).rejects.toThrow(
      /outside the article body/,
    );
    expect(await graphSnapshot()).toEqual(before);
  });
});

describe('entity resolution across articles', () => {
  test('different forms of one name end as one person, and the aliases are learned', async () => {
    await ingestArticle(database.db, articleNaming([['Priya Raman', 'Raman']], 'Priya Raman spoke.'), {
      url: 'https://example.test/r1',
    });
    await ingestArticle(database.db, articleNaming([['PRIYA RÁMAN', 'Ms. Raman']], 'PRIYA RÁMAN spoke again.'), {
      url: 'https://example.test/r2',
    });
    const app = createTestApp(database);
    const { data } = await query(
      app,
      '{ people(filter: { search: "raman" }) { totalCount nodes { name aliases articles { totalCount } } } }',
    );
    expect(data.people.totalCount).toBe(1);
    expect(data.people.nodes[0].name).toBe('Priya Raman');
    expect(data.people.nodes[0].aliases).toEqual(expect.arrayContaining(['Raman', 'Ms. Raman']));
    expect(data.people.nodes[0].articles.totalCount).toBe(2);
  });

  test('a shared surname never merges two different full names', async () => {
    await ingestArticle(database.db, articleNaming([['Harold Johnson', 'Johnson']], 'Harold Johnson said hello.'), {
      url: 'https://example.test/j1',
    });
    await ingestArticle(database.db, articleNaming([['Mavis Johnson', 'Johnson']], 'Mavis Johnson said hello.'), {
      url: 'https://example.test/j2',
    });
    const result = await ingestArticle(database.db, articleNaming([['Johnson']], 'Johnson said hello.'), {
      url: 'https://example.test/j3',
    });
    expect(result.warnings.some((warning) => warning.includes('Johnson'))).toBe(true);
    const app = createTestApp(database);
    const { data } = await query(app, '{ people(filter: { search: "johnson" }) { nodes { name } } }');
    expect(data.people.nodes.map((p: { name: string }) => p.name).sort()).toEqual([
      'Harold Johnson',
      'Johnson',
      'Mavis Johnson',
    ]);
  });

  test('a role-less affiliation gives way to one with a role, whichever article came first', async () => {
    const withAffiliation = (role: string | null, url: string) => {
      const article = articleNaming([['Ilse Varga', 'Varga']], 'Ilse Varga of the Lantern Guild spoke.');
      return ingestArticle(
        database.db,
        {
          ...article,
          organizations: [{ name: 'Lantern Guild', kind: 'nonprofit', aliases: [], mentions: 1, firstOffset: 0 }],
          affiliations: [{ person: 'Ilse Varga', organization: 'Lantern Guild', role }],
        } as ExtractedArticle,
        { url },
      );
    };
    const roles = async () => {
      const { data } = await query(
        createTestApp(database),
        '{ person(name: "Ilse Varga") { affiliations { role organization { name } } } }',
      );
      return data.person.affiliations.map((a: { role: string | null }) => a.role).sort();
    };
    await withAffiliation(null, 'https://example.test/varga-1');
    expect(await roles()).toEqual([null]);
    await withAffiliation('treasurer', 'https://example.test/varga-2');
    expect(await roles()).toEqual(['treasurer']);
    await withAffiliation(null, 'https://example.test/varga-3');
    await withAffiliation('chair', 'https://example.test/varga-4');
    expect(await roles()).toEqual(['chair', 'treasurer']);
  });

  test('chooseMatch: a surname alone matches only when one stored person has it', () => {
    const harold = { id: 1, name: 'Harold Johnson', aliases: ['Johnson'], lookupKeys: ['harold johnson', 'johnson'] };
    const mavis = { id: 2, name: 'Mavis Johnson', aliases: ['Johnson'], lookupKeys: ['mavis johnson', 'johnson'] };
    expect(chooseMatch('Johnson', [], [harold]).match?.id).toBe(1);
    expect(chooseMatch('Johnson', [], [harold, mavis])).toEqual({ match: null, ambiguous: true });
    expect(chooseMatch('Mavis Johnson', [], [harold, mavis]).match?.id).toBe(2);
    expect(chooseMatch('Johnson', ['Mavis Johnson'], [harold, mavis]).ambiguous).toBe(true);
  });
});

describe('the seed article, through the ingestArticle mutation', () => {
  const seedPath = sharedPath('seed', 'sony-north-korea-2014.txt');
  test.skipIf(!fs.existsSync(seedPath))("finds Obama's quotes by surname and Koh Yu-hwan's professorship", async () => {
    const app = createTestApp(database, { apiTokens: ['seed-test-token-0123456789'] });
    const ingest = await execute(
      app,
      'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { created article { id title } quotes { text } warnings } }',
      {
        input: {
          text: fs.readFileSync(seedPath, 'utf8'),
          url: 'https://example.test/sony',
          publishedAt: '2014-12-20T12:00:00Z',
        },
      },
      { authorization: 'Bearer seed-test-token-0123456789' },
    );
    expect(ingest.errors).toBeUndefined();
    expect(ingest.data?.ingestArticle.created).toBe(true);

    const { data } = await query(
      app,
      '{ quotes(filter: { speakerName: "Obama" }) { totalCount nodes { text kind article { title } } } }',
    );
    expect(data.quotes.totalCount).toBeGreaterThanOrEqual(3);
    expect(data.quotes.nodes.map((q: { text: string }) => q.text)).toEqual(
      expect.arrayContaining(['mistake', 'I wish Sony had spoken to me first,']),
    );
    for (const quote of data.quotes.nodes) {
      expect(quote.article.title).toBe(
        'North Korea Claims It Is Not Responsible for Sony Attack, Wants Probe Investigation',
      );
    }
    const koh = await query(app, '{ person(name: "Koh Yu-hwan") { affiliations { role organization { name } } } }');
    expect(koh.data.person.affiliations).toEqual(
      expect.arrayContaining([{ role: 'professor', organization: { name: 'Dongguk University' } }]),
    );
  });
});

describe('resolution rules', () => {
  const stored = (id: number, name: string, aliases: string[] = []) => ({
    id,
    name,
    aliases,
    lookupKeys: [...new Set([name, ...aliases].map((n) => n.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ')))],
  });

  test('a middle initial is optional, unless the stored person is known by other initials', () => {
    expect(chooseMatch('Donald J. Trump', [], [stored(1, 'Donald Trump')]).match?.id).toBe(1);
    const georgeW = stored(2, 'George W. Bush', ['George Bush']);
    expect(chooseMatch('George H. W. Bush', [], [georgeW]).match).toBeNull();
  });

  test('a middle name is optional for a person, unless the stored person is known by another one', () => {
    expect(chooseMatch('Marta Kovacs Lind', [], [stored(1, 'Marta Lind')]).match?.id).toBe(1);
    expect(chooseMatch('Marta Kovacs Lind', [], [stored(1, 'Marta Lind', ['Marta Ilona Lind'])]).match).toBeNull();
    expect(chooseMatch('Marta K. Lind', [], [stored(1, 'Marta Lind', ['Marta Kovacs Lind'])]).match?.id).toBe(1);
    // Not for organizations: "Bank of Ardena" is no "Bank Ardena".
    expect(
      chooseMatch('Bank of Ardena', [], [stored(1, 'Bank Ardena')], new Set(), { person: false }).match,
    ).toBeNull();
  });

  test('a person named with a middle name in a later article is the one stored without it', async () => {
    await ingestArticle(database.db, articleNaming([['Tomas Brevik', 'Brevik']], 'Tomas Brevik spoke.'), {
      url: 'https://example.test/b1',
    });
    await ingestArticle(database.db, articleNaming([['Tomas Aurel Brevik']], 'Tomas Aurel Brevik spoke again.'), {
      url: 'https://example.test/b2',
    });
    const { data } = await query(
      createTestApp(database),
      '{ people(filter: { search: "brevik" }) { nodes { name aliases articles { totalCount } } } }',
    );
    expect(data.people.nodes).toEqual([
      { name: 'Tomas Brevik', aliases: ['Brevik', 'Tomas Aurel Brevik'], articles: { totalCount: 2 } },
    ]);
  });

  test('a re-ingested article keeps the entity it pointed at before, even when the name has become ambiguous', () => {
    const candidates = [stored(1, 'Harold Johnson', ['Johnson']), stored(2, 'Mavis Johnson', ['Johnson'])];
    expect(chooseMatch('Johnson', [], candidates, new Set([2])).match?.id).toBe(2);
  });

  test('a surname-only person is claimed by the first full name that arrives, and keeps its quotes', async () => {
    await ingestArticle(database.db, articleNaming([['Okafor']], 'Okafor spoke.'), { url: 'https://example.test/o1' });
    await ingestArticle(database.db, articleNaming([['Nneka Okafor', 'Okafor']], 'Nneka Okafor spoke.'), {
      url: 'https://example.test/o2',
    });
    const app = createTestApp(database);
    const { data } = await query(
      app,
      '{ people(filter: { search: "okafor" }) { nodes { name aliases articles { totalCount } } } }',
    );
    expect(data.people.nodes).toEqual([{ name: 'Nneka Okafor', aliases: ['Okafor'], articles: { totalCount: 2 } }]);
  });
});

describe('ambiguous surnames', () => {
  const known = (id: number, name: string, articles: number) => ({
    id,
    name,
    aliases: [name.split(' ').at(-1) as string],
    lookupKeys: [name.toLowerCase(), (name.split(' ').at(-1) as string).toLowerCase()],
    articles,
  });

  test('go to the far better known person, and stay ambiguous when neither stands out', () => {
    expect(chooseMatch('Quill', [], [known(1, 'Ada Quill', 12), known(2, 'Ben Quill', 2)]).match?.id).toBe(1);
    expect(chooseMatch('Quill', [], [known(1, 'Ada Quill', 4), known(2, 'Ben Quill', 3)])).toEqual({
      match: null,
      ambiguous: true,
    });
    expect(chooseMatch('Quill', [], [known(1, 'Ada Quill', 2), known(2, 'Ben Quill', 0)])).toEqual({
      match: null,
      ambiguous: true,
    });
  });
});
