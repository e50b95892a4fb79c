// A caller without write access learns nothing about a mutation's inputs: whatever it sends
// (missing fields, wrong types, malformed ids, values the input rules refuse), the answer is
// UNAUTHENTICATED (no or a wrong token) or FORBIDDEN (a server closed to writes), on every
// mutation field of the schema, with the field's path, and nothing is written.
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { schema } from '../../src/graphql/schema.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, execute } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { loadFixtureGraph } from '../support/fixtures.ts';
import { runs } from '../support/property.ts';

const TOKEN = 'authorise-first-token-abcdefgh';
let database: DatabaseHandle;
let withTokens: App;
let closed: App;

beforeAll(async () => {
  database = await openTestDatabase();
  await loadFixtureGraph(database);
  withTokens = createTestApp(database, { apiTokens: [TOKEN] });
  closed = createTestApp(database, { host: '0.0.0.0' });
});
afterAll(() => database?.close());

const mutationFields = Object.values(schema.getMutationType()!.getFields());

/** Ids that decode to nothing valid, or not at all. */
const badIds = [
  '',
  '!!!',
  'Article:02',
  Buffer.from('Article:0x2').toString('base64'),
  Buffer.from('Nope:1').toString('base64'),
  'QXJ0aWNsZTo=',
];

/** A value of the given input type with every leaf wrong in some generated way. */
function invalidValue(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return invalidValue(type.ofType, depth);
  if (isListType(type)) return fc.array(invalidValue(type.ofType, depth + 1), { maxLength: 3 });
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(named.getFields());
    return fc.record(Object.fromEntries(fields.map((field) => [field.name, invalidValue(field.type, depth + 1)])), {
      requiredKeys: [],
    });
  }
  if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((value) => value.name), 'NOT_A_VALUE');
  if (isScalarType(named)) {
    const wrongType = fc.constantFrom<unknown>(42, true, { nested: 1 }, [], null);
    switch (named.name) {
      case 'ID':
        return fc.oneof(fc.constantFrom(...badIds), wrongType);
      case 'Int':
      case 'Float':
        return fc.oneof(fc.constantFrom(-1, -1e12, 1e300, 0.5), fc.constantFrom('7', null));
      case 'Boolean':
        return fc.constantFrom<unknown>('yes', 1, null);
      default:
        return fc.oneof(
          fc.constantFrom('', ' ', 'javascript:alert(1)', 'not-a-date', '0000-01-01', 'x'.repeat(6_000)),
          wrongType,
        );
    }
  }
  return fc.constant(null);
}

/** One mutation field with a generated invalid `input` (or none, or one of the wrong shape). */
const invalidCall = fc.constantFrom(...mutationFields).chain((field) => {
  const inputArgument = field.args.find((argument) => argument.name === 'input')!;
  return fc
    .oneof(invalidValue(inputArgument.type), fc.constantFrom<unknown>(undefined, null, 'input', 17, []))
    .map((input) => ({ field: field.name, inputType: inputArgument.type.toString(), input }));
});

async function peopleAndArticles(): Promise<string> {
  const counts = await execute(
    withTokens,
    '{ people { totalCount } articles { totalCount } organizations { totalCount } quotes { totalCount } }',
  );
  return JSON.stringify(counts.data);
}

describe('authorisation comes before any look at the input', () => {
  test('every mutation field, generated invalid inputs, no token, a wrong token, or a closed server: refused for access, nothing written', async () => {
    const before = await peopleAndArticles();
    const callers: { app: App; headers: Record<string, string>; code: string }[] = [
      { app: withTokens, headers: {}, code: 'UNAUTHENTICATED' },
      { app: withTokens, headers: { authorization: 'Bearer not-the-token-xxxxxxxxxxxx' }, code: 'UNAUTHENTICATED' },
      { app: closed, headers: {}, code: 'FORBIDDEN' },
    ];
    await fc.assert(
      fc.asyncProperty(
        invalidCall,
        fc.constantFrom(...callers.keys()),
        async ({ field, inputType, input }, callerIndex) => {
          const caller = callers[callerIndex]!;
          const source = `mutation Attempt($input: ${inputType}) { ${field}(input: $input) { __typename } }`;
          const result = await execute(caller.app, source, input === undefined ? {} : { input }, caller.headers);
          const context = `${field} ${JSON.stringify(input)?.slice(0, 200)} → ${JSON.stringify(result).slice(0, 400)}`;
          expect(result.data ?? null, context).toBeNull();
          expect(
            result.errors?.map((error) => error.extensions?.code),
            context,
          ).toEqual([caller.code]);
          expect(result.errors?.[0]?.path, context).toEqual([field]);
        },
      ),
      { numRuns: runs(150) },
    );
    expect(await peopleAndArticles()).toBe(before);
  }, 60_000);

  test('several mutation fields at once: one access error per field, each with its path', async () => {
    const source =
      'mutation { a: createPerson(input: { name: "" }) { __typename } b: deleteArticle(input: { id: "!!!" }) { __typename } }';
    const result = await execute(withTokens, source);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([
      ['UNAUTHENTICATED', ['a']],
      ['UNAUTHENTICATED', ['b']],
    ]);
  });

  test('with the token, the same invalid inputs are BAD_USER_INPUT: the input rules still hold', async () => {
    const result = await execute(
      withTokens,
      'mutation($id: ID!) { deleteArticle(input: { id: $id }) { deletedId } }',
      { id: '!!!' },
      {
        authorization: `Bearer ${TOKEN}`,
      },
    );
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
