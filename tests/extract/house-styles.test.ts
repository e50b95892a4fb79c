// House styles that quote with single marks: ‘…’ (curly) or '…' (straight) as the
// primary quotation marks, while the same glyphs inside words stay apostrophes.

import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';

function quotesOf(text: string) {
  return extractArticle({ text }).quotes.map((q) => ({ text: q.text, kind: q.kind, speaker: q.speaker?.name ?? null }));
}

describe('single quotation marks as the house style', () => {
  it('reads curly single quotes, and leaves didn’t, O’Rourke and ’90s alone', () => {
    const text = [
      'Bypass plan shelved',
      'The leader of Denholm council said the bypass was off for now.',
      '‘We didn’t choose this, and I won’t pretend otherwise to people who have waited since the ’90s,’ said Margaret Hale.',
      'Councillor Declan O’Rourke disagreed. ‘It’s the same story every year,’ O’Rourke said.',
    ].join('\n\n');
    expect(quotesOf(text)).toEqual(
      expect.arrayContaining([
        {
          text: 'We didn’t choose this, and I won’t pretend otherwise to people who have waited since the ’90s,',
          kind: 'direct',
          speaker: 'Margaret Hale',
        },
        { text: 'It’s the same story every year,', kind: 'direct', speaker: "Declan O'Rourke" },
      ]),
    );
  });

  it("reads straight single quotes, and leaves we'll, fishermen's and rock 'n' roll alone", () => {
    const text = [
      'Harbour row',
      "'We'll bring the nets to Brussels if we have to,' said Seán Walsh of the fishermen's co-operative.",
      "'It's not rock 'n' roll, it's our living,' Walsh said.",
    ].join('\n\n');
    expect(quotesOf(text)).toEqual([
      { text: "We'll bring the nets to Brussels if we have to,", kind: 'direct', speaker: 'Seán Walsh' },
      { text: "It's not rock 'n' roll, it's our living,", kind: 'direct', speaker: 'Seán Walsh' },
    ]);
  });

  it('a quotation left open at the end of a paragraph goes on in the next, with the same speaker', () => {
    const text = [
      'Mill Lane residents angry',
      'Opposition councillor Declan Byrne said residents had heard it all before. ‘They were told in 2012 and they’ve been told again tonight.',
      '‘If the council can find money for a new logo, it can find money for a survey.’',
    ].join('\n\n');
    const quotes = quotesOf(text);
    expect(quotes.map((q) => q.text)).toEqual(
      expect.arrayContaining([
        'They were told in 2012 and they’ve been told again tonight.',
        'If the council can find money for a new logo, it can find money for a survey.',
      ]),
    );
    for (const q of quotes.filter((x) => x.kind === 'direct')) expect(q.speaker).toBe('Declan Byrne');
  });

  it('keeps double-quote articles as they were: a single mark there is an apostrophe', () => {
    const text = [
      'Budget vote',
      '"The numbers don\'t add up," said Ann Lee, who has sat on the council since the \'90s.',
    ].join('\n\n');
    expect(quotesOf(text)).toEqual([{ text: "The numbers don't add up,", kind: 'direct', speaker: 'Ann Lee' }]);
  });
});
