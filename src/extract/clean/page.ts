// Reading an HTML page. A linear scan comes first; Readability and a DOM are used
// only when the scan shows the page is a size they handle in bounded time. They
// walk each element's subtree or ancestors (so cost grows with elements × depth),
// and a DOM of millions of tiny nodes is slow to build and to collect. Pages over
// the budget are read from the scan's text: the article is still found, without
// Readability's choice of the main block.

import type { CleanedArticle } from './article.ts';
import { cleanHtml } from './html.ts';
import { scanMarkup, type MarkupScan } from './markup-scan.ts';
import { readMetadata } from './metadata.ts';
import { cleanPlainText } from './text.ts';
import { normaliseText } from '../input.ts';

/** The largest real pages seen hold about 25,000 nodes. */
export const DOM_MAX_NODES = 40_000;
/** Sum of element depths; real pages stay under about 125,000. */
export const DOM_MAX_NESTING_WORK = 150_000;
/** Real pages nest a few dozen elements deep. */
export const DOM_MAX_DEPTH = 120;

export function cleanPage(html: string, baseUrl?: string): CleanedArticle {
  const scan = scanMarkup(html);
  const metadata = readMetadata(scan.head, baseUrl);
  const cleaned = domIsAffordable(scan) ? cleanHtml(html, baseUrl) : cleanPlainText(normaliseText(scan.text));
  return { ...cleaned, metadata };
}

export function domIsAffordable(scan: MarkupScan): boolean {
  return scan.nodes <= DOM_MAX_NODES && scan.nestingWork <= DOM_MAX_NESTING_WORK && scan.maxDepth <= DOM_MAX_DEPTH;
}
