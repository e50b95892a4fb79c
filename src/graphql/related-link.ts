import { builder } from './builder.ts';
import { RelatedLinkKindEnum } from './enums.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createRelatedLink, deleteRelatedLink, updateRelatedLink } from '../store/links.ts';
import { ArticleRef } from './refs.ts';
import { decodeId } from './global-ids.ts';
import { DeletePayload, found, rules, runWrite } from './mutation-support.ts';

export const RelatedLinkRef = builder.drizzleNode('relatedLinks', {
  name: 'RelatedLink',
  description: 'A link an article pointed readers to, such as "Related: PHOTOS: …".',
  select: {},
  id: { column: (link) => link.id },
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The link text.' }),
    url: t.exposeString('url', { nullable: true, description: 'Where it leads, when the page gave a target.' }),
    kind: t.expose('kind', { type: RelatedLinkKindEnum, description: 'What it leads to.' }),
    position: t.exposeInt('position', { description: "Order among the article's links, from 0." }),
    article: t.relation('article', { description: 'The article the link appeared in.' }),
  }),
});

const RelatedLinkPayload = builder.objectRef<{ relatedLinkId: number }>('RelatedLinkPayload').implement({
  description: 'A related link after a change.',
  fields: (t) => ({
    relatedLink: t.drizzleField({
      type: 'relatedLinks',
      description: 'The link as stored now.',
      resolve: async (query, payload, _args, ctx) =>
        found(
          await ctx.db.query.relatedLinks.findFirst(query({ where: { id: payload.relatedLinkId } })),
          'related link',
          'input',
        ),
    }),
  }),
});

const CreateRelatedLinkInput = builder.inputType('CreateRelatedLinkInput', {
  description: "A link to add at the end of an article's related links.",
  fields: (t) => ({
    article: t.globalID({ required: true, for: [ArticleRef], description: 'The article.' }),
    title: t.string({ required: true, validate: rules.title, description: 'Link text.' }),
    url: t.string({ validate: rules.url, description: 'Target.' }),
    kind: t.field({ type: RelatedLinkKindEnum, description: 'What it leads to (default ARTICLE).' }),
  }),
});

const UpdateRelatedLinkInput = builder.inputType('UpdateRelatedLinkInput', {
  description: 'Changes to a related link; omitted fields stay as they are.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [RelatedLinkRef], description: 'The link.' }),
    title: t.string({ validate: rules.title, description: 'Link text.' }),
    url: t.string({ validate: rules.url, description: 'Target; null removes it.' }),
    kind: t.field({ type: RelatedLinkKindEnum, description: 'What it leads to.' }),
  }),
});

const DeleteRelatedLinkInput = builder.inputType('DeleteRelatedLinkInput', {
  description: 'The related link to delete.',
  fields: (t) => ({ id: t.globalID({ required: true, for: [RelatedLinkRef], description: 'Global ID.' }) }),
});

builder.mutationFields((t) => ({
  createRelatedLink: t.field({
    type: RelatedLinkPayload,
    description: "Adds a related link after the article's others.",
    args: { input: t.arg({ type: CreateRelatedLinkInput, required: true, description: 'The link.' }) },
    resolve: (_root, { input: { article, ...link } }, ctx) => {
      const articleId = decodeId(article, 'input.article').id;
      return runWrite(ctx, (tx) => createRelatedLink(tx, { ...link, articleId }));
    },
  }),
  updateRelatedLink: t.field({
    type: RelatedLinkPayload,
    description: 'Changes a related link.',
    args: { input: t.arg({ type: UpdateRelatedLinkInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input }, ctx) => {
      const id = decodeId(input.id, 'input.id').id;
      return runWrite(ctx, (tx) => updateRelatedLink(tx, { ...input, id }));
    },
  }),
  deleteRelatedLink: t.field({
    type: DeletePayload,
    description: 'Deletes a related link; the others close up.',
    args: { input: t.arg({ type: DeleteRelatedLinkInput, required: true, description: 'The link.' }) },
    resolve: async (_root, { input }, ctx) => {
      const id = decodeId(input.id, 'input.id').id;
      await runWrite(ctx, (tx) => deleteRelatedLink(tx, id));
      return { deletedId: encodeGlobalID('RelatedLink', id) };
    },
  }),
}));
