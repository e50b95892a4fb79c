// Quotes: entered and edited by hand, or stored in bulk for an ingested article. Offsets point at
// the quote's words in the article body, and positions stay in reading order.
import { and, eq, gte, sql } from 'drizzle-orm';
import { articles, organizations, people, quotes } from '../db/schema.ts';
import type { QuoteKind } from '../extract/types.ts';
import { found, invalid } from './errors.ts';
import { inBatches } from './batches.ts';
import type { Executor } from './transaction.ts';

/** Who said it: a person or an organization, by id. */
export interface SpeakerRef {
  kind: 'person' | 'organization';
  id: number;
}

/**
 * Rewrites an article's quote positions to 0..n-1 in reading order (by start offset). Two steps
 * because (article_id, position) is unique and must hold after every statement.
 */
export async function renumberQuotes(tx: Executor, articleId: number): Promise<void> {
  await tx
    .update(quotes)
    .set({ position: sql`-1 - ${quotes.position}` })
    .where(eq(quotes.articleId, articleId));
  await tx.execute(sql`
    update ${quotes} set position = ordered.rank
    from (select id, (row_number() over (order by start_offset, end_offset, id) - 1)::int as rank
          from ${quotes} where article_id = ${articleId}) as ordered
    where ${quotes.id} = ordered.id`);
}

/** The two speaker columns for a speaker, checking that it exists. */
async function speakerColumns(tx: Executor, speaker: SpeakerRef | null, path: string) {
  if (!speaker) return { speakerPersonId: null, speakerOrganizationId: null };
  const table = speaker.kind === 'person' ? people : organizations;
  found((await tx.select({ id: table.id }).from(table).where(eq(table.id, speaker.id)))[0], speaker.kind, path);
  return speaker.kind === 'person'
    ? { speakerPersonId: speaker.id, speakerOrganizationId: null }
    : { speakerPersonId: null, speakerOrganizationId: speaker.id };
}

/** The span must lie inside the body and hold exactly the quote's text. */
function checkSpan(body: string, text: string, start: number, end: number) {
  if (end > body.length) throw invalid(`endOffset is past the end of the article body (${body.length}).`, 'endOffset');
  if (start >= end) throw invalid('startOffset must be before endOffset.', 'startOffset');
  if (body.slice(start, end) !== text) {
    throw invalid('text is not what the article body holds between startOffset and endOffset.', 'text');
  }
}

export interface NewQuote {
  articleId: number;
  text: string;
  kind: QuoteKind;
  speaker?: SpeakerRef | null;
  speakerLabel?: string | null;
  cue?: string | null;
  startOffset: number;
  endOffset: number;
  confidence?: number | null;
}

export async function createQuote(tx: Executor, input: NewQuote): Promise<{ quoteId: number }> {
  const { articleId } = input;
  const [article] = await tx
    .select({ body: articles.body, sortAt: articles.sortAt })
    .from(articles)
    .where(eq(articles.id, articleId))
    .for('update');
  const { body, sortAt } = found(article, 'article', 'article');
  checkSpan(body, input.text, input.startOffset, input.endOffset);
  const speaker = await speakerColumns(tx, input.speaker ?? null, 'speaker');
  const [row] = await tx
    .insert(quotes)
    .values({
      articleId,
      text: input.text,
      kind: input.kind,
      ...speaker,
      speakerLabel: input.speakerLabel ?? null,
      cue: input.cue ?? null,
      startOffset: input.startOffset,
      endOffset: input.endOffset,
      confidence: input.confidence ?? 1,
      // Placed last for now; renumbering puts it in reading order.
      position: 1_000_000_000,
      articleSortAt: sortAt,
    })
    .returning({ id: quotes.id });
  await renumberQuotes(tx, articleId);
  const quoteId = found(row, 'quote', '').id;
  return { quoteId };
}

