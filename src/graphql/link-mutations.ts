// Editing the links between things: affiliations (who holds which role where) and an
// article's related links.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createAffiliation, deleteAffiliation, updateAffiliation } from '../store/affiliations.ts';
import { createRelatedLink, deleteRelatedLink, updateRelatedLink } from '../store/links.ts';
import { AffiliationRef } from './affiliation.ts';
import { ArticleRef } from './article.ts';
import { RelatedLinkRef } from './related-link.ts';
import { builder } from './builder.ts';
import { RelatedLinkKindEnum } from './enums.ts';
import { decodeId } from './ids.ts';
import { DeletePayload, found, rules, runWrite } from './mutation-support.ts';
import { OrganizationRef } from './organization.ts';
import { PersonRef } from './person.ts';

const AffiliationPayload = builder.objectRef<{ affiliationId: number }>('AffiliationPayload').implement({
  description: 'An affiliation after a change.',
  fields: (t) => ({
    affiliation: t.drizzleField({
      type: 'affiliations',
      description: 'The affiliation as stored now.',
      resolve: async (query, payload, _args, ctx) =>
        found(await ctx.db.query.affiliations.findFirst(query({ where: { id: payload.affiliationId } })), 'affiliation', 'input'),
    }),
  }),
});

const RelatedLinkPayload = builder.objectRef<{ relatedLinkId: number }>('RelatedLinkPayload').implement({
  description: 'A related link after a change.',
  fields: (t) => ({
    relatedLink: t.drizzleField({
      type: 'relatedLinks',
      description: 'The link as stored now.',
      resolve: async (query, payload, _args, ctx) =>
        found(await ctx.db.query.relatedLinks.findFirst(query({ where: { id: payload.relatedLinkId } })), 'related link', 'input'),
    }),
  }),
});

const CreateAffiliationInput = builder.inputType('CreateAffiliationInput', {
  description: 'A role a person holds at an organization.',
  fields: (t) => ({
    person: t.globalID({ required: true, for: [PersonRef], description: 'Who.' }),
    organization: t.globalID({ required: true, for: [OrganizationRef], description: 'Where.' }),
    role: t.string({ validate: rules.role, description: 'The role: "spokesman", "professor".' }),
  }),
});

const UpdateAffiliationInput = builder.inputType('UpdateAffiliationInput', {
  description: 'A new role for an affiliation.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [AffiliationRef], description: 'The affiliation.' }),
    role: t.string({ validate: rules.role, description: 'The role; null when unknown.' }),
  }),
});

const CreateRelatedLinkInput = builder.inputType('CreateRelatedLinkInput', {
  description: 'A link to add at the end of an article\'s related links.',
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

const DeleteAffiliationInput = builder.inputType('DeleteAffiliationInput', {
  description: 'The affiliation to delete.',
  fields: (t) => ({ id: t.globalID({ required: true, for: [AffiliationRef], description: 'Global ID.' }) }),
});

const DeleteRelatedLinkInput = builder.inputType('DeleteRelatedLinkInput', {
  description: 'The related link to delete.',
  fields: (t) => ({ id: t.globalID({ required: true, for: [RelatedLinkRef], description: 'Global ID.' }) }),
});

builder.mutationFields((t) => ({
  createAffiliation: t.field({
    type: AffiliationPayload,
    description: 'Records that a person holds a role at an organization. Recording the same role twice changes nothing.',
    args: { input: t.arg({ type: CreateAffiliationInput, required: true, description: 'The affiliation.' }) },
    resolve: (_root, { input }, ctx) => {
      const personId = decodeId(input.person, 'input.person').id;
      const organizationId = decodeId(input.organization, 'input.organization').id;
      return runWrite(ctx, (tx) => createAffiliation(tx, { personId, organizationId, role: input.role }));
    },
  }),
  updateAffiliation: t.field({
    type: AffiliationPayload,
    description: 'Changes the role of an affiliation.',
    args: { input: t.arg({ type: UpdateAffiliationInput, required: true, description: 'The change.' }) },
    resolve: (_root, { input }, ctx) => {
      const id = decodeId(input.id, 'input.id').id;
      return runWrite(ctx, (tx) => updateAffiliation(tx, { id, role: input.role }));
    },
  }),
  deleteAffiliation: t.field({
    type: DeletePayload,
    description: 'Deletes an affiliation.',
    args: { input: t.arg({ type: DeleteAffiliationInput, required: true, description: 'The affiliation.' }) },
    resolve: async (_root, { input }, ctx) => {
      const id = decodeId(input.id, 'input.id').id;
      await runWrite(ctx, (tx) => deleteAffiliation(tx, id));
      return { deletedId: encodeGlobalID('Affiliation', id) };
    },
  }),
  createRelatedLink: t.field({
    type: RelatedLinkPayload,
    description: 'Adds a related link after the article\'s others.',
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
