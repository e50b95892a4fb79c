// Every registered house style is read: the extractor finds the quotation and
// speaker of each of the style's own examples. A new style is covered by adding
// its file, with examples, to the registry.

import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';
import { DATELINE_STYLES, HOUSE_STYLES, startsWithDateline } from '../../src/extract/styles/index.ts';

describe('the house style registry', () => {
  it('names each style once and gives each at least one example', () => {
    const names = HOUSE_STYLES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of HOUSE_STYLES) expect(s.examples.length, s.name).toBeGreaterThan(0);
  });

  for (const style of HOUSE_STYLES) {
    describe(`${style.name}: ${style.describes}`, () => {
      for (const example of style.examples) {
        it(`finds “${example.quote}” by ${example.speaker}`, () => {
          const found = extractArticle({ text: example.text }).quotes.map((q) => ({
            text: q.text,
            speaker: q.speaker?.name ?? null,
          }));
          expect(found).toContainEqual({ text: example.quote, speaker: example.speaker });
        });
      }
    });
  }

  for (const style of DATELINE_STYLES) {
    it(`${style.name}: its examples open with a dateline the registry recognises`, () => {
      for (const example of style.examples) {
        const opening = example.text.split('\n\n')[0] ?? '';
        expect(style.opening.test(opening), opening).toBe(true);
        expect(startsWithDateline(opening)).toBe(true);
        // The marks rule paragraphs out before the pattern is tried: a dateline without one would go unread.
        expect(
          style.marks.some((mark) => opening.includes(mark)),
          opening,
        ).toBe(true);
      }
    });
  }
});
