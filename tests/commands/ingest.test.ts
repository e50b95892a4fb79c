import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectSources } from '../../src/commands/ingest-sources.ts';
import { formatSummary, ingestSources } from '../../src/commands/ingest.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { createTestApp, query } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';

let database: DatabaseHandle;
let folder: string;

const article = (name: string, said: string) =>
  `Harbor News\n\n${name} spoke at the pier on Monday.\n\n"${said}," ${name} said after the meeting.\n`;

beforeAll(async () => {
  database = await openTestDatabase();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-ingest-'));
  fs.mkdirSync(path.join(folder, 'more'));
  fs.writeFileSync(path.join(folder, 'one.txt'), article('Mara Lind', 'We will open the dock in June'));
  fs.writeFileSync(
    path.join(folder, 'more', 'two.html'),
    `<html><head><title>Dock news</title></head><body><article><h1>Dock news</h1><p>Oren Vale spoke on Tuesday at length about the plan for the harbor and what it would cost.</p><p>"The dock is safe," Oren Vale said, adding that the work would finish soon and nobody would lose a mooring.</p></article></body></html>`,
  );
  fs.writeFileSync(
    path.join(folder, 'batch.jsonl'),
    [
      JSON.stringify({
        url: 'https://example.test/a',
        publishedAt: '2026-05-01T00:00:00Z',
        publisher: 'Bay Post',
        text: article('Ines Hart', 'The ferry stays'),
      }),
      '{not json',
      JSON.stringify({ url: 'https://example.test/b', text: '' }),
    ].join('\n'),
  );
  fs.writeFileSync(path.join(folder, 'ignored.png'), 'binary');
});
afterAll(async () => {
  await database.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

function io(stdin = '') {
  const stderr = new PassThrough();
  let errors = '';
  stderr.on('data', (chunk) => (errors += chunk));
  return { io: { stdout: new PassThrough(), stderr, stdin: Readable.from([stdin]) }, errors: () => errors };
}

describe('quotegraph ingest', () => {
  test('reads a directory recursively: text, HTML and JSON lines; bad records are reported, the rest stored', async () => {
    const sources = await collectSources([folder], Readable.from([]));
    expect(sources.map((source) => path.relative(folder, source.label))).toEqual([
      'batch.jsonl:1',
      'batch.jsonl:2',
      'batch.jsonl:3',
      path.join('more', 'two.html'),
      'one.txt',
    ]);
    const streams = io();
    const summary = await ingestSources(database, sources, {}, streams.io);
    expect(summary.created).toBe(3);
    expect(summary.failed.map((failure) => path.relative(folder, failure.label))).toEqual([
      'batch.jsonl:2',
      'batch.jsonl:3',
    ]);
    expect(summary.quotes).toBeGreaterThanOrEqual(3);
    expect(streams.errors()).toMatch(/\[5\/5\]/);
    expect(formatSummary(summary)).toMatch(/3 created, 0 updated, 2 failed/);

    const app = createTestApp(database);
    const { data } = await query(
      app,
      '{ article(url: "https://example.test/a") { publisher { name } publishedAt quotes { nodes { text speaker { ... on Person { name } } } } } }',
    );
    expect(data.article).toEqual({
      publisher: { name: 'Bay Post' },
      publishedAt: '2026-05-01T00:00:00.000Z',
      quotes: { nodes: [{ text: 'The ferry stays,', speaker: { name: 'Ines Hart' } }] },
    });
  });

  test('running it again updates instead of duplicating', async () => {
    const sources = await collectSources([path.join(folder, 'one.txt')], Readable.from([]));
    const summary = await ingestSources(database, sources, { quiet: true }, io().io);
    expect(summary).toMatchObject({ created: 0, updated: 1, failed: [] });
  });

  test('reads stdin, and a missing file is a reported failure', async () => {
    const sources = await collectSources(
      ['-', path.join(folder, 'nope.txt')],
      Readable.from([article('Tova Reyes', 'Stdin works')]),
    );
    const summary = await ingestSources(database, sources, { quiet: true, publisher: 'Pipe Daily' }, io().io);
    expect(summary.created).toBe(1);
    expect(summary.failed).toEqual([
      { label: path.join(folder, 'nope.txt'), error: `${path.join(folder, 'nope.txt')}: no such file or directory` },
    ]);
  });

  test('an article over QUOTEGRAPH_MAX_ARTICLE_BYTES is refused as the API refuses it; the others are stored', async () => {
    const limit = 2_000;
    const long = article('Ansel Brook', 'The tide tables are wrong'.padEnd(limit + 10, '.'));
    const sources = await collectSources(['-'], Readable.from([long]));
    sources.push(...(await collectSources(['-'], Readable.from([article('Wren Ashby', 'Small enough to keep')]))));
    const summary = await ingestSources(database, sources, { quiet: true, maxArticleBytes: limit }, io().io);
    expect(summary.created).toBe(1);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.error).toMatch(
      /larger than the 2000-byte article limit \(QUOTEGRAPH_MAX_ARTICLE_BYTES\)/,
    );
    const app = createTestApp(database);
    const { data } = await query(app, '{ people(filter: { search: "Ansel Brook" }) { totalCount } }');
    expect(data.people.totalCount).toBe(0);
  });
});
