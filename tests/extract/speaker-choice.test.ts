// Choosing the speaker: a street or place never speaks, participles are not
// speech verbs, "the defendant" and "the mum of three" are people the story has
// named, a role written before the name ("A JUDGE … Judge Helen Marsh") is that
// person, and in "NAME of ORG said" the speaker is NAME.

import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';

function speakers(...paragraphs: string[]) {
  const article = extractArticle({ text: ['Court and council news', ...paragraphs].join('\n\n') });
  for (const q of article.quotes) expect(article.body.slice(q.start, q.end)).toBe(q.text);
  return article.quotes.map((q) => ({ text: q.text, speaker: q.speaker?.name ?? null }));
}

describe('speaker choice', () => {
  it('a street is never the speaker', () => {
    const found = speakers(
      'The owner of a café on Quay Street says a 40 per cent rent rise will force her to close.',
      'Zoë Fernández, 51, has run the café for twelve years.',
    );
    expect(found).toEqual([{ text: 'a 40 per cent rent rise will force her to close', speaker: 'Zoë Fernández' }]);
  });

  it('a two-word street read as a name is not the speaker either: "the owner of a shop on Elm Grove said"', () => {
    const found = speakers(
      'The owner of a shop on Elm Grove said the street had no working lights. Rita Mann, 58, has run the shop for thirty years.',
    );
    expect(found).toEqual([{ text: 'the street had no working lights', speaker: 'Rita Mann' }]);
  });

  it('a place before "said" in a long noun phrase is not the speaker either', () => {
    const found = speakers('A resident of Mill Lane in Denholm said the buses had stopped running.');
    expect(found.map((q) => q.speaker)).not.toContain('Mill Lane');
    expect(found.map((q) => q.speaker)).not.toContain('Denholm');
  });

  it('in "NAME of ORG said" the speaker is NAME, and "she" after is NAME', () => {
    expect(
      speakers(
        'Analyst Fiona Marsh of Hollis Capital said the warning was worse than expected. "Cocoa was a known risk," she said.',
      ),
    ).toEqual([
      { text: 'the warning was worse than expected', speaker: 'Fiona Marsh' },
      { text: 'Cocoa was a known risk,', speaker: 'Fiona Marsh' },
    ]);
  });

  it('a gender the lexicon cannot give is read from "he" and "she" after the name, and "she said" skips the man', () => {
    const found = speakers(
      'Zorvath Quill runs the harbour trust. She took over the trust in March.',
      'Kelbrin Osk owns the ferry company. He bought it in 2010.',
      '“We will reopen the quay by Friday,” she said.',
    );
    expect(found).toEqual([{ text: 'We will reopen the quay by Friday,', speaker: 'Zorvath Quill' }]);
  });

  it('"the defendant" is the person the report is about', () => {
    const found = speakers(
      'A JUDGE has jailed a man who set fire to a takeaway.',
      'Liam Carver, 34, of Harbour Road, admitted arson at Lowestead Crown Court. Judge Helen Marsh told him: "You put a family at risk."',
      'Prosecutor Tom Bell said the fire had started shortly after midnight.',
      'The defendant told the court he was "deeply ashamed".',
    );
    expect(found.find((q) => q.text === 'deeply ashamed')?.speaker).toBe('Liam Carver');
  });

  it('"the judge" after "A JUDGE" and "Judge Helen Marsh" is Helen Marsh, and JUDGE is nobody', () => {
    const article = extractArticle({
      text: [
        'Takeaway arson',
        'A JUDGE has jailed a man who set fire to a takeaway.',
        'Judge Helen Marsh told Liam Carver that he had put a family at risk.',
        'Jailing him for six years, the judge said only a custodial sentence could be justified.',
      ].join('\n\n'),
    });
    expect(article.quotes.find((q) => q.text.startsWith('only a custodial'))?.speaker?.name).toBe('Helen Marsh');
    expect(article.people.map((p) => p.name)).not.toContain('JUDGE');
  });

  it('"the mum of three said" is the woman named just before', () => {
    expect(
      speakers(
        'Her daughter, Carol Pennington, said her mother had known every family by name.',
        '"Mum never took a day off sick in her life," the mum of three said.',
      ).map((q) => q.speaker),
    ).toEqual(['Carol Pennington', 'Carol Pennington']);
  });

  it('"the man" is the last man mentioned, named or not', () => {
    const found = speakers(
      'Police arrested Tom Reed, 52, on Sunday.',
      '"I was nowhere near the shop," the man told officers.',
    );
    expect(found).toEqual([{ text: 'I was nowhere near the shop,', speaker: 'Tom Reed' }]);
  });

  it('the Attorney-General is the person named with that title after', () => {
    const found = speakers(
      'The Attorney-General said the law would be changed before the summer.',
      'Attorney-General Sarah Quinn made the announcement in Dublin.',
    );
    expect(found).toEqual([{ text: 'the law would be changed before the summer', speaker: 'Sarah Quinn' }]);
  });

  it('participles are not speech verbs: "accused", "declared"', () => {
    expect(speakers('Tom Reed, 52, accused of stealing the van, denied that he had been in Leeds.')).toEqual([
      { text: 'he had been in Leeds', speaker: 'Tom Reed' },
    ]);
    expect(
      speakers('Police said Tom Reed, accused of stealing the van, had been released on bail.').map((q) => q.text),
    ).toEqual(['Tom Reed, accused of stealing the van, had been released on bail']);
    expect(speakers('Anna Voss, declared the winner on Friday, said the count had been fair.')).toEqual([
      { text: 'the count had been fair', speaker: 'Anna Voss' },
    ]);
    expect(speakers('Tom Reed, accused of the robbery, appeared in court on Monday.')).toEqual([]);
  });
});
