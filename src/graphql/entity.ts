// What people and organizations share as writes: the names they go by, and folding one record
// into another. These answer with the Speaker union (quote.ts), which the Person and
// Organization files cannot import: it is built from their own types.
import { changeAliases, type MergeCounts } from '../store/entities.ts';
import { mergeOrganizations } from '../store/organizations.ts';
import { mergePeople } from '../store/people.ts';
import { builder } from './builder.ts';
import { badUserInput } from '../errors.ts';
import { decodeId, EntityIdTypes, type DecodedId } from './ids.ts';
import { found, rules, runWrite } from './mutation-support.ts';
import { asSpeaker, Speaker } from './quote.ts';

const MergePayload = builder
  .objectRef<MergeCounts & { keptId: number; typename: 'Person' | 'Organization' }>('MergePayload')
  .implement({
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

builder.mutationFields((t) => ({
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
    description:
      'Folds one person into another: quotes, affiliations, mentions and names move to `keep`; `remove` is deleted.',
    args: { input: t.arg({ type: MergeInput, required: true, description: 'Which to keep and which to remove.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { keepId, removeId } = mergeSides(input, 'Person');
      const counts = await runWrite(ctx, (tx) => mergePeople(tx, keepId, removeId));
      return { ...counts, keptId: keepId, typename: 'Person' as const };
    },
  }),
  mergeOrganizations: t.field({
    type: MergePayload,
    description:
      'Folds one organization into another: quotes, affiliations, mentions, names and child organizations move to `keep`.',
    args: { input: t.arg({ type: MergeInput, required: true, description: 'Which to keep and which to remove.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { keepId, removeId } = mergeSides(input, 'Organization');
      const counts = await runWrite(ctx, (tx) => mergeOrganizations(tx, keepId, removeId));
      return { ...counts, keptId: keepId, typename: 'Organization' as const };
    },
  }),
}));

/** Adds or removes an alias, then answers with the person or organization as stored now. */
async function aliasChange(
  ctx: Parameters<typeof runWrite>[0],
  input: { entity: DecodedId; alias: string },
  change: 'add' | 'remove',
) {
  const isPerson = input.entity.typename === 'Person';
  const id = decodeId(input.entity, 'input.entity').id;
  await runWrite(ctx, (tx) =>
    changeAliases(tx, { kind: isPerson ? 'person' : 'organization', id, alias: input.alias, change }),
  );
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
