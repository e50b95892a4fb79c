// Writing people and organizations: create, update, delete, aliases, and merging duplicates.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { changeAliases, type MergeCounts } from '../store/entities.ts';
import { createOrganization, deleteOrganization, mergeOrganizations, updateOrganization } from '../store/organizations.ts';
import { createPerson, deletePerson, mergePeople, updatePerson } from '../store/people.ts';
import { builder } from './builder.ts';
import { OrganizationKindEnum } from './enums.ts';
import { badUserInput } from './errors.ts';
import { decodeId, EntityIdTypes, type DecodedId } from './ids.ts';
import { DeletePayload, found, rules, runWrite } from './mutation-support.ts';
import { OrganizationRef } from './organization.ts';
import { PersonRef } from './person.ts';
import { asSpeaker, Speaker } from './quote.ts';

const PersonPayload = builder.objectRef<{ personId: number }>('PersonPayload').implement({
  description: 'A person after a change.',
  fields: (t) => ({
    person: t.drizzleField({
      type: 'people',
      description: 'The person as stored now.',
      resolve: async (query, payload, _args, ctx) =>
        found(await ctx.db.query.people.findFirst(query({ where: { id: payload.personId } })), 'person', 'id'),
    }),
  }),
});

const OrganizationPayload = builder.objectRef<{ organizationId: number }>('OrganizationPayload').implement({
  description: 'An organization after a change.',
  fields: (t) => ({
    organization: t.drizzleField({
      type: 'organizations',
      description: 'The organization as stored now.',
      resolve: async (query, payload, _args, ctx) =>
        found(
          await ctx.db.query.organizations.findFirst(query({ where: { id: payload.organizationId } })),
          'organization',
          'id',
        ),
    }),
  }),
});

const MergePayload = builder.objectRef<MergeCounts & { keptId: number; typename: 'Person' | 'Organization' }>('MergePayload').implement({
  description: 'What a merge moved onto the kept person or organization.',
  fields: (t) => ({
    kept: t.field({
      type: Speaker,
      description: 'The person or organization that was kept, now with everything of the removed one.',
      resolve: async (payload, _args, ctx) => {
        const table = payload.typename === 'Person' ? ctx.db.query.people : ctx.db.query.organizations;
        const row = found(await table.findFirst({ where: { id: payload.keptId } }), 'entity', 'keep');
        return asSpeaker(row, payload.typename);
      },
    }),
    movedQuotes: t.exposeInt('quotes', { description: 'Quotes now attributed to the kept one.' }),
    movedAffiliations: t.exposeInt('affiliations', { description: 'Affiliations moved (duplicates dropped).' }),
    movedMentions: t.exposeInt('mentions', { description: 'Article mentions moved or added up.' }),
    addedAliases: t.exposeInt('aliases', { description: 'Names of the removed one that became aliases.' }),
  }),
});

const CreatePersonInput = builder.inputType('CreatePersonInput', {
  description: 'A new person.',
  fields: (t) => ({
    name: t.string({ required: true, validate: rules.name, description: 'Canonical full name, without titles.' }),
    aliases: t.stringList({ validate: rules.aliases, description: 'Other forms of the name.' }),
    description: t.string({ validate: rules.description, description: 'A short description.' }),
  }),
});

const UpdatePersonInput = builder.inputType('UpdatePersonInput', {
  description: 'Changes to a person; omitted fields stay as they are.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [PersonRef], description: 'The person to change.' }),
    name: t.string({ validate: rules.name, description: 'New canonical name; the old one becomes an alias.' }),
    aliases: t.stringList({ validate: rules.aliases, description: 'Replaces the aliases.' }),
    description: t.string({ validate: rules.description, description: 'New description; null clears it.' }),
  }),
});

