// Builds the house-styles corpus (corpus/styles/) from its sources in
// corpus/styles/src/: articles written for quotegraph, with every quotation marked
// where it stands as {{Speaker|person, organization or role|direct, partial or indirect|the quoted words}}.
// The marks are taken out of the text and become the gold annotation, with offsets,
// in the shared corpus format (see ../shared/corpus/README.md). Sources whose
// header says `format: html` also become a saved page (meta tags, JSON-LD, site
// furniture and ads around the article); `windows-1252`, `latin-1` and `utf-16`
// become a file of those bytes, written here so that no binary lives in the sources.
//
//   npm run corpus          (writes corpus/styles/*.json and corpus/styles/raw/*)

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'corpus', 'styles');
const MARK = /\{\{([^|{}]+)\|(person|organization|role)\|(direct|partial|indirect)\|([^{}]+?)\}\}/g;

interface GoldQuote {
  text: string;
  speaker: string;
  speakerType: 'person' | 'organization' | 'role';
  kind: 'direct' | 'partial' | 'indirect';
  start: number;
  end: number;
}

function parseSource(file: string): { header: Map<string, string>; body: string } {
  const raw = readFileSync(file, 'utf8');
  const split = raw.indexOf('\n---\n');
  if (split < 0) throw new Error(`${file}: no "---" line after the header`);
  const header = new Map<string, string>();
  for (const line of raw.slice(0, split).split('\n')) {
    const m = /^([\w-]+):\s*(.*)$/.exec(line.trim());
    if (m?.[1]) header.set(m[1], m[2] ?? '');
  }
  return { header, body: raw.slice(split + 5).trim() };
}

/** The text without marks, and the marked quotations with their offsets in it. */
function unmark(body: string): { text: string; quotes: GoldQuote[] } {
  const quotes: GoldQuote[] = [];
  let text = '';
  let last = 0;
  for (const m of body.matchAll(MARK)) {
    text += body.slice(last, m.index);
    const words = m[4] ?? '';
    quotes.push({
      text: words,
      speaker: (m[1] ?? '').trim(),
      speakerType: m[2] as GoldQuote['speakerType'],
      kind: m[3] as GoldQuote['kind'],
      start: text.length,
      end: text.length + words.length,
    });
    text += words;
    last = (m.index ?? 0) + m[0].length;
  }
  text += body.slice(last);
  if (/\{\{|\}\}/.test(text))
    throw new Error(`a mark is malformed near: ${text.slice(text.search(/\{\{|\}\}/), text.search(/\{\{|\}\}/) + 80)}`);
  return { text, quotes };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A saved news page around the article: navigation, ad slots, a related list, meta tags and JSON-LD. */
function pageFor(text: string, header: Map<string, string>): string {
  const [title = '', ...paragraphs] = text.split('\n\n');
  const site = header.get('site') ?? '';
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    datePublished: header.get('published'),
    author: [{ '@type': 'Person', name: header.get('author') }],
    publisher: { '@type': 'Organization', name: site },
    mainEntityOfPage: header.get('url'),
  };
  const body = paragraphs.map((p, i) => {
    const ad =
      i === 2 ? '<div class="ad-unit"><span>Advertisement</span><span>Story continues below</span></div>\n' : '';
    return `${ad}<p>${escapeHtml(p)}</p>`;
  });
  return `<!DOCTYPE html>
<html lang="${header.get('lang') ?? 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} | ${escapeHtml(site)}</title>
<link rel="canonical" href="${escapeHtml(header.get('url') ?? '')}">
<meta property="og:site_name" content="${escapeHtml(site)}">
<meta property="article:published_time" content="${escapeHtml(header.get('published') ?? '')}">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
<script>window.dataLayer = window.dataLayer || []; if (a < b) { track("page"); }</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="javascript:openMenu()">Menu</a></nav></header>
<main><article>
<h1>${escapeHtml(title)}</h1>
<p class="byline">By ${escapeHtml(header.get('author') ?? '')}</p>
${body.join('\n')}
</article>
<aside class="related-stories"><h2>Related</h2><ul>
<li><a href="/news/other-story">Another story from the same desk</a></li>
<li><a href="javascript:void(0)">Load more stories now</a></li>
</ul></aside></main>
<footer>© 2026 ${escapeHtml(site)}. All rights reserved.</footer>
</body></html>
`;
}

function build(): void {
  rmSync(join(root, 'raw'), { recursive: true, force: true });
  mkdirSync(join(root, 'raw'), { recursive: true });
  for (const old of readdirSync(root).filter((f) => f.endsWith('.json'))) rmSync(join(root, old));
  const sources = readdirSync(join(root, 'src'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const file of sources) {
    const id = file.replace(/\.txt$/, '');
    const { header, body } = parseSource(join(root, 'src', file));
    const { text, quotes } = unmark(body);
    for (const q of quotes) if (text.slice(q.start, q.end) !== q.text) throw new Error(`${id}: offsets of "${q.text}"`);
    const format = header.get('format') ?? 'text';
    const gold: Record<string, unknown> = {
      id: `styles-${id}`,
      source: 'written for quotegraph; annotated by its author (corpus/styles/src)',
      style: header.get('style') ?? '',
      text,
      quotes,
      people: [...new Set(quotes.filter((q) => q.speakerType === 'person').map((q) => q.speaker))],
      organizations: [...new Set(quotes.filter((q) => q.speakerType === 'organization').map((q) => q.speaker))],
    };
    if (format === 'html') {
      writeFileSync(join(root, 'raw', `${id}.html`), pageFor(text, header));
      gold.raw = `raw/${id}.html`;
    } else if (format !== 'text') {
      const charset = format === 'utf-16' ? 'utf-16le' : format === 'latin1' ? 'latin1' : format;
      writeFileSync(join(root, 'raw', `${id}.txt`), iconv.encode(text, charset, { addBOM: format === 'utf-16' }));
      gold.raw = `raw/${id}.txt`;
    }
    writeFileSync(join(root, `${id}.json`), `${JSON.stringify(gold, null, 1)}\n`);
  }
  console.log(`corpus/styles: ${sources.length} articles`);
}

build();
