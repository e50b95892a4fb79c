// Page segmentation in plain text: a wire dateline or a paragraph holding a
// quotation opens the story and is never the dek (so its quotes are read), and
// a timestamp or a "|" line is never the headline.

import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';

function read(text: string) {
  const a = extractArticle({ text });
  return { title: a.title, dek: a.dek, first: a.body.split('\n\n')[0], quotes: a.quotes.map((q) => q.text) };
}

describe('page segmentation', () => {
  it('an Indian wire dateline "City, Mon D (PTI)" opens the story, not the dek', () => {
    const page = read(
      [
        'Second metro line to open in June',
        'Pune, Mar 4 (PTI) Urban Development Minister Rakesh Deshmukh said the second line of the Pune metro will open in June',
        'Deshmukh said fares would be the same as on the first line.',
      ].join('\n'),
    );
    expect(page.dek).toBeNull();
    expect(page.first).toMatch(/^Pune, Mar 4 \(PTI\)/);
    expect(page.quotes).toContain('the second line of the Pune metro will open in June');
  });

  it('an AP dateline in the headline’s block opens the story', () => {
    const page = read(
      [
        'Rescuers reach trapped miners',
        'CALDERWOOD, Mont. (AP) — Rescuers reached seven miners on Tuesday, officials said',
        '',
        'The men were walking, the company said.',
      ].join('\n'),
    );
    expect(page.dek).toBeNull();
    expect(page.first).toMatch(/^CALDERWOOD/);
  });

  it('a paragraph holding a single-quoted quotation is never the dek', () => {
    const page = read(
      [
        'Council scraps bypass',
        '‘We have simply run out of road,’ council leader Margaret Hale said',
        '',
        'The council met on Monday.',
      ].join('\n'),
    );
    expect(page.dek).toBeNull();
    expect(page.quotes).toContain('We have simply run out of road,');
  });

  it('a dek may still put a word in quote marks', () => {
    const page = read(
      [
        'Council scraps bypass',
        "Margaret Hale said the scheme had been 'shelved' but not abandoned",
        '',
        'The council met on Monday.',
      ].join('\n'),
    );
    expect(page.dek).toBe("Margaret Hale said the scheme had been 'shelved' but not abandoned");
  });

  it('a timestamp line is never the headline', () => {
    const page = read(
      [
        'Updated 10:32 GMT',
        'Budget day live: chancellor sets out tax plans',
        '',
        'The chancellor, Daniel Ashworth, said taxes would not rise.',
      ].join('\n'),
    );
    expect(page.title).toBe('Budget day live: chancellor sets out tax plans');
  });

  it('a live-blog entry with a "|" is never the headline', () => {
    const page = read(
      [
        '09:02 | Good morning and welcome to our live coverage of budget day.',
        '',
        '10:15 | The chancellor, Daniel Ashworth, said taxes would not rise.',
      ].join('\n'),
    );
    expect(page.title).toBeNull();
    expect(page.first).toMatch(/^09:02 \| Good morning/);
  });

  it('a "Section | Site" line above the headline is not the headline', () => {
    const page = read(
      [
        'Politics | The Northshire Courier',
        'Budget day live: chancellor sets out tax plans',
        '',
        'The chancellor, Daniel Ashworth, said taxes would not rise.',
      ].join('\n'),
    );
    expect(page.title).toBe('Budget day live: chancellor sets out tax plans');
  });
});
