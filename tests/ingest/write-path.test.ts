// Writes that went wrong on their own, without any concurrency: merges that made the
// organization tree cyclic or under-reported what they moved, articles too large for one
// statement, and URL-less articles whose text another one already has.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowsOf, type DatabaseHandle } from '../../src/db/client.ts';
import type { ExtractedArticle } from '../../src/extract/types.ts';
import { ingestArticle } from '../../src/ingest/article.ts';
import { contentHash } from '../../src/store/articles.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, execute, testConfig, type GraphQLResponse } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { runs } from '../support/property.ts';

const TOKEN = 'test-write-token-write-path-0123';
let database: DatabaseHandle;
let app: App;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database, {
    apiTokens: [TOKEN],
    rateLimits: { ...testConfig().rateLimits, writesPerMinute: 1_000_000 },
  });
});
afterAll(() => database.close());

function send(source: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  return execute(app, source, variables, { authorization: `Bearer ${TOKEN}` });
}

async function write(source: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const result = await send(source, variables);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.data as Record<string, any>;
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await database.db.execute(query));
}

const idOf = (gid: string) => Number(Buffer.from(gid, 'base64').toString().split(':')[1]);

let namespace = 0;

describe('mergeOrganizations keeps the hierarchy a forest', () => {
  test("keeping a grandchild and removing the root: the grandchild takes the root's place", async () => {
    const create = async (name: string, parent?: string) =>
      (
        await write(
          'mutation($name: String!, $parent: ID) { createOrganization(input: { name: $name, parent: $parent }) { organization { id } } }',
          { name, parent },
        )
      ).createOrganization.organization.id as string;
    const root = await create('Coast Agency');
    const child = await create('Coast Agency Ports', root);
    const grandchild = await create('Coast Agency Ports North', child);
    await write(
      'mutation($keep: ID!, $remove: ID!) { mergeOrganizations(input: { keep: $keep, remove: $remove }) { addedAliases } }',
      { keep: grandchild, remove: root },
    );
    const after = await write(
      'query($g: ID!, $c: ID!) { g: node(id: $g) { ... on Organization { parent { id } } } c: node(id: $c) { ... on Organization { parent { id } } } }',
      { g: grandchild, c: child },
    );
    expect(after).toEqual({ g: { parent: null }, c: { parent: { id: grandchild } } });
  });

  test("any merge in a generated forest leaves no cycle and keeps the removed one's descendants under the kept one", async () => {
    const forest = fc.integer({ min: 2, max: 9 }).chain((size) =>
      fc.record({
        parents: fc.tuple(
          ...Array.from({ length: size }, (_, i) =>
            i === 0 ? fc.constant(null) : fc.option(fc.nat(i - 1), { nil: null }),
          ),
        ),
        keep: fc.nat(size - 1),
        remove: fc.nat(size - 2),
      }),
    );
    await fc.assert(
      fc.asyncProperty(forest, async ({ parents, keep, remove: removeIndex }) => {
        const remove = removeIndex >= keep ? removeIndex + 1 : removeIndex;
        const batch = ++namespace;
        const ids: number[] = [];
        for (const [index, parent] of parents.entries()) {
          const [row] = await rows<{ id: number }>(sql`
            insert into organizations (slug, name, kind, parent_id, lookup_keys, lookup_text)
            values (${`forest-${batch}-${index}`}, ${`Forest ${batch} ${index}`}, 'other', ${parent === null ? null : ids[parent]!},
                    array[${`forest ${batch} ${index}`}]::text[], ${`forest ${batch} ${index}`})
            returning id`);
          ids.push(row!.id);
        }
        const descendants = (of: number, links: Map<number, number | null>) =>
          [...links.keys()].filter((id) => {
            for (
              let at = links.get(id) ?? null, steps = 0;
              at !== null && steps <= links.size;
              at = links.get(at) ?? null, steps++
            ) {
              if (at === of) return true;
            }
            return false;
          });
        const before = new Map(ids.map((id, index) => [id, parents[index] === null ? null : ids[parents[index]!]!]));
        const keepId = ids[keep]!;
        const removeId = ids[remove]!;
        const result = await send(
          'mutation($keep: ID!, $remove: ID!) { mergeOrganizations(input: { keep: $keep, remove: $remove }) { addedAliases } }',
          {
            keep: Buffer.from(`Organization:${keepId}`).toString('base64'),
            remove: Buffer.from(`Organization:${removeId}`).toString('base64'),
          },
        );
        expect(result.errors).toBeUndefined();
        const stored = await rows<{ id: number; parent_id: number | null }>(sql`
          select id, parent_id from organizations where slug like ${`forest-${batch}-%`}`);
        const after = new Map(stored.map((row) => [row.id, row.parent_id]));
        expect([...after.keys()].sort()).toEqual(ids.filter((id) => id !== removeId).sort());
        // No cycle: every walk up ends at a root within as many steps as there are organizations.
        for (const id of after.keys()) {
          let steps = 0;
          for (let at = after.get(id) ?? null; at !== null; at = after.get(at) ?? null)
            expect(++steps).toBeLessThanOrEqual(after.size);
        }
        // What hung below the removed one now hangs below the kept one.
        const wanted = descendants(removeId, before).filter((id) => id !== keepId);
        const under = new Set(descendants(keepId, after));
        expect(wanted.filter((id) => !under.has(id))).toEqual([]);
      }),
      { numRuns: runs(10) },
    );
  });
});

