import { brandWithType } from '@pothos/core';
import { sql } from 'drizzle-orm';
import { builder } from './builder.ts';
import { loadPage, totalFromPage } from './connections.ts';
import { QuoteKindEnum, QuoteOrder } from './enums.ts';
import { ArticleRef, OrganizationRef, PersonRef, QuoteConnection, QuoteRef } from './refs.ts';
import { orders } from './orders.ts';
import { QuoteFilter, quoteCondition, quoteCount } from './quote-filter.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createQuote, deleteQuote, updateQuote, type SpeakerRef } from '../store/quotes.ts';
import { decodeId, EntityIdTypes, type DecodedId } from './ids.ts';
import { DeletePayload, found, rules, runWrite } from './mutation-support.ts';

export const Speaker = builder.unionType('Speaker', {
  description: 'Who said a quote: a person, or an organization when an unnamed spokesperson spoke for it.',
  types: [PersonRef, OrganizationRef],
});

/** Marks a people or organizations row with its GraphQL type: both tables' rows look alike. */
export function asSpeaker<Row extends object>(row: Row, typename: 'Person' | 'Organization'): never {
  brandWithType(row, typename === 'Person' ? PersonRef : OrganizationRef);
  return row as never;
}

builder.drizzleObjectFields(QuoteRef, (t) => ({
  text: t.exposeString('text', { description: 'The quoted or reported words, without quote marks.' }),
  kind: t.expose('kind', { type: QuoteKindEnum, description: 'Direct, partial or indirect speech.' }),
  speaker: t.field({
    type: Speaker,
    nullable: true,
    description: 'Who said it; null when the article does not make it clear.',
    select: (_args, _ctx, nestedSelection) => ({
      with: {
        speakerPerson: nestedSelection(true, [], 'Person'),
        speakerOrganization: nestedSelection(true, [], 'Organization'),
      },
    }),
    resolve: (quote) => {
      if (quote.speakerPerson) return asSpeaker(quote.speakerPerson, 'Person');
      if (quote.speakerOrganization) return asSpeaker(quote.speakerOrganization, 'Organization');
      return null;
    },
  }),
  speakerLabel: t.exposeString('speakerLabel', {
    nullable: true,
    description: 'The speaker as the article words it: "Obama", "the spokesman", "an unidentified official".',
  }),
  cue: t.exposeString('cue', { nullable: true, description: 'The speech verb or phrase: "said", "according to".' }),
  startOffset: t.exposeInt('startOffset', { description: 'Where the quote starts in `article.body` (UTF-16 units).' }),
  endOffset: t.exposeInt('endOffset', { description: 'Where the quote ends in `article.body` (exclusive).' }),
  position: t.exposeInt('position', { description: 'Order of the quote within its article, from 0.' }),
  confidence: t.exposeFloat('confidence', {
    description: 'How sure extraction was of the span and speaker, 0 to 1 (1 for quotes entered by hand).',
  }),
  article: t.relation('article', { description: 'The article the quote appears in.' }),
}));

builder.drizzleObjectFields(PersonRef, (t) => ({
  quotes: t.relatedConnection(
    'quotes',
    {
      description: 'What this person said, newest first.',
      totalCount: true,
      query: (args) => {
        orders.quotesNewest.checkCursors(args);
        return { orderBy: orders.quotesNewest.order };
      },
    },
    QuoteConnection,
  ),
}));

builder.drizzleObjectFields(OrganizationRef, (t) => ({
  quotes: t.relatedConnection(
    'quotes',
    {
      description: 'What the organization itself said through unnamed spokespeople, newest first.',
      totalCount: true,
      query: (args) => {
        orders.quotesNewest.checkCursors(args);
        return { orderBy: orders.quotesNewest.order };
      },
    },
    QuoteConnection,
  ),
}));

builder.queryFields((t) => ({
  quotes: t.drizzleConnection(
    {
      type: 'quotes',
      description:
        'Quotes across all articles, newest first unless `orderBy` says otherwise. Filter by speaker to answer "what has this person said?".',
      args: {
        filter: t.arg({ type: QuoteFilter, description: 'Conditions the quotes must meet.' }),
        orderBy: t.arg({ type: QuoteOrder, defaultValue: 'NEWEST', description: 'Sort order.' }),
      },
      totalCount: (_root, args, ctx) => totalFromPage(args, ctx.db, quoteCount(args.filter)),
      resolve: (query, _root, args, ctx, info) => {
        // By article date, and within an article in reading order.
        const order = args.orderBy === 'OLDEST' ? orders.quotesOldest : orders.quotesNewest;
        order.checkCursors(args);
        return loadPage(
          args,
          info,
          () => quoteCount(args.filter),
          (extras) =>
            ctx.db.query.quotes.findMany(
              query({
                where: { RAW: (table) => quoteCondition(args.filter, table) ?? sql`true` },
                orderBy: order.order,
                extras,
              }),
            ),
        );
      },
    },
    QuoteConnection,
  ),
}));

// Writes: quotes entered and edited by hand. Offsets must point at the words in the article body.

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
    text: t.string({
      required: true,
      validate: rules.quoteText,
      description: 'The quoted words, without quote marks.',
    }),
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
