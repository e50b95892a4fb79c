// Writing people and organizations: create, update, delete, aliases, and merging duplicates.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../db/client.ts';
import { lookupColumns, lookupKey, slugify } from '../db/lookup.ts';
import { organizations, people } from '../db/schema.ts';
import type { Executor } from '../store/transaction.ts';
import { allocateSlug } from '../store/slugs.ts';
import { mergeOrganizations, mergePeople, MergeTargetMissing, type MergeCounts } from '../ingest/merge.ts';
import { builder } from './builder.ts';
import { OrganizationKindEnum } from './enums.ts';
import { badUserInput } from './errors.ts';
import { decodeId, EntityIdTypes } from './ids.ts';
import { commitAndInvalidate, DeletePayload, found, rules } from './mutation-support.ts';
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

/** An alias list without the canonical name and without repeats (by lookup key). */
function distinctAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([lookupKey(name)]);
  return aliases.filter((alias) => {
    const key = lookupKey(alias);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

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

/** Walks up from `parentId`; true when `organizationId` is on the way (a cycle). */
async function wouldCycle(tx: Executor, organizationId: number, parentId: number) {
  const result = await tx.execute(sql`
    with recursive chain(id) as (
      select ${parentId}::int
      union
      select o.parent_id from ${organizations} o join chain on o.id = chain.id where o.parent_id is not null
    ) select exists (select 1 from chain where id = ${organizationId}) as cycle`);
  return Boolean(rowsOf<{ cycle: boolean }>(result)[0]?.cycle);
}

builder.mutationFields((t) => ({
  createPerson: t.field({
    type: PersonPayload,
    description: 'Adds a person.',
    args: { input: t.arg({ type: CreatePersonInput, required: true, description: 'The person.' }) },
    resolve: (_root, { input }, ctx) =>
      commitAndInvalidate(ctx, async (tx) => {
        const aliases = distinctAliases(input.name, input.aliases ?? []);
        const slug = await allocateSlug(tx, people, slugify(input.name));
        const [row] = await tx
          .insert(people)
          .values({ slug, name: input.name, aliases, description: input.description ?? null, ...lookupColumns(input.name, aliases) })
          .returning({ id: people.id });
        const personId = found(row, 'person', 'input').id;
        return { payload: { personId }, change: { people: [personId] } };
      }),
  }),
  updatePerson: t.field({
    type: PersonPayload,
    description: 'Changes a person. A new name keeps the old one as an alias.',
    args: { input: t.arg({ type: UpdatePersonInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input }, ctx) =>
      commitAndInvalidate(ctx, async (tx) => {
        const id = decodeId(input.id, 'input.id').id;
        const [current] = await tx.select().from(people).where(eq(people.id, id)).for('update');
        const person = found(current, 'person', 'input.id');
        const name = input.name ?? person.name;
        const requested = input.aliases ?? person.aliases;
        const aliases = distinctAliases(name, name !== person.name && input.aliases == null ? [...requested, person.name] : requested);
        await tx
          .update(people)
          .set({
            name,
            aliases,
            ...lookupColumns(name, aliases),
            ...(input.description !== undefined ? { description: input.description } : {}),
            updatedAt: new Date(),
          })
          .where(eq(people.id, id));
        return { payload: { personId: id }, change: { people: [id] } };
      }),
  }),
  createOrganization: t.field({
    type: OrganizationPayload,
    description: 'Adds an organization.',
    args: { input: t.arg({ type: CreateOrganizationInput, required: true, description: 'The organization.' }) },
    resolve: (_root, { input }, ctx) =>
      commitAndInvalidate(ctx, async (tx) => {
        const aliases = distinctAliases(input.name, input.aliases ?? []);
        const parentId = input.parent ? decodeId(input.parent, 'input.parent').id : null;
        if (parentId !== null) {
          found((await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, parentId)))[0], 'organization', 'input.parent');
        }
        const slug = await allocateSlug(tx, organizations, slugify(input.name));
        const [row] = await tx
          .insert(organizations)
          .values({
            slug,
            name: input.name,
            kind: input.kind ?? 'other',
            aliases,
            parentId,
            description: input.description ?? null,
            ...lookupColumns(input.name, aliases),
          })
          .returning({ id: organizations.id });
        const organizationId = found(row, 'organization', 'input').id;
        return { payload: { organizationId }, change: { organizations: [organizationId, ...(parentId ? [parentId] : [])] } };
      }),
  }),
  updateOrganization: t.field({
    type: OrganizationPayload,
    description: 'Changes an organization. A new name keeps the old one as an alias.',
    args: { input: t.arg({ type: UpdateOrganizationInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input }, ctx) =>
      commitAndInvalidate(ctx, async (tx) => {
        const id = decodeId(input.id, 'input.id').id;
        const [current] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
        const organization = found(current, 'organization', 'input.id');
        let parentId = organization.parentId;
        if (input.parent !== undefined) {
          parentId = input.parent ? decodeId(input.parent, 'input.parent').id : null;
          if (parentId !== null) {
            found((await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, parentId)))[0], 'organization', 'input.parent');
            if (parentId === id || (await wouldCycle(tx, id, parentId))) {
              throw badUserInput('An organization cannot be its own ancestor.', 'input.parent');
            }
          }
        }
        const name = input.name ?? organization.name;
        const requested = input.aliases ?? organization.aliases;
        const aliases = distinctAliases(
          name,
          name !== organization.name && input.aliases == null ? [...requested, organization.name] : requested,
        );
        await tx
          .update(organizations)
          .set({
            name,
            aliases,
            parentId,
            ...(input.kind ? { kind: input.kind } : {}),
            ...lookupColumns(name, aliases),
            ...(input.description !== undefined ? { description: input.description } : {}),
            updatedAt: new Date(),
          })
          .where(eq(organizations.id, id));
        const parents = [organization.parentId, parentId].filter((value): value is number => value !== null);
        return { payload: { organizationId: id }, change: { organizations: [id, ...parents] } };
      }),
  }),
  addAlias: t.field({
    type: Speaker,
    description: 'Adds a name a person or organization goes by, so lookups by that name find it.',
    args: { input: t.arg({ type: AliasInput, required: true, description: 'Who, and the name.' }) },
    resolve: (_root, { input }, ctx) => changeAliases(ctx, input, 'add'),
  }),
  removeAlias: t.field({
    type: Speaker,
    description: 'Removes a name from a person or organization.',
    args: { input: t.arg({ type: AliasInput, required: true, description: 'Who, and the name.' }) },
    resolve: (_root, { input }, ctx) => changeAliases(ctx, input, 'remove'),
  }),
  mergePeople: t.field({
    type: MergePayload,
    description: 'Folds one person into another: quotes, affiliations, mentions and names move to `keep`; `remove` is deleted.',
    args: { input: t.arg({ type: MergeInput, required: true, description: 'Which to keep and which to remove.' }) },
    resolve: (_root, { input }, ctx) => merge(ctx, input, 'Person'),
  }),
  mergeOrganizations: t.field({
    type: MergePayload,
    description: 'Folds one organization into another: quotes, affiliations, mentions, names and child organizations move to `keep`.',
    args: { input: t.arg({ type: MergeInput, required: true, description: 'Which to keep and which to remove.' }) },
    resolve: (_root, { input }, ctx) => merge(ctx, input, 'Organization'),
  }),
  deletePerson: t.field({
    type: DeletePayload,
    description: 'Deletes a person with their affiliations and mentions. Their quotes stay, without a speaker.',
    args: { input: t.arg({ type: DeleteEntityInput, required: true, description: 'The person.' }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.id.typename !== 'Person') throw badUserInput('id is not a Person ID.', 'input.id');
      const id = decodeId(input.id, 'input.id').id;
      return commitAndInvalidate(ctx, async (tx) => {
        const deleted = await tx.delete(people).where(eq(people.id, id)).returning({ id: people.id });
        found(deleted[0], 'person', 'input.id');
        return { payload: { deletedId: encodeGlobalID('Person', id) }, change: { people: [id] } };
      });
    },
  }),
  deleteOrganization: t.field({
    type: DeletePayload,
    description: 'Deletes an organization with its affiliations and mentions. Its quotes stay, without a speaker; its children become top-level.',
    args: { input: t.arg({ type: DeleteEntityInput, required: true, description: 'The organization.' }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.id.typename !== 'Organization') throw badUserInput('id is not an Organization ID.', 'input.id');
      const id = decodeId(input.id, 'input.id').id;
      return commitAndInvalidate(ctx, async (tx) => {
        const deleted = await tx.delete(organizations).where(eq(organizations.id, id)).returning({ id: organizations.id });
        found(deleted[0], 'organization', 'input.id');
        return { payload: { deletedId: encodeGlobalID('Organization', id) }, change: { organizations: [id] } };
      });
    },
  }),
}));

