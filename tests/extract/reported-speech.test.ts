// Reported speech without quote marks: only clear shapes count as quotes.

import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';
import { articleReader } from '../support/articles.ts';

const read = articleReader('Quarry expansion divides the valley');

function indirect(...paragraphs: string[]) {
  const article = read(...paragraphs);
  return article.quotes
    .filter((q) => q.kind === 'indirect')
    .map((q) => ({ text: q.text, speaker: q.speaker?.name ?? null, label: q.speakerLabel, cue: q.cue }));
}

describe('reported speech', () => {
  it('X said that …', () => {
    expect(indirect('Police Chief Ray Alvarez said that the valley road would reopen on Friday.')).toEqual([
      {
        text: 'the valley road would reopen on Friday',
        speaker: 'Ray Alvarez',
        label: 'Police Chief Ray Alvarez',
        cue: 'said',
      },
    ]);
  });

  it('X said …, without "that", after a time phrase', () => {
    expect(indirect('Geologist Irene Kovacs said on Monday the blasting had cracked two wells.')[0]).toMatchObject({
      text: 'the blasting had cracked two wells',
      speaker: 'Irene Kovacs',
    });
  });

  it('X told reporters (that) …', () => {
    expect(indirect('Developer Sam Whitlock told reporters the quarry would employ forty people.')[0]).toMatchObject({
      text: 'the quarry would employ forty people',
      speaker: 'Sam Whitlock',
      cue: 'told',
    });
  });

  it('…, X said.', () => {
    expect(
      indirect('The permit was issued without a public hearing, council member Rosa Delgado said.')[0],
    ).toMatchObject({
      text: 'The permit was issued without a public hearing',
      speaker: 'Rosa Delgado',
    });
  });

  it('…, according to X.', () => {
    expect(
      indirect('Dust levels doubled over the summer, according to the Environmental Protection Agency.')[0],
    ).toMatchObject({
      text: 'Dust levels doubled over the summer',
      speaker: 'EPA',
      cue: 'according to',
    });
  });

  it('According to X, …', () => {
    expect(indirect('According to the county clerk, the petition has 4,000 signatures.')[0]).toMatchObject({
      text: 'the petition has 4,000 signatures',
      label: 'the county clerk',
      cue: 'according to',
    });
  });

  it('an attribution that interrupts the clause', () => {
    expect(indirect('The noise, Ms. Delgado added, starts before six every morning.')[0]).toMatchObject({
      text: 'The noise, Ms. Delgado added, starts before six every morning',
      speaker: 'Delgado',
    });
  });

  it('"he said" in reported speech follows the person in focus', () => {
    expect(
      indirect('Farmer Walter Haines has lived next to the quarry for thirty years. He said the trucks never stop.')[0],
    ).toMatchObject({
      text: 'the trucks never stop',
      speaker: 'Walter Haines',
      label: 'He',
    });
  });

  it('is not found after a verb that takes an object and goes on with "and"', () => {
    expect(
      indirect('County Executive Dana Pruett declared a state of emergency and opened two warming centers.'),
    ).toEqual([]);
  });

  it('"the utility said", "the district said": nouns for a body the story named', () => {
    const found = indirect(
      'Northern Vale Electric restored power to most homes. The utility said the rest would have power by Tuesday night.',
      'The Ashby School District closed two schools. The district said it would hold meetings in March.',
    );
    expect(found.map((q) => q.speaker)).toEqual(['Northern Vale Electric', 'Ashby School District']);
  });

  it('is not found where there is no speech', () => {
    expect(indirect('The quarry opened in 1962 and closed briefly during the 1980s.')).toEqual([]);
    expect(indirect('He was told to wait outside.')).toEqual([]);
    expect(indirect('The so-called safety report ran to nine pages.')).toEqual([]);
  });

  it('leaves sentences with quotation marks to the quotation stage', () => {
    const article = extractArticle({ text: 'Quarry vote\n\nMayor Eli Strand said, "We will vote in June."' });
    expect(article.quotes.map((q) => q.kind)).toEqual(['direct']);
  });
});
