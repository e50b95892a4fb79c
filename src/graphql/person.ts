import { sql } from 'drizzle-orm';
import { PersonRef } from './refs.ts';
import { builder } from './builder.ts';
import { loadPage, totalFromPage } from './connections.ts';
import { entityLookupCondition, entitySearchCondition, lookupOrder } from './entity-lookup.ts';
import { people } from '../db/schema.ts';
import { orders } from './orders.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createPerson, deletePerson, updatePerson } from '../store/people.ts';
import { badUserInput } from '../errors.ts';
import { decodeId } from './global-ids.ts';
import { DeleteEntityInput, DeletePayload, found, rules, runWrite } from './mutation-support.ts';

builder.drizzleObjectFields(PersonRef, (t) => ({
  slug: t.exposeString('slug', { description: 'URL-safe unique name, e.g. "barack-obama".' }),
  name: t.exposeString('name', { description: 'Canonical full name, without titles: "Barack Obama".' }),
  aliases: t.exposeStringList('aliases', {
    description: 'Other forms of the name seen in articles: "Obama", "President Barack Obama".',
  }),
  description: t.exposeString('description', { nullable: true, description: 'A short description.' }),
  affiliations: t.relation('affiliations', {
    description: 'Roles this person holds or held at organizations.',
    query: { orderBy: orders.affiliations.order },
  }),
  articles: t.relatedConnection('articles', {
    description: 'Articles that mention this person, newest first.',
    totalCount: true,
    query: (args) => {
      orders.articlesNewest.checkCursors(args);
      return { orderBy: orders.articlesNewest.order };
    },
  }),
}));

const PersonFilter = builder.inputType('PersonFilter', {
  description: 'Narrows `people`.',
  fields: (t) => ({
    search: t.string({ description: 'Part of a name or alias, case- and accent-insensitively.' }),
  }),
});

function peopleCount(search: string | null | undefined) {
  const condition = entitySearchCondition(search, people);
  return sql`select count(*) from ${people}${condition ? sql` where ${condition}` : sql``}`;
}

builder.queryFields((t) => ({
  person: t.drizzleField({
    type: 'people',
    nullable: true,
    description:
      'One person, by exactly one of `id`, `slug` or `name` (canonical name or alias); null when none matches.',
    args: {
      id: t.arg.globalID({ for: [PersonRef], description: 'Global ID.' }),
      slug: t.arg.string({ description: 'Slug.' }),
      name: t.arg.string({ description: 'Name or alias, case- and accent-insensitively.' }),
    },
    resolve: (query, _root, args, ctx) => {
      const condition = entityLookupCondition(args);
      return ctx.db.query.people.findFirst(
        query({
          where: { RAW: condition },
          orderBy: lookupOrder(args),
        }),
      );
    },
  }),
  people: t.drizzleConnection({
    type: 'people',
    description: 'People, by name.',
    args: { filter: t.arg({ type: PersonFilter, description: 'Conditions the people must meet.' }) },
    totalCount: (_root, args, ctx) => totalFromPage(args, ctx.db, peopleCount(args.filter?.search)),
    resolve: (query, _root, args, ctx, info) => {
      orders.peopleByName.checkCursors(args);
      return loadPage(
        args,
        info,
        () => peopleCount(args.filter?.search),
        (extras) =>
          ctx.db.query.people.findMany(
            query({
              where: { RAW: (table) => entitySearchCondition(args.filter?.search, table) ?? sql`true` },
              orderBy: orders.peopleByName.order,
              extras,
            }),
          ),
      );
    },
  }),
}));

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
}));
