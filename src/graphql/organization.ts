import { and, eq, sql, type SQL } from 'drizzle-orm';
import { organizations } from '../db/schema.ts';
import { orders } from './orders.ts';
import { OrganizationRef } from './refs.ts';
import { builder } from './builder.ts';
import { OrganizationKindEnum } from './enums.ts';
import { loadPage, totalFromPage } from './connections.ts';
import { entityLookupCondition, entitySearchCondition, lookupOrder } from './entity-lookup.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createOrganization, deleteOrganization, updateOrganization } from '../store/organizations.ts';
import { badUserInput } from '../errors.ts';
import { decodeId } from './global-ids.ts';
import { DeleteEntityInput, DeletePayload, found, rules, runWrite } from './mutation-support.ts';

builder.drizzleObjectFields(OrganizationRef, (t) => ({
  slug: t.exposeString('slug', { description: 'URL-safe unique name, e.g. "associated-press".' }),
  name: t.exposeString('name', { description: 'Canonical name: "Associated Press".' }),
  kind: t.expose('kind', { type: OrganizationKindEnum, description: 'What sort of organization it is.' }),
  aliases: t.exposeStringList('aliases', { description: 'Other names seen in articles: "AP".' }),
  description: t.exposeString('description', { nullable: true, description: 'A short description.' }),
  parent: t.relation('parent', {
    nullable: true,
    description: "The organization this one belongs to: a ministry's government.",
  }),
  children: t.relation('children', {
    description: 'Organizations that belong to this one, by name.',
    query: { orderBy: orders.organizationsByName.order },
  }),
  affiliations: t.relation('affiliations', {
    // Capped rather than paged: the compiled read path answers this field as a plain list.
    description:
      "People holding roles here, oldest record first: at most the first 100 (the list is capped, not paged). Each person's `affiliations` lists all of their roles.",
    query: { orderBy: orders.affiliations.order, limit: 100 },
  }),
  articles: t.relatedConnection('articles', {
    description: 'Articles that mention this organization, newest first.',
    totalCount: true,
    query: (args) => {
      orders.articlesNewest.checkCursors(args);
      return { orderBy: orders.articlesNewest.order };
    },
  }),
}));

const OrganizationFilter = builder.inputType('OrganizationFilter', {
  description: 'Narrows `organizations`. All given conditions must hold.',
  fields: (t) => ({
    search: t.string({ description: 'Part of a name or alias, case- and accent-insensitively.' }),
    kind: t.field({ type: OrganizationKindEnum, description: 'Only organizations of this kind.' }),
  }),
});

type OrganizationFilterShape = typeof OrganizationFilter.$inferInput;

function organizationCondition(filter: OrganizationFilterShape | null | undefined, table: typeof organizations) {
  if (!filter) return undefined;
  return and(entitySearchCondition(filter.search, table), filter.kind ? eq(table.kind, filter.kind) : undefined);
}

function organizationCount(filter: OrganizationFilterShape | null | undefined): SQL {
  const condition = organizationCondition(filter, organizations);
  return sql`select count(*) from ${organizations}${condition ? sql` where ${condition}` : sql``}`;
}

builder.queryFields((t) => ({
  organization: t.drizzleField({
    type: 'organizations',
    nullable: true,
    description:
      'One organization, by exactly one of `id`, `slug` or `name` (canonical name or alias); null when none matches.',
    args: {
      id: t.arg.globalID({ for: [OrganizationRef], description: 'Global ID.' }),
      slug: t.arg.string({ description: 'Slug.' }),
      name: t.arg.string({ description: 'Name or alias, case- and accent-insensitively.' }),
    },
    resolve: (query, _root, args, ctx) => {
      const condition = entityLookupCondition(args);
      return ctx.db.query.organizations.findFirst(
        query({
          where: { RAW: condition },
          orderBy: lookupOrder(args),
        }),
      );
    },
  }),
  organizations: t.drizzleConnection({
    type: 'organizations',
    description: 'Organizations, by name.',
    args: { filter: t.arg({ type: OrganizationFilter, description: 'Conditions the organizations must meet.' }) },
    totalCount: (_root, args, ctx) => totalFromPage(args, ctx.db, organizationCount(args.filter)),
    resolve: (query, _root, args, ctx, info) => {
      orders.organizationsByName.checkCursors(args);
      return loadPage(
        args,
        info,
        () => organizationCount(args.filter),
        (extras) =>
          ctx.db.query.organizations.findMany(
            query({
              where: { RAW: (table) => organizationCondition(args.filter, table) ?? sql`true` },
              orderBy: orders.organizationsByName.order,
              extras,
            }),
          ),
      );
    },
  }),
}));

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

builder.mutationFields((t) => ({
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
      const parentChange =
        parent === undefined ? {} : { parentId: parent ? decodeId(parent, 'input.parent').id : null };
      return runWrite(ctx, (tx) => updateOrganization(tx, { ...changes, id, ...parentChange }));
    },
  }),
  deleteOrganization: t.field({
    type: DeletePayload,
    description:
      'Deletes an organization with its affiliations and mentions. Its quotes stay, without a speaker; its children become top-level.',
    args: { input: t.arg({ type: DeleteEntityInput, required: true, description: 'The organization.' }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.id.typename !== 'Organization') throw badUserInput('id is not an Organization ID.', 'input.id');
      const id = decodeId(input.id, 'input.id').id;
      await runWrite(ctx, (tx) => deleteOrganization(tx, id));
      return { deletedId: encodeGlobalID('Organization', id) };
    },
  }),
}));
