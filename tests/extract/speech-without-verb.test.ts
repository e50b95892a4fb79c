// Attribution without a speech verb: transcript turns, "Name: “…”", a blockquote
// closed by a "– Name" line, and a quoted paragraph after a sentence that
// introduces a person. These take the adjacent speaker, with less confidence
// than a quotation with its own "said".

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';
import { runs } from '../support/property.ts';

function quotes(...paragraphs: string[]) {
  const article = extractArticle({ text: ['Flood plan questioned', ...paragraphs].join('\n\n') });
  for (const q of article.quotes) expect(article.body.slice(q.start, q.end)).toBe(q.text);
  return article.quotes;
}

function direct(...paragraphs: string[]) {
  return quotes(...paragraphs)
    .filter((q) => q.kind === 'direct')
    .map((q) => ({ text: q.text, speaker: q.speaker?.name ?? null }));
}

describe('transcript turns', () => {
  const interview = [
    'Dr Hannah Voss has spent twenty years building flood walls. We asked her about the winter.',
    'Q: Were the walls built too low?',
    'A: They were built to the standard of the day, and the standard was wrong.',
    'Q: What would you do with more money?',
    'A: Give the river somewhere to go.',
  ];

  it('an A: turn is the interviewee introduced before the first question', () => {
    expect(direct(...interview)).toEqual([
      { text: 'They were built to the standard of the day, and the standard was wrong.', speaker: 'Hannah Voss' },
      { text: 'Give the river somewhere to go.', speaker: 'Hannah Voss' },
    ]);
  });

  it('a Q: turn by an unnamed interviewer is not a quote', () => {
    expect(quotes(...interview).some((q) => q.text.includes('too low'))).toBe(false);
  });

  it('a turn is less certain than a quotation with its own speech verb', () => {
    const found = quotes(...interview, '"We will look again," Voss said.');
    const turn = found.find((q) => q.text.startsWith('Give the river'));
    const said = found.find((q) => q.text.startsWith('We will look again'));
    expect(turn && said && turn.confidence < said.confidence).toBe(true);
  });

  it('a NAME: turn in capitals is the named person, and an unnamed RESIDENT: is not taken', () => {
    expect(
      direct(
        'Engineer Hannah Voss met residents of Severnside on Tuesday.',
        'RESIDENT: Why should we trust another plan?',
        'VOSS: You should not trust a plan. Trust the money.',
      ),
    ).toEqual([{ text: 'You should not trust a plan. Trust the money.', speaker: 'Hannah Voss' }]);
  });

  it('a turn already in quote marks keeps its marks out of the text', () => {
    expect(direct('Councillor Brian Oduya chaired the meeting.', 'ODUYA: “The floor is open.”')).toEqual([
      { text: 'The floor is open.', speaker: 'Brian Oduya' },
    ]);
  });

  it('Q and A lines in a story that is not a transcript are not turns', () => {
    expect(direct('Dr Hannah Voss spoke on Monday.', 'A: the first option is cheaper.')).toEqual([]);
  });

  it('any named speaker in capitals takes their own turn (generated names)', () => {
    const given = fc.constantFrom('Hannah', 'Tomas', 'Ines', 'Kwame', 'Mairead', 'Ravi');
    const family = fc.constantFrom('Voss', 'Okafor', 'Lindqvist', 'Brennan', 'Sato', 'Delacroix');
    const line = fc.constantFrom(
      'We will build it again.',
      'Nobody told us about the pumps.',
      'The money is there if you ask for it.',
    );
    fc.assert(
      fc.property(given, family, line, (g, f, said) => {
        const found = direct(
          `Engineer ${g} ${f} answered questions from residents on Tuesday.`,
          `${f.toUpperCase()}: ${said}`,
        );
        expect(found).toEqual([{ text: said, speaker: `${g} ${f}` }]);
      }),
      { numRuns: runs(20) },
    );
  });
});

describe('Name: “…”', () => {
  it('a name and a colon before a quotation attribute it', () => {
    expect(
      direct('Residents were unimpressed by the plan.', 'Mairead Brennan: “I have heard all of this before.”'),
    ).toEqual([{ text: 'I have heard all of this before.', speaker: 'Mairead Brennan' }]);
  });
});

describe('a blockquote closed by a dash and a name', () => {
  it('the paragraph before a "– Name" line is that person’s quotation', () => {
    expect(
      direct(
        'The chancellor spoke in the Commons.',
        'We will freeze fuel duty for another year.',
        '– Daniel Ashworth, in the Commons',
      ),
    ).toEqual([{ text: 'We will freeze fuel duty for another year.', speaker: 'Daniel Ashworth' }]);
  });

  it('a quotation in marks closed by "— Name" on its own line', () => {
    expect(
      direct('The chancellor spoke in the Commons.', '“Nobody will pay more at the pump.”', '— Daniel Ashworth'),
    ).toEqual([{ text: 'Nobody will pay more at the pump.', speaker: 'Daniel Ashworth' }]);
  });

  it('a quotation followed by "— Name" in the same paragraph', () => {
    expect(
      direct('The chancellor spoke in the Commons.', '“Nobody will pay more at the pump.” — Daniel Ashworth'),
    ).toEqual([{ text: 'Nobody will pay more at the pump.', speaker: 'Daniel Ashworth' }]);
  });
});

describe('a quoted paragraph after a sentence that introduces a person', () => {
  it('takes the person the paragraph before introduced', () => {
    expect(
      direct(
        'Flood warden Ines Okafor has lived on Mill Road for forty years.',
        '“The water came up through the floor. We had ten minutes.”',
      ),
    ).toEqual([{ text: 'The water came up through the floor. We had ten minutes.', speaker: 'Ines Okafor' }]);
  });

  it('the last sentence of a long narrative paragraph introduces nobody', () => {
    expect(
      direct(
        'The council met on Monday. The pumps had failed twice. Nobody had repaired them. Flood warden Ines Okafor chaired the meeting.',
        '“The water came up through the floor. We had ten minutes.”',
      ),
    ).toEqual([]);
  });
});
