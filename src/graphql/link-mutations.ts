// Editing the links between things: affiliations (who holds which role where) and an
// article's related links.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { and, eq, sql } from 'drizzle-orm';
import { affiliations, articles, organizations, people, relatedLinks } from '../db/schema.ts';
import { AffiliationRef } from './affiliation.ts';
import { ArticleRef } from './article.ts';
import { RelatedLinkRef } from './related-link.ts';
import { builder } from './builder.ts';
import { RelatedLinkKindEnum } from './enums.ts';
import { badUserInput } from '../errors.ts';
import { decodeId } from './ids.ts';
import { commitAndInvalidate, DeletePayload, found, renumberRelatedLinks, rules } from './mutation-support.ts';
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

function affiliationChange(affiliation: { id: number; personId: number; organizationId: number }) {
  return { affiliations: [affiliation.id], people: [affiliation.personId], organizations: [affiliation.organizationId] };
}

builder.mutationFields((t) => ({
  createAffiliation: t.field({
    type: AffiliationPayload,
    description: 'Records that a person holds a role at an organization. Recording the same role twice changes nothing.',
    args: { input: t.arg({ type: CreateAffiliationInput, required: true, description: 'The affiliation.' }) },
    resolve: (_root, { input }, ctx) =>
      commitAndInvalidate(ctx, async (tx) => {
        const personId = decodeId(input.person, 'input.person').id;
        const organizationId = decodeId(input.organization, 'input.organization').id;
        found((await tx.select({ id: people.id }).from(people).where(eq(people.id, personId)))[0], 'person', 'input.person');
        found(
          (await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)))[0],
          'organization',
          'input.organization',
        );
        const role = input.role?.trim() || null;
        await tx.insert(affiliations).values({ personId, organizationId, role }).onConflictDoNothing();
        const [row] = await tx
          .select({ id: affiliations.id })
          .from(affiliations)
          .where(
            and(
              eq(affiliations.personId, personId),
              eq(affiliations.organizationId, organizationId),
              sql`${affiliations.role} is not distinct from ${role}`,
            ),
          );
        const affiliationId = found(row, 'affiliation', 'input').id;
        return {
          payload: { affiliationId },
          change: affiliationChange({ id: affiliationId, personId, organizationId }),
        };
      }),
  }),
  updateAffiliation: t.field({
    type: AffiliationPayload,
    description: 'Changes the role of an affiliation.',
    args: { input: t.arg({ type: UpdateAffiliationInput, required: true, description: 'The change.' }) },
    resolve: async (_root, { input }, ctx) => {
      const id = decodeId(input.id, 'input.id').id;
      try {
        return await commitAndInvalidate(ctx, async (tx) => {
          const [row] = await tx
            .update(affiliations)
            .set({ role: input.role?.trim() || null })
            .where(eq(affiliations.id, id))
            .returning({ id: affiliations.id, personId: affiliations.personId, organizationId: affiliations.organizationId });
          const affiliation = found(row, 'affiliation', 'input.id');
          return { payload: { affiliationId: id }, change: affiliationChange(affiliation) };
        });
      } catch (error) {
        if ((error as { cause?: { code?: string } }).cause?.code === '23505') {
          throw badUserInput('This person already has this role there.', 'input.role');
        }
        throw error;
      }
    },
  }),
  deleteAffiliation: t.field({
    type: DeletePayload,
    description: 'Deletes an affiliation.',
    args: { input: t.arg({ type: DeleteAffiliationInput, required: true, description: 'The affiliation.' }) },
    resolve: (_root, { input }, ctx) =>
      commitAndInvalidate(ctx, async (tx) => {
        const id = decodeId(input.id, 'input.id').id;
        const [row] = await tx
          .delete(affiliations)
          .where(eq(affiliations.id, id))
          .returning({ id: affiliations.id, personId: affiliations.personId, organizationId: affiliations.organizationId });
        const affiliation = found(row, 'affiliation', 'input.id');
        return { payload: { deletedId: encodeGlobalID('Affiliation', id) }, change: affiliationChange(affiliation) };
      }),
  }),
  createRelatedLink: t.field({
    type: RelatedLinkPayload,
    description: 'Adds a related link after the article\'s others.',
    args: { input: t.arg({ type: CreateRelatedLinkInput, required: true, description: 'The link.' }) },
    resolve: (_root, { input }, ctx) =>
      commitAndInvalidate(ctx, async (tx) => {
        const articleId = decodeId(input.article, 'input.article').id;
        found((await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId)).for('update'))[0], 'article', 'input.article');
        const [row] = await tx
          .insert(relatedLinks)
          .values({
            articleId,
            title: input.title,
            url: input.url ?? null,
            kind: input.kind ?? 'article',
            position: sql`(select coalesce(max(position) + 1, 0) from ${relatedLinks} where article_id = ${articleId})`,
          })
          .returning({ id: relatedLinks.id });
        const relatedLinkId = found(row, 'related link', 'input').id;
        return { payload: { relatedLinkId }, change: { relatedLinks: [relatedLinkId], articles: [articleId] } };
      }),
  }),
  updateRelatedLink: t.field({
    type: RelatedLinkPayload,
    description: 'Changes a related link.',
    args: { input: t.arg({ type: UpdateRelatedLinkInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input }, ctx) =>
      commitAndInvalidate(ctx, async (tx) => {
      const id = decodeId(input.id, 'input.id').id;
      const [row] = await tx
        .update(relatedLinks)
        .set({
          ...(input.title != null ? { title: input.title } : {}),
          ...(input.url !== undefined ? { url: input.url } : {}),
          ...(input.kind ? { kind: input.kind } : {}),
        })
        .where(eq(relatedLinks.id, id))
        .returning({ id: relatedLinks.id, articleId: relatedLinks.articleId });
      const link = found(row, 'related link', 'input.id');
      return { payload: { relatedLinkId: id }, change: { relatedLinks: [id], articles: [link.articleId] } };
    }),
  }),
  deleteRelatedLink: t.field({
    type: DeletePayload,
    description: 'Deletes a related link; the others close up.',
    args: { input: t.arg({ type: DeleteRelatedLinkInput, required: true, description: 'The link.' }) },
    resolve: (_root, { input }, ctx) =>
      commitAndInvalidate(ctx, async (tx) => {
        const id = decodeId(input.id, 'input.id').id;
        const [deleted] = await tx.delete(relatedLinks).where(eq(relatedLinks.id, id)).returning({ articleId: relatedLinks.articleId });
        const { articleId } = found(deleted, 'related link', 'input.id');
        await renumberRelatedLinks(tx, articleId);
        return { payload: { deletedId: encodeGlobalID('RelatedLink', id) }, change: { relatedLinks: [id], articles: [articleId] } };
      }),
  }),
}));
