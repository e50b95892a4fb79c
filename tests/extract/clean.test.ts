// Cleaning: what is article and what is page around it, in plain text and HTML.

import { describe, expect, it } from 'vitest';
import { ExtractError, extractArticle } from '../../src/extract/index.ts';

describe('cleaning plain text', () => {
  const page = [
    'Sign in',
    'Subscribe',
    '',
    'Lighthouse keeper retires after forty years',
    '',
    'Photo: The lighthouse at dawn (Photo by Jane Rooke)',
    'The last keeper of Cape Morrow hands over the keys',
    '',
    'Edith Carrow climbed the 212 steps every morning for forty years.',
    '',
    'READ MORE: How automation changed the coast',
    '',
    '"I will miss the gulls more than the people," Carrow said with a laugh.',
    '',
    'Related: VIDEO: Inside the lamp room',
    'Share this article',
    'Advertisement',
    '',
    'The light will be run from the mainland from June.',
    '',
    '© 2024 Coastal Herald. All rights reserved.',
  ].join('\n');
  const article = extractArticle({ text: page });

  it('finds the headline, the dek and the image caption', () => {
    expect(article.title).toBe('Lighthouse keeper retires after forty years');
    expect(article.dek).toBe('The last keeper of Cape Morrow hands over the keys');
    expect(article.imageCaption).toBe('Photo: The lighthouse at dawn (Photo by Jane Rooke)');
  });

  it('keeps only the article paragraphs in the body, one blank line apart', () => {
    expect(article.body).toBe(
      [
        'Edith Carrow climbed the 212 steps every morning for forty years.',
        '"I will miss the gulls more than the people," Carrow said with a laugh.',
        'The light will be run from the mainland from June.',
      ].join('\n\n'),
    );
  });

  it('turns "READ MORE:" and "Related: VIDEO:" lines into related links', () => {
    expect(article.relatedLinks).toEqual([
      { title: 'How automation changed the coast', url: null, kind: 'article' },
      { title: 'VIDEO: Inside the lamp room', url: null, kind: 'video' },
    ]);
  });

  it('points quote offsets into the cleaned body', () => {
    const [q] = article.quotes;
    expect(q?.speaker?.name).toBe('Edith Carrow');
    expect(article.body.slice(q?.start, q?.end)).toBe('I will miss the gulls more than the people,');
  });

  it('joins hard-wrapped lines into paragraphs', () => {
    const wrapped = extractArticle({
      text: [
        'Storm closes the harbour',
        '',
        'The harbour master closed the port on Sunday after waves of',
        'six metres battered the breakwater and two moorings snapped in',
        'the night.',
        '',
        'Fishing boats stayed tied up for a second day.',
      ].join('\n'),
    });
    expect(wrapped.body.split('\n\n')).toEqual([
      'The harbour master closed the port on Sunday after waves of six metres battered the breakwater and two moorings snapped in the night.',
      'Fishing boats stayed tied up for a second day.',
    ]);
  });

  it('takes the sentence between the headline and a datelined first paragraph as the dek', () => {
    const article = extractArticle({
      text: [
        'Ferry Line Plans Winter Service',
        'The operator says the new boats can sail in ice, its engineers believe.',
        'PORT ALDER — Alder Ferries will run all winter for the first time, the company said on Monday.',
      ].join('\n\n'),
    });
    expect(article.dek).toBe('The operator says the new boats can sail in ice, its engineers believe.');
    expect(article.body).toMatch(/^PORT ALDER — /);
    // The dek holds no quotes; the dateline is no part of what the company said.
    expect(article.quotes.map((q) => q.text)).toEqual(['Alder Ferries will run all winter for the first time']);
  });
});

describe('cleaning HTML', () => {
  const html = `<!doctype html><html><head><title>Bridge reopens | Valley Courier</title>
    <meta name="description" content="Repairs finished three weeks early"></head>
    <body><nav><a href="/">Home</a> <a href="/login">Sign in</a></nav>
    <article>
      <h1>Old bridge reopens to traffic</h1>
      <figure><img src="bridge.jpg"><figcaption>The bridge on Monday morning</figcaption></figure>
      <p>“We finished three weeks early,” said site manager Carla Jensen, standing on the new deck.</p>
      <p>Related: <a href="/photos/bridge">PHOTOS: The bridge through the years</a></p>
      <p>The county council said the repairs cost less than expected, and drivers welcomed the end of a long detour through the old town centre.</p>
      <ul class="more"><li><a href="/news/budget">Council approves the budget</a></li><li><a href="https://example.org/traffic">Traffic plan unveiled</a></li></ul>
      <p>Share this article</p>
    </article>
    <footer>Copyright Valley Courier</footer></body></html>`;
  const article = extractArticle({ html, url: 'https://courier.example/news/bridge' });

  it('takes the headline from the page and the main content through Readability', () => {
    expect(article.title).toBe('Old bridge reopens to traffic');
    expect(article.dek).toBe('Repairs finished three weeks early');
    expect(article.imageCaption).toBe('The bridge on Monday morning');
    expect(article.body.split('\n\n')).toHaveLength(2);
    expect(article.body).not.toMatch(/Sign in|Share this|Copyright|Related/);
  });

  it('keeps link targets for related links, resolved against the page address', () => {
    expect(article.relatedLinks).toEqual([
      { title: 'PHOTOS: The bridge through the years', url: 'https://courier.example/photos/bridge', kind: 'photos' },
      { title: 'Council approves the budget', url: 'https://courier.example/news/budget', kind: 'article' },
      { title: 'Traffic plan unveiled', url: 'https://example.org/traffic', kind: 'article' },
    ]);
  });

  it('finds quotations in HTML articles like in text', () => {
    expect(article.quotes.map((q) => [q.text, q.speaker?.name])).toContainEqual([
      'We finished three weeks early,',
      'Carla Jensen',
    ]);
  });

  it('recognises HTML handed over as text', () => {
    const asText = extractArticle({ text: html });
    expect(asText.title).toBe('Old bridge reopens to traffic');
  });

  it('reads related-story boxes that Readability drops, and leaves embedded posts out of the body', () => {
    const page = `<html><head><title>Tram line approved</title></head><body><article><h1>Tram line approved</h1>
      <p>The council voted on Tuesday to build a tram line through the east side of the city, ending years of argument.</p>
      <p>“This is the biggest investment in transport in a generation,” said Mayor Lucia Ferreira at the meeting.</p>
      <blockquote class="twitter-tweet"><p>Huge day for the east side!</p>— Lucia Ferreira (@MayorFerreira) May 1, 2019</blockquote>
      <p>Construction is due to start next spring, according to the transit authority, and take four years.</p>
      <div class="related-stories"><h3>Related</h3><ul><li><a href="/news/bus-cuts">Bus routes to be cut in June</a></li></ul></div>
      </article></body></html>`;
    const a = extractArticle({ html: page, url: 'https://ledger.example/news/tram' });
    expect(a.body).not.toContain('Huge day');
    expect(a.relatedLinks).toContainEqual({
      title: 'Bus routes to be cut in June',
      url: 'https://ledger.example/news/bus-cuts',
      kind: 'article',
    });
  });

  it('refuses HTML with no article in it, with a clear code', () => {
    const empty =
      '<!doctype html><html><head><title>Nothing</title></head><body><nav><a href="/">Home</a></nav><script>var x = 1;</script></body></html>';
    expect(() => extractArticle({ html: empty })).toThrow(ExtractError);
    try {
      extractArticle({ html: empty });
    } catch (error) {
      expect((error as ExtractError).code).toBe('NO_ARTICLE_CONTENT');
    }
  });
});
