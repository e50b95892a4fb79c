// Raw article (text or HTML) → graph: extraction then ingestion, the path both the
// `ingestArticle` mutation and `quotegraph ingest` take.
import type { Database } from '../db/client.ts';
import { ingestArticle, type ArticleMetadata, type IngestResult } from './article.ts';

export interface DocumentInput extends ArticleMetadata {
  text?: string | null;
  html?: string | null;
}

export async function ingestDocument(db: Database, input: DocumentInput): Promise<IngestResult> {
  // Loaded on first use: the reader and its NLP lexicon take tens of megabytes that a server
  // which only answers queries never needs.
  const { extractArticle } = await import('../extract/index.ts');
  const extracted = extractArticle({
    ...(input.text != null ? { text: input.text } : {}),
    ...(input.html != null ? { html: input.html } : {}),
    ...(input.url ? { url: input.url } : {}),
  });
  return ingestArticle(db, extracted, input);
}