describe('mergePeople reports what it moved', () => {
  test("movedMentions counts every mention of the removed person: moved, or added to the kept one's", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('keep', 'remove', 'both', 'neither'), { minLength: 1, maxLength: 12 }),
        async (articlesMention) => {
          const batch = ++namespace;
          const [keep, remove] = await rows<{ id: number }>(sql`
            insert into people (slug, name, lookup_keys, lookup_text) values
              (${`keep-${batch}`}, ${`Keep ${batch}`}, array[${`keep ${batch}`}]::text[], ${`keep ${batch}`}),
              (${`remove-${batch}`}, ${`Remove ${batch}`}, array[${`remove ${batch}`}]::text[], ${`remove ${batch}`})
            returning id`);
          for (const [index, who] of articlesMention.entries()) {
            const [article] = await rows<{ id: number }>(sql`
              insert into articles (slug, title, body, url, content_hash) values
                (${`mentions-${batch}-${index}`}, 'Mentions', 'Body', ${`https://example.test/mentions/${batch}/${index}`}, 'x')
              returning id`);
            const people =
              who === 'both'
                ? [keep!.id, remove!.id]
                : who === 'keep'
                  ? [keep!.id]
                  : who === 'remove'
                    ? [remove!.id]
                    : [];
            for (const personId of people) {
              await database.db.execute(
                sql`insert into mentions (article_id, person_id, count, first_offset) values (${article!.id}, ${personId}, 2, 0)`,
              );
            }
          }
          const removedMentions = articlesMention.filter((who) => who === 'remove' || who === 'both').length;
          const merged = await write(
            'mutation($keep: ID!, $remove: ID!) { mergePeople(input: { keep: $keep, remove: $remove }) { movedMentions } }',
            {
              keep: Buffer.from(`Person:${keep!.id}`).toString('base64'),
              remove: Buffer.from(`Person:${remove!.id}`).toString('base64'),
            },
          );
          expect(merged.mergePeople.movedMentions).toBe(removedMentions);
          const [{ total }] = (await rows<{ total: number }>(
            sql`select coalesce(sum(count), 0)::int as total from mentions where person_id = ${keep!.id}`,
          )) as [{ total: number }];
          expect(total).toBe(
            2 * articlesMention.filter((who) => who !== 'neither').length +
              2 * articlesMention.filter((who) => who === 'both').length,
          );
        },
      ),
      { numRuns: runs(10) },
    );
  });
});

/** An article of `count` one-word quotes by `speakers` people, and `links` related links. */
function hugeArticle(count: number, links: number, speakers: number): ExtractedArticle {
  const sentences = Array.from({ length: count }, (_, i) => `"Word${i}," said Speaker${i % speakers}.`);
  let offset = 0;
  const quotes = sentences.map((sentence, i) => {
    const start = offset + 1;
    offset += sentence.length + 1;
    return {
      text: `Word${i},`,
      kind: 'direct' as const,
      speaker: { name: `Speaker${i % speakers} Huge`, type: 'person' as const },
      speakerLabel: null,
      cue: 'said',
      start,
      end: start + `Word${i},`.length,
      confidence: 0.9,
    };
  });
  return {
    title: `Huge ${count}`,
    dek: null,
    imageCaption: null,
    body: sentences.join(' '),
    quotes,
    people: Array.from({ length: speakers }, (_, i) => ({
      name: `Speaker${i} Huge`,
      aliases: [],
      roles: [],
      mentions: 1,
      firstOffset: 0,
    })),
    organizations: [],
    affiliations: [],
    relatedLinks: Array.from({ length: links }, (_, i) => ({
      title: `Link ${i}`,
      url: `https://example.test/huge/link/${i}`,
      kind: 'article' as const,
    })),
  };
}