type EntityRef = { typename: string; id: string | number };

type WriteContext = Parameters<typeof commitAndInvalidate>[0];

async function changeAliases(
  ctx: WriteContext,
  input: { entity: EntityRef; alias: string },
  change: 'add' | 'remove',
) {
  const isPerson = input.entity.typename === 'Person';
  const table = isPerson ? people : organizations;
  const id = decodeId(input.entity, 'input.entity').id;
  return commitAndInvalidate(ctx, async (tx) => {
    const [current] = await tx.select().from(table).where(eq(table.id, id)).for('update');
    const entity = found(current, isPerson ? 'person' : 'organization', 'input.entity');
    const key = lookupKey(input.alias);
    if (change === 'remove' && key === lookupKey(entity.name)) {
      throw badUserInput('The canonical name cannot be removed; rename instead.', 'input.alias');
    }
    const aliases =
      change === 'add'
        ? distinctAliases(entity.name, [...entity.aliases, input.alias])
        : entity.aliases.filter((alias) => lookupKey(alias) !== key);
    const [row] = await tx
      .update(table)
      .set({ aliases, ...lookupColumns(entity.name, aliases), updatedAt: new Date() })
      .where(eq(table.id, id))
      .returning();
    return {
      payload: asSpeaker(found(row, 'entity', 'input.entity'), isPerson ? 'Person' : 'Organization'),
      change: isPerson ? { people: [id] } : { organizations: [id] },
    };
  });
}

