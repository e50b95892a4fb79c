// Editing quotes by hand. Offsets must point at the quote's words in the article body, and
// positions stay in reading order.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { eq } from 'drizzle-orm';
import type { GraphChange } from '../store/change.ts';
import { articles, organizations, people, quotes } from '../db/schema.ts';
import type { Executor } from '../store/transaction.ts';
import { ArticleRef } from './article.ts';
import { QuoteRef } from './quote.ts';
import { builder } from './builder.ts';
import { QuoteKindEnum } from './enums.ts';
import { badUserInput } from './errors.ts';
import { decodeId, EntityIdTypes, type DecodedId } from './ids.ts';
import { commitAndInvalidate, DeletePayload, found, renumberQuotes, rules } from './mutation-support.ts';

const QuotePayload = builder.objectRef<{ quoteId: number }>('QuotePayload').implement({
  description: 'A quote after a change.',
  fields: (t) => ({
    quote: t.drizzleField({
      type: 'quotes',
      description: 'The quote as stored now.',
      resolve: async (query, payload, _args, ctx) =>
        found(await ctx.db.query.quotes.findFirst(query({ where: { id: payload.quoteId } })), 'quote', 'input'),
    }),
  }),
});

const CreateQuoteInput = builder.inputType('CreateQuoteInput', {
  description: 'A quote entered by hand. `text` must be exactly the article body between the offsets.',
  fields: (t) => ({
    article: t.globalID({ required: true, for: [ArticleRef], description: 'The article it appears in.' }),
    text: t.string({ required: true, validate: rules.quoteText, description: 'The quoted words, without quote marks.' }),
    kind: t.field({ type: QuoteKindEnum, required: true, description: 'Direct, partial or indirect.' }),
    speaker: t.globalID({ for: EntityIdTypes, description: 'The Person or Organization who said it.' }),
    speakerLabel: t.string({ validate: rules.role, description: 'The speaker as the article words it.' }),
    cue: t.string({ validate: rules.role, description: 'The speech verb: "said".' }),
    startOffset: t.int({ required: true, validate: rules.offset, description: 'Start in the article body.' }),
    endOffset: t.int({ required: true, validate: rules.offset, description: 'End in the article body (exclusive).' }),
    confidence: t.float({ validate: rules.confidence, description: 'How sure, 0 to 1 (default 1).' }),
  }),
});

const UpdateQuoteInput = builder.inputType('UpdateQuoteInput', {
  description: 'Changes to a quote; omitted fields stay as they are.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [QuoteRef], description: 'The quote to change.' }),
    text: t.string({ validate: rules.quoteText, description: 'The quoted words (must match the new offsets).' }),
    kind: t.field({ type: QuoteKindEnum, description: 'Direct, partial or indirect.' }),
    speaker: t.globalID({ for: EntityIdTypes, description: 'The speaker; null when nobody can be named.' }),
    speakerLabel: t.string({ validate: rules.role, description: 'The speaker as the article words it.' }),
    cue: t.string({ validate: rules.role, description: 'The speech verb.' }),
    startOffset: t.int({ validate: rules.offset, description: 'Start in the article body.' }),
    endOffset: t.int({ validate: rules.offset, description: 'End in the article body (exclusive).' }),
    confidence: t.float({ validate: rules.confidence, description: 'How sure, 0 to 1.' }),
  }),
});

const DeleteQuoteInput = builder.inputType('DeleteQuoteInput', {
  description: 'The quote to delete.',
  fields: (t) => ({ id: t.globalID({ required: true, for: [QuoteRef], description: 'Global ID.' }) }),
});

/** Resolves a speaker ID to the two speaker columns, checking that it exists. */
async function speakerColumns(tx: Executor, speaker: DecodedId | null | undefined, field: string) {
  if (!speaker) return { speakerPersonId: null, speakerOrganizationId: null };
  const id = decodeId(speaker, field).id;
  const table = speaker.typename === 'Person' ? people : organizations;
  found((await tx.select({ id: table.id }).from(table).where(eq(table.id, id)))[0], speaker.typename.toLowerCase(), field);
  return speaker.typename === 'Person'
    ? { speakerPersonId: id, speakerOrganizationId: null }
    : { speakerPersonId: null, speakerOrganizationId: id };
}

