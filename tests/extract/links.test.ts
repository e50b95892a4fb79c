// Links found in a page become related-link URLs only when a browser would fetch
// them over the web: http and https. Every other scheme, however it is disguised,
// gives a link with no URL.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';
import { runs } from '../support/property.ts';

const STORY =
  '<p>The harbour board met on Tuesday and agreed to dredge the channel before the autumn storms arrive, members said.</p>'.repeat(
    3,
  );

function pageWithLinks(hrefs: readonly string[]): string {
  const items = hrefs.map((href, i) => `<li><a href="${href}">Harbour story number ${i + 1}</a></li>`).join('');
  const inline = hrefs.map((href, i) => `<p>Related: <a href="${href}">Dredging plan part ${i + 1}</a></p>`).join('');
  return `<html><body><article><h1>Channel to be dredged</h1>${STORY}${inline}</article><aside class="related-stories"><ul>${items}</ul></aside></body></html>`;
}

/** The scheme written with its letters in any case, with tabs, newlines or character references among them. */
const disguisedScheme = fc
  .record({
    scheme: fc.constantFrom('javascript', 'data', 'vbscript', 'file', 'jAvAsCrIpT'),
    cases: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    noise: fc.array(fc.constantFrom('', '', '&#9;', '&#x0A;', '\t', '\n', '&Tab;', '&NewLine;'), {
      minLength: 10,
      maxLength: 10,
    }),
    encoded: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    lead: fc.constantFrom('', ' ', '  ', '&#32;', '\u0001', '&#x20;\t'),
    colon: fc.constantFrom(':', '&colon;', '&#58;', '&#x3a;'),
    payload: fc.constantFrom(
      'alert(1)',
      '//evil.example/x',
      'text/html;base64,PHNjcmlwdD4=',
      '/etc/passwd',
      'msgbox(1)',
    ),
  })
  .map(({ scheme, cases, noise, encoded, lead, colon, payload }) => {
    const letters = [...scheme].map((ch, i) => {
      const cased = cases[i] ? ch.toUpperCase() : ch.toLowerCase();
      const written = encoded[i] ? `&#${cased.charCodeAt(0)};` : cased;
      return `${written}${noise[i] ?? ''}`;
    });
    return `${lead}${letters.join('')}${colon}${payload}`;
  });

describe('unsafe links in ingested HTML', () => {
  it('never become related-link URLs, however the scheme is disguised', () => {
    fc.assert(
      fc.property(fc.array(disguisedScheme, { minLength: 1, maxLength: 4 }), (hrefs) => {
        const article = extractArticle({ html: pageWithLinks(hrefs), url: 'https://harbour.example/news/dredging' });
        expect(article.relatedLinks.length).toBeGreaterThan(0);
        for (const link of article.relatedLinks) expect(link.url).toBeNull();
      }),
      { numRuns: runs(60) },
    );
  });

  it('keeps web links, resolved against the page', () => {
    const article = extractArticle({
      html: pageWithLinks(['/news/storms', 'https://other.example/a', ' HTTP://Loud.example/b ']),
      url: 'https://harbour.example/news/dredging',
    });
    expect(article.relatedLinks.map((l) => l.url)).toEqual(
      expect.arrayContaining([
        'https://harbour.example/news/storms',
        'https://other.example/a',
        'http://loud.example/b',
      ]),
    );
  });

  it('keeps a relative link as written when the page address is unknown, and drops a script link', () => {
    const article = extractArticle({ html: pageWithLinks(['/news/storms', 'javascript:void(0)']) });
    const urls = article.relatedLinks.map((l) => l.url);
    expect(urls).toContain('/news/storms');
    expect(urls.filter((u) => u !== null && !u.startsWith('/'))).toEqual([]);
  });
});
