import { firstSubject } from '../speaker-phrase.ts';
import type { QuotationPattern } from './unit.ts';

export const colonParagraph: QuotationPattern = {
  name: 'colon-paragraph',
  reads: 'quotation',
  matches: 'He then listed the qualities:  followed by a paragraph that opens with a quote mark',
  speaker: 'the subject of the sentence that ends in the colon',
  confidence: 0.92,
  examples: [
    {
      text: 'Roof appeal\n\nGreta Mwangi then listed the repairs the school needs:\n\n“A roof that does not leak, and teachers who stay longer than a year.”',
      quote: 'A roof that does not leak, and teachers who stay longer than a year.',
      speaker: 'Greta Mwangi',
    },
  ],
  attribute(index, w) {
    const { doc } = index;
    const span = doc.quotes[w.quote];
    if (!span) return null;
    const previousSpan = doc.quotes[w.quote - 1];
    if (previousSpan?.paragraph === span.paragraph || !doc.opensWithQuote[span.paragraph]) return null;
    const previous = doc.paragraphs[span.paragraph - 1];
    if (!previous || previousSpan?.paragraph === span.paragraph - 1) return null;
    if (!doc.body.slice(previous.start, previous.end).trimEnd().endsWith(':')) return null;
    const lastToken = doc.tokens[previous.endToken - 1];
    const sentence = lastToken ? doc.sentences[lastToken.sentence] : undefined;
    if (!sentence) return null;
    const phrase = firstSubject(index, sentence.firstToken, sentence.endToken);
    return phrase ? { phrase, pattern: 'leading', cue: null } : null;
  },
};
