// Raw article (text or HTML) → graph: extraction then ingestion, the path both the
// `ingestArticle` mutation and `quotegraph ingest` take.
import type { Database } from '../db/client.ts';
import type { PageMetadata } from '../extract/types.ts';
import { ingestArticle, type ArticleMetadata, type IngestResult } from './article.ts';
import type { WriteDeadline } from '../store/transaction.ts';

export interface DocumentInput extends ArticleMetadata {
  text?: string | null;
  html?: string | null;
}

export interface IngestDocumentOptions {
  deadline?: WriteDeadline;
  /** Extract on the extraction worker thread (the server), not on this thread (the CLI). */
  inWorker?: boolean;
  /** Passed to ingestArticle: runs inside the transaction, before the commit. */
  beforeCommit?: () => Promise<void>;
}

export async function ingestDocument(
  db: Database,
  input: DocumentInput,
  options: IngestDocumentOptions = {},
): Promise<IngestResult> {
  const extractInput = {
    ...(input.text != null ? { text: input.text } : {}),
    ...(input.html != null ? { html: input.html } : {}),
    ...(input.url ? { url: input.url } : {}),
    // The caller's language chooses the reader's language pack over what the page declares.
    ...(input.language?.trim() ? { language: input.language.trim() } : {}),
  };
  // Loaded on first use: the reader and its NLP lexicon take tens of megabytes that a server
  // which only answers queries never needs.
  const extracted = options.inWorker
    ? await (await import('./extract-in-worker.ts')).extractInWorker(extractInput)
    : (await import('../extract/index.ts')).extractArticle(extractInput);
  return ingestArticle(db, extracted, withPageMetadata(input, extracted.metadata), {
    ...(options.deadline ? { deadline: options.deadline } : {}),
    ...(options.beforeCommit ? { beforeCommit: options.beforeCommit } : {}),
  });
}

/** What the page says about itself fills what the caller left out; the caller's own values always win. */
export function withPageMetadata(input: ArticleMetadata, page: PageMetadata | undefined): ArticleMetadata {
  if (!page) return input;
  const published = page.publishedAt ? new Date(page.publishedAt) : null;
  return {
    ...input,
    url: input.url?.trim() || page.url,
    publishedAt: input.publishedAt ?? (published && !Number.isNaN(published.getTime()) ? published : null),
    publisher: input.publisher?.trim() || page.publisher || page.siteName,
    language: input.language?.trim() || page.language?.split('-')[0] || null,
  };
}
