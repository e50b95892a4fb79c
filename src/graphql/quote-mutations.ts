// Editing quotes by hand.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createQuote, deleteQuote, updateQuote, type SpeakerRef } from '../store/quotes.ts';
import { ArticleRef } from './article.ts';
import { QuoteRef } from './quote.ts';
import { builder } from './builder.ts';
import { QuoteKindEnum } from './enums.ts';
import { decodeId, EntityIdTypes, type DecodedId } from './ids.ts';
import { DeletePayload, found, rules, runWrite } from './mutation-support.ts';

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

/** A speaker's global ID as the store takes it; null when there is none. */
function speakerRef(speaker: DecodedId | null | undefined, field: string): SpeakerRef | null {
  if (!speaker) return null;
  return { kind: speaker.typename === 'Person' ? 'person' : 'organization', id: decodeId(speaker, field).id };
}

builder.mutationFields((t) => ({
  createQuote: t.field({
    type: QuotePayload,
    description: 'Adds a quote to an article; it takes its place in reading order.',
    args: { input: t.arg({ type: CreateQuoteInput, required: true, description: 'The quote.' }) },
    resolve: (_root, { input: { article, speaker, ...quote } }, ctx) => {
      const articleId = decodeId(article, 'input.article').id;
      const speakerId = speakerRef(speaker, 'input.speaker');
      return runWrite(ctx, (tx) => createQuote(tx, { ...quote, articleId, speaker: speakerId }));
    },
  }),
  updateQuote: t.field({
    type: QuotePayload,
    description: 'Changes a quote: its words, kind, speaker or span.',
    args: { input: t.arg({ type: UpdateQuoteInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input: { id: globalId, speaker, ...changes } }, ctx) => {
      const id = decodeId(globalId, 'input.id').id;
      const speakerChange = speaker === undefined ? {} : { speaker: speakerRef(speaker, 'input.speaker') };
      return runWrite(ctx, (tx) => updateQuote(tx, { ...changes, id, ...speakerChange }));
    },
  }),
  deleteQuote: t.field({
    type: DeletePayload,
    description: 'Deletes a quote.',
    args: { input: t.arg({ type: DeleteQuoteInput, required: true, description: 'The quote.' }) },
    resolve: async (_root, { input }, ctx) => {
      const id = decodeId(input.id, 'input.id').id;
      await runWrite(ctx, (tx) => deleteQuote(tx, id));
      return { deletedId: encodeGlobalID('Quote', id) };
    },
  }),
}));
