// Reading a made-up story in an extractor test: a headline, then paragraphs, as plain text.
import { expect } from 'vitest';
import { type ExtractedArticle, extractArticle } from '../../src/extract/index.ts';

/**
 * A reader for stories under one headline. Every reading also checks what any article must keep:
 * each quote's offsets point at its text in the body.
 */
export function articleReader(headline: string): (...paragraphs: string[]) => ExtractedArticle {
  return (...paragraphs) => {
    const article = extractArticle({ text: [headline, ...paragraphs].join('\n\n') });
    for (const q of article.quotes) expect(article.body.slice(q.start, q.end)).toBe(q.text);
    return article;
  };
}
