// quotegraph ingest FILE... | DIR | - (options in program.ts): reads articles and stores them, one transaction each,
// continuing past bad files and reporting them at the end.
import { SingleBar } from 'cli-progress';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { connect } from '../db/connect.ts';
import { ExtractError } from '../extract/errors.ts';
import { type DocumentInput, ingestDocument } from '../ingest/document.ts';
import type { Logger } from '../logger.ts';
import type { CommandIO } from './io.ts';
import { collectSources, type SourceDocument } from './ingest-sources.ts';

export interface IngestSummary {
  created: number;
  updated: number;
  failed: { label: string; error: string }[];
  quotes: number;
  people: number;
  organizations: number;
  seconds: number;
}

function describeFailure(error: unknown): string {
  if (error instanceof ExtractError) return error.message;
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

export function formatSummary(summary: IngestSummary): string {
  const total = summary.created + summary.updated;
  const rate = summary.seconds > 0 ? (total / summary.seconds).toFixed(1) : String(total);
  const lines = [
    `articles: ${summary.created} created, ${summary.updated} updated, ${summary.failed.length} failed`,
    `quotes: ${summary.quotes}; people: ${summary.people}; organizations: ${summary.organizations}`,
    `time: ${summary.seconds.toFixed(2)} s (${rate} articles/s)`,
  ];
  if (summary.failed.length) {
    lines.push('failed:', ...summary.failed.map((failure) => `  ${failure.label}: ${failure.error}`));
  }
  return `${lines.join('\n')}\n`;
}

export interface IngestOptions {
  /** Publisher for documents that name none. */
  publisher?: string | undefined;
  quiet?: boolean | undefined;
  /** The API's article size limit (QUOTEGRAPH_MAX_ARTICLE_BYTES): larger articles are refused here too. */
  maxArticleBytes?: number | undefined;
}

/** Why a document is refused before ingestion, or null: the same size limit as ingestArticle. */
function oversized(document: { text?: string | null; html?: string | null }, limit: number | undefined): string | null {
  if (limit === undefined) return null;
  const bytes = Buffer.byteLength(document.text ?? document.html ?? '', 'utf8');
  return bytes > limit
    ? `${bytes} bytes, larger than the ${limit}-byte article limit (QUOTEGRAPH_MAX_ARTICLE_BYTES)`
    : null;
}

/**
 * Runs `handle` on each readable source in turn, with a progress bar on a terminal (else a line
 * per source unless quiet). Unreadable or oversized sources and thrown errors are collected in
 * `failed`, never fatal. `handle` says what became of its source ("created, 3 quotes").
 */
async function forEachSource(
  sources: readonly SourceDocument[],
  options: IngestOptions,
  io: CommandIO,
  verb: string,
  failed: { label: string; error: string }[],
  handle: (document: DocumentInput) => Promise<string>,
): Promise<void> {
  const isTerminal = Boolean((io.stderr as NodeJS.WriteStream).isTTY) && !options.quiet;
  const bar = isTerminal
    ? new SingleBar({
        stream: io.stderr as NodeJS.WriteStream,
        format: `${verb} [{bar}] {value}/{total} | {rate} articles/s | ETA {eta_formatted} | {label}`,
        hideCursor: true,
      })
    : null;
  const started = performance.now();
  bar?.start(sources.length, 0, { rate: '0.0', label: '' });
  try {
    for (const [index, source] of sources.entries()) {
      let outcome: string;
      const document = source.document;
      const refusal = 'error' in document ? document.error : oversized(document, options.maxArticleBytes);
      if (refusal !== null || 'error' in document) {
        const error = refusal ?? 'unreadable';
        failed.push({ label: source.label, error });
        outcome = `failed: ${error}`;
      } else {
        try {
          outcome = await handle(document);
        } catch (error) {
          failed.push({ label: source.label, error: describeFailure(error) });
          outcome = `failed: ${describeFailure(error)}`;
        }
      }
      const elapsed = (performance.now() - started) / 1000;
      if (bar) {
        bar.update(index + 1, {
          rate: ((index + 1) / Math.max(elapsed, 0.001)).toFixed(1),
          label: source.label.slice(-40),
        });
      } else if (!options.quiet) {
        io.stderr.write(`[${index + 1}/${sources.length}] ${source.label}: ${outcome}\n`);
      }
    }
  } finally {
    bar?.stop();
  }
}

/** Stores each source, one transaction per article; failures are collected, never fatal. */
export async function ingestSources(
  database: DatabaseHandle,
  sources: readonly SourceDocument[],
  options: IngestOptions,
  io: CommandIO,
): Promise<IngestSummary> {
  const summary: IngestSummary = {
    created: 0,
    updated: 0,
    failed: [],
    quotes: 0,
    people: 0,
    organizations: 0,
    seconds: 0,
  };
  const people = new Set<number>();
  const organizations = new Set<number>();
  const started = performance.now();
  await forEachSource(sources, options, io, 'ingesting', summary.failed, async (source) => {
    const document = options.publisher && !source.publisher ? { ...source, publisher: options.publisher } : source;
    const result = await ingestDocument(database.db, document);
    summary[result.created ? 'created' : 'updated'] += 1;
    summary.quotes += result.quoteIds.length;
    for (const id of result.personIds) people.add(id);
    for (const id of result.organizationIds) organizations.add(id);
    return `${result.created ? 'created' : 'updated'}, ${result.quoteIds.length} quotes`;
  });
  summary.people = people.size;
  summary.organizations = organizations.size;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

export async function runIngest(
  targets: string[],
  options: Pick<IngestOptions, 'publisher' | 'quiet'>,
  config: Config,
  logger: Logger,
  io: CommandIO,
): Promise<number> {
  const sources = await collectSources(targets, io.stdin);
  const database = await connect(config, logger);
  try {
    const summary = await ingestSources(database, sources, { ...options, maxArticleBytes: config.maxArticleBytes }, io);
    io.stdout.write(formatSummary(summary));
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

export interface EnqueueSummary {
  queued: number;
  /** Articles already in the queue (or done): the same article is one job. */
  alreadyQueued: number;
  failed: { label: string; error: string }[];
  seconds: number;
}

/** `ingest --queue`: one job per source, for `quotegraph worker` (or the server) to run. */
export async function enqueueSources(
  queue: import('../queue/ingest-queue.ts').IngestQueue,
  sources: readonly SourceDocument[],
  options: IngestOptions,
  io: CommandIO,
): Promise<EnqueueSummary> {
  const { enqueueArticle } = await import('../queue/ingest-queue.ts');
  const summary: EnqueueSummary = { queued: 0, alreadyQueued: 0, failed: [], seconds: 0 };
  const started = performance.now();
  await forEachSource(sources, options, io, 'queueing', summary.failed, async (document) => {
    const { id, created } = await enqueueArticle(queue, {
      text: document.text ?? null,
      html: document.html ?? null,
      url: document.url ?? null,
      title: document.title ?? null,
      publishedAt: document.publishedAt ? document.publishedAt.toISOString() : null,
      publisher: document.publisher || options.publisher || null,
      language: document.language ?? null,
    });
    summary[created ? 'queued' : 'alreadyQueued'] += 1;
    return `${created ? 'queued' : 'already queued'} as job ${id}`;
  });
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

export async function runEnqueue(
  targets: string[],
  options: Pick<IngestOptions, 'publisher' | 'quiet'>,
  config: Config,
  logger: Logger,
  io: CommandIO,
): Promise<number> {
  const { openQueueOn } = await import('./queue-connection.ts');
  const sources = await collectSources(targets, io.stdin);
  const database = await connect(config, logger);
  try {
    const queue = await openQueueOn(database, config, { poolSize: 2 });
    try {
      const summary = await enqueueSources(queue, sources, { ...options, maxArticleBytes: config.maxArticleBytes }, io);
      const lines = [
        `jobs: ${summary.queued} queued, ${summary.alreadyQueued} already queued, ${summary.failed.length} failed`,
        `time: ${summary.seconds.toFixed(2)} s`,
        ...(summary.failed.length ? ['failed:', ...summary.failed.map((f) => `  ${f.label}: ${f.error}`)] : []),
      ];
      io.stdout.write(`${lines.join('\n')}\n`);
      return summary.failed.length > 0 ? 1 : 0;
    } finally {
      await queue.stop();
    }
  } finally {
    await database.close();
  }
}
