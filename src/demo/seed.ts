// The demo graph: fictional articles written for quotegraph, read by its own extractor and
// stored by its own ingestion, so a new user sees a real graph at once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client.ts';
import { articles } from '../db/schema.ts';
import { ingestDocument, type DocumentInput } from '../ingest/document.ts';
import type { Logger } from '../logger.ts';

export const demoArticlesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'articles');

/** Splits `key: value` lines before a `---` line from the article text after it. */
export function parseDemoArticle(source: string): DocumentInput {
  const separator = source.indexOf('\n---\n');
  if (separator < 0) return { text: source };
  const metadata = Object.fromEntries(
    source
      .slice(0, separator)
      .split('\n')
      .map((line) => line.match(/^(\w+):\s*(.*)$/))
      .filter((match): match is RegExpMatchArray => match !== null)
      .map((match) => [match[1], match[2]?.trim() ?? '']),
  );
  return {
    text: source.slice(separator + 5),
    url: metadata.url || null,
    publishedAt: metadata.published ? new Date(metadata.published) : null,
    publisher: metadata.publisher || null,
  };
}

export function demoArticleFiles(): string[] {
  return fs
    .readdirSync(demoArticlesDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(demoArticlesDir, name));
}

/** (Re)loads every demo article; ingestion is idempotent, so running it twice changes nothing. */
export async function seedDemo(
  database: DatabaseHandle,
  logger: Logger,
): Promise<{ articles: number; quotes: number }> {
  let quotes = 0;
  const files = demoArticleFiles();
  for (const file of files) {
    const result = await ingestDocument(database.db, parseDemoArticle(fs.readFileSync(file, 'utf8')));
    quotes += result.quoteIds.length;
  }
  logger.info({ articles: files.length, quotes }, 'demo articles loaded');
  return { articles: files.length, quotes };
}

export async function seedDemoIfEmpty(database: DatabaseHandle, logger: Logger): Promise<void> {
  const [row] = await database.db
    .select({ any: sql<boolean>`exists (select 1 from ${articles})` })
    .from(sql`(select 1) as one`);
  if (row?.any) return;
  logger.info('empty database: loading the demo articles');
  await seedDemo(database, logger);
}
