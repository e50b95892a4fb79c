// Rate-limit budgets belong to who the server knows a client to be: a configured API token or
// a valid JWT, else the client's address. A bearer string that does not verify is no identity:
// random strings share their address's budget, so they buy neither unlimited expensive queries
// nor unlimited token guesses, while a real token keeps its own budget wherever it comes from.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, execute } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { runs } from '../support/property.ts';

const TOKENS = ['budget-test-token-aaaaaaaaaaaa', 'budget-test-token-bbbbbbbbbbbb'];
const SECRET = 'budget-test-jwt-secret-long-enough';
const EXPENSIVE = '{ articles(first: 60) { totalCount nodes { title } } }';
const BUDGET = 3;
const CREATE = 'mutation($name: String!) { createPerson(input: { name: $name }) { person { name } } }';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

/** A fresh app (fresh in-memory budgets) behind a proxy it trusts, so the test chooses addresses. */
function limitedApp(): App {
  return createTestApp(database, {
    apiTokens: TOKENS,
    jwt: { secret: SECRET, jwksUrl: null, issuer: null, audience: null, writeScope: 'quotegraph:write' },
    trustProxy: true,
    rateLimits: { writesPerMinute: BUDGET, expensivePerMinute: BUDGET, expensiveCost: 50 },
  });
}

function jwt(payload: Record<string, unknown>, secret = SECRET): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iat: Math.floor(Date.now() / 1000), ...payload })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

const headers = (address: string, token?: string) => ({
  'x-forwarded-for': address,
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});
const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  (result.errors?.[0]?.extensions?.code as string | undefined) ?? 'ok';

/** Bearer strings a client might make up: printable, no spaces, long enough to look like tokens. */
const madeUpToken = fc.oneof(
  fc.base64String({ minLength: 16, maxLength: 64 }).filter((token) => token.length >= 16),
  fc.stringMatching(/^[A-Za-z0-9._~+/-]{16,80}$/),
  // Shaped like a JWT, signed with a key the server does not know.
  fc
    .record({ sub: fc.string({ minLength: 1, maxLength: 12 }) })
    .map((payload) => jwt({ ...payload, scope: 'quotegraph:write' }, 'not-the-server-secret-at-all')),
);

describe('expensive queries', () => {
  test('made-up bearer strings from one address share that address budget', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(madeUpToken, { minLength: BUDGET + 2, maxLength: BUDGET + 6 }),
        fc.ipV4(),
        async (tokens, address) => {
          const app = limitedApp();
          const outcomes: string[] = [];
          for (const token of tokens) outcomes.push(codeOf(await execute(app, EXPENSIVE, {}, headers(address, token))));
          expect(outcomes.slice(0, BUDGET)).toEqual(Array(BUDGET).fill('ok'));
          expect(outcomes.slice(BUDGET)).toEqual(Array(tokens.length - BUDGET).fill('RATE_LIMITED'));
          // Without any token the address is just as spent; another address is not.
          expect(codeOf(await execute(app, EXPENSIVE, {}, headers(address)))).toBe('RATE_LIMITED');
          expect(codeOf(await execute(app, EXPENSIVE, {}, headers(`${address}-other`)))).toBe('ok');
        },
      ),
      { numRuns: runs(10) },
    );
  });

  test('a configured token keeps its own budget, from any address, and is not spent by guesses', async () => {
    const app = limitedApp();
    for (let i = 0; i < BUDGET + 2; i++)
      await execute(app, EXPENSIVE, {}, headers('198.51.100.1', `guess-${i}-xxxxxxxxxxxxxxxx`));
    for (let i = 0; i < BUDGET; i++)
      expect(codeOf(await execute(app, EXPENSIVE, {}, headers(`198.51.100.${i + 1}`, TOKENS[0])))).toBe('ok');
    expect(codeOf(await execute(app, EXPENSIVE, {}, headers('198.51.100.9', TOKENS[0])))).toBe('RATE_LIMITED');
    expect(codeOf(await execute(app, EXPENSIVE, {}, headers('198.51.100.1', TOKENS[1])))).toBe('ok');
  });
});

describe('token guesses', () => {
  test('generated wrong tokens: UNAUTHENTICATED until the address budget is spent, then RATE_LIMITED; nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(madeUpToken, { minLength: BUDGET + 2, maxLength: BUDGET + 6 }),
        fc.ipV4(),
        async (tokens, address) => {
          const app = limitedApp();
          const outcomes: string[] = [];
          for (const [index, token] of tokens.entries()) {
            outcomes.push(
              codeOf(await execute(app, CREATE, { name: `Guessed ${address} ${index}` }, headers(address, token))),
            );
          }
          expect(outcomes.slice(0, BUDGET)).toEqual(Array(BUDGET).fill('UNAUTHENTICATED'));
          expect(outcomes.slice(BUDGET)).toEqual(Array(tokens.length - BUDGET).fill('RATE_LIMITED'));
          const found = await execute(app, 'query($q: String!) { people(filter: { search: $q }) { totalCount } }', {
            q: `Guessed ${address}`,
          });
          expect(found.data?.people.totalCount).toBe(0);
          // The real token, from that same address, still writes: its budget is its own.
          expect(codeOf(await execute(app, CREATE, { name: `Real ${address}` }, headers(address, TOKENS[0])))).toBe(
            'ok',
          );
        },
      ),
      { numRuns: runs(10) },
    );
  });

  test('a valid JWT is its subject: one budget for every token of that subject, another for another subject', async () => {
    const app = limitedApp();
    const editor = (n: number) => jwt({ sub: 'editor-1', scope: 'quotegraph:write', jti: String(n) });
    for (let i = 0; i < BUDGET; i++)
      expect(codeOf(await execute(app, CREATE, { name: `Jwt Writer ${i}` }, headers(`192.0.2.${i}`, editor(i))))).toBe(
        'ok',
      );
    expect(codeOf(await execute(app, CREATE, { name: 'Jwt Writer x' }, headers('192.0.2.77', editor(99))))).toBe(
      'RATE_LIMITED',
    );
    const other = jwt({ sub: 'editor-2', scope: 'quotegraph:write' });
    expect(codeOf(await execute(app, CREATE, { name: 'Jwt Writer y' }, headers('192.0.2.77', other)))).toBe('ok');
  });
});
