// Bad and strange input: a clear result or an ExtractError with a code, never
// a crash or a hang.

import { describe, expect, it } from 'vitest';
import { ExtractError, type ExtractErrorCode, extractArticle } from '../../src/extract/index.ts';

function codeOf(run: () => unknown): ExtractErrorCode | 'no error' | 'other error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof ExtractError ? error.code : 'other error';
  }
}

function expectValidOffsets(text: string): void {
  const article = extractArticle({ text });
  for (const q of article.quotes) expect(article.body.slice(q.start, q.end)).toBe(q.text);
}

describe('bad input', () => {
  it('refuses empty and whitespace-only input', () => {
    expect(codeOf(() => extractArticle({ text: '' }))).toBe('EMPTY_INPUT');
    expect(codeOf(() => extractArticle({ text: ' \n\t \n' }))).toBe('EMPTY_INPUT');
    expect(codeOf(() => extractArticle({}))).toBe('EMPTY_INPUT');
  });

  it('refuses binary junk', () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)).toString('latin1');
    expect(codeOf(() => extractArticle({ text: junk }))).toBe('BINARY_INPUT');
  });

  it('refuses HTML with no article in it', () => {
    expect(codeOf(() => extractArticle({ html: '<html><body><div></div></body></html>' }))).toBe('NO_ARTICLE_CONTENT');
  });

  it('returns an article with no quotes for text without speech', () => {
    const article = extractArticle({
      text: 'Tide times for the week\n\nHigh water on Monday is at 6.42 in the morning.\n\nThe bay is sheltered from westerly winds.',
    });
    expect(article.quotes).toEqual([]);
    expect(article.body).toBe(
      'High water on Monday is at 6.42 in the morning.\n\nThe bay is sheltered from westerly winds.',
    );
  });

  it('returns an empty body for a page that is all furniture', () => {
    const article = extractArticle({ text: 'Sign in\nSubscribe\nAdvertisement\nShare this article' });
    expect(article.body).toBe('');
    expect(article.quotes).toEqual([]);
  });

  it('treats words that are also JavaScript property names as plain words', () => {
    const text =
      'Bridge update\n\nThe constructor said toString and valueOf were fine. "The __proto__ of the plan is sound," said hasOwnProperty, the constructor.';
    expect(codeOf(() => extractArticle({ text }))).toBe('no error');
    expectValidOffsets(text);
  });

  it('copes with unbalanced and stray quote marks', () => {
    expectValidOffsets(
      'Opening night\n\n"The curtain rose late, said the director.\n\nAnd then” nobody laughed " at all " ever.\n\n“Unclosed “twice over, she said.',
    );
    expectValidOffsets('"');
    expectValidOffsets("''");
  });
});

// How fast is not asserted here: linear-cost.test.ts bounds the cost of hostile shapes by its timeout, and
// `npm run bench:extract` measures it.
describe('large and hostile input is read', () => {
  const paragraph = (i: number) =>
    `"We will finish the sea wall before winter number ${i}," said Councillor Maria Lindqvist, the chair of the Harbour Committee. ` +
    `She added that the Port Authority had promised funding, according to the Eastbay Gazette. "It is a good day," she said.`;

  it('reads a 5 MB article, keeping the whole body', () => {
    const parts = ['A very long article'];
    for (let i = 0, length = 0; length < 5_000_000; i++) {
      const p = paragraph(i);
      parts.push(p);
      length += p.length + 2;
    }
    const text = parts.join('\n\n');
    const article = extractArticle({ text });
    expect(article.body.length).toBeGreaterThan(4_900_000);
    expect(article.quotes.length).toBeGreaterThan(100);
    const last = article.quotes[article.quotes.length - 1];
    expect(last && article.body.slice(last.start, last.end)).toBe(last?.text);
  });

  it.each([
    ['a million quote marks', '"'.repeat(1_000_000)],
    ['a line of capitalised words', 'Mr. Ab Cd Ef Gh '.repeat(100_000)],
    ['speech verbs and commas', 'said, '.repeat(200_000)],
    ['an endless tag', `<a ${'x'.repeat(1_000_000)}`],
    ['nested quotes', '“a ‘b “c ‘d '.repeat(100_000)],
    [
      'thousands of distinct names and organizations',
      Array.from(
        { length: 8000 },
        (_, i) => `Ann Vel${i.toString(36)}son met Tom Ray${i.toString(36)}ley at Kel${i.toString(36)} University.`,
      ).join(' '),
    ],
  ])('%s', (_name, body) => {
    expect(codeOf(() => extractArticle({ text: `A headline\n\n${body}` }))).toBe('no error');
  });

  it('HTML nested tens of thousands of tags deep is read as text, not built into a DOM', () => {
    const html = `<html><body><div><p>Unclosed <b>tags<p>"We are fine," said Ann Lee. ${'<span>'.repeat(50_000)}text`;
    const article = extractArticle({ html });
    expect(article.quotes.map((q) => [q.text, q.speaker?.name])).toEqual([['We are fine,', 'Ann Lee']]);
  });

  it('many short quotations attributed by pronoun', () => {
    const text = [
      'Press conference',
      'John Smith spoke first.',
      ...Array.from({ length: 5000 }, (_, k) => `"Answer number ${k}," he said.`),
    ].join('\n\n');
    const article = extractArticle({ text });
    expect(article.quotes).toHaveLength(5000);
    expect(article.quotes.every((q) => q.speaker?.name === 'John Smith')).toBe(true);
  });
});
