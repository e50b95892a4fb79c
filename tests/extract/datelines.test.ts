// Datelines are read through the house-style registry (src/extract/styles/):
// wherever the extractor asks "does a dateline open this paragraph?", a style
// in the registry answers. An agency dateline with no dash ("Pune, Mar 4 (PTI)")
// is therefore skipped in a reported clause and its place is not a name, as a
// shouted one ("CALDER BAY, Maine (AP) —") always was.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';
import { runs } from '../support/property.ts';

// Some places are shaped like a person's name: only the dateline says they are places.
// Some are written with capitals outside A–Z ("SÃO TOMÉ" when shouted).
const PLACES = ['Kochi', 'Lagos', 'Port Calder', 'Hollis Springs', 'Charles Town', 'James Bay', 'São Tomé', 'Zürich'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Sept', 'March', 'August'];
const AGENCIES = ['PTI', 'NAN', 'UNI', 'KNA'];
const SPEAKERS = [
  { said: 'chairman Ravi Menon', name: 'Ravi Menon' },
  { said: 'Minister Bola Adeyemi', name: 'Bola Adeyemi' },
  { said: 'harbour master Tom Reyes', name: 'Tom Reyes' },
];
const CLAUSES = [
  'The port trust will double berthing fees from April',
  'Fuel queues will be gone within a week',
  'The bridge on the northern road will reopen on Friday',
];
const CUES = ['said on Monday', 'told reporters', 'said'];

type StoryCase = {
  place: string;
  month: string;
  day: number;
  agency: string;
  speaker: { said: string; name: string };
  clause: string;
  cue: string;
  shouted: boolean;
};

const agencyStory: fc.Arbitrary<StoryCase> = fc.record({
  place: fc.constantFrom(...PLACES),
  month: fc.constantFrom(...MONTHS),
  day: fc.integer({ min: 1, max: 28 }),
  agency: fc.constantFrom(...AGENCIES),
  speaker: fc.constantFrom(...SPEAKERS),
  clause: fc.constantFrom(...CLAUSES),
  cue: fc.constantFrom(...CUES),
  shouted: fc.boolean(),
});

function story(s: StoryCase): string {
  const dateline = s.shouted
    ? `${s.place.toUpperCase()}, ${s.month} ${s.day} (${s.agency}) —`
    : `${s.place}, ${s.month} ${s.day} (${s.agency})`;
  return [
    'Harbour fees will double next year',
    `${dateline} ${s.clause}, ${s.speaker.said} ${s.cue}.`,
    'Shipping lines said they would pass the cost on.',
  ].join('\n\n');
}

describe('datelines read through the house-style registry', () => {
  it('an agency dateline with no dash is not part of the clause reported after it', () => {
    const text =
      'Harbour fees will double next year\n\nKochi, Feb 11 (PTI) The port trust will double berthing fees from April, chairman Ravi Menon said on Monday.\n\nShipping lines said they would pass the cost on.';
    const quotes = extractArticle({ text }).quotes.map((q) => ({ text: q.text, speaker: q.speaker?.name ?? null }));
    expect(quotes).toEqual([{ text: 'The port trust will double berthing fees from April', speaker: 'Ravi Menon' }]);
  });

  it('a place shaped like a name in an agency dateline is not the speaker a later "he" refers to', () => {
    const text =
      'Harbour fees will double next year\n\nCharles Town, Feb 11 (PTI) Berthing fees will double from April, the chairman of the port trust said on Monday.\n\n"We had no choice," he said.';
    const article = extractArticle({ text });
    expect(article.people.map((p) => p.name)).not.toContain('Charles Town');
    for (const q of article.quotes) expect(q.speaker?.name ?? null).not.toBe('Charles Town');
  });

  it('in either style, the reported clause starts after the dateline and the dateline names nobody', () => {
    fc.assert(
      fc.property(agencyStory, (s) => {
        const article = extractArticle({ text: story(s) });
        const quotes = article.quotes.map((q) => ({ text: q.text, speaker: q.speaker?.name ?? null }));
        expect(quotes).toContainEqual({ text: s.clause, speaker: s.speaker.name });
        for (const q of article.quotes) expect(q.text).not.toContain(`(${s.agency})`);
        const names = [...article.people.map((p) => p.name), ...article.organizations.map((o) => o.name)];
        expect(names.map((n) => n.toLowerCase())).not.toContain(s.place.toLowerCase());
      }),
      { numRuns: runs(40) },
    );
  });
});
