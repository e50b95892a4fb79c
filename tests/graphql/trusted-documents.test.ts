// Trusted documents: by default a known hash runs beside ordinary documents; with
// QUOTEGRAPH_TRUSTED_DOCUMENTS=only nothing else runs, and what is refused writes nothing.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, test } from 'vitest';
import { manifestJson, MANIFEST_FILE } from '../../examples/story-viewer/manifest.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { documentHash, loadTrustedDocuments } from '../../src/http/plugins/trusted-documents.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, testConfig, type GraphQLResponse } from '../support/app.ts';
import { useFixtureGraph } from '../support/graph.ts';
import { runs } from '../support/property.ts';

const graph = useFixtureGraph();
const manifest = JSON.parse(await readFile(MANIFEST_FILE, 'utf8')) as Record<string, string>;
const hashOf = (operation: string) =>
  Object.entries(manifest).find(([, text]) => text.startsWith(`query ${operation}`))![0];

async function post(
  app: App,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const response = await app.fetch('http://quotegraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify(body),
  });
  return (await response.json()) as GraphQLResponse;
}

const persisted = (hash: string, variables: Record<string, unknown> = {}) => ({
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});

const codesOf = (answer: GraphQLResponse) => answer.errors?.map((error) => error.extensions?.code);

const onlyMode = () =>
  createTestApp(graph.database, { trustedDocuments: { mode: 'only', manifests: [MANIFEST_FILE] } });

describe('the story viewer manifest', () => {
  test('is up to date with the viewer operations (npm run viewer:build writes it)', () => {
    expect(`${JSON.stringify(manifest, null, 2)}\n`).toBe(manifestJson());
  });

  test('holds documents valid against schema.graphql, each under its own SHA-256', async () => {
    const schema = buildSchema(await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8'));
    expect(Object.keys(manifest).length).toBeGreaterThanOrEqual(4);
    for (const [hash, text] of Object.entries(manifest)) {
      expect(documentHash(text)).toBe(hash);
      expect(validate(schema, parse(text))).toEqual([]);
    }
  });

  test('its schema types (graphql-env.d.ts) match schema.graphql (npm run viewer:schema writes them)', async () => {
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'qg-tada-')), 'graphql-env.d.ts');
    const viewer = new URL('../../examples/story-viewer/', import.meta.url);
    await promisify(execFile)(path.resolve('node_modules/.bin/gql.tada'), [
      'generate',
      'output',
      '--tsconfig',
      new URL('tsconfig.json', viewer).pathname,
      '--output',
      out,
    ]);
    expect(await readFile(out, 'utf8')).toBe(await readFile(new URL('src/graphql-env.d.ts', viewer), 'utf8'));
  });
});

describe('accept mode (the default)', () => {
  test('runs a trusted document by its hash, and ordinary documents as before', async () => {
    expect(loadConfig({}).trustedDocuments.mode).toBe('accept');
    const byHash = await post(graph.app, { operationName: 'FrontPage', ...persisted(hashOf('FrontPage')) });
    expect(byHash.errors).toBeUndefined();
    expect((byHash.data!.articles as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0);
    const byText = await post(graph.app, { query: manifest[hashOf('FrontPage')] });
    expect(byText.data).toEqual(byHash.data);
  });

  test('a document sent by hash and the same one sent as text share one cached answer', async () => {
    const app = createTestApp(graph.database, { cache: { ...testConfig().cache, enabled: true } });
    const byHash = await post(app, persisted(hashOf('FrontPage')));
    const byText = await post(app, { query: manifest[hashOf('FrontPage')], variables: {} });
    expect([byHash.extensions?.responseCache, byText.extensions?.responseCache]).toEqual([
      { hit: false },
      { hit: true },
    ]);
    expect(byText.data).toEqual(byHash.data);
  });

  test('an unknown hash is PERSISTED_QUERY_NOT_FOUND', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[0-9a-f]{64}$/), async (hash) => {
        fc.pre(!(hash in manifest));
        expect(codesOf(await post(graph.app, persisted(hash)))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      }),
      { numRuns: runs(20) },
    );
  });

  test('GraphiQL still opens', async () => {
    const response = await graph.app.fetch('http://quotegraph.test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('graphiql');
  });
});

