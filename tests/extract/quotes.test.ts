// Quotation marks and how quotations are cut out of paragraphs. Every example
// here is written for the test; no corpus text.

import { describe, expect, it } from 'vitest';
import { type ExtractedQuote, extractArticle } from '../../src/extract/index.ts';

/** A headline line first, as articles have one; then the paragraphs. */
function quotesOf(...paragraphs: string[]): ExtractedQuote[] {
  const article = extractArticle({ text: ['Council votes on the harbour plan', ...paragraphs].join('\n\n') });
  for (const q of article.quotes) expect(article.body.slice(q.start, q.end)).toBe(q.text);
  return article.quotes;
}

const brief = (q: ExtractedQuote) => ({ text: q.text, kind: q.kind, speaker: q.speaker?.name ?? null });

describe('quotation marks', () => {
  it('reads straight double quotes', () => {
    expect(quotesOf('"We will rebuild the pier before winter," Mayor Ana Torres said.').map(brief)).toEqual([
      { text: 'We will rebuild the pier before winter,', kind: 'direct', speaker: 'Ana Torres' },
    ]);
  });

  it('reads curly double quotes', () => {
    expect(quotesOf('“The tide tables were wrong,” said harbour master Colin Reyes.').map(brief)).toEqual([
      { text: 'The tide tables were wrong,', kind: 'direct', speaker: 'Colin Reyes' },
    ]);
  });

  it('reads doubled apostrophes used as quote marks', () => {
    expect(quotesOf("''The budget is balanced at last,'' said Governor Paul Becker.").map(brief)).toEqual([
      { text: 'The budget is balanced at last,', kind: 'direct', speaker: 'Paul Becker' },
    ]);
  });

  it('reads single curly quotes as quote marks where a paragraph has no double ones, but not apostrophes', () => {
    const quotes = quotesOf(
      '‘We have waited long enough,’ the minister, Clara Holt, told reporters. She said it’s time for the dockers’ union to decide.',
    );
    expect(quotes.map(brief)).toEqual([
      { text: 'We have waited long enough,', kind: 'direct', speaker: 'Clara Holt' },
      { text: 'it’s time for the dockers’ union to decide', kind: 'indirect', speaker: 'Clara Holt' },
    ]);
  });

  it('keeps nested single quotes inside the quotation', () => {
    const [q] = quotesOf('"My father told me, \'Never sell the boat,\' and I never did," said Lena Ortiz.');
    expect(q?.text).toBe("My father told me, 'Never sell the boat,' and I never did,");
    expect(q?.speaker?.name).toBe('Lena Ortiz');
  });

  it('treats a mark glued to the word before it as closing, whatever its glyph', () => {
    const [q] = quotesOf(
      'The club launched a page called “Sail With Us“ that signs up new members, said Owen Pryce, its secretary.',
    );
    expect(q?.text).toBe('Sail With Us');
  });

  it('splits a quotation around its attribution into two entries with one speaker', () => {
    const quotes = quotesOf(
      '"The storm moved faster than any model predicted," said Maya Lindqvist, a forecaster at the Coastal Weather Institute. "We had almost no warning."',
    );
    expect(quotes.map(brief)).toEqual([
      { text: 'The storm moved faster than any model predicted,', kind: 'direct', speaker: 'Maya Lindqvist' },
      { text: 'We had almost no warning.', kind: 'direct', speaker: 'Maya Lindqvist' },
    ]);
  });

  it('follows a quotation across paragraphs when it has no closing mark', () => {
    const quotes = quotesOf(
      'Coach Dan Riley looked back on the season: "We lost our two best players in the first month.',
      '"But the young ones stepped up, and nobody expected that."',
    );
    expect(quotes.map((q) => q.speaker?.name)).toEqual(['Dan Riley', 'Dan Riley']);
    expect(quotes[1]?.text).toBe('But the young ones stepped up, and nobody expected that.');
  });

  it('marks a few quoted words inside a reported sentence as partial', () => {
    const [q] = quotesOf(
      'Senator Grace Whitfield said the toll increase was a "reckless gamble" with commuters\' money.',
    );
    expect(brief(q!)).toEqual({ text: 'reckless gamble', kind: 'partial', speaker: 'Grace Whitfield' });
  });

  it('leaves titles of shows and books alone', () => {
    expect(quotesOf('The network renewed "Harbour Lights" and "The Night Ferry" for another season.')).toEqual([]);
  });

  it('keeps a title inside what someone reports, but not one in the attribution', () => {
    const quotes = quotesOf(
      'The network said it was canceling "Harbour Lights." Its producer, Ana Ruiz, said on Channel Four\'s "Morning Tide" that she was sad.',
    );
    expect(quotes.filter((q) => q.kind !== 'indirect').map((q) => q.text)).toEqual(['Harbour Lights.']);
  });

  it('does not take a capitalised first word or a question for a title', () => {
    const quotes = quotesOf(
      'Ferry captain Olaf Brun looked at the forecast. "For me," he said, "it is the wind." Then he asked his mate: "Can We Sail?"',
    );
    expect(quotes.map((q) => q.text)).toEqual(['For me,', 'it is the wind.', 'Can We Sail?']);
  });

  it('reads "a thunderous chant of" as a noun, not a speech verb', () => {
    const quotes = quotesOf('Hundreds of dockers joined in a thunderous chant of "Save the pier!" outside the hall.');
    expect(quotes.map((q) => q.cue)).not.toContain('chant');
  });

  it('keeps a title-cased term someone coined or a name they gave ("referred to the "New Tide"")', () => {
    const quotes = quotesOf('The historian Ada Lindgren referred to the dockers as the "New Tide."');
    expect(quotes.map(brief)).toEqual([{ text: 'New Tide.', kind: 'partial', speaker: 'Ada Lindgren' }]);
  });

  it('survives an unbalanced quote mark by closing the quotation at the paragraph end', () => {
    const quotes = quotesOf(
      'Inspector Hana Sato said: "The investigation will take months',
      'The ferry service resumed on Monday.',
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toBe('The investigation will take months');
    expect(quotes[0]?.speaker?.name).toBe('Hana Sato');
  });
});