const CreateOrganizationInput = builder.inputType('CreateOrganizationInput', {
  description: 'A new organization.',
  fields: (t) => ({
    name: t.string({ required: true, validate: rules.name, description: 'Canonical name.' }),
    kind: t.field({ type: OrganizationKindEnum, description: 'What sort of organization (default OTHER).' }),
    aliases: t.stringList({ validate: rules.aliases, description: 'Other names, such as acronyms.' }),
    description: t.string({ validate: rules.description, description: 'A short description.' }),
    parent: t.globalID({ for: [OrganizationRef], description: 'The organization this one belongs to.' }),
  }),
});

const UpdateOrganizationInput = builder.inputType('UpdateOrganizationInput', {
  description: 'Changes to an organization; omitted fields stay as they are.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [OrganizationRef], description: 'The organization to change.' }),
    name: t.string({ validate: rules.name, description: 'New canonical name; the old one becomes an alias.' }),
    kind: t.field({ type: OrganizationKindEnum, description: 'New kind.' }),
    aliases: t.stringList({ validate: rules.aliases, description: 'Replaces the aliases.' }),
    description: t.string({ validate: rules.description, description: 'New description; null clears it.' }),
    parent: t.globalID({ for: [OrganizationRef], description: 'New parent; null makes it top-level.' }),
  }),
});

const AliasInput = builder.inputType('AliasInput', {
  description: 'A name to add to or remove from a person or organization.',
  fields: (t) => ({
    entity: t.globalID({ required: true, for: EntityIdTypes, description: 'The Person or Organization.' }),
    alias: t.string({ required: true, validate: rules.name, description: 'The name.' }),
  }),
});

const MergeInput = builder.inputType('MergeInput', {
  description: 'Two records of the same person (or organization): keep one, fold the other into it.',
  fields: (t) => ({
    keep: t.globalID({ required: true, for: EntityIdTypes, description: 'The one that stays.' }),
    remove: t.globalID({ required: true, for: EntityIdTypes, description: 'The one folded in and deleted.' }),
  }),
});

const DeleteEntityInput = builder.inputType('DeleteEntityInput', {
  description: 'The person or organization to delete.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: EntityIdTypes, description: 'Global ID.' }),
  }),
});

