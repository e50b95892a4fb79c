// The language pack: chosen from the article's language, and the source of the
// conventions the text stages read (quote marks, abbreviations).

import { describe, expect, it } from 'vitest';
import { findNameMentions } from '../../src/extract/entities/mentions.ts';
import { nameParts } from '../../src/extract/entities/resolve.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { english } from '../../src/extract/language/en/index.ts';
import { chooseLanguagePack, type LanguagePack } from '../../src/extract/language/index.ts';
import { analyseText } from '../../src/extract/text/document.ts';

describe('choosing a language pack', () => {
  it('reads a regional tag with its language’s pack', () => {
    expect(chooseLanguagePack('en-GB')).toEqual({ pack: english, declared: 'en-gb', fellBack: false });
  });

  it('reads an article that declares no language as English, without calling it a fallback', () => {
    expect(chooseLanguagePack(null)).toEqual({ pack: english, declared: null, fellBack: false });
  });

  it('reads a language it has no pack for as English, and records that it fell back', () => {
    expect(chooseLanguagePack('fr-CA')).toEqual({ pack: english, declared: 'fr-ca', fellBack: true });
  });

  it('reports the choice on the extracted article, the caller’s language winning over the page’s', () => {
    const html = '<html lang="de"><body><article><p>“We will open in May,” said Anna Berg.</p></article></body></html>';
    expect(extractArticle({ html }).readAs).toEqual({ language: 'en', declared: 'de', fellBack: true });
    expect(extractArticle({ html, language: 'en-US' }).readAs).toEqual({
      language: 'en',
      declared: 'en-us',
      fellBack: false,
    });
  });
});

describe('the text stages read the pack they are handed', () => {
  it('finds quotations with the pack’s opening and closing marks', () => {
    const paragraph = '「We will open in May,」 said Anna Berg.';
    expect(analyseText([paragraph], english).quotes).toHaveLength(0);
    const cornerBrackets: LanguagePack = {
      ...english,
      quoteMarks: { ...english.quoteMarks, opening: ['「'], closing: ['」'] },
    };
    const [span] = analyseText([paragraph], cornerBrackets).quotes;
    expect(span && paragraph.slice(span.textStart, span.textEnd)).toBe('We will open in May,');
  });

  it('ends sentences where the pack’s abbreviations allow', () => {
    const paragraph = 'The inquiry met Gov. Hale on Monday. It adjourned.';
    expect(analyseText([paragraph], english).sentences).toHaveLength(2);
    const noAbbreviations: LanguagePack = {
      ...english,
      abbreviations: { ...english.abbreviations, nonFinal: new Set() },
    };
    expect(analyseText([paragraph], noAbbreviations).sentences).toHaveLength(3);
  });
});

describe('the entity stages read the pack they are handed', () => {
  const names = (paragraph: string, pack: LanguagePack) =>
    findNameMentions(analyseText([paragraph], pack)).map((m) => m.name);

  it('keeps a particle inside a name only when the pack lists it', () => {
    const paragraph = 'The concert closed with a sonata by Ludwig van Beethoven on Friday.';
    expect(names(paragraph, english)).toContain('Ludwig van Beethoven');
    const noParticles: LanguagePack = { ...english, names: { ...english.names, particles: new Set() } };
    expect(names(paragraph, noParticles)).not.toContain('Ludwig van Beethoven');
  });

  it('starts a surname at a particle, but not at one that joins two surnames', () => {
    expect(nameParts(['Ludwig', 'van', 'Beethoven'], english).surname).toBe('van beethoven');
    expect(nameParts(['Gabriel', 'García', 'y', 'Márquez'], english)).toMatchObject({
      given: 'gabriel',
      surname: 'márquez',
    });
    expect(english.names.particles.has('y')).toBe(true);
  });
});