/** Changes to a quote: undefined leaves a field as it is; a null speaker removes it. */
export interface QuoteChanges {
  id: number;
  text?: string | null;
  kind?: QuoteKind | null;
  speaker?: SpeakerRef | null;
  speakerLabel?: string | null;
  cue?: string | null;
  startOffset?: number | null;
  endOffset?: number | null;
  confidence?: number | null;
}

export async function updateQuote(tx: Executor, input: QuoteChanges): Promise<{ quoteId: number }> {
  const { id } = input;
  const [current] = await tx.select().from(quotes).where(eq(quotes.id, id)).for('update');
  const quote = found(current, 'quote', 'id');
  const text = input.text ?? quote.text;
  const start = input.startOffset ?? quote.startOffset;
  const end = input.endOffset ?? quote.endOffset;
  if (input.text != null || input.startOffset != null || input.endOffset != null) {
    const [article] = await tx.select({ body: articles.body }).from(articles).where(eq(articles.id, quote.articleId));
    checkSpan(found(article, 'article', 'id').body, text, start, end);
  }
  const speaker = input.speaker !== undefined ? await speakerColumns(tx, input.speaker, 'speaker') : {};
  await tx
    .update(quotes)
    .set({
      text,
      startOffset: start,
      endOffset: end,
      ...(input.kind ? { kind: input.kind } : {}),
      ...speaker,
      ...(input.speakerLabel !== undefined ? { speakerLabel: input.speakerLabel } : {}),
      ...(input.cue !== undefined ? { cue: input.cue } : {}),
      ...(input.confidence != null ? { confidence: input.confidence } : {}),
    })
    .where(eq(quotes.id, id));
  if (start !== quote.startOffset || end !== quote.endOffset) await renumberQuotes(tx, quote.articleId);
  return { quoteId: id };
}

export async function deleteQuote(tx: Executor, id: number): Promise<{ quoteId: number }> {
  const [deleted] = await tx.delete(quotes).where(eq(quotes.id, id)).returning({ articleId: quotes.articleId });
  const quote = found(deleted, 'quote', 'id');
  await renumberQuotes(tx, quote.articleId);
  return { quoteId: id };
}

/** A quote of an ingested article, speaker already resolved to stored ids. */
export interface ArticleQuote {
  text: string;
  kind: QuoteKind;
  speakerPersonId: number | null;
  speakerOrganizationId: number | null;
  speakerLabel: string | null;
  cue: string | null;
  startOffset: number;
  endOffset: number;
  confidence: number;
}

/**
 * Makes the article's quotes exactly these, in this order. Quote n keeps the id of the quote
 * that was at position n, so storing the same article again changes no id.
 */
export async function replaceArticleQuotes(
  tx: Executor,
  article: { id: number; sortAt: Date },
  list: readonly ArticleQuote[],
): Promise<{ ids: number[] }> {
  await tx.delete(quotes).where(and(eq(quotes.articleId, article.id), gte(quotes.position, list.length)));
  if (list.length === 0) return { ids: [] };
  const rows = list.map((quote, position) => ({
    ...quote,
    articleId: article.id,
    position,
    articleSortAt: article.sortAt,
  }));
  const stored = await inBatches(rows, (batch) =>
    tx
      .insert(quotes)
      .values(batch)
      .onConflictDoUpdate({
        target: [quotes.articleId, quotes.position],
        set: {
          text: sql`excluded.text`,
          kind: sql`excluded.kind`,
          speakerPersonId: sql`excluded.speaker_person_id`,
          speakerOrganizationId: sql`excluded.speaker_organization_id`,
          speakerLabel: sql`excluded.speaker_label`,
          cue: sql`excluded.cue`,
          startOffset: sql`excluded.start_offset`,
          endOffset: sql`excluded.end_offset`,
          confidence: sql`excluded.confidence`,
          articleSortAt: sql`excluded.article_sort_at`,
        },
      })
      .returning({ id: quotes.id, position: quotes.position }),
  );
  return { ids: stored.sort((a, b) => a.position - b.position).map((row) => row.id) };
}
