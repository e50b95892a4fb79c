import { builder } from './builder.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createAffiliation, deleteAffiliation, updateAffiliation } from '../store/affiliations.ts';
import { decodeId } from './global-ids.ts';
import { DeletePayload, found, rules, runWrite } from './mutation-support.ts';
import { OrganizationRef, PersonRef } from './refs.ts';

export const AffiliationRef = builder.drizzleNode('affiliations', {
  name: 'Affiliation',
  description: 'A person\'s role at an organization: "professor" at Dongguk University, "spokesman" for a ministry.',
  select: {},
  id: { column: (affiliation) => affiliation.id },
  fields: (t) => ({
    role: t.exposeString('role', { nullable: true, description: 'The role as worded: "President", "professor".' }),
    person: t.relation('person', { description: 'Who holds the role.' }),
    organization: t.relation('organization', { description: 'Where the role is held.' }),
  }),
});

const AffiliationPayload = builder.objectRef<{ affiliationId: number }>('AffiliationPayload').implement({
  description: 'An affiliation after a change.',
  fields: (t) => ({
    affiliation: t.drizzleField({
      type: 'affiliations',
      description: 'The affiliation as stored now.',
      resolve: async (query, payload, _args, ctx) =>
        found(
          await ctx.db.query.affiliations.findFirst(query({ where: { id: payload.affiliationId } })),
          'affiliation',
          'input',
        ),
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

const DeleteAffiliationInput = builder.inputType('DeleteAffiliationInput', {
  description: 'The affiliation to delete.',
  fields: (t) => ({ id: t.globalID({ required: true, for: [AffiliationRef], description: 'Global ID.' }) }),
});

builder.mutationFields((t) => ({
  createAffiliation: t.field({
    type: AffiliationPayload,
    description:
      'Records that a person holds a role at an organization. Recording the same role twice changes nothing.',
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
}));
