// What `quotegraph ingest` reads: files, directories (recursively) or stdin, each holding one
// article (text or HTML) or many (JSON lines, or JSON with a `text`/`html` field, or an array).
import fs from 'node:fs';
import path from 'node:path';
import { decodeBytes } from '../extract/decode.ts';
import type { DocumentInput } from '../ingest/document.ts';

export interface SourceDocument {
  /** Where it came from, for progress and error reports: "file.jsonl:12". */
  label: string;
  /** The document, or why it could not be read. */
  document: DocumentInput | { error: string };
}

const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.html', '.htm', '.json', '.jsonl', '.ndjson']);

export function looksLikeHtml(content: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<div[\s>]|<p[\s>])/i.test(content);
}

function parseDate(value: unknown, label: string): Date | null {
  if (value == null || value === '') return null;
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new Error(`${label}: publishedAt "${String(value)}" is not a date`);
  return date;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

/** One JSON record → a document: {url, publishedAt, publisher, title, text | html}. */
export function documentFromRecord(record: unknown, label: string): DocumentInput {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new Error(`${label}: expected a JSON object with "text" or "html"`);
  }
  const fields = record as Record<string, unknown>;
  const body = { text: text(fields.text), html: text(fields.html) };
  if (!body.text && !body.html) throw new Error(`${label}: the record has no "text" or "html"`);
  return {
    ...(body.html ? { html: body.html } : { text: body.text }),
    url: text(fields.url),
    title: text(fields.title),
    publisher: text(fields.publisher),
    publishedAt: parseDate(fields.publishedAt ?? fields.published_at ?? fields.date, label),
  };
}

function documentsFromContent(content: string, label: string, extension: string): SourceDocument[] {
  const trimmed = content.trimStart();
  const isJsonLines =
    extension === '.jsonl' ||
    extension === '.ndjson' ||
    (extension === '' && trimmed.startsWith('{') && trimmed.includes('\n{'));
  if (isJsonLines) {
    return content.split('\n').flatMap((line, index): SourceDocument[] => {
      if (!line.trim()) return [];
      const lineLabel = `${label}:${index + 1}`;
      try {
        return [{ label: lineLabel, document: documentFromRecord(JSON.parse(line), lineLabel) }];
      } catch (error) {
        return [{ label: lineLabel, document: { error: (error as Error).message } }];
      }
    });
  }
  if (extension === '.json' || (extension === '' && (trimmed.startsWith('{') || trimmed.startsWith('[')))) {
    try {
      const parsed: unknown = JSON.parse(content);
      const records = Array.isArray(parsed) ? parsed : [parsed];
      return records.map((record, index): SourceDocument => {
        const recordLabel = records.length > 1 ? `${label}[${index}]` : label;
        try {
          return { label: recordLabel, document: documentFromRecord(record, recordLabel) };
        } catch (error) {
          return { label: recordLabel, document: { error: (error as Error).message } };
        }
      });
    } catch (error) {
      return [{ label, document: { error: `${label}: not valid JSON (${(error as Error).message})` } }];
    }
  }
  const isHtml = extension === '.html' || extension === '.htm' || looksLikeHtml(content);
  return [{ label, document: isHtml ? { html: content } : { text: content } }];
}

function expandPath(target: string): string[] {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(target, entry.name);
      if (entry.isDirectory()) return expandPath(full);
      return ARTICLE_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) ? [full] : [];
    });
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return decodeBytes(Buffer.concat(chunks)).text;
}

/** A file's text in whatever charset it was saved: BOM, <meta charset>, valid UTF-8, else detected. */
function readArticleFile(file: string): string {
  return decodeBytes(fs.readFileSync(file)).text;
}

/** Every document named by the arguments, in order; unreadable ones carry their error. */
export async function* readSources(targets: string[], stdin: NodeJS.ReadableStream): AsyncGenerator<SourceDocument> {
  for (const target of targets) {
    if (target === '-') {
      yield* documentsFromContent(await readStdin(stdin), 'stdin', '');
      continue;
    }
    let files: string[];
    try {
      files = expandPath(target);
    } catch (error) {
      yield {
        label: target,
        document: {
          error: `${target}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`,
        },
      };
      continue;
    }
    for (const file of files) {
      let content: string;
      try {
        content = readArticleFile(file);
      } catch (error) {
        yield { label: file, document: { error: `${file}: ${(error as Error).message}` } };
        continue;
      }
      yield* documentsFromContent(content, file, path.extname(file).toLowerCase());
    }
  }
}

/** Reads every document up front, so progress knows the total and can show an ETA. */
export async function collectSources(targets: string[], stdin: NodeJS.ReadableStream): Promise<SourceDocument[]> {
  const documents: SourceDocument[] = [];
  for await (const document of readSources(targets, stdin)) documents.push(document);
  return documents;
}
