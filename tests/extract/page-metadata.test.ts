// Real pages, not clean text: what a page says about itself, its ad furniture,
// and files saved in charsets other than UTF-8.

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, extractArticle } from '../../src/extract/index.ts';
import { withPageMetadata } from '../../src/ingest/document.ts';

const STORY = [
  '<p>Councillors in Ballymore voted on Tuesday to close the old swimming baths after a survey found the roof unsafe.</p>',
  '<div class="ad-slot"><span>Advertisement</span><span>Story continues below</span></div>',
  '<p>“We cannot ask children to swim under a roof that may fall,” said Councillor Niamh O’Kelly, who chairs the leisure committee.</p>',
  '<p>Residents have started a petition to keep the baths open until a new pool is built, organisers said.</p>',
].join('\n');

function page(options: { head?: string; furniture?: string } = {}): string {
  return `<!doctype html><html lang="en-IE"><head><title>Baths to close | The Ballymore Echo</title>
<link rel="canonical" href="https://echo.example/news/baths-to-close">
<meta property="og:site_name" content="The Ballymore Echo">
<meta property="article:published_time" content="2026-03-03T09:15:00+00:00">
<meta name="author" content="Aoife Byrne">
${options.head ?? ''}
</head><body><header><nav>Home News Sport</nav></header>
<article><h1>Old swimming baths to close after roof survey</h1>${STORY}${options.furniture ?? ''}</article>
<footer>© 2026 The Ballymore Echo</footer></body></html>`;
}

const JSON_LD = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Echo"},
{"@type":"NewsArticle","headline":"Ballymore baths to close","datePublished":"2026-03-03T08:00:00Z",
"author":[{"@type":"Person","name":"Aoife Byrne"},{"@type":"Person","name":"Ciarán Doyle"}],
"publisher":{"@type":"Organization","name":"Echo Newspapers Ltd"},"mainEntityOfPage":"https://echo.example/news/baths-to-close"}]}</script>`;

describe('what a page says about itself', () => {
  it('reads the canonical URL, publication time, site name and author from meta tags', () => {
    const { metadata } = extractArticle({ html: page() });
    expect(metadata).toEqual({
      url: 'https://echo.example/news/baths-to-close',
      title: 'Baths to close | The Ballymore Echo',
      publishedAt: '2026-03-03T09:15:00.000Z',
      siteName: 'The Ballymore Echo',
      authors: ['Aoife Byrne'],
      publisher: 'The Ballymore Echo',
      language: 'en-ie',
    });
  });

  it('prefers JSON-LD NewsArticle headline, date, authors and publisher, found inside @graph', () => {
    const { metadata } = extractArticle({ html: page({ head: JSON_LD }) });
    expect(metadata?.title).toBe('Ballymore baths to close');
    expect(metadata?.publishedAt).toBe('2026-03-03T08:00:00.000Z');
    expect(metadata?.authors).toEqual(['Aoife Byrne', 'Ciarán Doyle']);
    expect(metadata?.publisher).toBe('Echo Newspapers Ltd');
  });

  it('takes no canonical URL that is not http(s)', () => {
    const html = page().replace('https://echo.example/news/baths-to-close', ' JavaScript:alert(1)');
    expect(extractArticle({ html }).metadata?.url).toBeNull();
  });

  it('says nothing for plain text', () => {
    expect(
      extractArticle({ text: 'Headline\n\nA sentence of the story that says something.' }).metadata?.url,
    ).toBeNull();
  });

  it('fills what the caller left out, and the caller wins where both speak', () => {
    const { metadata } = extractArticle({ html: page() });
    expect(withPageMetadata({}, metadata)).toMatchObject({
      url: 'https://echo.example/news/baths-to-close',
      publishedAt: new Date('2026-03-03T09:15:00Z'),
      publisher: 'The Ballymore Echo',
      language: 'en',
    });
    const given = {
      url: 'https://mirror.example/a',
      publishedAt: new Date('2026-03-04T00:00:00Z'),
      publisher: 'Mirror',
      language: 'ga',
    };
    expect(withPageMetadata(given, metadata)).toMatchObject(given);
  });
});

describe('ad furniture', () => {
  it('"Advertisement" and "Story continues below" are neither body text nor a person', () => {
    const article = extractArticle({ html: page() });
    expect(article.body).not.toMatch(/Advertisement|continues below/);
    expect(article.people.map((p) => p.name)).not.toContain('AdvertisementStory');
    expect(article.quotes.map((q) => q.speaker?.name)).toContain("Niamh O'Kelly");
  });

  it('the same story saved again with a changed furniture line has the same fingerprint', () => {
    const first = extractArticle({ html: page({ furniture: '<p>Updated 2 minutes ago</p>' }) });
    const again = extractArticle({ html: page({ furniture: '<p>Most read: Bins collected late</p>' }) });
    expect(first.fingerprint).toBeTruthy();
    expect(again.fingerprint).toBe(first.fingerprint);
  });
});

describe('charsets', () => {
  const text =
    'Pool closure\n\n“We will fight this,” said Jürgen Müller, who swims there every morning.\n\nThe café by the pool will stay open.';

  it.each([
    ['Windows-1252', iconv.encode(text, 'windows-1252')],
    ['UTF-16 with a byte order mark', iconv.encode(text, 'utf-16le', { addBOM: true })],
    ['UTF-16 big-endian with a byte order mark', iconv.encode(text, 'utf-16be', { addBOM: true })],
    ['UTF-8', Buffer.from(text, 'utf8')],
  ])('%s keeps accents and curly quotes, so the quote stays direct', (_name, bytes) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.text).toBe(text);
    const [quote] = extractArticle({ text: decoded.text }).quotes;
    expect(quote).toMatchObject({ text: 'We will fight this,', kind: 'direct', speaker: { name: 'Jürgen Müller' } });
  });

  it('Latin-1 keeps its accents', () => {
    const latin1 = 'Pool closure\n\n"We will fight this," said Jürgen Müller.';
    expect(decodeBytes(iconv.encode(latin1, 'latin1')).text).toBe(latin1);
  });

  it('a page declaring its charset is read in it, even when the bytes would pass for another', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>${text}</p></body></html>`;
    expect(decodeBytes(iconv.encode(html, 'windows-1252')).text).toBe(html);
  });

  it('HTML handed over as a byte string is decoded as the page declares', () => {
    const html = `<html><head><meta charset="utf-8"></head><body><article><h1>Pool closure</h1><p>${text.split('\n\n')[1]}</p><p>${text.split('\n\n')[2]}</p></article></body></html>`;
    const asBytes = Buffer.from(html, 'utf8').toString('latin1');
    const article = extractArticle({ html: asBytes });
    expect(article.quotes[0]?.speaker?.name).toBe('Jürgen Müller');
  });
});
