// Reported speech in the shapes wire, police, court and science copy use:
// a long clause before ", ORG said", "As …, police said", cues in relative
// clauses and infinitives, "also said", "disclosed that", "according to a
// statement from ORG", "said Tuesday", and two reports in one sentence.

import { describe, expect, it } from 'vitest';
import { articleReader } from '../support/articles.ts';

const read = articleReader('Mine rescue under way');

function reports(...paragraphs: string[]) {
  const article = read(...paragraphs);
  // An unresolved speaker is scored by its words ("police"): report those.
  return article.quotes
    .filter((q) => q.kind === 'indirect')
    .map((q) => ({ text: q.text, speaker: q.speaker?.name ?? q.speakerLabel }));
}

describe('reported speech shapes', () => {
  it('a long clause before ", the company said" in wire copy is the company, not the agency in the dateline', () => {
    expect(
      reports(
        'BUTTE, Mont. (AP) — Rescuers reached seven miners trapped in the Silver Bell mine on Tuesday.',
        'The men had sealed themselves into a refuge chamber with air and water for four days before the pumps reached them, the company said in a statement.',
        'Harlan Mining Co. runs the mine.',
      ).slice(-1),
    ).toEqual([
      {
        text: 'The men had sealed themselves into a refuge chamber with air and water for four days before the pumps reached them',
        speaker: 'Harlan Mining',
      },
    ]);
  });

  it('"As …, police said CLAUSE" reports what follows the cue', () => {
    expect(
      reports(
        'Northshire Police closed Kingsway on Sunday.',
        'As officers closed the road for five hours, police said the driver of the van had stopped at the scene.',
      ).slice(-1),
    ).toEqual([{ text: 'the driver of the van had stopped at the scene', speaker: 'police' }]);
  });

  it('a cue in a relative clause: "who added that …"', () => {
    expect(
      reports('The study was led by Dr Elena Marsh, who added that the bees learned faster in warm weather.'),
    ).toEqual([{ text: 'the bees learned faster in warm weather', speaker: 'Elena Marsh' }]);
  });

  it('a cue in an infinitive: "was the first to admit that …", "was quick to point out that …"', () => {
    expect(reports('Professor Ken Adeyemi was the first to admit that he had doubted such results.')).toEqual([
      { text: 'he had doubted such results', speaker: 'Ken Adeyemi' },
    ]);
    expect(
      reports(
        'Professor Ken Adeyemi, a zoologist who was not involved, was quick to admit that he had doubted such results.',
      ),
    ).toEqual([{ text: 'he had doubted such results', speaker: 'Ken Adeyemi' }]);
  });

  it('"X also said …"', () => {
    expect(
      reports(
        'Minister Rakesh Deshmukh opened the line on Monday.',
        'Deshmukh also said the fares would stay the same.',
      ),
    ).toEqual([{ text: 'the fares would stay the same', speaker: 'Rakesh Deshmukh' }]);
  });

  it('"disclosed that …"', () => {
    expect(reports('Minister Rakesh Deshmukh disclosed that safety trials had been completed last week.')).toEqual([
      { text: 'safety trials had been completed last week', speaker: 'Rakesh Deshmukh' },
    ]);
  });

  it('"according to an update from ORG" speaks for the organization', () => {
    expect(reports('Eleven of the fourteen stations are ready, according to an update from Maha Metro.')).toEqual([
      { text: 'Eleven of the fourteen stations are ready', speaker: 'Maha Metro' },
    ]);
    expect(reports('According to an update from Maha Metro, eleven of the fourteen stations are ready.')).toEqual([
      { text: 'eleven of the fourteen stations are ready', speaker: 'Maha Metro' },
    ]);
  });

  it('"according to a statement from ORG" speaks for the organization', () => {
    expect(
      reports('The flooding began after a wall gave way, according to a statement from the Montana Bureau of Mines.'),
    ).toEqual([{ text: 'The flooding began after a wall gave way', speaker: 'Montana Bureau of Mines' }]);
  });

  it('"said Tuesday" with a day for a time phrase', () => {
    expect(reports('Mine manager Dale Whitcombe said Tuesday the men would be taken to a hospital in Butte.')).toEqual([
      { text: 'the men would be taken to a hospital in Butte', speaker: 'Dale Whitcombe' },
    ]);
  });

  it('two reports in one sentence', () => {
    expect(
      reports(
        'Mine manager Dale Whitcombe said the men were walking, and State Sen. Ruth Alvarado said she would ask for an inquiry.',
      ),
    ).toEqual([
      { text: 'the men were walking', speaker: 'Dale Whitcombe' },
      { text: 'she would ask for an inquiry', speaker: 'Ruth Alvarado' },
    ]);
  });
});