builder.mutationFields((t) => ({
  createPerson: t.field({
    type: PersonPayload,
    description: 'Adds a person.',
    args: { input: t.arg({ type: CreatePersonInput, required: true, description: 'The person.' }) },
    resolve: (_root, { input }, ctx) => runWrite(ctx, (tx) => createPerson(tx, input)),
  }),
  updatePerson: t.field({
    type: PersonPayload,
    description: 'Changes a person. A new name keeps the old one as an alias.',
    args: { input: t.arg({ type: UpdatePersonInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input }, ctx) => {
      const id = decodeId(input.id, 'input.id').id;
      return runWrite(ctx, (tx) => updatePerson(tx, { ...input, id }));
    },
  }),
  createOrganization: t.field({
    type: OrganizationPayload,
    description: 'Adds an organization.',
    args: { input: t.arg({ type: CreateOrganizationInput, required: true, description: 'The organization.' }) },
    resolve: (_root, { input: { parent, ...organization } }, ctx) => {
      const parentId = parent ? decodeId(parent, 'input.parent').id : null;
      return runWrite(ctx, (tx) => createOrganization(tx, { ...organization, parentId }));
    },
  }),
  updateOrganization: t.field({
    type: OrganizationPayload,
    description: 'Changes an organization. A new name keeps the old one as an alias.',
    args: { input: t.arg({ type: UpdateOrganizationInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input: { id: globalId, parent, ...changes } }, ctx) => {
      const id = decodeId(globalId, 'input.id').id;
      const parentChange = parent === undefined ? {} : { parentId: parent ? decodeId(parent, 'input.parent').id : null };
      return runWrite(ctx, (tx) => updateOrganization(tx, { ...changes, id, ...parentChange }));
    },
  }),
  addAlias: t.field({
    type: Speaker,
    description: 'Adds a name a person or organization goes by, so lookups by that name find it.',
    args: { input: t.arg({ type: AliasInput, required: true, description: 'Who, and the name.' }) },
    resolve: (_root, { input }, ctx) => aliasChange(ctx, input, 'add'),
  }),
  removeAlias: t.field({
    type: Speaker,
    description: 'Removes a name from a person or organization.',
    args: { input: t.arg({ type: AliasInput, required: true, description: 'Who, and the name.' }) },
    resolve: (_root, { input }, ctx) => aliasChange(ctx, input, 'remove'),
  }),
  mergePeople: t.field({
    type: MergePayload,
    description: 'Folds one person into another: quotes, affiliations, mentions and names move to `keep`; `remove` is deleted.',
    args: { input: t.arg({ type: MergeInput, required: true, description: 'Which to keep and which to remove.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { keepId, removeId } = mergeSides(input, 'Person');
      const counts = await runWrite(ctx, (tx) => mergePeople(tx, keepId, removeId));
      return { ...counts, keptId: keepId, typename: 'Person' as const };
    },
  }),
  mergeOrganizations: t.field({
    type: MergePayload,
    description: 'Folds one organization into another: quotes, affiliations, mentions, names and child organizations move to `keep`.',
    args: { input: t.arg({ type: MergeInput, required: true, description: 'Which to keep and which to remove.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { keepId, removeId } = mergeSides(input, 'Organization');
      const counts = await runWrite(ctx, (tx) => mergeOrganizations(tx, keepId, removeId));
      return { ...counts, keptId: keepId, typename: 'Organization' as const };
    },
  }),
  deletePerson: t.field({
    type: DeletePayload,
    description: 'Deletes a person with their affiliations and mentions. Their quotes stay, without a speaker.',
    args: { input: t.arg({ type: DeleteEntityInput, required: true, description: 'The person.' }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.id.typename !== 'Person') throw badUserInput('id is not a Person ID.', 'input.id');
      const id = decodeId(input.id, 'input.id').id;
      await runWrite(ctx, (tx) => deletePerson(tx, id));
      return { deletedId: encodeGlobalID('Person', id) };
    },
  }),
  deleteOrganization: t.field({
    type: DeletePayload,
    description: 'Deletes an organization with its affiliations and mentions. Its quotes stay, without a speaker; its children become top-level.',
    args: { input: t.arg({ type: DeleteEntityInput, required: true, description: 'The organization.' }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.id.typename !== 'Organization') throw badUserInput('id is not an Organization ID.', 'input.id');
      const id = decodeId(input.id, 'input.id').id;
      await runWrite(ctx, (tx) => deleteOrganization(tx, id));
      return { deletedId: encodeGlobalID('Organization', id) };
    },
  }),
}));

/** Adds or removes an alias, then answers with the person or organization as stored now. */
async function aliasChange(ctx: Parameters<typeof runWrite>[0], input: { entity: DecodedId; alias: string }, change: 'add' | 'remove') {
  const isPerson = input.entity.typename === 'Person';
  const id = decodeId(input.entity, 'input.entity').id;
  await runWrite(ctx, (tx) => changeAliases(tx, { kind: isPerson ? 'person' : 'organization', id, alias: input.alias, change }));
  const table = isPerson ? ctx.db.query.people : ctx.db.query.organizations;
  const row = found(await table.findFirst({ where: { id } }), 'entity', 'input.entity');
  return asSpeaker(row, isPerson ? 'Person' : 'Organization');
}

/** Both sides of a merge, checked to be of the merged type. */
function mergeSides(input: { keep: DecodedId; remove: DecodedId }, typename: 'Person' | 'Organization') {
  for (const field of ['keep', 'remove'] as const) {
    if (input[field].typename !== typename) throw badUserInput(`${field} is not a ${typename} ID.`, `input.${field}`);
  }
  return { keepId: decodeId(input.keep, 'input.keep').id, removeId: decodeId(input.remove, 'input.remove').id };
}