interface SpeakerColumns {
  speakerPersonId?: number | null;
  speakerOrganizationId?: number | null;
}

/** A quote, its article, and every speaker it had or has now. */
function quoteChange(quoteId: number, articleId: number, speakers: SpeakerColumns[]): GraphChange {
  return {
    quotes: [quoteId],
    articles: [articleId],
    people: speakers.flatMap((speaker) => (speaker.speakerPersonId ? [speaker.speakerPersonId] : [])),
    organizations: speakers.flatMap((speaker) => (speaker.speakerOrganizationId ? [speaker.speakerOrganizationId] : [])),
  };
}

/** The span must lie inside the body and hold exactly the quote's text. */
function checkSpan(body: string, text: string, start: number, end: number) {
  if (end > body.length) throw badUserInput(`endOffset is past the end of the article body (${body.length}).`, 'input.endOffset');
  if (start >= end) throw badUserInput('startOffset must be before endOffset.', 'input.startOffset');
  if (body.slice(start, end) !== text) {
    throw badUserInput('text is not what the article body holds between startOffset and endOffset.', 'input.text');
  }
}

builder.mutationFields((t) => ({
  createQuote: t.field({
    type: QuotePayload,
    description: 'Adds a quote to an article; it takes its place in reading order.',
    args: { input: t.arg({ type: CreateQuoteInput, required: true, description: 'The quote.' }) },
    resolve: (_root, { input }, ctx) =>
      commitAndInvalidate(ctx, async (tx) => {
        const articleId = decodeId(input.article, 'input.article').id;
        const [article] = await tx
          .select({ body: articles.body, sortAt: articles.sortAt })
          .from(articles)
          .where(eq(articles.id, articleId))
          .for('update');
        const { body, sortAt } = found(article, 'article', 'input.article');
        checkSpan(body, input.text, input.startOffset, input.endOffset);
        const speaker = await speakerColumns(tx, input.speaker, 'input.speaker');
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
        const quoteId = found(row, 'quote', 'input').id;
        return { payload: { quoteId }, change: quoteChange(quoteId, articleId, [speaker]) };
      }),
  }),
  updateQuote: t.field({
    type: QuotePayload,
    description: 'Changes a quote: its words, kind, speaker or span.',
    args: { input: t.arg({ type: UpdateQuoteInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input }, ctx) =>
      commitAndInvalidate(ctx, async (tx) => {
        const id = decodeId(input.id, 'input.id').id;
        const [current] = await tx.select().from(quotes).where(eq(quotes.id, id)).for('update');
        const quote = found(current, 'quote', 'input.id');
        const text = input.text ?? quote.text;
        const start = input.startOffset ?? quote.startOffset;
        const end = input.endOffset ?? quote.endOffset;
        if (input.text != null || input.startOffset != null || input.endOffset != null) {
          const [article] = await tx.select({ body: articles.body }).from(articles).where(eq(articles.id, quote.articleId));
          checkSpan(found(article, 'article', 'input.id').body, text, start, end);
        }
        const speaker = input.speaker !== undefined ? await speakerColumns(tx, input.speaker, 'input.speaker') : {};
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
        return { payload: { quoteId: id }, change: quoteChange(id, quote.articleId, [quote, speaker]) };
      }),
  }),
  deleteQuote: t.field({
    type: DeletePayload,
    description: 'Deletes a quote.',
    args: { input: t.arg({ type: DeleteQuoteInput, required: true, description: 'The quote.' }) },
    resolve: (_root, { input }, ctx) =>
      commitAndInvalidate(ctx, async (tx) => {
        const id = decodeId(input.id, 'input.id').id;
        const [deleted] = await tx
          .delete(quotes)
          .where(eq(quotes.id, id))
          .returning({ articleId: quotes.articleId, speakerPersonId: quotes.speakerPersonId, speakerOrganizationId: quotes.speakerOrganizationId });
        const quote = found(deleted, 'quote', 'input.id');
        await renumberQuotes(tx, quote.articleId);
        return { payload: { deletedId: encodeGlobalID('Quote', id) }, change: quoteChange(id, quote.articleId, [quote]) };
      }),
  }),
}));
