// Cleaning HTML: Readability finds the main content in a linkedom document; we
// then read it block by block, keeping link targets so that related-link lists
// and "Related: …" paragraphs become links instead of body text.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ExtractError } from '../errors.ts';
import type { ExtractedRelatedLink } from '../types.ts';
import { type CleanedArticle, collapseSpaces } from './article.ts';
import { isFurnitureLine } from './furniture.ts';
import { hasCaptionMarker } from './header.ts';
import { webUrl } from './links.ts';
import { parseRelatedLine, relatedKind } from './related.ts';
import { stripEmbeddedMarkup } from './text.ts';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;

const BLOCK_SELECTOR = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt';

export function cleanHtml(html: string, baseUrl?: string): CleanedArticle {
  const original = parseDocument(html);
  const title = readTitle(original);
  const dek = readDek(original);
  const firstCaption = textOf(original.querySelector('figcaption'));

  const contentRoot = mainContent(html) ?? fallbackContent(original);
  if (!contentRoot) throw new ExtractError('NO_ARTICLE_CONTENT', 'The HTML has no readable article text.');

  const relatedLinks: ExtractedRelatedLink[] = [];
  const paragraphs: string[] = [];
  let imageCaption = firstCaption || null;
  for (const block of leafBlocks(contentRoot)) {
    const text = collapseSpaces(stripEmbeddedMarkup(block.textContent ?? ''));
    if (text.length === 0 || isFurnitureLine(text)) continue;
    if (block.tagName === 'FIGCAPTION' || hasCaptionMarker(text)) {
      imageCaption ??= text;
      continue;
    }
    if (title && text === title) continue;
    const links = relatedLinksOf(block, text, baseUrl);
    if (links) {
      for (const link of links) relatedLinks.push(link);
      continue;
    }
    paragraphs.push(text);
  }
  if (paragraphs.length === 0) throw new ExtractError('NO_ARTICLE_CONTENT', 'The HTML has no readable article text.');
  for (const link of relatedListsOf(original, baseUrl)) {
    if (!relatedLinks.some((l) => l.title === link.title)) relatedLinks.push(link);
  }
  return {
    title,
    dek: dek && !repeatsLede(dek, paragraphs[0] ?? '') ? dek : null,
    imageCaption,
    paragraphs,
    relatedLinks,
  };
}

/** Pages often describe themselves with the first sentence of the story, sometimes cut short: that is no dek. */
function repeatsLede(dek: string, lede: string): boolean {
  const stem = dek
    .replace(/(\.\.\.|…)$/, '')
    .trim()
    .slice(0, 60)
    .toLowerCase();
  return stem.length > 0 && lede.toLowerCase().startsWith(stem);
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  const tags = text.slice(0, 20_000).match(/<(p|div|article|body|head|span|a|br|h[1-6]|li|section)\b[^<>]{0,200}>/gi);
  return (tags?.length ?? 0) >= 5;
}

function parseDocument(html: string): Doc {
  try {
    return parseHTML(html).document;
  } catch (cause) {
    throw new ExtractError('HTML_PARSE_FAILED', 'The HTML could not be parsed.', { cause });
  }
}

/** Embedded posts quote other people's words out of the article's voice; they are not article text. */
const EMBED_SELECTOR =
  'blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, .twitter-tweet, .instagram-media, iframe';

/** Readability mutates the document it reads, so it gets its own copy. */
function mainContent(html: string): El | null {
  try {
    const doc = parseDocument(html);
    for (const embed of doc.querySelectorAll(EMBED_SELECTOR)) embed.remove();
    const parsed = new Readability(doc, { charThreshold: 200 }).parse();
    if (!parsed?.content) return null;
    const root = parseDocument(`<!doctype html><html><body>${parsed.content}</body></html>`).body;
    return root.textContent && root.textContent.trim().length > 0 ? (root as unknown as El) : null;
  } catch {
    return null;
  }
}

/** Pages Readability gives up on may still carry paragraphs. */
function fallbackContent(doc: Doc): El | null {
  const body = bodyOf(doc);
  if (!body) return null;
  for (const junk of body.querySelectorAll('script, style, noscript, nav, header, footer, aside, form')) junk.remove();
  return body.querySelector('p, li') ? body : null;
}

