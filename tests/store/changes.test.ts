// Every store write reports what it created, changed or deleted, by type: what a cache or a live
// feed would need to know. Generated graphs check the reports against the rows themselves.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowsOf, type DatabaseHandle } from '../../src/db/client.ts';
import { createArticle, deleteArticle } from '../../src/store/articles.ts';
import type { GraphChange } from '../../src/store/change.ts';
import { StoreError } from '../../src/store/errors.ts';
import { createOrganization } from '../../src/store/organizations.ts';
import { createPerson } from '../../src/store/people.ts';
import { createQuote, updateQuote, type SpeakerRef } from '../../src/store/quotes.ts';
import { writeTransaction, type Executor, type Written } from '../../src/store/transaction.ts';
import { openTestDatabase } from '../support/database.ts';
import { runs, scaledTimeout } from '../support/property.ts';

let database: DatabaseHandle;
let speakers: SpeakerRef[];

function write<T>(work: (tx: Executor) => Promise<Written<T>>): Promise<Written<T>> {
  return writeTransaction(database.db, work);
}

/** A change's ids of one type, sorted, without repeats. */
function idsOf(change: GraphChange, type: keyof GraphChange): number[] {
  return [...new Set(change[type] ?? [])].sort((a, b) => a - b);
}

const sorted = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => a - b);

beforeAll(async () => {
  database = await openTestDatabase();
  speakers = [];
  for (const name of ['Ada Berg', 'Ivo Lund', 'Mira Sand']) {
    speakers.push({ kind: 'person', id: (await write((tx) => createPerson(tx, { name }))).result.personId });
  }
  for (const name of ['Tide Works', 'Port Board']) {
    speakers.push({
      kind: 'organization',
      id: (await write((tx) => createOrganization(tx, { name }))).result.organizationId,
    });
  }
});
afterAll(() => database.close());

const WORDS = 40;
const body = Array.from({ length: WORDS }, (_, i) => `w${String(i).padStart(2, '0')}`).join(' ');
/** Word i: every word is three characters and a space. */
const wordSpan = (i: number) => ({ startOffset: i * 4, endOffset: i * 4 + 3, text: body.slice(i * 4, i * 4 + 3) });

const quotesArbitrary = fc.array(fc.record({ word: fc.nat(WORDS - 1), speaker: fc.option(fc.nat(4), { nil: null }) }), {
  maxLength: 8,
});

describe('store changes', () => {
  test(
    'deleteArticle reports the article, its quotes, their speakers and its publisher',
    async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(quotesArbitrary, fc.boolean(), async (quotes, withPublisher) => {
          n++;
          const created = await write((tx) =>
            createArticle(tx, {
              title: `Generated ${n}`,
              body: `${body} ${n}`,
              publisher: withPublisher ? 'Generated Post' : null,
            }),
          );
          const { articleId } = created.result;
          const quoteIds: number[] = [];
          for (const quote of quotes) {
            const speaker = quote.speaker === null ? null : speakers[quote.speaker]!;
            const written = await write((tx) =>
              createQuote(tx, { articleId, kind: 'direct', speaker, ...wordSpan(quote.word) }),
            );
            expect(idsOf(written.change, 'quotes')).toEqual([written.result.quoteId]);
            quoteIds.push(written.result.quoteId);
          }
          const [publisher] = rowsOf<{ publisher_id: number | null }>(
            await database.db.execute(sql`select publisher_id from articles where id = ${articleId}`),
          );
          const { change } = await write((tx) => deleteArticle(tx, articleId));
          const said = quotes.flatMap((quote) => (quote.speaker === null ? [] : [speakers[quote.speaker]!]));
          expect(idsOf(change, 'articles')).toEqual([articleId]);
          expect(idsOf(change, 'quotes')).toEqual(sorted(quoteIds));
          expect(idsOf(change, 'people')).toEqual(sorted(said.filter((s) => s.kind === 'person').map((s) => s.id)));
          expect(idsOf(change, 'organizations')).toEqual(
            sorted(said.filter((s) => s.kind === 'organization').map((s) => s.id)),
          );
          expect(idsOf(change, 'publishers')).toEqual(publisher?.publisher_id == null ? [] : [publisher.publisher_id]);
        }),
        { numRuns: runs(15) },
      );
    },
    scaledTimeout(60_000),
  );

  test(
    'updateQuote reports the speaker it had and the one it has now',
    async () => {
      const { articleId } = (
        await write((tx) => createArticle(tx, { title: 'Speaker changes', body: `${body} speakers` }))
      ).result;
      const { quoteId } = (await write((tx) => createQuote(tx, { articleId, kind: 'direct', ...wordSpan(0) }))).result;
      let before: SpeakerRef | null = null;
      await fc.assert(
        fc.asyncProperty(fc.option(fc.nat(4), { nil: null }), async (choice) => {
          const speaker = choice === null ? null : speakers[choice]!;
          const { change } = await write((tx) => updateQuote(tx, { id: quoteId, speaker }));
          const involved = [before, speaker].flatMap((s) => (s ? [s] : []));
          expect(idsOf(change, 'quotes')).toEqual([quoteId]);
          expect(idsOf(change, 'articles')).toEqual([articleId]);
          expect(idsOf(change, 'people')).toEqual(sorted(involved.filter((s) => s.kind === 'person').map((s) => s.id)));
          expect(idsOf(change, 'organizations')).toEqual(
            sorted(involved.filter((s) => s.kind === 'organization').map((s) => s.id)),
          );
          before = speaker;
        }),
        { numRuns: runs(20) },
      );
    },
    scaledTimeout(60_000),
  );

  test('a store error names the input field at fault and writes nothing', async () => {
    const { articleId } = (await write((tx) => createArticle(tx, { title: 'Refusals', body: `${body} refusals` })))
      .result;
    const outside = write((tx) =>
      createQuote(tx, { articleId, kind: 'direct', text: 'x', startOffset: 0, endOffset: 10_000 }),
    );
    await expect(outside).rejects.toMatchObject({ code: 'INVALID', path: 'endOffset' });
    await expect(outside).rejects.toBeInstanceOf(StoreError);
    const missing = write((tx) =>
      createQuote(tx, { articleId, kind: 'direct', speaker: { kind: 'person', id: 987_654 }, ...wordSpan(1) }),
    );
    await expect(missing).rejects.toMatchObject({ code: 'NOT_FOUND', path: 'speaker' });
    const stored = rowsOf(await database.db.execute(sql`select id from quotes where article_id = ${articleId}`));
    expect(stored).toEqual([]);
  });
});
