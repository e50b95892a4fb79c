import { isCueAt } from '../../text/article-index.ts';
import { cueText } from '../explicit.ts';
import { subjectBefore } from '../speaker-phrase.ts';
import type { QuotationPattern } from './unit.ts';

const ATTRIBUTION_TAIL =
  /^(in|a|an|the|on|at|to|statement|interview|email|release|post|tweet|reporters|today|yesterday|later|earlier|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

export const previousSentence: QuotationPattern = {
  name: 'previous-sentence',
  reads: 'quotation',
  matches: 'Sam Lau, the party\'s spokesman, said in a statement. "…" (a sentence that ends in its attribution)',
  speaker: 'the subject of the speech verb ending the sentence before',
  confidence: 0.92,
  examples: [
    {
      text: 'Oskar Lindqvist, the union’s treasurer, said in a statement. “There is no deficit and there never was.”',
      quote: 'There is no deficit and there never was.',
      speaker: 'Oskar Lindqvist',
    },
  ],
  attribute(index, w) {
    const lang = index.doc.language;
    const { tokens, sentences } = index.doc;
    if (w.open !== w.sentenceFirst) return null;
    const previous = sentences[w.sentence - 1];
    const current = sentences[w.sentence];
    if (!previous || !current || previous.paragraph !== current.paragraph) return null;
    for (let c = previous.endToken - 1; c >= previous.firstToken && previous.endToken - c <= 8; c--) {
      const t = tokens[c];
      if (!t || t.quote >= 0) return null;
      if (!isCueAt(tokens, c, lang)) continue;
      const tail = tokens.slice(c + 1, previous.endToken).filter((x) => x.isWord);
      if (tail.some((x) => !ATTRIBUTION_TAIL.test(x.lower))) return null;
      const phrase = subjectBefore(index, c, previous.firstToken);
      return phrase ? { phrase, pattern: 'leading', cue: cueText(tokens, c) } : null;
    }
    return null;
  },
};