function readTitle(doc: Doc): string | null {
  const h1 = textOf(doc.querySelector('h1'));
  if (h1) return h1;
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
  if (og?.trim()) return collapseSpaces(og);
  const title = textOf(doc.querySelector('title'));
  return title ? title.replace(/\s+[|–—-]\s+[^|–—-]{1,60}$/, '') : null;
}

function readDek(doc: Doc): string | null {
  for (const selector of ['.dek', '.standfirst', '.subtitle', '.subheadline', '.summary', '[itemprop="description"]']) {
    const text = textOf(doc.querySelector(selector));
    if (text && text.length <= 400) return text;
  }
  const meta =
    doc.querySelector('meta[property="og:description"]')?.getAttribute('content') ??
    doc.querySelector('meta[name="description"]')?.getAttribute('content');
  return meta?.trim() ? collapseSpaces(meta) : null;
}

function textOf(el: El | null | undefined): string {
  return el ? collapseSpaces(el.textContent ?? '') : '';
}

/** Blocks that hold text directly: a <li> inside a <ul> is a block; the <ul> is not. */
function leafBlocks(root: El): El[] {
  const blocks = [...root.querySelectorAll(BLOCK_SELECTOR)] as El[];
  const leaves = blocks.filter((el) => !el.querySelector(BLOCK_SELECTOR));
  return leaves.length > 0 ? leaves : [root];
}

/**
 * A block is a related link when it reads "Related: …" or when it is nothing
 * but a short link (typical of "more stories" lists).
 */
function relatedLinksOf(block: El, text: string, baseUrl?: string): ExtractedRelatedLink[] | null {
  const anchors = [...block.querySelectorAll('a[href]')] as El[];
  const firstHref = anchors[0] ? resolveUrl(anchors[0].getAttribute('href'), baseUrl) : null;
  const labelled = parseRelatedLine(text, firstHref);
  if (labelled) return [labelled];
  if (anchors.length === 0) return null;
  const linkText = anchors.map((a) => collapseSpaces(a.textContent ?? '')).join(' ');
  const isOnlyLinks = linkText.length >= text.length * 0.9 && text.split(/\s+/).length <= 25;
  if (!isOnlyLinks || (/[.!?]["”]?$/.test(text) && block.tagName === 'P')) return null;
  return anchors
    .map((a) => ({ title: collapseSpaces(a.textContent ?? ''), href: a.getAttribute('href') }))
    .filter((a) => a.title.length > 0)
    .map((a) => ({ title: a.title, url: resolveUrl(a.href, baseUrl), kind: relatedKind(a.title) }));
}

const RELATED_CONTAINER =
  /(^|[\s_-])(related|more-stories|more-news|read-more|readmore|read-next|recommended|also-read|see-also)([\s_-]|$)/i;
const MAX_RELATED_LINKS = 30;

/**
 * Readability drops "related stories" boxes as clutter; their links are
 * still wanted, so they are read from the original page.
 */
function relatedListsOf(doc: Doc, baseUrl?: string): ExtractedRelatedLink[] {
  const links: ExtractedRelatedLink[] = [];
  const body = bodyOf(doc);
  if (!body) return links;
  for (const el of [...body.querySelectorAll('[class], [id]')] as El[]) {
    const marker = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!RELATED_CONTAINER.test(marker)) continue;
    for (const a of [...el.querySelectorAll('a[href]')] as El[]) {
      const title = collapseSpaces(a.textContent ?? '');
      if (title.split(/\s+/).length < 2 || links.some((l) => l.title === title)) continue;
      links.push({ title, url: resolveUrl(a.getAttribute('href'), baseUrl), kind: relatedKind(title) });
      if (links.length >= MAX_RELATED_LINKS) return links;
    }
  }
  return links;
}

/** linkedom's body getter throws on a document with no element at all (a page of bare text). */
function bodyOf(doc: Doc): El | null {
  return doc.documentElement ? (doc.body as unknown as El | null) : null;
}

function resolveUrl(href: string | null | undefined, base?: string): string | null {
  return href ? webUrl(href, base) : null;
}