describe('only mode', () => {
  test('runs the trusted documents, with their variables', async () => {
    const app = onlyMode();
    const front = await post(app, persisted(hashOf('FrontPage')));
    const slug = (front.data!.articles as { nodes: { slug: string }[] }).nodes[0]!.slug;
    const story = await post(app, persisted(hashOf('Story'), { slug }));
    expect(story.errors).toBeUndefined();
    expect((story.data!.article as { quotes: { totalCount: number } }).quotes.totalCount).toBeGreaterThan(0);
    // A document taken from the manifest reaches the compiled read path like any other.
    expect([front.extensions?.sql, story.extensions?.sql]).toEqual([
      { statements: 1, compiled: true },
      { statements: 1, compiled: true },
    ]);
  });

  test('refuses any document sent as text with TRUSTED_DOCUMENTS_ONLY, even a trusted one', async () => {
    const app = onlyMode();
    const samples = fc.oneof(
      fc.constantFrom(...Object.values(manifest), '{ __typename }', '{ articles { totalCount } }'),
      fc.string({ minLength: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(samples, async (query) => {
        expect(codesOf(await post(app, { query }))).toEqual(['TRUSTED_DOCUMENTS_ONLY']);
      }),
      { numRuns: runs(25) },
    );
  });

  test('a refused mutation writes nothing', async () => {
    const app = createTestApp(graph.database, {
      apiTokens: ['trusted-documents-test-token'],
      trustedDocuments: { mode: 'only', manifests: [MANIFEST_FILE] },
    });
    const count = `{ articles { totalCount } }`;
    const before = await post(graph.app, { query: count });
    const refused = await post(
      app,
      { query: 'mutation { createPerson(input: { name: "Untrusted Writer" }) { person { id } } }' },
      { authorization: 'Bearer trusted-documents-test-token' },
    );
    expect(codesOf(refused)).toEqual(['TRUSTED_DOCUMENTS_ONLY']);
    const person = await post(graph.app, { query: '{ person(name: "Untrusted Writer") { id } }' });
    expect(person.data).toEqual({ person: null });
    expect(await post(graph.app, { query: count })).toEqual(before);
  });

  test('a request with neither a query nor a hash is BAD_REQUEST', async () => {
    expect(codesOf(await post(onlyMode(), { variables: {} }))).toEqual(['BAD_REQUEST']);
  });
});

describe('configuration', () => {
  test('QUOTEGRAPH_TRUSTED_DOCUMENTS takes accept or only, and manifests are read from where they are listed', () => {
    expect(loadConfig({ QUOTEGRAPH_TRUSTED_DOCUMENTS: 'only' }).trustedDocuments.mode).toBe('only');
    expect(() => loadConfig({ QUOTEGRAPH_TRUSTED_DOCUMENTS: 'strict' })).toThrow(
      /QUOTEGRAPH_TRUSTED_DOCUMENTS must be accept or only/,
    );
    const config = loadConfig({ QUOTEGRAPH_TRUSTED_DOCUMENTS_MANIFESTS: 'a.json, b.json' }, '/srv/app');
    expect(config.trustedDocuments.manifests).toEqual(['/srv/app/a.json', '/srv/app/b.json']);
  });

  test('a manifest whose key is not its document hash stops the server, naming the file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qg-manifest-'));
    const file = path.join(dir, 'tampered.json');
    await writeFile(file, JSON.stringify({ [hashOf('FrontPage')]: 'mutation { deleteArticle(id: "x") { id } }' }));
    const load = () => loadTrustedDocuments({ mode: 'accept', manifests: [file] });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/tampered\.json/);
  });

  test('only mode without its manifest stops the server; accept mode goes on without it', () => {
    const missing = path.join(os.tmpdir(), 'qg-no-such-manifest.json');
    expect(() => loadTrustedDocuments({ mode: 'only', manifests: [missing] })).toThrow(/cannot read/);
    expect(loadTrustedDocuments({ mode: 'accept', manifests: [missing] }).size).toBe(0);
    expect(testConfig().trustedDocuments.manifests).toEqual([MANIFEST_FILE]);
  });
});
