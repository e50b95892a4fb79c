// Raw article (text or HTML) → graph: extraction then ingestion, the path both the
// `ingestArticle` mutation and `quotegraph ingest` take.
import type { Database } from '../db/client.ts';
import { extractArticle } from '../extract/index.ts';
import { ingestArticle, type ArticleMetadata, type IngestResult } from './article.ts';

export interface DocumentInput extends ArticleMetadata {
  text?: string | null;
  html?: string | null;
}

export async function ingestDocument(db: Database, input: DocumentInput): Promise<IngestResult> {
  const extracted = extractArticle({
    ...(input.text != null ? { text: input.text } : {}),
    ...(input.html != null ? { html: input.html } : {}),
    ...(input.url ? { url: input.url } : {}),
  });
  return ingestArticle(db, extracted, input);
}