describe('large articles', () => {
  test('an article with 7,000 quotes by 20 speakers and 7,000 related links is stored, and stored again in place', async () => {
    const article = hugeArticle(7_000, 7_000, 20);
    const first = await ingestArticle(database.db, article, { url: 'https://example.test/huge' });
    expect(first.quoteIds).toHaveLength(7_000);
    const counts = async () =>
      rows<{ quotes: number; links: number; mentions: number }>(sql`
        select (select count(*) from quotes where article_id = ${first.articleId})::int as quotes,
               (select count(*) from related_links where article_id = ${first.articleId})::int as links,
               (select count(*) from mentions where article_id = ${first.articleId})::int as mentions`);
    expect(await counts()).toEqual([{ quotes: 7_000, links: 7_000, mentions: 20 }]);
    const again = await ingestArticle(database.db, article, { url: 'https://example.test/huge' });
    expect(again.quoteIds).toEqual(first.quoteIds);
    expect(await counts()).toEqual([{ quotes: 7_000, links: 7_000, mentions: 20 }]);
  });
});

describe('articles without URL', () => {
  const CREATE = 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }';

  test('createArticle with the text of another URL-less article is refused on input.body', async () => {
    const body = 'The lighthouse keeper retired after forty years.\n\nNobody has replaced him.';
    await write(CREATE, { input: { title: 'Keeper retires', body } });
    const again = await send(CREATE, { input: { title: 'Keeper retires again', body: `  ${body.toUpperCase()} ` } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
    expect(await rows(sql`select id from articles where title like 'Keeper retires%'`)).toHaveLength(1);
  });

  test('updateArticle(url: null) onto the text of another URL-less article is refused on input.url', async () => {
    const body = 'The ferry timetable changes in May.\n\nEvening crossings end.';
    await write(CREATE, { input: { title: 'Timetable', body } });
    const withUrl = (
      await write(CREATE, { input: { title: 'Timetable (web)', body, url: 'https://example.test/timetable' } })
    ).createArticle.article.id;
    const cleared = await send(
      'mutation($id: ID!) { updateArticle(input: { id: $id, url: null }) { article { id } } }',
      { id: withUrl },
    );
    expect(cleared.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(await rows(sql`select url from articles where id = ${idOf(withUrl)}`)).toEqual([
      { url: 'https://example.test/timetable' },
    ]);
  });

  test('re-ingesting a URL-less article stored under the hash of its whole body updates it', async () => {
    const body = 'Menu\n\n"The nets are empty," said Ola Strand.\n\nAdvertisement';
    const extracted: ExtractedArticle = {
      title: 'Empty nets',
      dek: null,
      imageCaption: null,
      body,
      fingerprint: '"The nets are empty," said Ola Strand.',
      quotes: [],
      people: [],
      organizations: [],
      affiliations: [],
      relatedLinks: [],
    };
    const first = await ingestArticle(database.db, extracted);
    // As stored before the fingerprint was hashed instead of the body.
    await database.db.execute(
      sql`update articles set content_hash = ${contentHash(body)} where id = ${first.articleId}`,
    );
    const second = await ingestArticle(database.db, extracted);
    expect(second).toMatchObject({ articleId: first.articleId, created: false });
    expect(await rows(sql`select id from articles where title = 'Empty nets'`)).toHaveLength(1);
  });
});
