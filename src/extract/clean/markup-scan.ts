// One pass over HTML with htmlparser2's tokenizer: no tree and no stack of open
// tags, so its cost is linear in the page whatever the page holds (htmlparser2's
// own Parser keeps a stack it searches and shifts, which is quadratic in nesting
// depth). The pass measures what a DOM of the page would cost, collects what the
// page says about itself (meta tags, links, JSON-LD), and keeps a plain reading
// of its text for pages too big or too deep for a DOM.

import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

export interface MarkupScan {
  /** Nodes a DOM of the page would hold: elements, comments and text runs (each character reference is a run of its own). */
  nodes: number;
  /** Sum over elements of their depth: the work of every pass that visits each element's subtree or ancestors. */
  nestingWork: number;
  maxDepth: number;
  /** The page as text: block elements become paragraph breaks; scripts, styles and templates are left out. */
  text: string;
  head: HeadFacts;
}

/** What a page says about itself, as written; reading it is metadata.ts's business. */
export interface HeadFacts {
  /** `<meta>` values by lower-cased name, property or itemprop; the first value wins. */
  meta: Map<string, string>;
  /** `<link rel=… href=…>` targets by lower-cased rel; the first wins. */
  links: Map<string, string>;
  /** Text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  title: string | null;
  /** `<html lang>`. */
  lang: string | null;
  /** `<meta charset>` or the charset of `<meta http-equiv=content-type>`. */
  charset: string | null;
}

const VOID_TAGS = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'table',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'figcaption',
  'pre',
  'dd',
  'dt',
  'hr',
  'main',
  'aside',
  'nav',
  'title',
]);
/** Elements whose content is never article text. */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template']);
/** Elements whose attributes say something about the page. */
const ATTRIBUTE_TAGS = new Set(['meta', 'link', 'html', 'script']);
const MAX_ATTRIBUTE_CHARS = 4096;
const MAX_JSON_LD_CHARS = 500_000;
const MAX_TITLE_CHARS = 2000;

export function scanMarkup(html: string): MarkupScan {
  const head: HeadFacts = { meta: new Map(), links: new Map(), jsonLd: [], title: null, lang: null, charset: null };
  const text: string[] = [];
  let nodes = 0;
  let nestingWork = 0;
  let depth = 0;
  let maxDepth = 0;
  let skipping = 0;
  let tag = '';
  let attributes: Map<string, string> | null = null;
  let attributeName = '';
  let attributeValue = '';
  let inJsonLd = false;
  let jsonLd = '';
  let jsonLdTotal = 0;
  let inTitle = false;
  let title = '';

  // A DOM builder makes a node of every text event, and every character reference is an event of its own.
  const addText = (piece: string) => {
    nodes++;
    if (inJsonLd) {
      if (jsonLdTotal + jsonLd.length + piece.length <= MAX_JSON_LD_CHARS) jsonLd += piece;
      return;
    }
    if (inTitle && title.length < MAX_TITLE_CHARS) title += piece;
    if (skipping === 0) text.push(piece);
  };

  const callbacks: TokenizerCallbacks = {
    ontext(start, end) {
      addText(html.slice(start, end));
    },
    ontextentity(codePoint) {
      addText(String.fromCodePoint(codePoint));
    },
    onopentagname(start, end) {
      tag = html.slice(start, end).toLowerCase();
      attributes = ATTRIBUTE_TAGS.has(tag) ? new Map() : null;
      nodes++;
      nestingWork += depth + 1;
    },
    onattribname(start, end) {
      attributeName = html.slice(start, Math.min(end, start + 64)).toLowerCase();
      attributeValue = '';
    },
    onattribdata(start, end) {
      if (attributes && attributeValue.length < MAX_ATTRIBUTE_CHARS)
        attributeValue += html.slice(start, Math.min(end, start + MAX_ATTRIBUTE_CHARS));
    },
    onattribentity(codePoint) {
      if (attributes && attributeValue.length < MAX_ATTRIBUTE_CHARS) attributeValue += String.fromCodePoint(codePoint);
    },
    onattribend() {
      if (attributes && !attributes.has(attributeName)) attributes.set(attributeName, attributeValue);
      attributeValue = '';
    },
    onopentagend() {
      openElement(false);
    },
    onselfclosingtag() {
      openElement(true);
    },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      if (VOID_TAGS.has(name)) return;
      depth = Math.max(0, depth - 1);
      if (SKIPPED_TAGS.has(name) && skipping > 0) skipping--;
      if (name === 'script' && inJsonLd) endJsonLd();
      if (name === 'title') inTitle = false;
      if (BLOCK_TAGS.has(name)) text.push('\n\n');
    },
    oncomment() {
      nodes++;
    },
    oncdata() {
      nodes++;
    },
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
  };

  function openElement(selfClosing: boolean): void {
    if (attributes) readAttributes(tag, attributes);
    attributes = null;
    if (BLOCK_TAGS.has(tag)) text.push('\n\n');
    if (VOID_TAGS.has(tag) || selfClosing) return;
    depth++;
    if (depth > maxDepth) maxDepth = depth;
    if (SKIPPED_TAGS.has(tag)) skipping++;
    if (tag === 'title' && head.title === null) inTitle = true;
  }

  function endJsonLd(): void {
    inJsonLd = false;
    if (jsonLd.trim()) {
      head.jsonLd.push(jsonLd);
      jsonLdTotal += jsonLd.length;
    }
    jsonLd = '';
  }

  function readAttributes(name: string, attrs: Map<string, string>): void {
    if (name === 'html') {
      head.lang ??= attrs.get('lang')?.trim() || null;
      return;
    }
    if (name === 'script') {
      if (/^\s*application\/ld\+json\s*$/i.test(attrs.get('type') ?? '')) {
        inJsonLd = true;
        jsonLd = '';
      }
      return;
    }
    if (name === 'link') {
      const href = attrs.get('href');
      for (const rel of (attrs.get('rel') ?? '').toLowerCase().split(/\s+/)) {
        if (rel && href !== undefined && !head.links.has(rel)) head.links.set(rel, href);
      }
      return;
    }
    const charset = attrs.get('charset');
    if (charset && head.charset === null) head.charset = charset.trim();
    const content = attrs.get('content');
    if (content === undefined) return;
    const httpEquiv = attrs.get('http-equiv')?.toLowerCase();
    if (httpEquiv === 'content-type' && head.charset === null)
      head.charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(content)?.[1] ?? null;
    for (const key of ['property', 'name', 'itemprop']) {
      const k = attrs.get(key)?.trim().toLowerCase();
      if (k && !head.meta.has(k)) head.meta.set(k, content);
    }
  }

  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  if (inJsonLd) endJsonLd();
  head.title = title.replace(/\s+/g, ' ').trim() || null;
  return { nodes, nestingWork, maxDepth, text: text.join(''), head };
}
