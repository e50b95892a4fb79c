import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { writePolicy } from '../../src/http/plugins/write-access.ts';
import { createTestApp, execute, testConfig } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';

const TOKEN = 'auth-test-token-abcdefghijkl';
const SECRET = 'jwt-test-secret-that-is-long-enough';
const createPerson = 'mutation { createPerson(input: { name: "Written Person" }) { person { name } } }';
let database: DatabaseHandle;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

function jwt(payload: Record<string, unknown>, secret = SECRET): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iat: Math.floor(Date.now() / 1000), ...payload })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

async function peopleCount(): Promise<number> {
  const result = await execute(createTestApp(database), '{ people { totalCount } }');
  return result.data?.people.totalCount;
}

async function attempt(
  overrides: Parameters<typeof createTestApp>[1],
  headers: Record<string, string> = {},
  handle = database,
) {
  const before = await peopleCount();
  const result = await execute(createTestApp(handle, overrides), createPerson, {}, headers);
  const written = (await peopleCount()) - before;
  return { result, written };
}

describe('writes need a token', () => {
  test('no token: UNAUTHENTICATED, nothing written', async () => {
    const { result, written } = await attempt({ apiTokens: [TOKEN] });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.path).toEqual(['createPerson']);
    expect(written).toBe(0);
  });

  test('a wrong token or a malformed header: UNAUTHENTICATED, nothing written', async () => {
    for (const authorization of [`Bearer ${TOKEN}x`, `Basic ${TOKEN}`, 'Bearer', `bearer  ${'y'.repeat(30)}`]) {
      const { result, written } = await attempt({ apiTokens: [TOKEN] }, { authorization });
      expect(result.errors?.[0]?.extensions?.code, authorization).toBe('UNAUTHENTICATED');
      expect(written).toBe(0);
    }
  });

  test('a configured token writes', async () => {
    const { result, written } = await attempt(
      { apiTokens: ['another-token-0123456789', TOKEN] },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(result.errors).toBeUndefined();
    expect(written).toBe(1);
  });

  test('reads stay public, whatever the Authorization header says', async () => {
    const app = createTestApp(database, { apiTokens: [TOKEN] });
    for (const headers of [{}, { authorization: 'Bearer nonsense' }] as Record<string, string>[]) {
      const result = await execute(app, '{ people { totalCount } }', {}, headers);
      expect(result.errors).toBeUndefined();
    }
  });
});

describe('JWTs', () => {
  const jwtConfig = {
    jwt: { secret: SECRET, jwksUrl: null, issuer: null, audience: null, writeScope: 'quotegraph:write' },
  };

  test('a signed token with the write scope writes', async () => {
    const { result, written } = await attempt(jwtConfig, {
      authorization: `Bearer ${jwt({ sub: 'editor', scope: 'read quotegraph:write' })}`,
    });
    expect(result.errors).toBeUndefined();
    expect(written).toBe(1);
  });

  test('a signed token without the scope is FORBIDDEN', async () => {
    const { result, written } = await attempt(jwtConfig, {
      authorization: `Bearer ${jwt({ sub: 'reader', scope: 'read' })}`,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(written).toBe(0);
  });

  test('a token signed with another secret, or expired, is UNAUTHENTICATED', async () => {
    for (const token of [
      jwt({ scope: 'quotegraph:write' }, 'some-other-secret-entirely'),
      jwt({ scope: 'quotegraph:write', exp: Math.floor(Date.now() / 1000) - 60 }),
    ]) {
      const { result, written } = await attempt(jwtConfig, { authorization: `Bearer ${token}` });
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(written).toBe(0);
    }
  });
});

describe('with no credentials configured', () => {
  test('the embedded database on loopback is open for writes', () => {
    expect(writePolicy(testConfig({ host: 'localhost' }), true)).toBe('open-local');
    expect(writePolicy(testConfig({ host: '127.0.0.1' }), true)).toBe('open-local');
  });

  test('any other server refuses all writes until tokens are configured', async () => {
    expect(writePolicy(testConfig({ host: '0.0.0.0' }), true)).toBe('closed');
    expect(writePolicy(testConfig({ host: 'localhost' }), false)).toBe('closed');
    expect(writePolicy(testConfig({ host: '0.0.0.0', apiTokens: [TOKEN] }), false)).toBe('tokens');
    const { result, written } = await attempt({ host: '0.0.0.0' });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(written).toBe(0);
  });
});
