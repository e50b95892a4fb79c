// The seed article end to end: a scraped celebrity-news page with its site
// furniture, read from ../shared (outside the repository, where real articles
// stay). Skipped, with a message, only when that directory is absent.

import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExtractedArticle, extractArticle } from '../../src/extract/index.ts';
import { sharedPath } from '../support/shared.ts';

const seedPath = sharedPath('seed', 'sony-north-korea-2014.txt');
const seedAvailable = existsSync(seedPath);
if (!seedAvailable) console.warn(`seed article not found at ${seedPath}: skipping the seed end-to-end tests`);

describe.skipIf(!seedAvailable)('the seed article (North Korea and the Sony attack)', () => {
  let article: ExtractedArticle;
  beforeAll(() => {
    article = extractArticle({ text: readFileSync(seedPath, 'utf8') });
  });

  const quote = (start: string) => {
    const found = article.quotes.find((q) => q.text.startsWith(start));
    if (!found) throw new Error(`no quote starting "${start}"`);
    return found;
  };

  it('reads the headline, dek and image caption out of the page header', () => {
    expect(article.title).toBe('North Korea Claims It Is Not Responsible for Sony Attack, Wants Probe Investigation');
    expect(article.dek).toBe(
      'North Korea claims it is not responsible for the Sony attack, wants to help the U.S. find the real culprit -- get the details',
    );
    expect(article.imageCaption).toBe('Seth Rogan and James Franco');
  });

  it('keeps the article paragraphs and drops site furniture and related-link lines', () => {
    expect(article.body.startsWith('Another day, another Sony development.')).toBe(true);
    expect(article.body.endsWith('with other rival countries.')).toBe(true);
    for (const furniture of [
      'Already have an account?',
      'Get back to the',
      'In this article',
      'Got a tip for US?',
      'Got a Tip form close button',
      "We're All Ears",
      'Related:',
      'PHOTOS:',
    ]) {
      expect(article.body).not.toContain(furniture);
    }
    expect(article.body.split('\n\n')).toHaveLength(5);
  });

  it('collects the four related photo galleries as links', () => {
    expect(article.relatedLinks).toEqual([
      { title: 'PHOTOS: The biggest scandals in 2014 so far', url: null, kind: 'photos' },
      { title: 'PHOTOS: Biggest celebrity feuds', url: null, kind: 'photos' },
      { title: "PHOTOS: Stars' shocking confessions", url: null, kind: 'photos' },
      { title: 'PHOTOS: Celebrity meltdowns', url: null, kind: 'photos' },
    ]);
  });

  it('finds every quotation with its kind and speaker', () => {
    const summary = article.quotes.map((q) => [q.kind, q.text.slice(0, 30), q.speaker?.name ?? null, q.speakerLabel]);
    expect(summary).toEqual([
      ['indirect', 'it had nothing to do with the ', 'North Korea', 'North Korea'],
      [
        'indirect',
        'the country can prove its inno',
        'North Korean Foreign Ministry',
        'An unidentified Foreign Ministry spokesman',
      ],
      ['direct', 'The U.S. should bear in mind t', 'North Korean Foreign Ministry', 'the spokesman'],
      ['direct', 'We have a way to prove that we', 'North Korean Foreign Ministry', 'the spokesman'],
      ['indirect', 'North Korea was behind the Nov', 'FBI', 'FBI'],
      ['partial', 'mistake', 'Barack Obama', 'President Barack Obama'],
      ['direct', 'I wish Sony had spoken to me f', 'Barack Obama', 'Obama'],
      ['direct', 'If somebody is able to intimid', 'Barack Obama', 'Obama'],
      ['indirect', 'the proposition to be just a p', null, 'analysts'],
      ['indirect', 'it is a tactic North Korea has', 'Koh Yu-hwan', 'Koh Yu-hwan'],
    ]);
  });

  it('gives each quotation exact offsets into the body, a cue and a confidence', () => {
    for (const q of article.quotes) {
      expect(article.body.slice(q.start, q.end)).toBe(q.text);
      expect(q.cue).toBeTruthy();
      expect(q.confidence).toBeGreaterThan(0);
      expect(q.confidence).toBeLessThanOrEqual(1);
    }
    expect(quote('The U.S. should bear').text.endsWith('finding fault with,')).toBe(true);
    expect(quote('If somebody is able').text.endsWith("That's not what America's about.")).toBe(true);
  });

  it('types the unnamed spokesman as the organization he speaks for', () => {
    expect(quote('We have a way').speaker).toEqual({ name: 'North Korean Foreign Ministry', type: 'organization' });
    expect(quote('mistake').speaker).toEqual({ name: 'Barack Obama', type: 'person' });
  });

  it('lists people under canonical names, with aliases, merged misspellings and roles', () => {
    const person = (name: string) => article.people.find((p) => p.name === name);
    expect(person('Barack Obama')?.aliases).toContain('Obama');
    expect(person('Barack Obama')?.roles).toContain('President');
    expect(person('Barack Obama')?.mentions).toBe(2);
    expect(person('Seth Rogen')?.aliases).toContain('Seth Rogan');
    expect(article.people.some((p) => p.name === 'Seth Rogan')).toBe(false);
    expect(person('Koh Yu-hwan')?.roles).toContain('professor');
    expect(person('James Franco')).toBeDefined();
    expect(person('Kim Jong-un')).toBeDefined();
    const obama = person('Barack Obama');
    expect(obama && article.body.slice(obama.firstOffset).startsWith('President Barack Obama')).toBe(true);
  });

  it('lists organizations with canonical names and the short forms seen', () => {
    const org = (name: string) => article.organizations.find((o) => o.name === name);
    expect(org('Associated Press')?.aliases).toContain('AP');
    expect(org('Associated Press')?.kind).toBe('media');
    expect(org('Dongguk University')?.kind).toBe('university');
    expect(org('North Korean Foreign Ministry')?.aliases).toContain('Foreign Ministry');
    for (const name of ['FBI', 'CIA', 'Sony Pictures', 'White House']) expect(org(name)).toBeDefined();
  });

  it('records who works where: the professor and the spokesman', () => {
    expect(article.affiliations).toContainEqual({
      person: 'Koh Yu-hwan',
      organization: 'Dongguk University',
      role: 'professor',
    });
    expect(article.affiliations).toContainEqual({
      person: 'unidentified Foreign Ministry spokesman',
      organization: 'North Korean Foreign Ministry',
      role: 'spokesman',
      unnamed: true,
    });
  });
});
