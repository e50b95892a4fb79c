import type { ExtractedRelatedLink, PageMetadata } from '../types.ts';

/** What both cleaners (plain text and HTML) hand to the rest of the pipeline. */
export interface CleanedArticle {
  title: string | null;
  dek: string | null;
  imageCaption: string | null;
  /** Body paragraphs in reading order, each on one line, whitespace collapsed. */
  paragraphs: string[];
  relatedLinks: ExtractedRelatedLink[];
  /** Set for HTML pages; plain text says nothing about itself. */
  metadata?: PageMetadata;
}

export function collapseSpaces(line: string): string {
  // Most lines have single spaces only, and then there is nothing to collapse.
  if (!line.includes('  ') && !line.includes('\t')) return line.trim();
  return line.replace(/[ \t]+/g, ' ').trim();
}
