// quotegraph extract, driven through runExtract with in-memory streams.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runExtract } from '../../src/commands/extract.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], stdinText = ''): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await runExtract(argv, { stdout, stderr, stdin: Readable.from([stdinText]) });
  return { code, stdout: out, stderr: err };
}

const dir = mkdtempSync(join(tmpdir(), 'quotegraph-extract-cli-'));
const textFile = join(dir, 'ferry.txt');
writeFileSync(
  textFile,
  [
    'Ferry fares cut by a third',
    '',
    'Island councillor Rhona Baird welcomed the decision on Tuesday.',
    '',
    '"This is the best news we have had in years," Baird said.',
    '',
    'READ MORE: Ferry timetable for the summer',
  ].join('\n'),
);
const htmlFile = join(dir, 'page.html');
writeFileSync(
  htmlFile,
  `<html><head><title>Pier closed</title></head><body><article><h1>Pier closed for repairs</h1>
   <p>“The timbers are rotten through,” said engineer Tomas Hale, who inspected the pier on Friday morning with the county surveyor.</p>
   <p>The council expects the work to take most of the summer and to cost far more than the budget that was set aside in the spring.</p>
   </article></body></html>`,
);

describe('quotegraph extract', () => {
  it('prints the articles as JSON with quotes, people, organizations and links', async () => {
    const result = await run([textFile]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const { articles } = JSON.parse(result.stdout) as { articles: Array<Record<string, unknown>> };
    expect(articles).toHaveLength(1);
    const [article] = articles as Array<{
      file: string;
      title: string;
      body: string;
      quotes: Array<{
        text: string;
        kind: string;
        speaker: { name: string; type: string };
        speakerLabel: string;
        cue: string;
        start: number;
        end: number;
        confidence: number;
      }>;
      people: Array<{ name: string; aliases: string[]; roles: string[] }>;
      relatedLinks: Array<{ title: string; url: string | null; kind: string }>;
    }>;
    expect(article?.file).toBe(textFile);
    expect(article?.title).toBe('Ferry fares cut by a third');
    expect(article?.quotes[0]).toMatchObject({
      text: 'This is the best news we have had in years,',
      kind: 'direct',
      speaker: { name: 'Rhona Baird', type: 'person' },
      speakerLabel: 'Baird',
      cue: 'said',
    });
    const q = article?.quotes[0];
    expect(q && article?.body.slice(q.start, q.end)).toBe(q?.text);
    expect(article?.people).toContainEqual({ name: 'Rhona Baird', aliases: ['Baird'], roles: ['Island councillor'] });
    expect(article?.relatedLinks).toEqual([{ title: 'Ferry timetable for the summer', url: null, kind: 'article' }]);
    expect(Object.keys(article ?? {})).toEqual([
      'file',
      'title',
      'dek',
      'imageCaption',
      'body',
      'quotes',
      'people',
      'organizations',
      'affiliations',
      'relatedLinks',
    ]);
  });

  it('detects HTML by extension and reads it through the HTML cleaner', async () => {
    const result = await run([htmlFile]);
    const [article] = (
      JSON.parse(result.stdout) as { articles: Array<{ title: string; quotes: Array<{ speaker: { name: string } }> }> }
    ).articles;
    expect(article?.title).toBe('Pier closed for repairs');
    expect(article?.quotes[0]?.speaker.name).toBe('Tomas Hale');
  });

  it('reads stdin for "-"', async () => {
    const result = await run(['-'], 'Harbour news\n\n"We open at dawn," said harbour master Ines Duarte.');
    expect(result.code).toBe(0);
    const [article] = (
      JSON.parse(result.stdout) as { articles: Array<{ file: string; quotes: Array<{ speaker: { name: string } }> }> }
    ).articles;
    expect(article?.file).toBe('-');
    expect(article?.quotes[0]?.speaker.name).toBe('Ines Duarte');
  });

  it('reports a file it cannot read on stderr, exits non-zero, and still processes the others', async () => {
    const missing = join(dir, 'missing.txt');
    const result = await run([missing, textFile]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${missing}: no such file`);
    expect((JSON.parse(result.stdout) as { articles: unknown[] }).articles).toHaveLength(1);
  });

  it('reports input it refuses with the error code', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '   \n');
    const result = await run([empty]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/empty\.txt: .*\(EMPTY_INPUT\)/);
  });

  it('prints a readable summary with --format text', async () => {
    const result = await run(['--format', 'text', textFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Title:   Ferry fares cut by a third');
    expect(result.stdout).toContain('Quotes (1):');
    expect(result.stdout).toContain('[direct] Rhona Baird (person) as "Baird", said');
    expect(result.stdout).toContain('[article] Ferry timetable for the summer');
  });

  it('rejects a bad option or no input with usage and exit code 2', async () => {
    expect((await run(['--format', 'xml', textFile])).code).toBe(2);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: quotegraph extract');
  });
});