async function merge(
  ctx: WriteContext,
  input: { keep: EntityRef; remove: EntityRef },
  typename: 'Person' | 'Organization',
) {
  for (const field of ['keep', 'remove'] as const) {
    if (input[field].typename !== typename) throw badUserInput(`${field} is not a ${typename} ID.`, `input.${field}`);
  }
  const keepId = decodeId(input.keep, 'input.keep').id;
  const removeId = decodeId(input.remove, 'input.remove').id;
  if (keepId === removeId) throw badUserInput('keep and remove are the same.', 'input.remove');
  const table = typename === 'Person' ? people : organizations;
  return commitAndInvalidate(ctx, async (tx) => {
    for (const [field, id] of [['keep', keepId], ['remove', removeId]] as const) {
      found((await tx.select({ id: table.id }).from(table).where(eq(table.id, id)))[0], typename.toLowerCase(), `input.${field}`);
    }
    let counts: MergeCounts;
    try {
      counts = typename === 'Person' ? await mergePeople(tx, keepId, removeId) : await mergeOrganizations(tx, keepId, removeId);
    } catch (error) {
      // Merged or deleted by a write that committed while this one waited for its locks.
      if (error instanceof MergeTargetMissing) throw found(null, typename.toLowerCase(), `input.${error.side}`);
      throw error;
    }
    const ids = [keepId, removeId];
    return {
      payload: { ...counts, keptId: keepId, typename },
      change: typename === 'Person' ? { people: ids } : { organizations: ids },
    };
  });
}
